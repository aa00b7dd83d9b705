/** A Kinesis record's data as callers give it, and the one conversion of it to bytes. */
import { assertJsonValue, jsonProblemText, type JsonRules, type JsonValue } from '../../_internals/json.js';

/**
 * A record's data: bytes are sent as they are; a string as its UTF-8 bytes (not JSON-quoted);
 * any other JSON value as the UTF-8 bytes of `JSON.stringify(value)`. Lambda sees it base64-encoded.
 */
export type KinesisData = JsonValue | Uint8Array;

/** The shared JSON rule, worded for record data (which could also have been bytes or text). */
const DATA_JSON: JsonRules = {
  describe: (problem) => `${jsonProblemText(problem)} (Kinesis data is a string, a Uint8Array or a JSON value)`,
};

/**
 * Encodes a record's data to bytes; the one place the kit turns `KinesisData` into bytes.
 * Throws an EventInputError (naming `api` and the path inside `argument`) when `data` is not
 * JSON, by the rule every family follows: NaN, ±Infinity, Map, Set, functions, symbols, bigints,
 * class instances and cycles are refused rather than silently written as `null` or `{}`.
 * @example kinesisDataBytes('makeKinesisEvent', 'records[0]', { n: 1 }) // the bytes of '{"n":1}'
 */
export function kinesisDataBytes(api: string, argument: string, data: KinesisData): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  assertJsonValue(api, argument, data, DATA_JSON);
  return Buffer.from(JSON.stringify(data), 'utf8');
}
