/**
 * aws-event-kit: realistic, typed, deterministic AWS Lambda test events.
 *
 * This root entry holds the factories, codecs and types. It imports neither fast-check
 * nor msw nor faker; see `aws-event-kit/arbitraries`, `aws-event-kit/pipes` and `aws-event-kit/msw`.
 * @packageDocumentation
 */
export { EventInputError } from './_internals/errors.js';
export type { DeepPartial, ReplacedWholeKey } from './_internals/overrides.js';
export { REPLACED_WHOLE } from './_internals/overrides.js';
export type { CommonOptions } from './_internals/options.js';
export type { AwsPartition } from './_internals/aws.js';
export type { JsonValue } from './_internals/json.js';

// One line per event family; each fixtures module exports its factories and the family's public codecs and types.
export * from '../fixtures/s3.js';
export * from '../fixtures/sqs.js';
export * from '../fixtures/sns.js';
export * from '../fixtures/kinesis.js';
export * from '../fixtures/dynamodb.js';
export * from '../fixtures/eventbridge.js';
export * from '../fixtures/cloudwatchLogs.js';
export * from '../fixtures/pipes.js';
export * from '../fixtures/lambda.js';
