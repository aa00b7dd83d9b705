/**
 * Message attributes: validation against the SQS rules and normalisation to the event form
 * (`{ stringValue | binaryValue, stringListValues: [], binaryListValues: [], dataType }`).
 */
import { fail, show } from '../../_internals/errors.js';
import { isBase64, toBase64 } from '../../_internals/hash.js';
import { utf8Length } from '../../_internals/limits.js';
import { isPlainObject } from '../../_internals/objects.js';
import { assertSqsText } from './body.js';
import { SQS_MAX_MESSAGE_ATTRIBUTES } from './limits.js';
import type { SqsMessageAttribute, SqsMessageAttributes } from './types.js';

/**
 * One message attribute as callers may give it:
 * - a `string` (a `String` attribute), a finite `number` or a `bigint` (a `Number` attribute),
 *   a `Uint8Array` (a `Binary` attribute);
 * - the event form `{ dataType, stringValue?, binaryValue? }` (`binaryValue` as base64 or bytes);
 * - the SQS API form `{ DataType, StringValue?, BinaryValue? }` (what SendMessage takes).
 * List values are reserved by SQS ("Not implemented"): only empty lists are accepted.
 */
export type SqsMessageAttributeInput =
  | string
  | number
  | bigint
  | Uint8Array
  | {
      dataType: string;
      stringValue?: string | undefined;
      binaryValue?: string | Uint8Array | undefined;
      stringListValues?: readonly string[] | undefined;
      binaryListValues?: readonly (string | Uint8Array)[] | undefined;
    }
  | {
      DataType: string;
      StringValue?: string | undefined;
      BinaryValue?: string | Uint8Array | undefined;
      StringListValues?: readonly string[] | undefined;
      BinaryListValues?: readonly (string | Uint8Array)[] | undefined;
    };

/** Message attributes as callers may give them, by name. */
export type SqsMessageAttributesInput = Readonly<Record<string, SqsMessageAttributeInput>>;

// Names: A–Z a–z 0–9 _ - . ; ≤ 256 chars; no leading/trailing '.', no '..', no AWS./Amazon. prefix.
// Letters and digits of any script: SQS accepts a name such as "attr.1øßä" (recorded against AWS
// by LocalStack's validated SQS snapshot tests).
const NAME_CHARS = /^[\p{L}\p{N}_.-]{1,256}$/u;
const RESERVED_PREFIX = /^(?:aws|amazon)\./i;
// Data types: String, Number or Binary, optionally `.label` with the same characters as names.
const DATA_TYPE = /^(String|Number|Binary)(?:\.[A-Za-z0-9_.-]+)?$/;
// Decimal or scientific notation, as SQS's Number type ("up to 38 digits of precision").
const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Why `name` breaks the SQS attribute naming rules, or undefined when it is valid. */
export function sqsAttributeNameProblem(name: string): string | undefined {
  if (!NAME_CHARS.test(name)) {
    return name.length === 0 || name.length > 256
      ? 'must be 1–256 characters'
      : "may contain only letters, digits, '_', '-' and '.'";
  }
  if (name.startsWith('.') || name.endsWith('.')) return "must not start or end with '.'";
  if (name.includes('..')) return "must not contain '..'";
  if (RESERVED_PREFIX.test(name)) return "must not start with 'AWS.' or 'Amazon.' (reserved, any case)";
  return undefined;
}

/** Why `value` is not an SQS Number, or undefined when it is one. */
export function sqsNumberProblem(value: string): string | undefined {
  const match = NUMBER.exec(value);
  const int = match?.[2] ?? '';
  const frac = match?.[3] ?? '';
  if (match === null || int.length + frac.length === 0)
    return 'is not a number (decimal or scientific notation, e.g. "42", "-1.5", "6.02e23")';
  const digits = int + frac;
  let first = 0;
  while (first < digits.length && digits.charCodeAt(first) === 48) first++;
  if (first === digits.length) return undefined; // zero
  let last = digits.length;
  while (digits.charCodeAt(last - 1) === 48) last--;
  if (last - first > 38) return `has ${last - first} significant digits; SQS Numbers keep at most 38`;
  // Decimal exponent of the leading significant digit.
  const magnitude = int.length - first - 1 + Number(match[4] ?? 0);
  if (magnitude < -128 || magnitude > 126) return 'is outside the SQS Number range 10^-128 to 10^+126';
  return undefined;
}

