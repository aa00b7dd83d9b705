/**
 * aws-event-kit/msw: in-process AWS services for msw (`^2.12 || ^3`). Requests from the real AWS
 * SDK v3 clients are answered by in-memory SQS and EventBridge, with Lambda-style subscriptions
 * driven deterministically by `mocks.drain()` on a virtual clock.
 * @example
 * const mocks = createAwsMocks();
 * const server = setupServer(...mocks.handlers);
 * server.listen({ onUnhandledRequest: 'error' });
 * @packageDocumentation
 */
export { createAwsMocks, type AwsMocks, type AwsMocksOptions } from './createAwsMocks.js';
export {
  awsTestClientConfig,
  type AwsTestClientConfig,
  type AwsTestClientConfigOptions,
  type HttpRequestHandlerLike,
} from './clientConfig.js';
export type { DeliveryWork, MockClock, MockContext, MockService } from './context.js';
export { DrainError, type DrainOptions, type DrainReport } from './_internals/scheduler.js';
export { FunctionTimeoutError } from './_internals/invoke.js';
export { Http2NotInterceptedError, installHttp2Guard } from './_internals/http2Guard.js';
export { S3_NOTIFICATION_EVENT_TYPES } from './s3/index.js';
export type {
  AwsLambdaS3Handler,
  S3CreateBucketOptions,
  S3FailedDelivery,
  S3FunctionDestination,
  S3Invocation,
  S3MockEventBridgeEvent,
  S3NotificationEvent,
  S3NotificationEventType,
  S3NotificationHandler,
  S3PutObjectOptions,
  S3QueueDestination,
  S3Service,
  S3StoredObject,
  S3SubscribeOptions,
  S3Subscription,
  S3TopicDestination,
  S3VersioningState,
} from './s3/index.js';
export type { S3ChangeEventName } from './s3/runtime.js';
export type { MessageState as SqsMessageState } from './sqs/queue.js';
export type { EnvelopeEvent as EventBridgeEnvelopeEvent } from './eventbridge/service.js';
export type { SubscribedHandler } from './_internals/lambdaContext.js';
export type {
  SqsHandler,
  SqsInvocation,
  SqsInvocationOutcome,
  SqsMessageSnapshot,
  SqsReceivedMessage,
  SqsQueueInfo,
  SqsSendOptions,
  SqsService,
  SqsSubscribeOptions,
  SqsSubscription,
} from './sqs/index.js';
export type {
  SnsFailedDelivery,
  SnsHandler,
  SnsInvocation,
  SnsPublishedMessage,
  SnsPublishOptions,
  SnsService,
  SnsSubscribeOptions,
  SnsSubscribeQueueOptions,
  SnsSubscription,
  SnsSubscriptionCounts,
  SnsTopicInfo,
} from './sns/index.js';
export {
  MAX_TARGETS_PER_RULE,
  parseSchedule,
  PUT_EVENTS_MAX_BYTES,
  PUT_EVENTS_RAISED_MAX_BYTES,
  retryDelayMs,
  TEST_EVENT_REQUIRED_FIELDS,
} from './eventbridge/index.js';
export type {
  PipeDefinition,
  PipeExecution,
  PipeFilteredRecord,
  PipeInfo,
  PipesService,
  PipeState,
} from './pipes/index.js';
export type {
  FailedDelivery,
  Schedule,
  DeliveredEvent,
  EventBridgeConfig,
  EventBridgeFilter,
  EventBridgeHandler,
  EventBridgeInvocation,
  EventBridgeService,
  EventBridgeSubscribeOptions,
  EventBridgeSubscription,
} from './eventbridge/index.js';
export type {
  KinesisCreateStreamOptions,
  KinesisHandler,
  KinesisRecordSnapshot,
  KinesisService,
  KinesisStreamInfo,
  KinesisSubscribeOptions,
} from './kinesis/index.js';
export type {
  DynamoDBCreateTableOptions,
  DynamoDBKeyInput,
  DynamoDBService,
  DynamoDBStreamHandler,
  DynamoDBTableInfo,
} from './dynamodb/index.js';
export { LAMBDA_ASYNC_REQUEST_LIMIT, LAMBDA_SYNC_REQUEST_LIMIT } from './lambda/index.js';
export type {
  FilteredRecord,
  LambdaAsyncFailure,
  LambdaEventSourceMapping,
  LambdaFunctionInfo,
  LambdaFunctionOptions,
  LambdaHandler,
  LambdaInvocationRecord,
  LambdaInvocationType,
  LambdaInvokeOptions,
  LambdaInvokeResult,
  LambdaService,
  LambdaTrigger,
} from './lambda/index.js';
export type {
  StreamBatchInfo,
  StreamFailureRecord,
  StreamHandler,
  StreamInvocation,
  StreamInvocationOutcome,
  StreamStartingPosition,
  StreamSubscribeOptions,
  StreamSubscription,
} from './_internals/streamDelivery.js';
