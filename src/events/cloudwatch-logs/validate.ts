/** Input rules of CloudWatch Logs names and events, from the CloudWatch Logs API reference. */
import { describeTime, MAX_TIME_MS } from '../../_internals/aws.js';
import { fail, show } from '../../_internals/errors.js';

/** Log group names: 1 to 512 of `[.\-_/#A-Za-z0-9]` (CreateLogGroup). */
export const LOG_GROUP_PATTERN = /^[.\-_/#A-Za-z0-9]{1,512}$/;
/** Log stream and subscription filter names: 1 to 512 characters, no `:` or `*`. */
const LOG_STREAM_PATTERN = /^[^:*]{1,512}$/;
/** PutLogEvents takes at most 10,000 events per batch. */
export const MAX_LOG_EVENTS = 10_000;
/** PutLogEvents rejects events more than 2 hours after ingestion… */
export const MAX_FUTURE_MS = 2 * 3_600_000;
/** …or more than 14 days before it. */
export const MAX_PAST_MS = 14 * 86_400_000;
/** Account-level and log-group-level filters: at most 2 per log group. */
const MAX_SUBSCRIPTION_FILTERS = 2;

/** Throws unless `name` follows the log group naming rules. */
export function assertLogGroup(api: string, argument: string, name: unknown): string {
  if (typeof name !== 'string' || !LOG_GROUP_PATTERN.test(name))
    fail(
      api,
      argument,
      `${show(name)} breaks CloudWatch Logs log group naming rules: 1 to 512 characters of letters, digits, '.', '-', '_', '/' and '#'`,
    );
  return name;
}

/** Throws unless `name` is a valid log stream name. */
export function assertLogStream(api: string, argument: string, name: unknown): string {
  if (typeof name !== 'string' || !LOG_STREAM_PATTERN.test(name))
    fail(
      api,
      argument,
      `${show(name)} breaks CloudWatch Logs log stream naming rules: 1 to 512 characters, without ':' or '*'`,
    );
  return name;
}

/** Throws unless `names` holds 1 or 2 valid subscription filter names. */
export function assertSubscriptionFilters(api: string, argument: string, names: unknown): readonly string[] {
  if (!Array.isArray(names) || names.length === 0 || names.length > MAX_SUBSCRIPTION_FILTERS)
    fail(
      api,
      argument,
      `must name the delivering subscription filter(s): an array of 1 to ${MAX_SUBSCRIPTION_FILTERS} names, got ${show(names)}`,
    );
  // An index loop, not forEach: a hole must be refused like undefined, not skipped.
  for (let i = 0; i < names.length; i++) {
    const name: unknown = names[i];
    if (typeof name !== 'string' || !LOG_STREAM_PATTERN.test(name))
      fail(
        api,
        `${argument}[${i}]`,
        `${show(name)} breaks subscription filter naming rules: 1 to 512 characters, without ':' or '*'`,
      );
  }
  return names as readonly string[];
}

/** Throws unless `message` is a non-empty string (PutLogEvents requires at least 1 character). */
export function assertMessage(api: string, argument: string, message: unknown): string {
  if (typeof message !== 'string' || message.length === 0)
    fail(api, argument, `must be a non-empty string (CloudWatch Logs rejects empty messages), got ${show(message)}`);
  return message;
}

/** Throws unless `ms` is non-negative integer epoch milliseconds up to the end of year 9999 (a time a Date can print). */
export function assertEpochMillis(api: string, argument: string, ms: unknown): asserts ms is number {
  if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms < 0 || ms > MAX_TIME_MS) {
    fail(
      api,
      argument,
      `must be non-negative integer epoch milliseconds up to ${describeTime(MAX_TIME_MS)}, got ${show(ms)}`,
    );
  }
}

/** Throws unless `timestamp` is integer epoch ms within PutLogEvents' window around `ingestionTime`. */
export function assertLogTimestamp(api: string, argument: string, timestamp: unknown, ingestionTime: number): number {
  assertEpochMillis(api, argument, timestamp);
  if (timestamp > ingestionTime + MAX_FUTURE_MS)
    fail(
      api,
      argument,
      `${describeTime(timestamp)} is more than 2 hours after the ingestion time ${describeTime(ingestionTime)} (options.time); CloudWatch Logs rejects such events`,
    );
  if (timestamp < ingestionTime - MAX_PAST_MS)
    fail(
      api,
      argument,
      `${describeTime(timestamp)} is more than 14 days before the ingestion time ${describeTime(ingestionTime)} (options.time); CloudWatch Logs rejects such events, so pass a later timestamp or an earlier options.time`,
    );
  return timestamp;
}
