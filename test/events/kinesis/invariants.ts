/**
 * Every invariant of a Kinesis event (event-shapes §0, §4, §9.1–9.3), checked on factory and
 * arbitrary output alike, plus Powertools' KinesisDataStreamSchema.
 */
import { KinesisDataStreamSchema } from '@aws-lambda-powertools/parser/schemas';
import { expect } from 'vitest';
import { partitionOfRegion } from '../../../src/_internals/aws.js';
import { isBase64 } from '../../../src/_internals/hash.js';
import { LAMBDA_PAYLOAD_LIMIT, utf8Length } from '../../../src/_internals/limits.js';
import { decodeKinesisSequenceNumber } from '../../../src/events/kinesis/sequenceNumber.js';
import type { KinesisStreamEvent, KinesisStreamRecord, KinesisTumblingWindowEvent } from '../../../src/events/kinesis/types.js';
import { keySet } from '../../_helpers/keySets.js';

/** Key set of powertools-ts__kinesis.json (= aws-lambda-go__kinesis.json), the Lambda docs' Kinesis event. */
export const KINESIS_KEYS = [
  'Records', 'Records[].awsRegion', 'Records[].eventID', 'Records[].eventName', 'Records[].eventSource', 'Records[].eventSourceARN',
  'Records[].eventVersion', 'Records[].invokeIdentityArn', 'Records[].kinesis', 'Records[].kinesis.approximateArrivalTimestamp',
  'Records[].kinesis.data', 'Records[].kinesis.kinesisSchemaVersion', 'Records[].kinesis.partitionKey', 'Records[].kinesis.sequenceNumber',
];
/** Extra key of aws-lambda-java-libs__kinesis.json, the one sample carrying `encryptionType`. */
export const ENCRYPTION_KEY = 'Records[].kinesis.encryptionType';
/** Extra keys of aws-lambda-go__kinesis-tumbling-window.json (`state` cut as opaque). */
export const TUMBLING_KEYS = ['eventSourceARN', 'isFinalInvokeForWindow', 'isWindowTerminatedEarly', 'shardId', 'state', 'window', 'window.end', 'window.start'];

const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const STREAM_ARN = /^arn:(aws|aws-cn|aws-us-gov):kinesis:([a-z0-9-]+):(\d{12}):stream\/([a-zA-Z0-9_.-]{1,128})$/;
const ISO_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** Powertools throws (instead of failing) on bad base64, so the oracle wraps it. */
export function powertoolsAccepts(event: unknown): { success: boolean; error?: unknown } {
  try {
    const result = KinesisDataStreamSchema.safeParse(event);
    return result.success ? { success: true } : { success: false, error: result.error };
  } catch (error) {
    return { success: false, error };
  }
}

/** The invariants of one record on its own. */
export function checkRecord(record: KinesisStreamRecord): void {
  expect(record.eventSource).toBe('aws:kinesis');
  expect(record.eventVersion).toBe('1.0');
  expect(record.eventName).toBe('aws:kinesis:record');
  expect(record.kinesis.kinesisSchemaVersion).toBe('1.0');
  const arn = STREAM_ARN.exec(record.eventSourceARN);
  expect(arn, record.eventSourceARN).not.toBeNull();
  expect(arn![2]).toBe(record.awsRegion);
  expect(arn![1]).toBe(partitionOfRegion(record.awsRegion));
  expect(record.invokeIdentityArn).toMatch(ROLE_ARN);
  expect(record.invokeIdentityArn.split(':')[1]).toBe(arn![1]);
  const { sequenceNumber, data, partitionKey, approximateArrivalTimestamp } = record.kinesis;
  expect(sequenceNumber).toMatch(/^[1-9]\d{55}$/);
  const [shardId, eventSeq, ...rest] = record.eventID.split(':');
  expect(rest).toEqual([]);
  expect(shardId).toMatch(/^shardId-\d{12}$/);
  expect(eventSeq).toBe(sequenceNumber);
  const decoded = decodeKinesisSequenceNumber(sequenceNumber);
  expect(decoded, sequenceNumber).toBeDefined();
  expect(decoded!.shardIndex).toBe(Number(shardId!.slice(8)) % 2 ** 32);
  expect(decoded!.timestampSeconds).toBe(Math.floor(approximateArrivalTimestamp));
  expect(decoded!.shardCreatedAtSeconds).toBeLessThanOrEqual(decoded!.timestampSeconds);
  // Epoch seconds with millisecond precision.
  expect(Math.round(approximateArrivalTimestamp * 1000) / 1000).toBe(approximateArrivalTimestamp);
  expect(isBase64(data)).toBe(true);
  const keyLength = [...partitionKey].length;
  expect(keyLength).toBeGreaterThanOrEqual(1);
  expect(keyLength).toBeLessThanOrEqual(256);
  expect(Buffer.from(data, 'base64').byteLength + utf8Length(partitionKey)).toBeLessThanOrEqual(1024 * 1024);
  if (record.kinesis.encryptionType !== undefined) expect(['NONE', 'KMS']).toContain(record.kinesis.encryptionType);
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
    // §9.2: one source, one region, one shard per batch.
    expect(record.eventSourceARN).toBe(first.eventSourceARN);
    expect(record.awsRegion).toBe(first.awsRegion);
    expect(record.invokeIdentityArn).toBe(first.invokeIdentityArn);
    expect(record.eventID.split(':')[0]).toBe(shardId);
    expect(record.kinesis.sequenceNumber.slice(0, 27)).toBe(prefix);
    expect(record.kinesis.encryptionType).toBe(first.kinesis.encryptionType);
    if (previous !== undefined) {
      expect(BigInt(record.kinesis.sequenceNumber) > BigInt(previous.kinesis.sequenceNumber)).toBe(true);
      expect(record.kinesis.approximateArrivalTimestamp).toBeGreaterThanOrEqual(previous.kinesis.approximateArrivalTimestamp);
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
    expect(event.state).toBeTypeOf('object');
    expect(keySet(event, ['state'])).toEqual([...expectedKeys, ...TUMBLING_KEYS].sort());
  } else {
    expect(keySet(event)).toEqual(expectedKeys.sort());
  }
  const verdict = powertoolsAccepts(event);
  expect(verdict.error).toBeUndefined();
}
