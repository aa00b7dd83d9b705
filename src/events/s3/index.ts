/**
 * The S3 family: the one source of truth of S3 notification records, S3 EventBridge events and
 * `s3:TestEvent`. Mappers (`toS3Record`, `toS3Event`, `toS3EventBridgeEvent`, `toS3TestEvent`)
 * turn plain parts into events; id generators (`s3RequestId` …) take a seeded `Random`.
 */
export * from './eventTypes.js';
export * from './keyCodec.js';
export * from './ids.js';
export * from './defaults.js';
export * from './validate.js';
export type * from './parts.js';
export type * from './types.js';
export { S3_EVENTBRIDGE_DETAIL_TYPES } from './types.js';
export { toS3Record, toS3Event, assertS3RecordParts, buildS3Record, s3BucketArn } from './record.js';
export {
  toS3EventBridgeEvent,
  assertS3EventBridgeParts,
  buildS3EventBridgeEvent,
  s3EventBridgeTypeOf,
  s3EventBridgeTraits,
  isS3EventBridgeDetailType,
  assertS3EventBridgeDetailType,
} from './eventBridge.js';
export type { S3EventBridgeType, S3EventBridgeTraits } from './eventBridge.js';
export { toS3TestEvent } from './testEvent.js';
export type { S3TestEventParts } from './testEvent.js';
