/**
 * The one "parts → event" mapper of CloudWatch Logs subscription events, and its codec:
 * `awslogs.data` = base64(gzip(UTF-8 JSON)).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { assertAccount } from '../../_internals/aws.js';
import { fail, show } from '../../_internals/errors.js';
import { isBase64 } from '../../_internals/hash.js';
import { assertJsonValue } from '../../_internals/json.js';
import { ONE_MIB } from '../../_internals/limits.js';
import { batchIdBits, logEventId } from './ids.js';
import type {
  CloudWatchLogsControlMessage,
  CloudWatchLogsDataMessage,
  CloudWatchLogsDataParts,
  CloudWatchLogsDecodedData,
  CloudWatchLogsEvent,
  CloudWatchLogsLogEvent,
} from './types.js';
import {
  assertEpochMillis,
  assertLogGroup,
  assertLogStream,
  assertLogTimestamp,
  assertMessage,
  assertSubscriptionFilters,
  MAX_LOG_EVENTS,
} from './validate.js';

/** The message of the health check CloudWatch Logs sends when a Kinesis destination is set up. */
export const CONTROL_MESSAGE_TEXT = 'CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.';
/**
 * The largest `awslogs` event: CloudWatch Logs invokes Lambda asynchronously, and asynchronous
 * invocations take at most 1 MB (1,048,576 bytes).
 */
const MAX_CLOUDWATCH_LOGS_EVENT_BYTES = ONE_MIB;
const MAX_64 = (1n << 64n) - 1n;

/**
 * Builds a `DATA_MESSAGE` payload: ids from each timestamp, the shared ingestion time and batch
 * token, and the event's index; keys in AWS's order; `policyLevel` only when given.
 * Throws unless names follow the rules, there are 1 to 10,000 events sorted by timestamp,
 * messages are non-empty and timestamps fall in PutLogEvents' window around the ingestion time.
 */
export function toCloudWatchLogsDataMessage(
  parts: CloudWatchLogsDataParts,
  api = 'toCloudWatchLogsDataMessage',
): CloudWatchLogsDataMessage {
  const owner = assertAccount(api, 'parts.owner', parts.owner);
  const logGroup = assertLogGroup(api, 'parts.logGroup', parts.logGroup);
  const logStream = assertLogStream(api, 'parts.logStream', parts.logStream);
  const subscriptionFilters = assertSubscriptionFilters(api, 'parts.subscriptionFilters', parts.subscriptionFilters);
  const { ingestionTime, batchToken } = parts;
  assertEpochMillis(api, 'parts.ingestionTime', ingestionTime);
  if (typeof batchToken !== 'bigint' || batchToken < 0n || batchToken > MAX_64)
    fail(api, 'parts.batchToken', `must be a 64-bit unsigned bigint, got ${String(batchToken)}`);
  if (parts.policyLevel !== undefined && parts.policyLevel !== 'ACCOUNT_LEVEL_POLICY')
    fail(api, 'parts.policyLevel', `must be "ACCOUNT_LEVEL_POLICY" or undefined, got ${show(parts.policyLevel)}`);
  const input = parts.logEvents;
  if (!Array.isArray(input) || input.length === 0)
    fail(api, 'parts.logEvents', 'must be a non-empty array: CloudWatch Logs never delivers an empty batch');
  if (input.length > MAX_LOG_EVENTS)
    fail(
      api,
      'parts.logEvents',
      `holds ${input.length} events, over the ${MAX_LOG_EVENTS}-event batch limit of CloudWatch Logs`,
    );
  // The id's constant part, computed once: per event only the timestamp and index change.
  const shared = batchIdBits(ingestionTime, batchToken);
  const logEvents: CloudWatchLogsLogEvent[] = new Array(input.length);
  let previous = -1;
  for (let i = 0; i < input.length; i++) {
    const event = input[i] as { timestamp?: unknown; message?: unknown } | undefined;
    if (event === null || typeof event !== 'object')
      fail(api, `parts.logEvents[${i}]`, `must be a log event { timestamp, message }, got ${show(event)}`);
    const timestamp = assertLogTimestamp(api, `parts.logEvents[${i}].timestamp`, event.timestamp, ingestionTime);
    if (timestamp < previous)
      fail(
        api,
        `parts.logEvents[${i}].timestamp`,
        `${timestamp} is before the previous event's ${previous}: a delivery's events are sorted by time`,
      );
    previous = timestamp;
    const message = assertMessage(api, `parts.logEvents[${i}].message`, event.message);
    logEvents[i] = { id: logEventId(timestamp, shared, i), timestamp, message };
  }
  const data: CloudWatchLogsDataMessage = {
    messageType: 'DATA_MESSAGE',
    owner,
    logGroup,
    logStream,
    subscriptionFilters: [...subscriptionFilters],
    logEvents,
  };
  if (parts.policyLevel !== undefined) data.policyLevel = parts.policyLevel;
  return data;
}

/** Builds the `CONTROL_MESSAGE` payload CloudWatch Logs sends at `timestamp` (epoch ms) to check a Kinesis destination. */
export function toCloudWatchLogsControlMessage(
  timestamp: number,
  api = 'toCloudWatchLogsControlMessage',
): CloudWatchLogsControlMessage {
  assertEpochMillis(api, 'timestamp', timestamp);
  return {
    messageType: 'CONTROL_MESSAGE',
    owner: 'CloudwatchLogs',
    logGroup: '',
    logStream: '',
    subscriptionFilters: [],
    logEvents: [{ id: '', timestamp, message: CONTROL_MESSAGE_TEXT }],
  };
}

