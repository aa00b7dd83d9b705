/**
 * Every invariant of a Kinesis event (formats, record fields, one source, region and shard per
 * batch, `eventID` = shard id + sequence number, increasing sequence numbers), checked on factory and
 * arbitrary output alike, plus Powertools' KinesisDataStreamSchema.
 */
import { KinesisDataStreamSchema } from '@aws-lambda-powertools/parser/schemas';
import { expect } from 'vitest';
import { partitionOfRegion } from '../../../src/_internals/aws.js';
import { isBase64 } from '../../../src/_internals/hash.js';
import { LAMBDA_PAYLOAD_LIMIT, utf8Length } from '../../../src/_internals/limits.js';
import { decodeKinesisSequenceNumber } from '../../../src/events/kinesis/sequenceNumber.js';
import type {
  KinesisStreamEvent,
  KinesisStreamRecord,
  KinesisTumblingWindowEvent,
} from '../../../src/events/kinesis/types.js';
import { keySet } from '../../_helpers/keySets.js';

/** Key set of powertools-ts__kinesis.json (= aws-lambda-go__kinesis.json), the Lambda docs' Kinesis event. */
const KINESIS_KEYS = [
  'Records',
  'Records[].awsRegion',
  'Records[].eventID',
  'Records[].eventName',
  'Records[].eventSource',
  'Records[].eventSourceARN',
  'Records[].eventVersion',
  'Records[].invokeIdentityArn',
  'Records[].kinesis',
  'Records[].kinesis.approximateArrivalTimestamp',
  'Records[].kinesis.data',
  'Records[].kinesis.kinesisSchemaVersion',
  'Records[].kinesis.partitionKey',
  'Records[].kinesis.sequenceNumber',
];
/** Extra key of aws-lambda-java-libs__kinesis.json, the one sample carrying `encryptionType`. */
const ENCRYPTION_KEY = 'Records[].kinesis.encryptionType';
/** Extra keys of aws-lambda-go__kinesis-tumbling-window.json (`state` cut as opaque). */
const TUMBLING_KEYS = [
  'eventSourceARN',
  'isFinalInvokeForWindow',
  'isWindowTerminatedEarly',
  'shardId',
  'state',
  'window',
  'window.end',
  'window.start',
];

const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const STREAM_ARN = /^arn:(aws|aws-cn|aws-us-gov):kinesis:([a-z0-9-]+):(\d{12}):stream\/([a-zA-Z0-9_.-]{1,128})$/;
const ISO_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** Powertools throws (instead of failing) on bad base64, so the oracle wraps it. */
function powertoolsAccepts(event: unknown): { success: boolean; error?: unknown } {
  try {
    const result = KinesisDataStreamSchema.safeParse(event);
    return result.success ? { success: true } : { success: false, error: result.error };
  } catch (error) {
    return { success: false, error };
  }
}

/** Fails with `message` unless `condition` holds (plain checks: `expect` is too slow for 10,000-record batches). */
function ensure(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(`Kinesis invariant broken: ${message()}`);
}

/** The invariants of one record on its own. */
export function checkRecord(record: KinesisStreamRecord): void {
  const show = () => JSON.stringify(record).slice(0, 400);
  ensure(
    record.eventSource === 'aws:kinesis' &&
      record.eventVersion === '1.0' &&
      record.eventName === 'aws:kinesis:record' &&
      record.kinesis.kinesisSchemaVersion === '1.0',
    () => `constants of ${show()}`,
  );
  const arn = STREAM_ARN.exec(record.eventSourceARN);
  ensure(arn !== null, () => `eventSourceARN ${record.eventSourceARN} is not a stream ARN`);
  ensure(arn![2] === record.awsRegion, () => `ARN region ${arn![2]} differs from awsRegion ${record.awsRegion}`);
  ensure(
    arn![1] === partitionOfRegion(record.awsRegion),
    () => `ARN partition ${arn![1]} does not match ${record.awsRegion}`,
  );
  ensure(
    ROLE_ARN.test(record.invokeIdentityArn) && record.invokeIdentityArn.split(':')[1] === arn![1],
    () => `invokeIdentityArn ${record.invokeIdentityArn}`,
  );
  const { sequenceNumber, data, partitionKey, approximateArrivalTimestamp } = record.kinesis;
  ensure(/^[1-9]\d{55}$/.test(sequenceNumber), () => `sequenceNumber ${sequenceNumber} is not 56 digits`);
  const [shardId, eventSeq, ...rest] = record.eventID.split(':');
  ensure(
    rest.length === 0 && /^shardId-\d{12}$/.test(shardId!) && eventSeq === sequenceNumber,
    () => `eventID ${record.eventID} is not shardId:${sequenceNumber}`,
  );
  const decoded = decodeKinesisSequenceNumber(sequenceNumber);
  ensure(decoded !== undefined, () => `sequenceNumber ${sequenceNumber} does not follow the layout`);
  ensure(
    decoded!.shardIndex === Number(shardId!.slice(8)) % 2 ** 32,
    () => `sequenceNumber ${sequenceNumber} names shard ${decoded!.shardIndex}, not ${shardId}`,
  );
  ensure(
    decoded!.timestampSeconds === Math.floor(approximateArrivalTimestamp),
    () => `sequenceNumber second ${decoded!.timestampSeconds} vs arrival ${approximateArrivalTimestamp}`,
  );
  ensure(
    decoded!.shardCreatedAtSeconds <= decoded!.timestampSeconds,
    () => 'record written before its shard was created',
  );
  // Epoch seconds with millisecond precision.
  ensure(
    Math.round(approximateArrivalTimestamp * 1000) / 1000 === approximateArrivalTimestamp,
    () => `approximateArrivalTimestamp ${approximateArrivalTimestamp} is not ms precision`,
  );
  ensure(isBase64(data), () => `data ${data.slice(0, 40)} is not base64`);
  const keyLength = [...partitionKey].length;
  ensure(keyLength >= 1 && keyLength <= 256, () => `partitionKey has ${keyLength} characters`);
  ensure(Buffer.byteLength(data, 'base64') + utf8Length(partitionKey) <= 1024 * 1024, () => 'record over 1 MiB');
  ensure(
    record.kinesis.encryptionType === undefined ||
      record.kinesis.encryptionType === 'NONE' ||
      record.kinesis.encryptionType === 'KMS',
    () => `encryptionType ${record.kinesis.encryptionType}`,
  );
}

