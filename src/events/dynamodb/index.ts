/**
 * DynamoDB Streams: the family's types, codecs, AttributeValue sizing and comparison, ids and ARNs,
 * and the stream-record builders, as the msw DynamoDB mock reads them. The family's modules (the
 * codecs `marshall`/`unmarshall`, the mappers `toDynamoDBStreamRecord` and `toDynamoDBKinesisPayload`)
 * are the one source of truth; factories and arbitraries import them directly.
 */
export * from './types.js';
export { canonicalNumber } from './number.js';
export {
  storeAttributeMap,
  storeAttributeValue,
  itemSizeBytes,
  attributeValuesEqual,
  attributeMapsEqual,
} from './attributeValue.js';
export { marshallItem, unmarshall } from './marshall.js';
export { assertKeyNames, MAX_PARTITION_KEY_BYTES, MAX_SORT_KEY_BYTES } from './keys.js';
export {
  isTableName,
  streamLabel,
  dynamoDBTableArn,
  dynamoDBStreamArn,
  parseDynamoDBArn,
  isSequenceNumber,
  firstSequenceNumber,
  nextSequenceNumber,
  streamEventId,
} from './ids.js';
export {
  toDynamoDBStreamEvent,
  toDynamoDBTumblingWindowEvent,
  buildDynamoDBStreamRecord,
  assertStreamViewType,
  type DynamoDBStreamSourceParts,
  type DynamoDBStreamEntryParts,
} from './streamRecord.js';
