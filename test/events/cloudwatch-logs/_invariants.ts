/**
 * Every invariant of a CloudWatch Logs subscription event (gzip + base64 data, sorted events, ids that embed the timestamp, DATA/CONTROL rules), checked on
 * factory and arbitrary output alike, plus Powertools' CloudWatchLogsSchema.
 */
import { gunzipSync } from 'node:zlib';
import { CloudWatchLogsSchema } from '@aws-lambda-powertools/parser/schemas';
import { expect } from 'vitest';
import { isBase64 } from '../../../src/_internals/hash.js';
import type { CloudWatchLogsDecodedData, CloudWatchLogsEvent } from '../../../src/events/cloudwatch-logs/types.js';
import { keySet } from '../../_helpers/keySets.js';

/** Key set of powertools-ts__cloudwatch-logs.json (a real capture). */
const EVENT_KEYS = ['awslogs', 'awslogs.data'];
/** Key set of its decoded payload (the same as aws-docs__cloudwatch-logs-decoded-payload.json). */
const DECODED_KEYS = [
  'logEvents',
  'logEvents[].id',
  'logEvents[].message',
  'logEvents[].timestamp',
  'logGroup',
  'logStream',
  'messageType',
  'owner',
  'subscriptionFilters',
];
/** Extra key of powertools-python__cloudwatch-logs-policy-level.json (zlib, not gzip: keys only). */
const POLICY_KEY = 'policyLevel';

// Timestamps (1984–2112) whose ids have exactly 56 digits.
const MIN_56 = (10n ** 55n + (1n << 144n) - 1n) >> 144n;
const MAX_56 = (10n ** 56n) >> 144n;

/** Decodes independently of the kit's codec: base64 → gunzip → JSON. */
function rawDecode(event: CloudWatchLogsEvent): CloudWatchLogsDecodedData {
  expect(isBase64(event.awslogs.data)).toBe(true);
  const bytes = Buffer.from(event.awslogs.data, 'base64');
  expect(bytes.subarray(0, 2).toString('hex')).toBe('1f8b');
  return JSON.parse(gunzipSync(bytes).toString('utf8')) as CloudWatchLogsDecodedData;
}

/** Checks every invariant and returns the decoded payload. */
export function checkCloudWatchLogsEvent(event: CloudWatchLogsEvent): CloudWatchLogsDecodedData {
  expect(keySet(event)).toEqual(EVENT_KEYS);
  expect(JSON.stringify(event).length).toBeLessThanOrEqual(1024 * 1024);
  const data = rawDecode(event);
  expect(CloudWatchLogsSchema.safeParse(event).success).toBe(true);
  if (data.messageType === 'CONTROL_MESSAGE') {
    expect(data.owner).toBe('CloudwatchLogs');
    expect(data.logGroup).toBe('');
    expect(data.logStream).toBe('');
    expect(data.subscriptionFilters).toEqual([]);
    expect(data.logEvents).toHaveLength(1);
    expect(data.logEvents[0]!.id).toBe('');
    expect(data.logEvents[0]!.message).toBe('CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.');
    expect(keySet(data)).toEqual(DECODED_KEYS);
    return data;
  }
  expect(data.messageType).toBe('DATA_MESSAGE');
  expect(data.owner).toMatch(/^\d{12}$/);
  expect(data.logGroup).toMatch(/^[.\-_/#A-Za-z0-9]{1,512}$/);
  expect(data.logStream).toMatch(/^[^:*]{1,512}$/);
  expect(data.subscriptionFilters.length).toBeGreaterThanOrEqual(1);
  expect(data.logEvents.length).toBeGreaterThanOrEqual(1);
  const ingestion = (BigInt(data.logEvents[0]!.id) >> 80n) & ((1n << 64n) - 1n);
  const token = (BigInt(data.logEvents[0]!.id) >> 16n) & ((1n << 64n) - 1n);
  let previous: bigint | undefined;
  data.logEvents.forEach((event, i) => {
    expect(event.message.length).toBeGreaterThan(0);
    expect(Number.isSafeInteger(event.timestamp)).toBe(true);
    const id = BigInt(event.id);
    expect(event.id).toBe(id.toString());
    if (BigInt(event.timestamp) >= MIN_56 && BigInt(event.timestamp) < MAX_56) expect(event.id).toHaveLength(56);
    expect(id >> 144n).toBe(BigInt(event.timestamp));
    expect((id >> 80n) & ((1n << 64n) - 1n)).toBe(ingestion);
    expect((id >> 16n) & ((1n << 64n) - 1n)).toBe(token);
    expect(id & 0xffffn).toBe(BigInt(i));
    // PutLogEvents' window: at most 14 days before and 2 hours after ingestion.
    expect(BigInt(event.timestamp) <= ingestion + 7_200_000n).toBe(true);
    expect(BigInt(event.timestamp) >= ingestion - 1_209_600_000n).toBe(true);
    if (previous !== undefined) expect(id > previous).toBe(true);
    previous = id;
    if (i > 0) expect(event.timestamp).toBeGreaterThanOrEqual(data.logEvents[i - 1]!.timestamp);
  });
  expect(keySet(data)).toEqual([...DECODED_KEYS, ...(data.policyLevel === undefined ? [] : [POLICY_KEY])].sort());
  if (data.policyLevel !== undefined) expect(data.policyLevel).toBe('ACCOUNT_LEVEL_POLICY');
  return data;
}
