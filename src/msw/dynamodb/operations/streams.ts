/**
 * The DynamoDB Streams operations over JSON 1.0 (`x-amz-target: DynamoDBStreams_20120810.<Op>`,
 * host `streams.dynamodb.<region>.amazonaws.com`, signed as `dynamodb`): ListStreams,
 * DescribeStream, GetShardIterator and GetRecords. Records travel in the SDK's wire shape: the
 * Lambda record without `eventSourceARN`, `ApproximateCreationDateTime` in epoch seconds.
 */
import { isSequenceNumber, type DynamoDBStreamRecord } from '../../../events/dynamodb/index.js';
import { readInteger, readString, type JsonObject } from '../../_internals/input.js';
import type { JsonRequestInfo } from '../../_internals/jsonProtocol.js';
import { decodeShardIterator, encodeShardIterator } from '../../_internals/streamDeliveryIterator.js';
import { DYNAMODB_INPUT_ERRORS, dynamoError, validation } from '../errors.js';
import type { TableRegistry } from '../registry.js';
import type { TableStream } from '../table.js';

/** What the operations need from the service. */
export interface StreamsWireContext {
  readonly registry: TableRegistry;
  readonly defaultRegion: string;
  nowMs(): number;
}

/** One DynamoDB Streams operation: the request's members and signing info, and the tables it reads. */
export type StreamsOperation = (input: JsonObject, info: JsonRequestInfo, context: StreamsWireContext) => unknown;

const I = DYNAMODB_INPUT_ERRORS;
const ITERATOR_LIFETIME_MS = 15 * 60 * 1000;
const MAX_RECORDS = 1000;

function streamOf(context: StreamsWireContext, arn: string): TableStream {
  const stream = context.registry.findStream(arn);
  if (stream === undefined || stream.table.deleted)
    throw dynamoError('ResourceNotFoundException', `Requested resource not found: Stream: ${arn} not found`);
  return stream;
}

/** A stream record in the DynamoDB Streams API shape. */
function wireRecord(record: DynamoDBStreamRecord): Record<string, unknown> {
  const { eventSourceARN: _arn, ...rest } = record;
  return rest;
}

function allStreams(context: StreamsWireContext, region: string): TableStream[] {
  return context.registry
    .all()
    .filter((t) => t.region === region)
    .flatMap((t) => [...t.oldStreams, ...(t.stream === undefined ? [] : [t.stream])]);
}

/** ListStreams: the streams of the request's region (or of one table), paged. */
export const ListStreams: StreamsOperation = (input, info, context) => {
  const tableName = readString(input, 'TableName', I);
  const limit = readInteger(input, 'Limit', I) ?? 100;
  if (limit < 1 || limit > 100)
    throw validation(
      `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100`,
    );
  const after = readString(input, 'ExclusiveStartStreamArn', I);
  let streams = allStreams(context, info.region ?? context.defaultRegion).filter(
    (s) => tableName === undefined || s.table.name === tableName,
  );
  if (after !== undefined) streams = streams.slice(streams.findIndex((s) => s.arn === after) + 1);
  const page = streams.slice(0, limit);
  const out: Record<string, unknown> = {
    Streams: page.map((s) => ({ StreamArn: s.arn, TableName: s.table.name, StreamLabel: s.label })),
  };
  if (streams.length > limit) out['LastEvaluatedStreamArn'] = page[page.length - 1]?.arn;
  return out;
};

/** DescribeStream: a stream, its key schema and its one shard. */
export const DescribeStream: StreamsOperation = (input, _info, context) => {
  const stream = streamOf(context, readString(input, 'StreamArn', I, true));
  const after = readString(input, 'ExclusiveStartShardId', I);
  const shard: Record<string, unknown> = {
    ShardId: stream.shardId,
    SequenceNumberRange:
      stream.startingSequenceNumber === undefined ? {} : { StartingSequenceNumber: stream.startingSequenceNumber },
  };
  return {
    StreamDescription: {
      StreamArn: stream.arn,
      StreamLabel: stream.label,
      StreamStatus: stream.table.stream === stream ? 'ENABLED' : 'DISABLED',
      StreamViewType: stream.viewType,
      CreationRequestDateTime: stream.createdMs / 1000,
      TableName: stream.table.name,
      KeySchema: stream.table.keySchema.map((k, i) => ({
        AttributeName: k.name,
        KeyType: i === 0 ? 'HASH' : 'RANGE',
      })),
      Shards: after === stream.shardId ? [] : [shard],
    },
  };
};

/** GetShardIterator: an iterator at a position of the shard, valid for 15 minutes. */
export const GetShardIterator: StreamsOperation = (input, _info, context) => {
  const stream = streamOf(context, readString(input, 'StreamArn', I, true));
  const shardId = readString(input, 'ShardId', I, true);
  const type = readString(input, 'ShardIteratorType', I, true);
  if (shardId !== stream.shardId)
    throw dynamoError('ResourceNotFoundException', `Requested resource not found: Shard does not exist`);
  const sequenceNumber = readString(input, 'SequenceNumber', I);
  let index: number;
  if (type === 'TRIM_HORIZON') index = 0;
  else if (type === 'LATEST') index = stream.records.length;
  else if (type === 'AT_SEQUENCE_NUMBER' || type === 'AFTER_SEQUENCE_NUMBER') {
    if (sequenceNumber === undefined) throw validation(`Must provide a SequenceNumber for ShardIteratorType ${type}`);
    if (!isSequenceNumber(sequenceNumber)) throw validation(`Invalid SequenceNumber: ${sequenceNumber}`);
    const at = stream.records.findIndex((r) => r.sequenceNumber === sequenceNumber);
    if (at === -1)
      throw validation(
        `Invalid SequenceNumber ${sequenceNumber} for shard ${shardId}: it is not the sequence number of a record of this shard`,
      );
    index = type === 'AT_SEQUENCE_NUMBER' ? at : at + 1;
  } else {
    throw validation(
      `1 validation error detected: Value '${type}' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, AT_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST]`,
    );
  }
  return { ShardIterator: encodeShardIterator({ stream: stream.arn, shardId, index, issuedMs: context.nowMs() }) };
};

/** GetRecords: up to 1,000 records from an iterator, in the SDK's wire shape, and the next iterator. */
export const GetRecords: StreamsOperation = (input, _info, context) => {
  const iterator = readString(input, 'ShardIterator', I, true);
  const limit = readInteger(input, 'Limit', I) ?? MAX_RECORDS;
  if (limit < 1 || limit > MAX_RECORDS)
    throw validation(
      `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and ${MAX_RECORDS}`,
    );
  const position = decodeShardIterator(iterator);
  if (position === undefined) throw validation('Invalid ShardIterator');
  const stream = streamOf(context, position.stream);
  const now = context.nowMs();
  if (now - position.issuedMs > ITERATOR_LIFETIME_MS)
    throw dynamoError(
      'ExpiredIteratorException',
      'Iterator expired. The iterator was created more than 15 minutes ago.',
    );
  const start = Math.min(position.index, stream.records.length);
  const end = Math.min(stream.records.length, start + limit);
  const records = stream.records.slice(start, end).map((r) => wireRecord(r.record));
  // A disabled stream's shard is closed: once read to its end there is no next iterator.
  const closed = stream.table.stream !== stream && end >= stream.records.length;
  return closed
    ? { Records: records }
    : {
        Records: records,
        NextShardIterator: encodeShardIterator({
          stream: stream.arn,
          shardId: stream.shardId,
          index: end,
          issuedMs: now,
        }),
      };
};
