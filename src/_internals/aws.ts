/** Formats and rules shared by every AWS source: regions, accounts, partitions, ARNs, time. */
import { fail, show } from './errors.js';

/** The AWS partitions the kit knows. */
export type AwsPartition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** The default account of every factory. */
export const DEFAULT_ACCOUNT = '123456789012';
/** The default region of every factory. */
export const DEFAULT_REGION = 'us-east-1';
/**
 * The default "now" of every factory: a fixed instant, so factory output is the same
 * in every process. Pass `time` to vary it.
 */
export const DEFAULT_TIME = new Date('2026-01-15T12:30:45.123Z');

// Commercial, China, GovCloud and ISO regions: us-east-1, cn-north-1, us-gov-west-1, us-isob-east-1, ap-southeast-5 …
const REGION_PATTERN = /^(?:[a-z]{2}|us-gov|us-iso[a-z]?|eu-iso[a-z]?)-(?:[a-z]+)-\d{1,2}$/;
const ACCOUNT_PATTERN = /^\d{12}$/;

/** Throws unless `region` looks like an AWS region code (`us-east-1`, `cn-north-1`, `us-gov-west-1`). */
export function assertRegion(api: string, argument: string, region: unknown): string {
  if (typeof region !== 'string' || !REGION_PATTERN.test(region)) {
    fail(
      api,
      argument,
      `${show(region)} is not an AWS region code (expected something like "us-east-1", "eu-central-1" or "us-gov-west-1")`,
    );
  }
  return region;
}

/** Throws unless `account` is an AWS account id: exactly 12 digits. */
export function assertAccount(api: string, argument: string, account: unknown): string {
  if (typeof account !== 'string' || !ACCOUNT_PATTERN.test(account)) {
    fail(api, argument, `${show(account)} is not an AWS account id (exactly 12 digits, as a string)`);
  }
  return account;
}

/** The partition a region belongs to. */
export function partitionOfRegion(region: string): AwsPartition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** Checks a partition and that it agrees with the region. */
export function resolvePartition(api: string, region: string, partition: unknown): AwsPartition {
  const expected = partitionOfRegion(region);
  if (partition === undefined) return expected;
  if (partition !== 'aws' && partition !== 'aws-cn' && partition !== 'aws-us-gov') {
    fail(api, 'options.partition', `${show(partition)} is not an AWS partition ("aws", "aws-cn" or "aws-us-gov")`);
  }
  if (partition !== expected) {
    fail(
      api,
      'options.partition',
      `${show(partition)} does not match region ${show(region)}, which is in partition "${expected}"`,
    );
  }
  return partition;
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>` */
export function arn(partition: string, service: string, region: string, account: string, resource: string): string {
  return `arn:${partition}:${service}:${region}:${account}:${resource}`;
}

/** Parses an ARN into its six parts, or returns undefined when it is not one. */
export function parseArn(
  text: string,
): { partition: string; service: string; region: string; account: string; resource: string } | undefined {
  const match = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(text);
  if (!match) return undefined;
  const [, partition, service, region, account, resource] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return { partition, service, region, account, resource };
}

/**
 * The latest time the kit accepts, 9999-12-31T23:59:59.999Z: AWS writes times as ISO-8601 with a
 * 4-digit year, and `Date#toISOString` writes later (and negative) years as `+275760-…`, which no
 * AWS time field holds.
 */
export const MAX_TIME_MS = Date.parse('9999-12-31T23:59:59.999Z');
/** The earliest time the kit accepts, 0000-01-01T00:00:00.000Z (the first 4-digit year). */
const MIN_TIME_MS = Date.parse('0000-01-01T00:00:00.000Z');

/** Whether `ms` is epoch milliseconds of a time with a 4-digit year (0000 to 9999). */
export function isFourDigitYearTime(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_TIME_MS && ms <= MAX_TIME_MS;
}

/** An ISO text of `ms` for an error message, or the number itself when no Date holds it. */
export function describeTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}

/**
 * Throws unless `time` lies in `[minMs, maxMs]`, naming the factory's `argument` (usually
 * `options.time`) and `why` the source has that range, rather than an internal encoder.
 */
export function assertTimeWithin(
  api: string,
  argument: string,
  time: Date,
  minMs: number,
  maxMs: number,
  why: string,
): Date {
  const ms = time.getTime();
  if (ms < minMs || ms > maxMs)
    fail(api, argument, `${time.toISOString()} is outside ${describeTime(minMs)} to ${describeTime(maxMs)}: ${why}`);
  return time;
}

/** Epoch 0, the earliest time of sources that write epoch numbers (Kinesis, DynamoDB Streams, CloudWatch Logs). */
export const EPOCH_MS = 0;
/** The last millisecond of 32-bit epoch seconds (2106-02-07T06:28:15.999Z): Kinesis sequence numbers hold 32-bit seconds. */
export const MAX_EPOCH32_MS = (2 ** 32 - 1) * 1000 + 999;

/**
 * Resolves a `time` option (Date, ISO string or epoch ms) to a valid Date with a 4-digit year
 * (0000 to 9999; see {@link MAX_TIME_MS}).
 */
export function resolveTime(api: string, argument: string, time: unknown): Date {
  if (time === undefined) return DEFAULT_TIME;
  const date =
    time instanceof Date
      ? new Date(time.getTime())
      : typeof time === 'string' || typeof time === 'number'
        ? new Date(time)
        : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) {
    fail(api, argument, `${show(time)} is not a valid time (give a Date, an ISO-8601 string or epoch milliseconds)`);
  }
  if (!isFourDigitYearTime(date.getTime())) {
    fail(
      api,
      argument,
      `${show(time)} is ${date.toISOString()}, outside the years 0000 to 9999 that AWS's ISO-8601 times (4-digit years) can hold`,
    );
  }
  return date;
}

/** `2023-04-12T20:43:38.021Z`: S3 `eventTime`, exactly three fractional digits. */
export function isoMillis(date: Date): string {
  return date.toISOString();
}

/** `2023-04-12T20:43:38Z`: EventBridge `time`, whole seconds. */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** Epoch seconds, rounded down (DynamoDB Streams `ApproximateCreationDateTime`). */
export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** Epoch seconds with millisecond precision (Kinesis `approximateArrivalTimestamp`), of a Date or of epoch milliseconds. */
export function epochSecondsMillis(time: Date | number): number {
  return (typeof time === 'number' ? time : time.getTime()) / 1000;
}
