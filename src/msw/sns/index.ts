/**
 * The in-memory SNS service: msw handler for SNS's query protocol (what `@aws-sdk/client-sns`
 * speaks), test-side topics, publishing and Lambda-style subscriptions, fan-out to the SQS
 * queues of the same mocks with filter policies, run deterministically by `mocks.drain()`.
 */
export { createSnsService } from './service.js';
export type {
  SnsHandler,
  SnsPublishOptions,
  SnsService,
  SnsSubscribeOptions,
  SnsSubscribeQueueOptions,
  SnsSubscription,
  SnsTopicInfo,
} from './service.js';
export type { SnsPublishedMessage, SubscriptionCounts as SnsSubscriptionCounts } from './model.js';
export type { SnsFailedDelivery, SnsInvocation } from './state.js';
