/**
 * SNS message attributes: validation against SNS's rules and normalisation to the delivered form
 * `{ Type, Value }`.
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-message-attributes.html
 */
import { fail, show } from '../../_internals/errors.js';
import { isBase64, toBase64 } from '../../_internals/hash.js';
import { utf8Length } from '../../_internals/limits.js';
import { hasLoneSurrogate } from './validate.js';
import type { SnsMessageAttribute, SnsMessageAttributes } from './types.js';

/**
 * One attribute as callers may give it:
 * - a `string` (String), a finite `number` or a `bigint` (Number), a `Uint8Array` (Binary),
 *   an array of strings, numbers, booleans or nulls (String.Array);
 * - the Publish API form `{ DataType, StringValue? , BinaryValue? }`;
 * - the delivered form `{ Type, Value }` (Binary `Value` as base64).
 */
export type SnsMessageAttributeInput =
  | string
  | number
  | bigint
  | Uint8Array
  | readonly (string | number | boolean | null)[]
  | { DataType: string; StringValue?: string | undefined; BinaryValue?: string | Uint8Array | undefined }
  | { Type: string; Value: string };

/** Attributes as callers may give them, by name. */
export type SnsMessageAttributesInput = Readonly<Record<string, SnsMessageAttributeInput>>;

const NAME_CHARS = /^[A-Za-z0-9_.-]{1,256}$/;
const RESERVED_PREFIX = /^(?:aws|amazon)\./i;
const DATA_TYPE = /^(?:String\.Array|String|Number|Binary)(?:\.[A-Za-z0-9_.-]+)?$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Why `name` breaks SNS's attribute naming rules, or undefined when it is valid. */
function snsAttributeNameProblem(name: string): string | undefined {
  if (!NAME_CHARS.test(name)) {
    return name.length === 0 || name.length > 256
      ? 'must be 1–256 characters'
      : "may contain only A–Z, a–z, 0–9, '_', '-' and '.'";
  }
  if (name.startsWith('.') || name.endsWith('.')) return "must not start or end with '.'";
  if (name.includes('..')) return "must not contain '..'";
  if (RESERVED_PREFIX.test(name)) return "must not start with 'AWS.' or 'Amazon.' (reserved, any case)";
  return undefined;
}

/** Normalised attributes and their size as SNS counts it. */
export interface NormalisedSnsMessageAttributes {
  /** The delivered form, names in the caller's order; a fresh object. */
  attributes: SnsMessageAttributes;
  /** Σ name + DataType + value bytes (UTF-8; Binary: decoded bytes): what counts towards the 256 KiB limit. */
  bytes: number;
  count: number;
}

function base64Bytes(value: string): number {
  return (value.length / 4) * 3 - (value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0);
}

