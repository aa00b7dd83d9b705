/** A Kinesis record's data as callers give it, and the one conversion of it to bytes. */
import { fail, show } from '../../_internals/errors.js';
import type { JsonValue } from '../../_internals/json.js';

/**
 * A record's data: bytes are sent as they are; a string as its UTF-8 bytes (not JSON-quoted);
 * any other JSON value as the UTF-8 bytes of `JSON.stringify(value)`. Lambda sees it base64-encoded.
 */
export type KinesisData = JsonValue | Uint8Array;

/**
 * Encodes a record's data to bytes; the one place the kit turns `KinesisData` into bytes.
 * Throws an EventInputError (naming `api` and `argument`) when `data` is not JSON-serialisable.
 * @example kinesisDataBytes('makeKinesisEvent', 'records[0]', { n: 1 }) // the bytes of '{"n":1}'
 */
export function kinesisDataBytes(api: string, argument: string, data: KinesisData): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  let json: string | undefined;
  try {
    json = JSON.stringify(data);
  } catch (error) {
    fail(api, argument, `cannot be serialised as JSON (${(error as Error).message})`);
  }
  if (json === undefined) fail(api, argument, `${show(data)} is not a JSON value, a string or a Uint8Array`);
  return Buffer.from(json, 'utf8');
}
