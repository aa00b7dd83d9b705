/**
 * SNS: the one source of truth of the SNS event shapes. Parts types, the mappers (Lambda record,
 * JSON notification body, SQS delivery raw or not), ids, topics and URLs, signatures, validation
 * and the unwrap helpers. Used by the factories (`fixtures/sns.ts`), the arbitraries and the msw SNS mock.
 */
export type * from './types.js';
export * from './attributes.js';
export * from './ids.js';
export * from './limits.js';
export * from './record.js';
export * from './signature.js';
export * from './topic.js';
export * from './unwrap.js';
export * from './validate.js';
