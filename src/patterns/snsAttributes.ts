/**
 * SNS message attributes as a filter policy sees them: in the Lambda SNS event's form
 * (`{ Type, Value }`) or the SDK's `PublishCommand` form (`{ DataType, StringValue | BinaryValue }`).
 * `String` values are strings, `Number` values numbers compared by value, `String.Array` values
 * JSON arrays whose elements are matched one by one; `Binary` attributes are ignored.
 */
import { isPlainObject } from '../_internals/objects.js';
import type { NumberLiteral } from './ast.js';
import { EventPatternInputError } from './errors.js';
import { isNumberLiteral, parseJsonText, type LosslessJson } from './json.js';
import { numberLiteral } from './numbers.js';

/** One message attribute, in either form. */
export interface SnsMessageAttribute {
  /** Lambda SNS event form: `String`, `Number`, `String.Array`, `Binary` (optionally with a `.custom` suffix). */
  Type?: string;
  /** Lambda SNS event form: the value as a string (Binary: base64). */
  Value?: string | number;
  /** SDK form: the data type. */
  DataType?: string;
  /** SDK form: the value of a `String`, `Number` or `String.Array` attribute. */
  StringValue?: string;
  /** SDK form: the bytes of a `Binary` attribute (ignored by filter policies). */
  BinaryValue?: unknown;
}

/** What a filter policy reads of a message. */
export interface SnsFilterMessage {
  MessageAttributes?: Record<string, SnsMessageAttribute>;
  /** The message body: for the `MessageBody` scope, JSON object text. */
  Message?: string;
}

/** A leaf value of an attribute. */
export type FlatLeafValue = string | NumberLiteral | boolean | null;

/** An attribute's leaf values; `array` for `String.Array` / `Number.Array`. */
export interface AttributeValues {
  readonly values: readonly FlatLeafValue[];
  readonly array: boolean;
}

/**
 * A number text as SNS takes it for `Number` attributes (`+5`, `.5`, `007`, `3.015e2`), as a JSON
 * number literal; `undefined` when it is not a number.
 */
export function snsNumber(text: string): NumberLiteral | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (m === null) return undefined;
  const sign = m[1] ?? '';
  const intPart = m[2] ?? '';
  const fracPart = m[3];
  const exp = m[4];
  if (intPart === '' && (fracPart === undefined || fracPart === '')) return undefined;
  const int = intPart.replace(/^0+(?=\d)/, '') || '0';
  const frac = fracPart === undefined || fracPart === '' ? '' : `.${fracPart}`;
  return numberLiteral(`${sign === '-' ? '-' : ''}${int}${frac}${exp === undefined ? '' : `e${exp}`}`);
}

/** The leaves of a JSON array (nested arrays flattened, objects skipped: a flat policy cannot name their fields). */
function leavesOf(array: LosslessJson[]): FlatLeafValue[] {
  const out: FlatLeafValue[] = [];
  const stack: LosslessJson[] = [...array].reverse();
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]!);
    } else if (v === null || typeof v !== 'object' || isNumberLiteral(v)) {
      out.push(v as FlatLeafValue);
    }
  }
  return out;
}

/**
 * Reads `MessageAttributes` into each attribute's leaf values (Binary attributes left out).
 * Throws `EventPatternInputError` prefixed with `fn` for attributes SNS's Publish would reject.
 */
export function snsAttributeValues(fn: string, attributes: unknown): Map<string, AttributeValues> {
  const out = new Map<string, AttributeValues>();
  if (attributes === undefined || attributes === null) return out;
  if (!isPlainObject(attributes))
    throw new EventPatternInputError(
      fn,
      `message.MessageAttributes must be an object { name: { DataType, StringValue } }, got ${Array.isArray(attributes) ? 'an array' : typeof attributes}`,
    );
  for (const name of Object.keys(attributes)) {
    const attribute = attributes[name];
    const where = `message.MessageAttributes[${JSON.stringify(name)}]`;
    if (!isPlainObject(attribute))
      throw new EventPatternInputError(fn, `${where} must be an object { DataType, StringValue } or { Type, Value }`);
    const type = attribute.DataType ?? attribute.Type;
    if (typeof type !== 'string') throw new EventPatternInputError(fn, `${where} has no DataType (or Type)`);
    const family = type.split('.')[0];
    if (family !== 'String' && family !== 'Number' && family !== 'Binary') {
      // SNS's Publish text (ParameterValueInvalid).
      throw new EventPatternInputError(
        fn,
        `The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`,
      );
    }
    if (family === 'Binary') continue;
    const raw = attribute.StringValue ?? attribute.Value;
    const text = typeof raw === 'number' && Number.isFinite(raw) ? JSON.stringify(raw) : raw;
    if (typeof text !== 'string')
      throw new EventPatternInputError(fn, `${where} (${type}) needs a string StringValue (or Value)`);
    if (type === 'String.Array' || type === 'Number.Array') {
      let parsed: LosslessJson;
      try {
        parsed = parseJsonText(text, `${fn}: ${where}.Value`);
      } catch {
        parsed = null;
      }
      if (!Array.isArray(parsed))
        throw new EventPatternInputError(
          fn,
          `${where} has type ${type} but its value is not a JSON array: ${JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text)}`,
        );
      out.set(name, { values: leavesOf(parsed), array: true });
    } else if (family === 'Number') {
      const number = snsNumber(text);
      if (number === undefined)
        throw new EventPatternInputError(
          fn,
          `${where} has type ${type} but its value ${JSON.stringify(text)} is not a number`,
        );
      out.set(name, { values: [number], array: false });
    } else {
      out.set(name, { values: [text], array: false });
    }
  }
  return out;
}
