/**
 * The one "parts → event" mapper of Kinesis Data Streams events. Factories, arbitraries, the
 * DynamoDB → Kinesis variant and the in-memory Kinesis all build records here.
 */
import {
  arn,
  assertAccount,
  assertRegion,
  epochSecondsMillis,
  isoSeconds,
  resolvePartition,
} from '../../_internals/aws.js';
import { fail, show } from '../../_internals/errors.js';
import { toBase64 } from '../../_internals/hash.js';
import { assertLambdaPayload } from '../../_internals/limits.js';
import { compareKinesisSequenceNumbers, SEQUENCE_NUMBER_PATTERN } from './sequenceNumber.js';
import { checkTumblingWindow } from '../../_internals/tumblingWindow.js';
import { assertShardId } from './shardId.js';
import type {
  KinesisDataParts,
  KinesisRecordParts,
  KinesisSourceParts,
  KinesisStreamEvent,
  KinesisStreamRecord,
  KinesisTumblingWindowEvent,
  KinesisWindowParts,
} from './types.js';
import {
  assertPartitionKey,
  assertRecordSize,
  assertRoleArn,
  assertStreamName,
  MAX_KINESIS_BATCH_RECORDS,
} from './validate.js';

/** `arn:<partition>:kinesis:<region>:<account>:stream/<name>` */
export function kinesisStreamArn(partition: string, region: string, account: string, streamName: string): string {
  return arn(partition, 'kinesis', region, account, `stream/${streamName}`);
}

/** A record's `eventID`: `<shardId>:<sequenceNumber>`. */
export function kinesisEventId(shardId: string, sequenceNumber: string): string {
  return `${shardId}:${sequenceNumber}`;
}

/**
 * A cheap bound, never under-counting, of the UTF-8 JSON bytes one record adds to a Lambda
 * Kinesis event (its comma included): base64 data, 6 bytes per
 * UTF-16 unit of the key (a `\uXXXX` escape), the source's strings and a generous allowance for
 * the fixed fields. `streamArn` is the source's stream ARN, built once per batch by the caller.
 */
export function kinesisRecordJsonBound(source: KinesisSourceParts, streamArn: string, parts: KinesisDataParts): number {
  return (
    400 +
    streamArn.length +
    source.invokeIdentityArn.length +
    source.region.length +
    2 * source.shardId.length +
    Math.ceil(parts.data.byteLength / 3) * 4 +
    6 * parts.partitionKey.length +
    parts.sequenceNumber.length * 2
  );
}

interface Shared {
  source: KinesisSourceParts;
  streamArn: string;
}

function prepareSource(api: string, source: KinesisSourceParts): Shared {
  assertStreamName(api, 'source.streamName', source.streamName);
  assertRegion(api, 'source.region', source.region);
  assertAccount(api, 'source.account', source.account);
  resolvePartition(api, source.region, source.partition);
  assertShardId(api, 'source.shardId', source.shardId);
  assertRoleArn(api, 'source.invokeIdentityArn', source.invokeIdentityArn);
  if (source.encryptionType !== undefined && source.encryptionType !== 'NONE' && source.encryptionType !== 'KMS') {
    fail(api, 'source.encryptionType', `must be "NONE", "KMS" or undefined, got ${show(source.encryptionType)}`);
  }
  return { source, streamArn: kinesisStreamArn(source.partition, source.region, source.account, source.streamName) };
}

function checkData(api: string, at: string, parts: KinesisDataParts): void {
  if (!(parts.data instanceof Uint8Array)) fail(api, `${at}.data`, `must be a Uint8Array, got ${show(parts.data)}`);
  const keyBytes = assertPartitionKey(api, `${at}.partitionKey`, parts.partitionKey);
  assertRecordSize(api, `${at}.data`, parts.data.byteLength, keyBytes);
  if (typeof parts.sequenceNumber !== 'string' || !SEQUENCE_NUMBER_PATTERN.test(parts.sequenceNumber)) {
    fail(
      api,
      `${at}.sequenceNumber`,
      `${show(parts.sequenceNumber)} is not a Kinesis sequence number (a decimal string of up to 129 digits without leading zeros)`,
    );
  }
  if (!Number.isSafeInteger(parts.arrivalTime) || parts.arrivalTime < 0)
    fail(api, `${at}.arrivalTime`, `must be integer epoch milliseconds, got ${show(parts.arrivalTime)}`);
}

function build(shared: Shared, parts: KinesisDataParts): KinesisStreamRecord {
  const { source } = shared;
  const kinesis: KinesisStreamRecord['kinesis'] = {
    kinesisSchemaVersion: '1.0',
    partitionKey: parts.partitionKey,
    sequenceNumber: parts.sequenceNumber,
    data: Buffer.isBuffer(parts.data) ? parts.data.toString('base64') : toBase64(parts.data),
    approximateArrivalTimestamp: epochSecondsMillis(parts.arrivalTime),
  };
  if (source.encryptionType !== undefined) kinesis.encryptionType = source.encryptionType;
  return {
    kinesis,
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: kinesisEventId(source.shardId, parts.sequenceNumber),
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: source.invokeIdentityArn,
    awsRegion: source.region,
    eventSourceARN: shared.streamArn,
  };
}

