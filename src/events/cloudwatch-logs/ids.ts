/**
 * CloudWatch Logs event ids. In real deliveries every id is a 56-digit decimal laid out as
 * `timestamp << 144 | ingestionTime << 80 | batchToken << 16 | index`: the event's own time,
 * a later (ingestion) time and a 64-bit value shared by the batch, and a counter from 0 within
 * the batch (checked on every 56-digit id of the real samples).
 */
import { fail, show } from '../../_internals/errors.js';

const MAX_64 = (1n << 64n) - 1n;
/** The largest in-batch index an id can hold (16 bits). */
const MAX_LOG_EVENT_INDEX = 0xffff;

/** The fields of a log event id. */
export interface CloudWatchLogsEventIdParts {
  /** The event's timestamp, epoch ms. */
  timestamp: number;
  /** The batch's ingestion time, epoch ms. */
  ingestionTime: number;
  /** 64 bits shared by the batch. */
  batchToken: bigint;
  /** Position in the batch, from 0. */
  index: number;
}

/**
 * The id of one log event.
 * @example encodeLogEventId({ timestamp: 1729520895158, ingestionTime: 1729520904176, batchToken: 0x78ff52991e50c4bfn, index: 0 }) // '38569604798453153764115268074363468419149517103543812096'
 */
export function encodeLogEventId(parts: CloudWatchLogsEventIdParts): string {
  const api = 'encodeLogEventId';
  if (parts === null || typeof parts !== 'object')
    fail(api, 'parts', `must be { timestamp, ingestionTime, batchToken, index }, got ${show(parts)}`);
  if (!Number.isSafeInteger(parts.timestamp) || parts.timestamp < 0)
    fail(api, 'timestamp', `must be non-negative integer epoch milliseconds, got ${show(parts.timestamp)}`);
  if (!Number.isSafeInteger(parts.ingestionTime) || parts.ingestionTime < 0)
    fail(api, 'ingestionTime', `must be non-negative integer epoch milliseconds, got ${show(parts.ingestionTime)}`);
  if (typeof parts.batchToken !== 'bigint' || parts.batchToken < 0n || parts.batchToken > MAX_64)
    fail(api, 'batchToken', `must be a 64-bit unsigned bigint, got ${String(parts.batchToken)}`);
  if (!Number.isInteger(parts.index) || parts.index < 0 || parts.index > MAX_LOG_EVENT_INDEX)
    fail(api, 'index', `must be an integer from 0 to ${MAX_LOG_EVENT_INDEX}, got ${show(parts.index)}`);
  return logEventId(parts.timestamp, batchIdBits(parts.ingestionTime, parts.batchToken), parts.index);
}

/** The part of an id every event of a batch shares (ingestion time and batch token); inputs are trusted. */
export function batchIdBits(ingestionTime: number, batchToken: bigint): bigint {
  return (BigInt(ingestionTime) << 80n) | (batchToken << 16n);
}

/** An id from its timestamp, the batch's {@link batchIdBits} and its index; inputs are trusted. */
export function logEventId(timestamp: number, batchBits: bigint, index: number): string {
  return ((BigInt(timestamp) << 144n) | batchBits | BigInt(index)).toString();
}

/** The fields of a log event id, or undefined when `id` is not a decimal string. */
export function decodeLogEventId(id: string): CloudWatchLogsEventIdParts | undefined {
  if (typeof id !== 'string' || !/^[1-9]\d*$/.test(id)) return undefined;
  const n = BigInt(id);
  return {
    timestamp: Number(n >> 144n),
    ingestionTime: Number((n >> 80n) & MAX_64),
    batchToken: (n >> 16n) & MAX_64,
    index: Number(n & 0xffffn),
  };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * A Lambda function's log stream name: the UTC date of `time`, then `instance`, the execution
 * environment's part (`[$LATEST]` or `[<version>]` and 32 hex digits).
 * @example lambdaLogStreamName(new Date('2024-10-21T14:28:15Z'), '[$LATEST]0123456789abcdef0123456789abcdef') // '2024/10/21/[$LATEST]0123456789abcdef0123456789abcdef'
 */
export function lambdaLogStreamName(time: Date, instance: string): string {
  return `${time.getUTCFullYear()}/${pad2(time.getUTCMonth() + 1)}/${pad2(time.getUTCDate())}/${instance}`;
}
