/**
 * The in-memory S3 of the msw mocks: REST-XML on AWS and custom hosts, objects with real MD5
 * eTags and verified checksums, multipart uploads, versioning, tagging, presigned URLs, and
 * notifications (subscribed handlers and saved notification configurations to the mocks' SQS,
 * SNS, Lambda and EventBridge) built by the S3 family's mapper.
 */
export { createS3Service } from './service.js';
export type {
  S3CreateBucketOptions,
  S3MockEventBridgeEvent,
  S3PutObjectOptions,
  S3Service,
  S3ServiceOptions,
  S3StoredObject,
} from './service.js';
export { S3_NOTIFICATION_EVENT_TYPES } from './notifications.js';
export type { S3FunctionDestination, S3QueueDestination, S3TopicDestination } from './notificationConfiguration.js';
export type {
  AwsLambdaS3Handler,
  S3FailedDelivery,
  S3Invocation,
  S3NotificationEvent,
  S3NotificationEventType,
  S3NotificationHandler,
  S3SubscribeOptions,
  S3Subscription,
} from './notifications.js';
export type { VersioningState as S3VersioningState } from './store.js';