function bytesOf(value: string | Uint8Array, api: string, argument: string): { base64: string; bytes: number } {
  if (typeof value === 'string') {
    if (!isBase64(value))
      fail(api, argument, `${show(value)} is not standard base64 (give base64 text or a Uint8Array)`);
    const bytes = (value.length / 4) * 3 - (value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0);
    if (bytes === 0) fail(api, argument, 'is empty; SQS rejects empty attribute values');
    return { base64: value, bytes };
  }
  if (value.byteLength === 0) fail(api, argument, 'is empty; SQS rejects empty attribute values');
  return { base64: toBase64(value), bytes: value.byteLength };
}

function assertEmptyList(api: string, argument: string, list: unknown): void {
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) fail(api, argument, `must be an array, got ${show(list)}`);
  if (list.length > 0)
    fail(api, argument, 'must be empty: SQS reserves list values ("Not implemented") and real events carry []');
}

/** The normalised attribute and its size as SQS counts it (name + type + value bytes). */
interface Normalised {
  attribute: SqsMessageAttribute;
  bytes: number;
}

function normaliseOne(api: string, argument: string, name: string, input: SqsMessageAttributeInput): Normalised {
  let dataType: unknown;
  let stringValue: unknown;
  let binaryValue: unknown;
  if (typeof input === 'string') {
    dataType = 'String';
    stringValue = input;
  } else if (typeof input === 'number') {
    if (!Number.isFinite(input)) fail(api, argument, `${String(input)} is not a finite number`);
    dataType = 'Number';
    stringValue = String(input);
  } else if (typeof input === 'bigint') {
    dataType = 'Number';
    stringValue = input.toString();
  } else if (input instanceof Uint8Array) {
    dataType = 'Binary';
    binaryValue = input;
  } else if (input !== null && typeof input === 'object') {
    const record = input as Record<string, unknown>;
    const api_ = 'DataType' in record;
    dataType = api_ ? record.DataType : record.dataType;
    stringValue = api_ ? record.StringValue : record.stringValue;
    binaryValue = api_ ? record.BinaryValue : record.binaryValue;
    assertEmptyList(
      api,
      `${argument}.${api_ ? 'StringListValues' : 'stringListValues'}`,
      api_ ? record.StringListValues : record.stringListValues,
    );
    assertEmptyList(
      api,
      `${argument}.${api_ ? 'BinaryListValues' : 'binaryListValues'}`,
      api_ ? record.BinaryListValues : record.binaryListValues,
    );
  } else {
    fail(
      api,
      argument,
      `must be a string, a number, a bigint, a Uint8Array or { dataType, stringValue | binaryValue }, got ${show(input)}`,
    );
  }

  if (typeof dataType !== 'string' || !DATA_TYPE.test(dataType) || dataType.length > 256) {
    fail(
      api,
      `${argument}.dataType`,
      `${show(dataType)} is not an SQS data type ("String", "Number" or "Binary", optionally followed by ".label" of A–Z a–z 0–9 _ - .; at most 256 characters)`,
    );
  }
  const binary = dataType.startsWith('Binary');
  const nameBytes = utf8Length(name);
  if (binary) {
    if (stringValue !== undefined && stringValue !== null)
      fail(
        api,
        `${argument}.stringValue`,
        `must be absent on a ${dataType} attribute (Binary attributes carry binaryValue)`,
      );
    if (binaryValue === undefined || binaryValue === null)
      fail(api, `${argument}.binaryValue`, `is required on a ${dataType} attribute`);
    if (typeof binaryValue !== 'string' && !(binaryValue instanceof Uint8Array))
      fail(api, `${argument}.binaryValue`, `must be base64 text or a Uint8Array, got ${show(binaryValue)}`);
    const { base64, bytes } = bytesOf(binaryValue, api, `${argument}.binaryValue`);
    return {
      attribute: { binaryValue: base64, stringListValues: [], binaryListValues: [], dataType },
      bytes: nameBytes + dataType.length + bytes,
    };
  }
  if (binaryValue !== undefined && binaryValue !== null)
    fail(
      api,
      `${argument}.binaryValue`,
      `must be absent on a ${dataType} attribute (String and Number attributes carry stringValue)`,
    );
  if (stringValue === undefined || stringValue === null)
    fail(api, `${argument}.stringValue`, `is required on a ${dataType} attribute`);
  const text = assertSqsText(api, `${argument}.stringValue`, stringValue, 'an attribute value');
  if (dataType.startsWith('Number')) {
    const problem = sqsNumberProblem(text);
    if (problem !== undefined) fail(api, `${argument}.stringValue`, `${show(text)} ${problem}`);
  }
  return {
    attribute: { stringValue: text, stringListValues: [], binaryListValues: [], dataType },
    bytes: nameBytes + dataType.length + utf8Length(text),
  };
}

