/**
 * Kinesis Data Streams: the one source of truth of Kinesis events (types, the parts → event
 * mapper, sequence numbers, shard ids and input rules). Other families (DynamoDB → Kinesis,
 * the in-memory Kinesis) build records with these.
 */
export * from './types.js';
export * from './shardId.js';
export * from './sequenceNumber.js';
export * from './validate.js';
export * from './data.js';
export * from './mapper.js';
