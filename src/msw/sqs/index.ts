/**
 * The in-memory SQS of the msw mocks: the JSON 1.0 protocol, test-side seeding and inspection,
 * and Lambda-style subscriptions driven by `mocks.drain()`.
 */
export { createSqsService } from './service.js';
export type { SqsMessageSnapshot, SqsQueueInfo, SqsReceivedMessage, SqsSendOptions, SqsService } from './service.js';
export type {
  SqsHandler,
  SqsInvocation,
  SqsInvocationOutcome,
  SqsSubscribeOptions,
  SqsSubscription,
} from './subscription.js';
