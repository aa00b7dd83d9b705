/**
 * aws-event-kit: realistic, typed, deterministic AWS Lambda test events.
 *
 * This root entry holds the factories, codecs and types. It imports neither fast-check
 * nor msw nor faker; see `aws-event-kit/arbitraries`, `aws-event-kit/pipes` and `aws-event-kit/msw`.
 *
 * Every public name is listed here by name: a helper exported between the kit's own modules is
 * not public until it is added below, and `api/index.api.md` records the result.
 * @packageDocumentation
 */
export { EventInputError } from './_internals/errors.js';
export type { DeepPartial, ReplacedWholeKey } from './_internals/overrides.js';
export { REPLACED_WHOLE } from './_internals/overrides.js';
export type { CommonOptions } from './_internals/options.js';
export type { AwsPartition } from './_internals/aws.js';
export type { JsonValue } from './_internals/json.js';

// One block per event family: its factories, then its public codecs, constants and types.

// S3
export {
  makeS3Event,
  makeS3PutEvent,
  makeS3DeleteEvent,
  makeS3EventBridgeEvent,
  makeS3TestEvent,
  encodeS3Key,
  decodeS3Key,
  s3BucketNameProblem,
  EMPTY_ETAG,
  S3_ACCESS_TIERS,
  S3_EVENTBRIDGE_DETAIL_TYPES,
  S3_EVENT_NAMES,
  S3_EVENT_TYPES,
  S3_EVENTBRIDGE_TYPES,
  S3_STORAGE_CLASSES,
} from '../fixtures/s3.js';
export type {
  S3AccessTier,
  S3DeleteMarkerEventName,
  S3DeleteMarkerObject,
  S3DeletionType,
  S3EventBridgeDetailBase,
  S3EventBridgeDetailOf,
  S3EventBridgeDetailType,
  S3EventBridgeEventOf,
  S3EventBridgeObjectNoSize,
  S3EventBridgeObjectWithSize,
  S3EventBridgeOptions,
  S3EventBridgeDetails,
  S3EventBridgeTraits,
  S3EventBridgeType,
  S3EventName,
  S3EventNameWhere,
  S3EventOf,
  S3EventOptions,
  S3EventRecordOf,
  S3EventTypeInfo,
  S3ExtraBlock,
  S3ExtraBlocks,
  S3ExtrasOf,
  S3FullObject,
  S3FullObjectEventName,
  S3Initiator,
  S3IntelligentTieringEventData,
  S3KeyEncoding,
  S3LifecycleEventData,
  S3MetadataEventName,
  S3MetadataObject,
  S3ObjectAccessTierChangedDetail,
  S3ObjectByShape,
  S3ObjectCreatedDetail,
  S3ObjectCreatedEventName,
  S3ObjectCreatedReason,
  S3ObjectDeletedDetail,
  S3ObjectDeletedReason,
  S3ObjectMetadataDetail,
  S3ObjectOf,
  S3ObjectOptions,
  S3ObjectShape,
  S3ObjectRestoreCompletedDetail,
  S3ObjectRestoreExpiredDetail,
  S3ObjectRestoreInitiatedDetail,
  S3ObjectStorageClassChangedDetail,
  S3RemovedObject,
  S3RemovedObjectEventName,
  S3ReplicationEventData,
  S3ReplicationEventName,
  S3StorageClass,
  S3TestEvent,
  S3TestEventOptions,
  S3TransitionEventName,
  S3TransitionObject,
} from '../fixtures/s3.js';
export type { S3ReplicationParts } from './events/s3/parts.js';

// SQS
export {
  makeSqsEvent,
  makeSqsRecord,
  md5OfBody,
  md5OfMessageAttributes,
  isSqsQueueName,
  sqsQueueArn,
  sqsQueueUrl,
} from '../fixtures/sqs.js';
export type {
  SqsEmptyMd5OfMessageAttributes,
  SqsEvent,
  SqsEventOptions,
  SqsFactoryOptions,
  SqsJsonObjectMessage,
  SqsMessage,
  SqsMessageAttribute,
  SqsMessageAttributeInput,
  SqsMessageAttributes,
  SqsMessageAttributesInput,
  SqsMessageInput,
  SqsRecord,
  SqsRecordAttributes,
  SqsRecordOptions,
  SqsSystemAttributesInput,
} from '../fixtures/sqs.js';

// SNS
export {
  makeSnsEvent,
  makeSnsRecord,
  makeSnsNotificationBody,
  makeSqsEventFromSns,
  makeSqsEventFromEventBridge,
  parseSnsNotificationBody,
  unwrapSnsEvent,
  unwrapSnsNotificationsFromSqs,
  unwrapSqsEventFromEventBridge,
  unwrapSqsEventFromSns,
  snsStringToSign,
  snsTestSigningCertificate,
  verifySnsSignature,
  snsTopicNameProblem,
  S3_NOTIFICATION_SUBJECT,
  SNS_MAX_MESSAGE_BYTES,
  SNS_MESSAGE_ID_PATTERN,
  SNS_SUBSCRIPTION_ID_PATTERN,
} from '../fixtures/sns.js';
export type {
  SnsEvent,
  SnsEventOptions,
  SnsFactoryOptions,
  SnsFifoOptions,
  SnsJsonObjectMessage,
  SnsMessage,
  SnsMessageAttribute,
  SnsMessageAttributeInput,
  SnsMessageAttributes,
  SnsMessageAttributesInput,
  SnsMessageInput,
  SnsNotificationBody,
  SnsNotificationBodyOptions,
  SnsPublishMessage,
  SnsRecord,
  SnsRecordOptions,
  SnsSignatureVersion,
  SnsUnwrapAs,
  SqsFromSnsOptions,
} from '../fixtures/sns.js';