/** The invariants of a whole batch (and of its tumbling-window fields when present). */
export function checkKinesisEvent(event: KinesisStreamEvent | KinesisTumblingWindowEvent): void {
  const records = event.Records;
  expect(records.length).toBeGreaterThanOrEqual(1);
  expect(records.length).toBeLessThanOrEqual(10_000);
  expect(utf8Length(JSON.stringify(event))).toBeLessThanOrEqual(LAMBDA_PAYLOAD_LIMIT);
  const first = records[0]!;
  const shardId = first.eventID.split(':')[0]!;
  const prefix = first.kinesis.sequenceNumber.slice(0, 27);
  let previous: KinesisStreamRecord | undefined;
  for (const record of records) {
    checkRecord(record);
    // One source, one region, one shard per batch.
    ensure(
      record.eventSourceARN === first.eventSourceARN &&
        record.awsRegion === first.awsRegion &&
        record.invokeIdentityArn === first.invokeIdentityArn,
      () => `record ${record.eventID} comes from another source`,
    );
    ensure(
      record.eventID.split(':')[0] === shardId,
      () => `record ${record.eventID} comes from another shard than ${shardId}`,
    );
    ensure(
      record.kinesis.sequenceNumber.slice(0, 27) === prefix,
      () => `${record.kinesis.sequenceNumber} does not share the shard prefix ${prefix}`,
    );
    ensure(
      record.kinesis.encryptionType === first.kinesis.encryptionType,
      () => 'encryptionType varies within the batch',
    );
    if (previous !== undefined) {
      ensure(
        BigInt(record.kinesis.sequenceNumber) > BigInt(previous.kinesis.sequenceNumber),
        () => `${record.kinesis.sequenceNumber} does not follow ${previous!.kinesis.sequenceNumber}`,
      );
      ensure(
        record.kinesis.approximateArrivalTimestamp >= previous.kinesis.approximateArrivalTimestamp,
        () => 'arrival times decrease',
      );
    }
    previous = record;
  }
  const expectedKeys = [...KINESIS_KEYS, ...(first.kinesis.encryptionType === undefined ? [] : [ENCRYPTION_KEY])];
  if ('window' in event) {
    expect(event.window.start).toMatch(ISO_SECONDS);
    expect(event.window.end).toMatch(ISO_SECONDS);
    const start = Date.parse(event.window.start);
    const end = Date.parse(event.window.end);
    expect(end - start).toBeGreaterThanOrEqual(1000);
    expect(end - start).toBeLessThanOrEqual(900_000);
    for (const record of records) {
      const arrival = Math.round(record.kinesis.approximateArrivalTimestamp * 1000);
      expect(arrival).toBeGreaterThanOrEqual(start);
      expect(arrival).toBeLessThan(end);
    }
    expect(event.shardId).toBe(shardId);
    expect(event.eventSourceARN).toBe(first.eventSourceARN);
    expect(typeof event.isFinalInvokeForWindow).toBe('boolean');
    expect(typeof event.isWindowTerminatedEarly).toBe('boolean');
    // An early end is flagged on the window's final invocation only.
    if (event.isWindowTerminatedEarly) expect(event.isFinalInvokeForWindow).toBe(true);
    expect(event.state).toBeTypeOf('object');
    expect(keySet(event, ['state'])).toEqual([...expectedKeys, ...TUMBLING_KEYS].sort());
  } else {
    expect(keySet(event)).toEqual(expectedKeys.sort());
  }
  const verdict = powertoolsAccepts(event);
  expect(verdict.error).toBeUndefined();
}