function normaliseOne(
  api: string,
  argument: string,
  input: unknown,
): { attribute: SnsMessageAttribute; valueBytes: number } {
  let type: unknown;
  let value: unknown;
  let binary: unknown;
  if (typeof input === 'string') {
    type = 'String';
    value = input;
  } else if (typeof input === 'number') {
    if (!Number.isFinite(input)) fail(api, argument, `${String(input)} is not a finite number`);
    type = 'Number';
    value = String(input);
  } else if (typeof input === 'bigint') {
    type = 'Number';
    value = input.toString();
  } else if (input instanceof Uint8Array) {
    type = 'Binary';
    binary = input;
  } else if (Array.isArray(input)) {
    for (const [i, item] of input.entries()) {
      if (
        item !== null &&
        typeof item !== 'string' &&
        typeof item !== 'boolean' &&
        !(typeof item === 'number' && Number.isFinite(item))
      ) {
        fail(
          api,
          `${argument}[${i}]`,
          `${show(item)} cannot be in a String.Array (strings, finite numbers, booleans and null only)`,
        );
      }
    }
    type = 'String.Array';
    value = JSON.stringify(input);
  } else if (input !== null && typeof input === 'object' && 'DataType' in input) {
    const o = input as Record<string, unknown>;
    type = o.DataType;
    value = o.StringValue;
    binary = o.BinaryValue;
  } else if (input !== null && typeof input === 'object' && 'Type' in input) {
    const o = input as Record<string, unknown>;
    type = o.Type;
    if (typeof type === 'string' && type.startsWith('Binary')) binary = o.Value;
    else value = o.Value;
  } else {
    fail(
      api,
      argument,
      `must be a string, a number, a bigint, a Uint8Array, an array (String.Array), { DataType, StringValue | BinaryValue } or { Type, Value }, got ${show(input)}`,
    );
  }
  if (typeof type !== 'string' || !DATA_TYPE.test(type) || utf8Length(type) > 256) {
    fail(
      api,
      `${argument}.DataType`,
      `${show(type)} has an invalid message attribute type: SNS supports String, Number, Binary and String.Array, optionally followed by ".label"`,
    );
  }
  if (type.startsWith('Binary')) {
    if (value !== undefined)
      fail(
        api,
        `${argument}.StringValue`,
        `must be absent: an attribute of type ${type} must use field Binary (BinaryValue)`,
      );
    if (binary instanceof Uint8Array) {
      if (binary.byteLength === 0)
        fail(api, argument, `must contain a non-empty value for message attribute type ${type}`);
      return { attribute: { Type: type, Value: toBase64(binary) }, valueBytes: binary.byteLength };
    }
    if (typeof binary !== 'string' || binary.length === 0 || !isBase64(binary))
      fail(
        api,
        `${argument}.BinaryValue`,
        `${show(binary)} must be non-empty standard base64 text or a non-empty Uint8Array`,
      );
    return { attribute: { Type: type, Value: binary }, valueBytes: base64Bytes(binary) };
  }
  if (binary !== undefined)
    fail(
      api,
      `${argument}.BinaryValue`,
      `must be absent: an attribute of type ${type} must use field String (StringValue)`,
    );
  if (typeof value !== 'string' || value.length === 0)
    fail(api, argument, `must contain a non-empty string value for message attribute type ${type}, got ${show(value)}`);
  if (hasLoneSurrogate(value)) fail(api, argument, 'holds a lone surrogate, which UTF-8 cannot carry');
  if (type.startsWith('Number') && !NUMBER.test(value))
    fail(api, argument, `${show(value)} is not a number, which a ${type} attribute must be`);
  if (type.startsWith('String.Array')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed))
      fail(api, argument, `${show(value)} is not a JSON array, which a String.Array attribute must be`);
  }
  return { attribute: { Type: type, Value: value }, valueBytes: utf8Length(value) };
}

/**
 * Validates message attributes against SNS's rules and returns them in the delivered form.
 * `undefined`/`null` means none. Throws an EventInputError naming `api` and `argument`.
 */
export function normaliseSnsMessageAttributes(
  api: string,
  argument: string,
  input: SnsMessageAttributesInput | null | undefined,
): NormalisedSnsMessageAttributes {
  if (input === undefined || input === null) return { attributes: {}, bytes: 0, count: 0 };
  if (typeof input !== 'object' || Array.isArray(input))
    fail(api, argument, `must be an object of attributes by name, got ${show(input)}`);
  const attributes: SnsMessageAttributes = {};
  let bytes = 0;
  const names = Object.keys(input);
  for (const name of names) {
    const problem = snsAttributeNameProblem(name);
    if (problem !== undefined)
      fail(
        api,
        argument,
        `has an attribute named ${show(name)}, which breaks SNS's attribute naming rules: a name ${problem}`,
      );
    const { attribute, valueBytes } = normaliseOne(
      api,
      `${argument}.${name}`,
      (input as Record<string, unknown>)[name],
    );
    // defineProperty: a name such as "__proto__" stays data.
    Object.defineProperty(attributes, name, { value: attribute, enumerable: true, writable: true, configurable: true });
    bytes += name.length + attribute.Type.length + valueBytes;
  }
  return { attributes, bytes, count: names.length };
}
