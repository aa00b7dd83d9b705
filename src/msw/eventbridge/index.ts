/**
 * The in-memory EventBridge service over awsJson1_1: buses, rules (event patterns and schedules),
 * targets (SQS, SNS, Kinesis, another bus, Lambda) with retries and dead-letter queues, PutEvents
 * routing every accepted entry through its bus's compiled rule set, TestEventPattern, and
 * subscriptions that play a rule with a Lambda target (asynchronous invocation with Lambda's two retries).
 */
export { createEventBridgeService } from './service.js';
export type {
  DeliveredEvent,
  EventBridgeConfig,
  EventBridgeFilter,
  EventBridgeHandler,
  EventBridgeInvocation,
  EventBridgeService,
  EventBridgeSubscribeOptions,
  EventBridgeSubscription,
} from './service.js';
export { PUT_EVENTS_MAX_BYTES, PUT_EVENTS_RAISED_MAX_BYTES } from './putEvents.js';
export { retryDelayMs } from './delivery.js';
export type { FailedDelivery } from './state.js';
export { parseSchedule } from './schedule.js';
export type { Schedule } from './schedule.js';
export { TEST_EVENT_REQUIRED_FIELDS } from './operations/events.js';
export { MAX_TARGETS_PER_RULE } from './operations/targets.js';