// Kinesis
export {
  makeKinesisEvent,
  makeKinesisRecord,
  makeKinesisTumblingWindowEvent,
  createKinesisShardSequence,
  compareKinesisSequenceNumbers,
  decodeKinesisSequenceNumber,
  formatShardId,
  kinesisDataBytes,
} from '../fixtures/kinesis.js';
export type {
  KinesisData,
  KinesisEncryptionType,
  KinesisEventOptions,
  KinesisRecordOptions,
  KinesisRecordPayload,
  KinesisSequenceNumberParts,
  KinesisShardSequence,
  KinesisShardSequenceOptions,
  KinesisSourceOptions,
  KinesisStreamEvent,
  KinesisStreamRecord,
  KinesisTumblingWindowEvent,
  KinesisTumblingWindowOptions,
} from '../fixtures/kinesis.js';

// DynamoDB Streams (the change constructors are grouped under `dynamodbChange`)
export {
  makeDynamoDBStreamEvent,
  makeDynamoDBTumblingWindowEvent,
  makeDynamoDBKinesisEvent,
  dynamodbChange,
  marshall,
  marshallValue,
  unmarshall,
  unmarshallValue,
  NumberValue,
  isAttributeValue,
  itemSizeBytes,
  dynamoDBStreamArn,
  dynamoDBTableArn,
  parseDynamoDBArn,
  streamLabel,
  STREAM_VIEW_TYPES,
  TTL_USER_IDENTITY,
} from '../fixtures/dynamodb.js';
export type {
  AttributeMap,
  AttributeType,
  AttributeValue,
  DynamoDBChange,
  DynamoDBChangeOptions,
  DynamoDBEventName,
  DynamoDBEventVersion,
  DynamoDBItemInput,
  DynamoDBKinesisChange,
  DynamoDBKinesisEventOptions,
  DynamoDBKinesisPayload,
  DynamoDBKinesisPrecision,
  DynamoDBRemoveOptions,
  DynamoDBStreamChange,
  DynamoDBStreamEvent,
  DynamoDBStreamEventOptions,
  DynamoDBStreamRecord,
  DynamoDBTableOptions,
  DynamoDBTtlIdentity,
  DynamoDBTumblingWindowEvent,
  DynamoDBTumblingWindowOptions,
  MarshallOptions,
  StreamViewType,
  UnmarshallOptions,
} from '../fixtures/dynamodb.js';
export type { DynamoDBArnParts } from './events/dynamodb/ids.js';

// EventBridge / CloudWatch Events
export {
  makeEventBridgeEvent,
  makeScheduledEvent,
  eventBridgeEntrySize,
  eventsRuleArn,
  formatEventBridgeId,
  EVENTBRIDGE_ID_PATTERN,
  MAX_DETAIL_TYPE_LENGTH,
  MAX_ENTRY_SIZE,
  MAX_SOURCE_LENGTH,
  RULE_NAME_PATTERN,
  SCHEDULED_DETAIL_TYPE,
  SCHEDULED_SOURCE,
} from '../fixtures/eventbridge.js';
export type {
  EventBridgeEntryFields,
  EventBridgeEvent,
  EventBridgeEventOptions,
  ScheduledEvent,
  ScheduledEventOptions,
} from '../fixtures/eventbridge.js';

// CloudWatch Logs
export {
  makeCloudWatchLogsEvent,
  makeCloudWatchLogsData,
  decodeCloudWatchLogsData,
  decodeCloudWatchLogsEvent,
  encodeCloudWatchLogsData,
  decodeLogEventId,
  encodeLogEventId,
  CONTROL_MESSAGE_TEXT,
} from '../fixtures/cloudwatchLogs.js';
export type {
  CloudWatchLogsControlMessage,
  CloudWatchLogsDataMessage,
  CloudWatchLogsDecodedData,
  CloudWatchLogsEvent,
  CloudWatchLogsEventIdParts,
  CloudWatchLogsEventOptions,
  CloudWatchLogsLogEvent,
  CloudWatchLogsLogEventInput,
  CloudWatchLogsPolicyLevel,
} from '../fixtures/cloudwatchLogs.js';

// EventBridge Pipes source batches
export { toPipesSourceBatch, PIPES_EVENT_SOURCES } from '../fixtures/pipes.js';
export type { PipesKinesisRecord, PipesKinesisRecordOf, SqsLikeRecord } from '../fixtures/pipes.js';

// Lambda handlers: context and invocation
export {
  makeLambdaContext,
  invokeHandler,
  LambdaInvocationError,
  CALLBACK_HANDLER_DEPRECATED_MESSAGE,
} from '../fixtures/lambda.js';
export type {
  HandlerResult,
  InvokeHandlerOptions,
  LambdaClock,
  LambdaContextOptions,
  LambdaErrorPayload,
  LambdaNodeRuntime,
} from '../fixtures/lambda.js';
