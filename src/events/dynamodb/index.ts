/**
 * DynamoDB Streams: the one source of truth of the family. Codecs (`marshall`/`unmarshall`),
 * AttributeValue validation and sizing, ids and ARNs, and the two mappers: stream record
 * (`toDynamoDBStreamRecord`) and Kinesis Data Streams payload (`toDynamoDBKinesisPayload`).
 * Factories, arbitraries and the msw DynamoDB mock all go through these.
 */
export * from './types.js';
export {
  parseDynamoDBNumber,
  canonicalNumber,
  MAX_SIGNIFICANT_DIGITS,
  MIN_EXPONENT,
  MAX_EXPONENT,
  type DynamoDBNumberInfo,
} from './number.js';
export {
  storeAttributeMap,
  storeAttributeValue,
  itemSizeBytes,
  isAttributeValue,
  attributeValuesEqual,
  attributeMapsEqual,
  MAX_NESTING_DEPTH,
  MAX_ATTRIBUTE_NAME_BYTES,
  type StoredAttributeMap,
} from './attributeValue.js';
export {
  marshall,
  marshallItem,
  marshallValue,
  unmarshall,
  unmarshallValue,
  NumberValue,
  type MarshallOptions,
  type UnmarshallOptions,
} from './marshall.js';
export { assertKeyNames, extractKeys, MAX_PARTITION_KEY_BYTES, MAX_SORT_KEY_BYTES } from './keys.js';
export {
  isTableName,
  assertTableName,
  streamLabel,
  isStreamLabel,
  dynamoDBTableArn,
  dynamoDBStreamArn,
  parseDynamoDBArn,
  isSequenceNumber,
  firstSequenceNumber,
  nextSequenceNumber,
  isStreamEventId,
  streamEventId,
  type DynamoDBArnParts,
} from './ids.js';
export { imagesFor, resolveChange, type DynamoDBChangeParts, type ResolvedChange } from './change.js';
export {
  toDynamoDBStreamRecord,
  toDynamoDBStreamEvent,
  toDynamoDBTumblingWindowEvent,
  buildDynamoDBStreamRecord,
  dynamoDBStreamSizeBytes,
  assertStreamViewType,
  MAX_DYNAMODB_BATCH_RECORDS,
  type DynamoDBStreamSourceParts,
  type DynamoDBStreamEntryParts,
  type DynamoDBStreamRecordParts,
  type BuiltStreamRecord,
} from './streamRecord.js';
export {
  toDynamoDBKinesisPayload,
  buildDynamoDBKinesisPayload,
  dynamoDBKinesisPartitionKey,
  assertKinesisPrecision,
  type DynamoDBKinesisPayloadParts,
} from './kinesisPayload.js';
