/**
 * aws-event-kit/arbitraries: fast-check arbitraries of realistic AWS events.
 * fast-check is a peer dependency: the arbitraries are built with the user's copy.
 * @packageDocumentation
 */
export * from './awsRegion.js';
export * from './awsAccountId.js';
export * from './jsonPayload.js';
// S3
export * from './s3BucketName.js';
export * from './s3ObjectKey.js';
export * from './s3Record.js';
export * from './s3Event.js';
export * from './s3EventBridgeEvent.js';
// SQS
export * from './sqsQueueName.js';
export * from './sqsRecord.js';
export * from './sqsEvent.js';
// SNS
export * from './snsRecord.js';
export * from './snsEvent.js';
export * from './snsNotificationBody.js';
export * from './sqsEventFromSns.js';
// Kinesis
export * from './kinesisRecord.js';
export * from './kinesisEvent.js';
// DynamoDB Streams
export * from './attributeValue.js';
export * from './dynamoDBItem.js';
export * from './dynamoDBStreamRecord.js';
export * from './dynamoDBStreamEvent.js';
// EventBridge / CloudWatch Events
export * from './eventBridgeEvent.js';
export * from './scheduledEvent.js';
// CloudWatch Logs
export * from './cloudWatchLogsEvent.js';
// EventBridge Pipes / rules templates: source records, generated templates and property checks
// (here rather than in aws-event-kit/pipes because they need fast-check).
export * from './pipeSourceRecord.js';
export * from './pipeTemplateRecord.js';
export * from './pipeTemplate.js';
export * from './checkPipeTemplate.js';
export * from './checkRuleTemplate.js';
export * from './pipeTemplateProperty.js';
// Event patterns (EventBridge rules, Lambda/Pipes filters): matching events, near misses, random patterns, checks.
export * from './eventMatching.js';
export * from './eventNotMatching.js';
export * from './eventPattern.js';
export * from './checkEventPattern.js';