/**
 * gzip of the payload's UTF-8 JSON: the bytes of `awslogs.data` and of the Kinesis record data
 * CloudWatch Logs writes to a Kinesis destination.
 */
export function encodeCloudWatchLogsData(data: CloudWatchLogsDecodedData): Buffer {
  if (!isRecord(data))
    fail(
      'encodeCloudWatchLogsData',
      'data',
      `must be a CloudWatch Logs payload object (DATA_MESSAGE or CONTROL_MESSAGE), got ${show(data)}`,
    );
  assertJsonValue('encodeCloudWatchLogsData', 'data', data);
  const gzipped = gzipSync(Buffer.from(JSON.stringify(data), 'utf8'));
  // The gzip header's OS byte: Node writes 3 (Unix); real deliveries carry 0.
  gzipped[9] = 0;
  return gzipped;
}

/** Wraps a payload as the event Lambda receives: `{ awslogs: { data: base64(gzip(JSON)) } }`. Throws over 1 MB. */
export function toCloudWatchLogsEvent(
  data: CloudWatchLogsDecodedData,
  api = 'toCloudWatchLogsEvent',
): CloudWatchLogsEvent {
  const encoded = encodeCloudWatchLogsData(data).toString('base64');
  const bytes = encoded.length + '{"awslogs":{"data":""}}'.length;
  if (bytes > MAX_CLOUDWATCH_LOGS_EVENT_BYTES)
    fail(
      api,
      'the batch',
      `encodes to a ${bytes}-byte event, over the ${MAX_CLOUDWATCH_LOGS_EVENT_BYTES}-byte limit of asynchronous Lambda invocations`,
    );
  return { awslogs: { data: encoded } };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Decodes gzipped payload bytes (e.g. Kinesis record data from a CloudWatch Logs destination). */
export function decodeCloudWatchLogsData(
  bytes: Uint8Array,
  api = 'decodeCloudWatchLogsData',
  argument = 'bytes',
): CloudWatchLogsDecodedData {
  if (!(bytes instanceof Uint8Array))
    fail(api, argument, `must be a Uint8Array (or Buffer) of gzipped payload bytes, got ${show(bytes)}`);
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    fail(
      api,
      argument,
      `is not gzip (it starts with ${Buffer.from(bytes.subarray(0, 2)).toString('hex') || 'nothing'}, not the gzip magic 1f8b); CloudWatch Logs always gzips (plain JSON and zlib are common fixture mistakes)`,
    );
  }
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch (error) {
    fail(api, argument, `is corrupt gzip (${(error as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    fail(api, argument, `gunzips to text that is not JSON (${(error as Error).message})`);
  }
  if (!isRecord(value)) fail(api, argument, `gunzips to ${show(value)}, not a JSON object`);
  if (value.messageType !== 'DATA_MESSAGE' && value.messageType !== 'CONTROL_MESSAGE')
    fail(api, argument, `has messageType ${show(value.messageType)}, not "DATA_MESSAGE" or "CONTROL_MESSAGE"`);
  for (const key of ['owner', 'logGroup', 'logStream'] as const) {
    if (typeof value[key] !== 'string') fail(api, argument, `has no string ${key} (got ${show(value[key])})`);
  }
  if (!Array.isArray(value.subscriptionFilters) || !value.subscriptionFilters.every((name) => typeof name === 'string'))
    fail(api, argument, 'has no subscriptionFilters array of strings');
  if (!Array.isArray(value.logEvents) || value.logEvents.length === 0)
    fail(api, argument, 'has no non-empty logEvents array');
  value.logEvents.forEach((event: unknown, i) => {
    if (
      !isRecord(event) ||
      typeof event.id !== 'string' ||
      typeof event.timestamp !== 'number' ||
      typeof event.message !== 'string'
    ) {
      fail(
        api,
        `${argument} logEvents[${i}]`,
        `must be { id: string, timestamp: number, message: string }, got ${show(event)}`,
      );
    }
  });
  return value as unknown as CloudWatchLogsDecodedData;
}

/**
 * Decodes `awslogs.data` back to its payload. Throws an EventInputError when the data is not
 * base64, not gzip (magic bytes 1f8b), not JSON, or not shaped like a CloudWatch Logs payload.
 * @example const { logEvents } = decodeCloudWatchLogsEvent(event);
 */
export function decodeCloudWatchLogsEvent(event: CloudWatchLogsEvent): CloudWatchLogsDecodedData {
  const api = 'decodeCloudWatchLogsEvent';
  const data: unknown = isRecord(event) && isRecord(event.awslogs) ? event.awslogs.data : undefined;
  if (typeof data !== 'string') fail(api, 'event.awslogs.data', `must be a string, got ${show(data)}`);
  if (!isBase64(data)) fail(api, 'event.awslogs.data', 'is not standard base64');
  return decodeCloudWatchLogsData(Buffer.from(data, 'base64'), api, 'event.awslogs.data');
}