/**
 * Builds one Kinesis record from plain parts: base64 data, `eventID` = `shardId:sequenceNumber`,
 * the stream ARN from partition, region, account and name, arrival time in epoch seconds with
 * millisecond precision. Throws an EventInputError (naming `api`) when a part breaks a rule.
 * @example toKinesisRecord({ streamName: 'orders', region: 'us-east-1', account: '123456789012', partition: 'aws', shardId: 'shardId-000000000000', invokeIdentityArn: 'arn:aws:iam::123456789012:role/consumer', data: new TextEncoder().encode('hi'), partitionKey: 'pk', sequenceNumber: '49...', arrivalTime: Date.now() })
 */
export function toKinesisRecord(parts: KinesisRecordParts, api = 'toKinesisRecord'): KinesisStreamRecord {
  const shared = prepareSource(api, parts);
  checkData(api, 'parts', parts);
  return build(shared, parts);
}

/**
 * Builds the records of one batch of one shard. Throws unless the batch holds 1 to 10,000
 * records, sequence numbers strictly increase, arrival times never decrease, and the event fits
 * Lambda's 6 MB payload.
 */
export function toKinesisRecords(
  source: KinesisSourceParts,
  records: readonly KinesisDataParts[],
  api = 'toKinesisEvent',
): KinesisStreamRecord[] {
  const shared = prepareSource(api, source);
  if (!Array.isArray(records) || records.length === 0)
    fail(api, 'records', 'must be a non-empty array: Lambda never invokes with an empty Kinesis batch');
  if (records.length > MAX_KINESIS_BATCH_RECORDS)
    fail(
      api,
      'records',
      `holds ${records.length} records, over Lambda's Kinesis batch maximum of ${MAX_KINESIS_BATCH_RECORDS}`,
    );
  const out: KinesisStreamRecord[] = new Array(records.length);
  // A bound that never under-counts the JSON size, so small batches skip serialising.
  let bound = 0;
  let previous: KinesisDataParts | undefined;
  for (let i = 0; i < records.length; i++) {
    const parts = records[i] as KinesisDataParts;
    checkData(api, `records[${i}]`, parts);
    if (previous !== undefined) {
      if (compareKinesisSequenceNumbers(parts.sequenceNumber, previous.sequenceNumber) <= 0) {
        fail(
          api,
          `records[${i}].sequenceNumber`,
          `${parts.sequenceNumber} is not greater than the previous record's ${previous.sequenceNumber}: sequence numbers strictly increase within a shard`,
        );
      }
      if (parts.arrivalTime < previous.arrivalTime)
        fail(
          api,
          `records[${i}].arrivalTime`,
          `${parts.arrivalTime} is before the previous record's ${previous.arrivalTime}: records of a shard arrive in order`,
        );
    }
    previous = parts;
    bound += kinesisRecordJsonBound(source, shared.streamArn, parts);
    out[i] = build(shared, parts);
  }
  assertLambdaPayload(api, { Records: out }, bound);
  return out;
}

/** Builds a Kinesis event (one batch of one shard); see {@link toKinesisRecords} for the rules. */
export function toKinesisEvent(
  source: KinesisSourceParts,
  records: readonly KinesisDataParts[],
  api = 'toKinesisEvent',
): KinesisStreamEvent {
  return { Records: toKinesisRecords(source, records, api) };
}

/**
 * Builds a tumbling-window Kinesis event: the records plus `window`, `state`, `shardId`,
 * `eventSourceARN`, `isFinalInvokeForWindow` and `isWindowTerminatedEarly`.
 */
export function toKinesisTumblingWindowEvent(
  source: KinesisSourceParts,
  records: readonly KinesisDataParts[],
  window: KinesisWindowParts,
  api = 'toKinesisTumblingWindowEvent',
): KinesisTumblingWindowEvent {
  // A window's final invocation may come with no records left (Lambda sends `Records: []`).
  const Records =
    Array.isArray(records) && records.length === 0 && window?.isFinalInvokeForWindow === true
      ? []
      : toKinesisRecords(source, records, api);
  const { streamArn } = prepareSource(api, source);
  checkTumblingWindow(
    api,
    window,
    records.map((record) => record.arrivalTime),
    (i) => `records[${i}].arrivalTime`,
    'arrival time',
  );
  return {
    Records,
    window: { start: isoSeconds(new Date(window.start)), end: isoSeconds(new Date(window.end)) },
    state: window.state,
    shardId: source.shardId,
    eventSourceARN: streamArn,
    isFinalInvokeForWindow: window.isFinalInvokeForWindow,
    isWindowTerminatedEarly: window.isWindowTerminatedEarly,
  };
}
