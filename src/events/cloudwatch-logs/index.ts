/**
 * CloudWatch Logs subscriptions: the one source of truth of `awslogs` events (types, the
 * parts → payload mapper, the gzip/base64 codec, log event ids and input rules).
 */
export * from './types.js';
export * from './ids.js';
export * from './validate.js';
export * from './mapper.js';
