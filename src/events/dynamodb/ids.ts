/** Identifiers of DynamoDB streams and their records: table names, stream labels and ARNs, sequence numbers, event ids. */
import { arn, isFourDigitYearTime, parseArn } from '../../_internals/aws.js';
import { fail, show } from '../../_internals/errors.js';
import type { Random } from '../../_internals/random.js';

const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;
const STREAM_LABEL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/;
const SEQUENCE_NUMBER = /^[1-9]\d{20,39}$/;
const EVENT_ID = /^[0-9a-f]{32}$/;
const DIGITS = '0123456789';

/** Whether `name` follows DynamoDB's table naming rules: 3–255 of `a-z A-Z 0-9 _ . -`. */
export function isTableName(name: string): boolean {
  return TABLE_NAME.test(name);
}

/** Throws unless `name` is a valid DynamoDB table name. */
export function assertTableName(api: string, argument: string, name: unknown): string {
  if (typeof name !== 'string' || !TABLE_NAME.test(name)) {
    fail(
      api,
      argument,
      `${show(name)} breaks DynamoDB's table naming rules: 3 to 255 characters, only letters, digits, '_', '.' and '-'`,
    );
  }
  return name;
}

/**
 * A stream label: the stream's creation time as `YYYY-MM-DDTHH:MM:SS.mmm` (UTC, no `Z`).
 * @example streamLabel(new Date('2015-06-27T00:48:05.899Z')) // '2015-06-27T00:48:05.899'
 */
export function streamLabel(created: Date): string {
  if (!(created instanceof Date) || !isFourDigitYearTime(created.getTime()))
    fail('streamLabel', 'created', `must be a valid Date with a 4-digit year, got ${show(created)}`);
  return created.toISOString().slice(0, 23);
}

/** Whether `label` has the stream-label layout `YYYY-MM-DDTHH:MM:SS.mmm`. */
export function isStreamLabel(label: string): boolean {
  return STREAM_LABEL.test(label) && !Number.isNaN(new Date(`${label}Z`).getTime());
}

/** `arn:<partition>:dynamodb:<region>:<account>:table/<table>` */
export function dynamoDBTableArn(partition: string, region: string, account: string, table: string): string {
  return arn(partition, 'dynamodb', region, account, `table/${table}`);
}

/** `arn:<partition>:dynamodb:<region>:<account>:table/<table>/stream/<label>` */
export function dynamoDBStreamArn(
  partition: string,
  region: string,
  account: string,
  table: string,
  label: string,
): string {
  return `${dynamoDBTableArn(partition, region, account, table)}/stream/${label}`;
}

/** The parts of a DynamoDB table or stream ARN. */
export interface DynamoDBArnParts {
  partition: string;
  region: string;
  account: string;
  table: string;
  /** Present for stream ARNs. */
  streamLabel?: string;
}

/** Parses a table ARN or stream ARN, or returns undefined when `text` is neither. */
export function parseDynamoDBArn(text: string): DynamoDBArnParts | undefined {
  if (typeof text !== 'string') return undefined;
  const parts = parseArn(text);
  if (parts === undefined || parts.service !== 'dynamodb') return undefined;
  const match = /^table\/([^/]+)(?:\/stream\/([^/]+))?$/.exec(parts.resource);
  if (match === null) return undefined;
  const [, table, label] = match as unknown as [string, string, string | undefined];
  if (!isTableName(table) || (label !== undefined && !isStreamLabel(label))) return undefined;
  const out: DynamoDBArnParts = { partition: parts.partition, region: parts.region, account: parts.account, table };
  if (label !== undefined) out.streamLabel = label;
  return out;
}

/** Whether `text` is a valid stream-record SequenceNumber: a decimal of 21–40 digits. */
export function isSequenceNumber(text: string): boolean {
  return SEQUENCE_NUMBER.test(text);
}

/**
 * The first SequenceNumber of a shard: 21–28 digits (the lengths seen in real records), no leading zero.
 */
export function firstSequenceNumber(random: Random): string {
  return String(random.int(1, 9)) + random.chars(random.int(20, 27), DIGITS);
}

/**
 * `digits + step` for a decimal string without leading zeros and a small step: the last 15 digits
 * as a Number (exact below 2^53), BigInt only when the sum carries past them (rare).
 */
function addToDecimal(digits: string, step: number): string {
  if (digits.length <= 15) return String(Number(digits) + step);
  const head = digits.length - 15;
  const sum = Number(digits.slice(head)) + step;
  if (sum >= 1e15) return String(BigInt(digits) + BigInt(step));
  return digits.slice(0, head) + String(sum).padStart(15, '0');
}

/**
 * The SequenceNumber after `previous` in the same shard: strictly greater, by a seeded gap
 * (real shards leave gaps between a table's records).
 */
export function nextSequenceNumber(previous: string, random: Random): string {
  if (!SEQUENCE_NUMBER.test(previous))
    fail('nextSequenceNumber', 'previous', `${show(previous)} is not a SequenceNumber (21 to 40 digits)`);
  const next = addToDecimal(previous, random.int(1, 9_999_999));
  if (next.length > 40)
    fail(
      'nextSequenceNumber',
      'previous',
      `${show(previous)} leaves no room for a larger SequenceNumber of at most 40 digits`,
    );
  return next;
}

/** Whether `id` is a stream-record eventID: 32 lower-case hex digits. */
export function isStreamEventId(id: string): boolean {
  return EVENT_ID.test(id);
}

/** A stream-record eventID: 32 lower-case hex digits. */
export function streamEventId(random: Random): string {
  return random.hex(32);
}