/** Normalised message attributes and the bytes they add to the message size. */
export interface NormalisedSqsMessageAttributes {
  /** The event form, names in the caller's order. A fresh object (never the caller's). */
  attributes: SqsMessageAttributes;
  /** Σ name + data type + value bytes: what SQS counts towards the 1 MiB message size. */
  bytes: number;
  /** The number of attributes. */
  count: number;
}

/**
 * Validates message attributes against the SQS rules and returns them in the event form.
 * Throws an EventInputError naming `api` and `argument` (e.g. `options.messageAttributes.price`)
 * for: more than 10 attributes, a bad name, a bad data type, a Number that is not a number
 * (or beyond 38 digits / 10^±126), Binary that is not base64 or bytes, empty values,
 * characters SQS rejects, non-empty list values.
 * `undefined`/`null` input means no attributes.
 * @example normaliseSqsMessageAttributes('send', 'MessageAttributes', { n: 1, s: 'x', b: new Uint8Array([1]) })
 */
export function normaliseSqsMessageAttributes(
  api: string,
  argument: string,
  input: SqsMessageAttributesInput | null | undefined,
): NormalisedSqsMessageAttributes {
  if (input === undefined || input === null) return { attributes: {}, bytes: 0, count: 0 };
  if (!isPlainObject(input)) fail(api, argument, `must be a plain object of attributes by name, got ${show(input)}`);
  const names = Object.keys(input);
  if (names.length === 0) return { attributes: {}, bytes: 0, count: 0 };
  if (names.length > SQS_MAX_MESSAGE_ATTRIBUTES)
    fail(api, argument, `has ${names.length} attributes; SQS allows at most ${SQS_MAX_MESSAGE_ATTRIBUTES} per message`);
  const attributes: SqsMessageAttributes = {};
  let bytes = 0;
  for (const name of names) {
    const problem = sqsAttributeNameProblem(name);
    if (problem !== undefined)
      fail(
        api,
        argument,
        `has an attribute named ${show(name)}, which breaks SQS's attribute naming rules: a name ${problem}`,
      );
    const value = (input as Record<string, SqsMessageAttributeInput>)[name] as SqsMessageAttributeInput;
    const normalised = normaliseOne(api, `${argument}.${name}`, name, value);
    // defineProperty: a name such as "__proto__" is data, never a prototype change.
    Object.defineProperty(attributes, name, {
      value: normalised.attribute,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    bytes += normalised.bytes;
  }
  return { attributes, bytes, count: names.length };
}
