/**
 * The S3 family: the one source of truth of S3 notification records, S3 EventBridge events and
 * `s3:TestEvent`. Mappers (`toS3Record`, `toS3EventBridgeEvent`) turn plain parts into events; id
 * generators (`s3RequestId` …) take a seeded `Random`.
 */
export * from './eventTypes.js';
export * from './keyCodec.js';
export * from './ids.js';
export * from './defaults.js';
export * from './validate.js';
export type * from './parts.js';
export type * from './types.js';
export { toS3Record } from './record.js';
export { toS3EventBridgeEvent, s3EventBridgeTypeOf } from './eventBridge.js';
