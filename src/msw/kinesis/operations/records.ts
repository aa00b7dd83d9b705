/** The record operations: put records, get shard iterators and records. */
import { epochSecondsMillis } from '../../../_internals/aws.js';
import { isBase64 } from '../../../_internals/hash.js';
import { ONE_MIB, utf8Length } from '../../../_internals/limits.js';
import {
  compareKinesisSequenceNumbers,
  MAX_PARTITION_KEY_LENGTH,
  MAX_RECORD_SIZE,
  parseKinesisStreamArn,
  partitionKeyLength,
  SEQUENCE_NUMBER_PATTERN,
} from '../../../events/kinesis/index.js';
import {
  asStructure,
  readInteger,
  readList,
  readString,
  serializationError,
  type JsonObject,
} from '../../_internals/input.js';
import { decodeShardIterator, encodeShardIterator } from '../../_internals/streamDeliveryIterator.js';
import { constraintViolation, invalidArgument, KINESIS_INPUT_ERRORS, kinesisError, streamNotFound } from '../errors.js';
import { HASH_KEY_PATTERN, HASH_SPACE, partitionKeyHash, type MockShard } from '../stream.js';
import { regionOf, shardOf, type Operation } from './context.js';

const ITERATOR_LIFETIME_MS = 5 * 60 * 1000;
const MAX_PUT_RECORDS = 500;
const MAX_PUT_RECORDS_BYTES = 5 * ONE_MIB;
const MAX_GET_RECORDS = 10_000;
const MAX_GET_RECORDS_BYTES = 10 * ONE_MIB;
/** Decodes a record's `Data` (base64 on the wire) and checks the record's size rules. */
function readRecord(
  entry: JsonObject,
  at: string,
): { data: Buffer; base64: string; partitionKey: string; hashKey: bigint } {
  const encoded = readString(entry, 'Data', KINESIS_INPUT_ERRORS, true);
  if (!isBase64(encoded)) throw serializationError(`Value for ${at}data is not valid base64`);
  const data = Buffer.from(encoded, 'base64');
  if (data.byteLength > MAX_RECORD_SIZE) {
    // Coral prints a blob member by its Java ByteBuffer description.
    const buffer = `'java.nio.HeapByteBuffer[pos=0 lim=${data.byteLength} cap=${data.byteLength}]'`;
    throw constraintViolation(`${at}data`, buffer, `must have length less than or equal to ${MAX_RECORD_SIZE}`);
  }
  const partitionKey = readString(entry, 'PartitionKey', KINESIS_INPUT_ERRORS, true);
  const keyLength = partitionKeyLength(partitionKey);
  if (keyLength < 1 || keyLength > MAX_PARTITION_KEY_LENGTH) {
    throw constraintViolation(
      `${at}partitionKey`,
      `'${partitionKey}'`,
      `must have length ${keyLength < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_PARTITION_KEY_LENGTH}`}`,
    );
  }
  if (data.byteLength + utf8Length(partitionKey) > MAX_RECORD_SIZE) {
    throw invalidArgument(
      `Record size exceeds the maximum of ${MAX_RECORD_SIZE} bytes (data plus partition key): ${data.byteLength + utf8Length(partitionKey)} bytes.`,
    );
  }
  const explicit = readString(entry, 'ExplicitHashKey', KINESIS_INPUT_ERRORS);
  let hashKey: bigint;
  if (explicit !== undefined) {
    if (!HASH_KEY_PATTERN.test(explicit))
      throw constraintViolation(
        `${at}explicitHashKey`,
        `'${explicit}'`,
        'must satisfy regular expression pattern: 0|([1-9]\\d{0,38})',
      );
    hashKey = BigInt(explicit);
    if (hashKey >= HASH_SPACE)
      throw invalidArgument(
        `Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${explicit}`,
      );
  } else {
    hashKey = partitionKeyHash(partitionKey);
  }
  // Padded base64 may carry non-zero padding bits; re-encode it so reads send the canonical form.
  return { data, base64: encoded.endsWith('=') ? data.toString('base64') : encoded, partitionKey, hashKey };
}

/** The index of the record with `sequenceNumber` in `shard`, or of the first after it. */
function indexOfSequence(shard: MockShard, sequenceNumber: string): { index: number; found: boolean } {
  const records = shard.records;
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareKinesisSequenceNumbers((records[mid] as { sequenceNumber: string }).sequenceNumber, sequenceNumber) < 0)
      lo = mid + 1;
    else hi = mid;
  }
  return {
    index: lo,
    found: lo < records.length && (records[lo] as { sequenceNumber: string }).sequenceNumber === sequenceNumber,
  };
}

/** PutRecord: one record on the shard its hash key maps to. */
export const PutRecord: Operation = (input, info, context) => {
  const stream = context.registry.fromRequest(input, regionOf(info, context));
  const { data, base64, partitionKey, hashKey } = readRecord(input, '');
  const ordering = readString(input, 'SequenceNumberForOrdering', KINESIS_INPUT_ERRORS);
  if (ordering !== undefined && !SEQUENCE_NUMBER_PATTERN.test(ordering))
    throw constraintViolation(
      'sequenceNumberForOrdering',
      `'${ordering}'`,
      'must satisfy regular expression pattern: 0|([1-9]\\d{0,128})',
    );
  const { shard, record } = stream.put(data, partitionKey, hashKey, context.nowMs(), base64);
  return { ShardId: shard.shardId, SequenceNumber: record.sequenceNumber, EncryptionType: 'NONE' };
};

/** PutRecords: every entry checked before any is written. */
export const PutRecords: Operation = (input, info, context) => {
  const entries = readList(input, 'Records', KINESIS_INPUT_ERRORS, true) as unknown[];
  if (entries.length < 1) throw constraintViolation('records', '[]', 'must have length greater than or equal to 1');
  if (entries.length > MAX_PUT_RECORDS)
    throw constraintViolation(
      'records',
      `'[${entries.length} records]'`,
      `must have length less than or equal to ${MAX_PUT_RECORDS}`,
    );
  const stream = context.registry.fromRequest(input, regionOf(info, context));
  // Every entry is checked before any is written: a malformed request writes nothing.
  const records = entries.map((entry, i) =>
    readRecord(asStructure(entry, `records.${i + 1}.member`, KINESIS_INPUT_ERRORS), `records.${i + 1}.member.`),
  );
  let total = 0;
  for (const record of records) total += record.data.byteLength + utf8Length(record.partitionKey);
  if (total > MAX_PUT_RECORDS_BYTES)
    throw invalidArgument(
      `Records size exceeds 5 MB limit: the request holds ${total} bytes of data and partition keys.`,
    );
  const now = context.nowMs();
  const out = records.map(({ data, base64, partitionKey, hashKey }) => {
    const { shard, record } = stream.put(data, partitionKey, hashKey, now, base64);
    return { SequenceNumber: record.sequenceNumber, ShardId: shard.shardId };
  });
  return { FailedRecordCount: 0, Records: out, EncryptionType: 'NONE' };
};

/** GetShardIterator: a position in a shard, valid for 5 minutes. */
export const GetShardIterator: Operation = (input, info, context) => {
  const stream = context.registry.fromRequest(input, regionOf(info, context));
  const shardId = readString(input, 'ShardId', KINESIS_INPUT_ERRORS, true);
  const type = readString(input, 'ShardIteratorType', KINESIS_INPUT_ERRORS, true);
  const shard = shardOf(stream, shardId);
  const sequenceNumber = readString(input, 'StartingSequenceNumber', KINESIS_INPUT_ERRORS);
  let index: number;
  switch (type) {
    case 'TRIM_HORIZON':
      index = 0;
      break;
    case 'LATEST':
      index = shard.records.length;
      break;
    case 'AT_SEQUENCE_NUMBER':
    case 'AFTER_SEQUENCE_NUMBER': {
      if (sequenceNumber === undefined)
        throw invalidArgument(`StartingSequenceNumber is required for ShardIteratorType ${type}.`);
      if (!SEQUENCE_NUMBER_PATTERN.test(sequenceNumber))
        throw constraintViolation(
          'startingSequenceNumber',
          `'${sequenceNumber}'`,
          'must satisfy regular expression pattern: 0|([1-9]\\d{0,128})',
        );
      const { index: at, found } = indexOfSequence(shard, sequenceNumber);
      if (!found)
        throw invalidArgument(
          `StartingSequenceNumber ${sequenceNumber} used in GetShardIterator on shard ${shardId} in stream ${stream.name} under account ${stream.account} is invalid because it did not come from this stream.`,
        );
      index = type === 'AT_SEQUENCE_NUMBER' ? at : at + 1;
      break;
    }
    case 'AT_TIMESTAMP': {
      const timestamp = input['Timestamp'];
      if (timestamp === undefined || timestamp === null)
        throw invalidArgument('Timestamp is required for ShardIteratorType AT_TIMESTAMP.');
      if (typeof timestamp !== 'number')
        throw serializationError(
          `${typeof timestamp === 'string' ? 'STRING_VALUE' : 'value'} can not be converted to a Timestamp (member Timestamp)`,
        );
      const ms = timestamp * 1000;
      index = 0;
      while (index < shard.records.length && (shard.records[index] as { arrivalMs: number }).arrivalMs < ms) index++;
      break;
    }
    default:
      throw constraintViolation(
        'shardIteratorType',
        `'${type}'`,
        'must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, AT_SEQUENCE_NUMBER, AT_TIMESTAMP, TRIM_HORIZON, LATEST]',
      );
  }
  return { ShardIterator: encodeShardIterator({ stream: stream.arn, shardId, index, issuedMs: context.nowMs() }) };
};

/** GetRecords: from an iterator, within the count and byte limits. */
export const GetRecords: Operation = (input, _info, context) => {
  const iterator = readString(input, 'ShardIterator', KINESIS_INPUT_ERRORS, true);
  const limit = readInteger(input, 'Limit', KINESIS_INPUT_ERRORS) ?? MAX_GET_RECORDS;
  if (limit < 1 || limit > MAX_GET_RECORDS)
    throw constraintViolation('limit', String(limit), `must have value between 1 and ${MAX_GET_RECORDS}`);
  const position = iterator.length < 1 || iterator.length > 512 * 8 ? undefined : decodeShardIterator(iterator);
  if (position === undefined) throw invalidArgument(`Invalid ShardIterator: ${iterator.slice(0, 64)}`);
  const parsed = parseKinesisStreamArn(position.stream);
  // Iterators come back from clients: only a well-formed region and account name a stream.
  const arn = parsed !== undefined && parsed.region !== '' && /^\d{12}$/.test(parsed.account) ? parsed : undefined;
  const stream = arn === undefined ? undefined : context.registry.find(arn.region, arn.name);
  if (stream === undefined || stream.arn !== position.stream)
    throw streamNotFound(arn?.name ?? position.stream, arn?.account ?? context.registry.account);
  const shard = shardOf(stream, position.shardId);
  const now = context.nowMs();
  if (now - position.issuedMs > ITERATOR_LIFETIME_MS) {
    throw kinesisError(
      'ExpiredIteratorException',
      `Iterator expired. The iterator was created at time ${new Date(position.issuedMs).toUTCString()} while right now it is ${new Date(now).toUTCString()} which is further in the future than the tolerated delay of 300000 milliseconds.`,
    );
  }
  const records = shard.records;
  let end = Math.min(position.index, records.length);
  let bytes = 0;
  const out: Array<Record<string, unknown>> = [];
  while (end < records.length && out.length < limit) {
    const record = records[end] as (typeof records)[number];
    bytes += record.data.byteLength + utf8Length(record.partitionKey);
    if (bytes > MAX_GET_RECORDS_BYTES && out.length > 0) break;
    // Records of an unencrypted stream carry no EncryptionType (the mock's streams never are).
    out.push({
      SequenceNumber: record.sequenceNumber,
      ApproximateArrivalTimestamp: epochSecondsMillis(record.arrivalMs),
      Data: record.base64,
      PartitionKey: record.partitionKey,
    });
    end++;
  }
  // How far the reader is behind the tip: 0 once it has read everything.
  const behind = end < records.length ? Math.max(0, now - (records[end] as { arrivalMs: number }).arrivalMs) : 0;
  return {
    Records: out,
    NextShardIterator: encodeShardIterator({ stream: stream.arn, shardId: shard.shardId, index: end, issuedMs: now }),
    MillisBehindLatest: behind,
  };
};
