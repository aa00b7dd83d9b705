/**
 * The in-memory DynamoDB with Streams: msw handlers for DynamoDB (JSON 1.0) and DynamoDB Streams
 * (JSON 1.0 on `streams.dynamodb.<region>`), test-side seeding and inspection, and Lambda-style
 * stream subscriptions (the shared stream event source mapping) driven by `mocks.drain()`.
 */
export { createDynamoDBService } from './service.js';
export type {
  DynamoDBCreateTableOptions,
  DynamoDBKeyInput,
  DynamoDBService,
  DynamoDBStreamHandler,
  DynamoDBTableInfo,
} from './service.js';
