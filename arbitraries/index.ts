/**
 * aws-event-kit/arbitraries: fast-check arbitraries of realistic AWS events.
 * fast-check is a peer dependency: the arbitraries are built with the user's copy.
 *
 * Every public name is listed here by name (the building blocks the arbitraries share, such as
 * the S3 record parts, stay inside the kit); `api/arbitraries.api.md` records the result.
 * @packageDocumentation
 */
export type { Pin } from './_internals/pin.js';
export type { PatternInput } from './_internals/patternPlans.js';
export { awsRegion, type AwsRegionConstraints } from './awsRegion.js';
export { awsAccountId } from './awsAccountId.js';
export { jsonPayload, type JsonPayloadConstraints } from './jsonPayload.js';
// S3
export { s3BucketName, type S3BucketNameConstraints } from './s3BucketName.js';
export { s3ObjectKey, type S3ObjectKeyConstraints } from './s3ObjectKey.js';
export { s3Record, type S3RecordConstraints } from './s3Record.js';
export { s3Event, type S3EventConstraints, type S3EventOfAnyName } from './s3Event.js';
export { s3EventBridgeEvent, type S3EventBridgeEventConstraints } from './s3EventBridgeEvent.js';
// SQS
export { sqsQueueName, type SqsQueueNameConstraints } from './sqsQueueName.js';
export { sqsRecord, type SqsRecordConstraints } from './sqsRecord.js';
export { sqsEvent, type SqsEventConstraints, type SqsEventMessage } from './sqsEvent.js';
// SNS
export { snsRecord, type SnsRecordConstraints } from './snsRecord.js';
export { snsEvent, type SnsEventConstraints } from './snsEvent.js';
export { snsNotificationBody, type SnsNotificationBodyConstraints } from './snsNotificationBody.js';
export { sqsEventFromSns, type SqsEventFromSnsConstraints } from './sqsEventFromSns.js';
// Kinesis
export { kinesisRecord, type KinesisRecordConstraints } from './kinesisRecord.js';
export { kinesisEvent, type KinesisEventConstraints, type KinesisEventRecord } from './kinesisEvent.js';
export type { KinesisDataKind, KinesisSourceConstraints } from './_internals/kinesisParts.js';
// DynamoDB Streams
export { attributeValue, type AttributeValueConstraints } from './attributeValue.js';
export { dynamoDBItem, type DynamoDBItemConstraints, type DynamoDBKeyType } from './dynamoDBItem.js';
export {
  dynamoDBStreamRecord,
  type DynamoDBStreamRecordConstraints,
  type DynamoDBStreamSourceConstraints,
} from './dynamoDBStreamRecord.js';
export { dynamoDBStreamEvent, type DynamoDBStreamEventConstraints } from './dynamoDBStreamEvent.js';
// EventBridge / CloudWatch Events
export { eventBridgeEvent, type EventBridgeEventConstraints } from './eventBridgeEvent.js';
export { scheduledEvent, type ScheduledEventConstraints } from './scheduledEvent.js';
// CloudWatch Logs
export { cloudWatchLogsEvent, type CloudWatchLogsEventConstraints } from './cloudWatchLogsEvent.js';
// EventBridge Pipes / rules templates: source records, generated templates and property checks
// (here rather than in aws-event-kit/pipes because they need fast-check).
export { pipeSourceRecord } from './pipeSourceRecord.js';
export { pipeTemplateRecord } from './pipeTemplateRecord.js';
export { pipeTemplate, type PipeTemplateConstraints } from './pipeTemplate.js';
export {
  checkPipeTemplate,
  type CheckPipeTemplateOptions,
  type TemplateCheckResult,
  type TemplateCheckRunOptions,
  type TemplateProblem,
} from './checkPipeTemplate.js';
export { checkRuleTemplate, type CheckRuleTemplateOptions } from './checkRuleTemplate.js';
export {
  pipeTemplateProperty,
  type PipeTemplateProperty,
  type PipeTemplatePropertyOptions,
} from './pipeTemplateProperty.js';
// Event patterns (EventBridge rules, Lambda/Pipes filters): matching events, near misses, random patterns, checks.
export { eventMatching } from './eventMatching.js';
export { eventNotMatching } from './eventNotMatching.js';
export {
  eventPattern,
  EVENT_PATTERN_OPERATORS,
  type EventPatternConstraints,
  type EventPatternOperator,
} from './eventPattern.js';
export {
  checkEventPattern,
  type CheckEventPatternOptions,
  type EventPatternCheckResult,
  type SafeParseSchema,
} from './checkEventPattern.js';
