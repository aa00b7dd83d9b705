/** Service limits that factories enforce, with their sources. */
import { fail } from './errors.js';

/** 1 MiB: SQS message body (since January 2026), EventBridge entry, Kinesis record data. */
export const ONE_MIB = 1024 * 1024;
/** 400 KB: DynamoDB item size (the limit counts 1 KB as 1,024 bytes). */
export const DYNAMODB_ITEM_LIMIT = 400 * 1024;
/** 6 MB: Lambda's synchronous invocation payload (6,291,456 bytes). */
export const LAMBDA_PAYLOAD_LIMIT = 6 * 1024 * 1024;

/** UTF-8 byte length of a string. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Throws when the JSON of `event` exceeds Lambda's 6 MB invocation payload.
 * `upperBoundBytes` is a cheap bound that never under-counts (e.g. 3 bytes per UTF-16 unit of
 * every variable string plus a generous per-record allowance): batches it shows to be small skip
 * serialising. Pass `Infinity` to always measure.
 */
export function assertLambdaPayload(api: string, event: unknown, upperBoundBytes: number): void {
  if (upperBoundBytes <= LAMBDA_PAYLOAD_LIMIT) return;
  assertLambdaPayloadBytes(api, utf8Length(JSON.stringify(event)));
}

/** Throws when an event of exactly `bytes` JSON bytes (UTF-8) exceeds Lambda's 6 MB invocation payload. */
export function assertLambdaPayloadBytes(api: string, bytes: number): void {
  if (bytes > LAMBDA_PAYLOAD_LIMIT) {
    fail(
      api,
      'the batch',
      `serialises to ${bytes} bytes, over Lambda's 6 MB (${LAMBDA_PAYLOAD_LIMIT} bytes) invocation payload limit`,
    );
  }
}
