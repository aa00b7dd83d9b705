/**
 * The in-memory Kinesis Data Streams of the msw mocks: the JSON 1.1 protocol (stream-name and
 * stream-ARN requests, including the account-specific `<account>.data-kinesis.<region>` and
 * `control-kinesis` hosts), test-side seeding and inspection, and Lambda-style subscriptions
 * (the shared stream event source mapping) driven by `mocks.drain()`.
 */
export { createKinesisService } from './service.js';
export type {
  KinesisCreateStreamOptions,
  KinesisHandler,
  KinesisRecordSnapshot,
  KinesisService,
  KinesisStreamInfo,
  KinesisSubscribeOptions,
} from './service.js';
