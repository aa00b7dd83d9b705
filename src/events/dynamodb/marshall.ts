/**
 * Plain JavaScript values ⇄ DynamoDB AttributeValues. `marshall` returns what
 * `@aws-sdk/util-dynamodb`'s `marshall` returns for every value both accept, in the JSON wire form
 * Lambda events carry: binary as base64 (the SDK keeps a Uint8Array and base64-encodes it on the wire).
 * Unlike the SDK it refuses, with an {@link EventInputError}, what DynamoDB would reject or the SDK
 * would silently drop: functions, symbols, class instances, NaN/±Infinity, empty or mixed sets,
 * duplicate set members, more than 38 significant digits, magnitudes outside 1E-130…9.99…E+125,
 * lists and maps nested deeper than 32 levels, and cycles.
 */
import { fail, show } from '../../_internals/errors.js';
import { toBase64 } from '../../_internals/hash.js';
import { childPath, MAX_NESTING_DEPTH, storeAttributeMap, storeAttributeValue } from './attributeValue.js';
import { parseDynamoDBNumber } from './number.js';
import type { AttributeMap, AttributeValue } from './types.js';
import { isPlainObject, setOwn } from '../../_internals/objects.js';

/**
 * A DynamoDB number kept as its decimal string, for values a JS number cannot hold exactly
 * (more than 15–17 digits, beyond ±2^53). Plays the part of `NumberValue` from
 * `@aws-sdk/util-dynamodb`; `marshall` accepts either.
 * @example marshall({ price: new NumberValue('12345678901234567890.12') }) // { price: { N: '12345678901234567890.12' } }
 */
export class NumberValue {
  /** The number as given (DynamoDB canonicalises it when storing). */
  readonly value: string;

  /** Throws {@link EventInputError} unless `value` is a number DynamoDB accepts. */
  constructor(value: string | number | bigint) {
    const text =
      typeof value === 'string'
        ? value
        : typeof value === 'bigint' || typeof value === 'number'
          ? String(value)
          : undefined;
    if (text === undefined) fail('NumberValue', 'value', `must be a string, number or bigint, got ${show(value)}`);
    if (typeof value === 'number' && !Number.isSafeInteger(value) && Number.isInteger(value)) {
      fail(
        'NumberValue',
        'value',
        `${text} is an integer beyond ±2^53, so a JS number cannot hold it exactly; pass a string or bigint`,
      );
    }
    const info = parseDynamoDBNumber(text);
    if (typeof info === 'string') fail('NumberValue', 'value', `${show(text)} ${info}`);
    this.value = text;
  }

  /** The number as given. */
  toString(): string {
    return this.value;
  }

  /** `{ N: value }` */
  toAttributeValue(): { N: string } {
    return { N: this.value };
  }
}

/** Options of {@link marshall}. */
export interface MarshallOptions {
  /**
   * Drop `undefined` from objects, arrays and sets instead of throwing (as the SDK's option of the same name).
   * @defaultValue `false`
   */
  removeUndefinedValues?: boolean;
}

/** Options of {@link unmarshall}. */
export interface UnmarshallOptions {
  /**
   * Return every number as a {@link NumberValue} (exact), instead of a JS number (or a bigint for
   * integers beyond ±2^53).
   * @defaultValue `false`
   */
  wrapNumbers?: boolean;
}

/** The SDK's NumberValue (or ours): an object holding a decimal string. */
function numberValueText(value: object): string | undefined {
  if (value instanceof NumberValue) return value.value;
  const candidate = value as { constructor?: { name?: unknown }; toAttributeValue?: unknown };
  if (candidate.constructor?.name === 'NumberValue' && typeof candidate.toAttributeValue === 'function')
    return String(value);
  return undefined;
}

interface Ctx {
  api: string;
  remove: boolean;
  /** The lists and maps being converted, to refuse a cycle by name rather than by depth. */
  ancestors: Set<object>;
}

function numberText(ctx: Ctx, path: string, value: number | bigint | object): string {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(ctx.api, path, `is ${String(value)}; DynamoDB numbers are finite`);
    if (value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER) {
      fail(
        ctx.api,
        path,
        `${String(value)} is beyond ±2^53, where a JS number is imprecise; pass a bigint or a NumberValue holding the exact digits`,
      );
    }
    text = String(value);
  } else if (
    // Stryker disable next-line ConditionalExpression: String() of a NumberValue (the kit's or the SDK's) is its digits, as numberValueText reads them
    typeof value === 'bigint'
  ) {
    text = String(value);
  } else {
    text = numberValueText(value) as string;
  }
  const info = parseDynamoDBNumber(text);
  if (typeof info === 'string') fail(ctx.api, path, `${text} ${info}`);
  return text;
}

function setToAttribute(ctx: Ctx, path: string, set: Set<unknown>): AttributeValue {
  const members = [...set].filter((member) => member !== undefined || !ctx.remove);
  if (members.length === 0) fail(ctx.api, path, 'is an empty Set; DynamoDB sets hold at least one member');
  const first = members[0];
  const kind =
    typeof first === 'string'
      ? 'SS'
      : first instanceof Uint8Array
        ? 'BS'
        : typeof first === 'number' ||
            typeof first === 'bigint' ||
            (typeof first === 'object' && first !== null && numberValueText(first) !== undefined)
          ? 'NS'
          : undefined;
  if (kind === undefined)
    fail(
      ctx.api,
      path,
      `is a Set of ${show(first)}; DynamoDB sets hold only strings (SS), numbers (NS) or Uint8Arrays (BS)`,
    );
  const out: string[] = [];
  const seen = new Set<string>();
  members.forEach((member, i) => {
    const at = `${path}[${i}]`;
    let text: string;
    let identity: string;
    if (kind === 'SS') {
      if (typeof member !== 'string')
        fail(ctx.api, at, `is ${show(member)} in a Set of strings; DynamoDB sets hold one type`);
      text = identity = member;
    } else if (kind === 'BS') {
      if (!(member instanceof Uint8Array))
        fail(ctx.api, at, `is ${show(member)} in a Set of binaries; DynamoDB sets hold one type`);
      text = identity = toBase64(member);
    } else {
      const isNumber =
        typeof member === 'number' ||
        typeof member === 'bigint' ||
        (typeof member === 'object' && member !== null && numberValueText(member) !== undefined);
      if (!isNumber) fail(ctx.api, at, `is ${show(member)} in a Set of numbers; DynamoDB sets hold one type`);
      text = numberText(ctx, at, member as number | bigint | object);
      identity = (parseDynamoDBNumber(text) as { canonical: string }).canonical;
    }
    if (seen.has(identity))
      fail(ctx.api, path, `holds ${show(text)} twice (as DynamoDB compares members); DynamoDB set members are unique`);
    seen.add(identity);
    out.push(text);
  });
  return kind === 'SS' ? { SS: out } : kind === 'NS' ? { NS: out } : { BS: out };
}

function entriesToMap(ctx: Ctx, path: string, entries: Iterable<[unknown, unknown]>, depth = 0): AttributeMap {
  const out: AttributeMap = {};
  for (const [key, value] of entries) {
    if (typeof key !== 'string') fail(ctx.api, path, `has the key ${show(key)}; attribute names are strings`);
    const at = childPath(path, key);
    if (value === undefined) {
      if (ctx.remove) continue;
      fail(
        ctx.api,
        at,
        'is undefined; DynamoDB has no undefined (omit the attribute, use null, or pass { removeUndefinedValues: true })',
      );
    }
    setOwn(out, key, toAttribute(ctx, at, value, depth));
  }
  return out;
}

/**
 * Enters a list or map at `depth` (top-level attributes are at depth 0): refuses a cycle and
 * nesting past DynamoDB's 32 levels, before recursing into it.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html (nested attribute depth: 32)
 */
function enter(ctx: Ctx, path: string, value: object, depth: number): void {
  if (ctx.ancestors.has(value))
    fail(ctx.api, path, 'is a circular reference (the value contains itself), which DynamoDB cannot store');
  if (depth >= MAX_NESTING_DEPTH)
    fail(ctx.api, path, `nests lists and maps deeper than DynamoDB's ${MAX_NESTING_DEPTH} levels`);
  ctx.ancestors.add(value);
}

function toAttribute(ctx: Ctx, path: string, value: unknown, depth: number): AttributeValue {
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'number':
    case 'bigint':
      return { N: numberText(ctx, path, value) };
    case 'boolean':
      return { BOOL: value };
    case 'undefined':
      fail(
        ctx.api,
        path,
        'is undefined; DynamoDB has no undefined (use null, or pass { removeUndefinedValues: true } to drop it)',
      );
    // Stryker disable next-line StringLiteral: without this case a function reaches the generic refusal, whose text is the same (`show` writes it as "a function")
    case 'function':
      fail(ctx.api, path, 'is a function, which DynamoDB cannot store');
    case 'symbol':
      fail(ctx.api, path, `is a symbol (${String(value)}), which DynamoDB cannot store`);
    // Stryker disable next-line ConditionalExpression: the default case only breaks out of the switch
    default:
      break;
  }
  if (value === null) return { NULL: true };
  // Stryker disable next-line ConditionalExpression: the switch above has handled every other typeof; the test narrows the type
  if (typeof value !== 'object') fail(ctx.api, path, `is ${show(value)}, which DynamoDB cannot store`);
  if (Array.isArray(value)) {
    enter(ctx, path, value, depth);
    const list: AttributeValue[] = [];
    // An index loop, not forEach: a hole is an undefined element (dropped or refused), not skipped.
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      if (element === undefined && ctx.remove) continue;
      list.push(toAttribute(ctx, `${path}[${i}]`, element, depth + 1));
    }
    ctx.ancestors.delete(value);
    return { L: list };
  }
  if (value instanceof Uint8Array) return { B: toBase64(value) };
  if (value instanceof Set) return setToAttribute(ctx, path, value);
  if (value instanceof Map || isPlainObject(value)) {
    enter(ctx, path, value, depth);
    const map = entriesToMap(ctx, path, value instanceof Map ? value.entries() : Object.entries(value), depth + 1);
    ctx.ancestors.delete(value);
    return { M: map };
  }
  if (numberValueText(value) !== undefined) return { N: numberText(ctx, path, value) };
  const name = (value as { constructor?: { name?: string } }).constructor?.name;
  fail(
    ctx.api,
    path,
    `is ${name ? `a ${name} instance` : 'an object of no class'}; DynamoDB stores only strings, numbers, bigints, booleans, null, Uint8Arrays, arrays, Sets, Maps and plain objects (convert it to a plain object first)`,
  );
}

/**
 * Converts a plain JavaScript object (or `Map`) into a DynamoDB item: strings → S, numbers,
 * bigints and {@link NumberValue}s → N, booleans → BOOL, null → NULL, Uint8Array → B (base64),
 * arrays → L, plain objects and Maps → M, Sets of strings/numbers/Uint8Arrays → SS/NS/BS.
 * @example marshall({ id: 'a1', tags: new Set(['x']) }) // { id: { S: 'a1' }, tags: { SS: ['x'] } }
 */
export function marshall(
  item: Record<string, unknown> | Map<string, unknown>,
  options: MarshallOptions = {},
): AttributeMap {
  return marshallItem('marshall', 'item', item, options);
}

/** Throws unless `options` is an object (or undefined, the defaults). */
function checkOptions(api: string, options: unknown): void {
  // Stryker disable next-line ConditionalExpression: the callers' default parameter turns undefined into {}, so `options !== undefined` always holds here
  if (options !== undefined && (options === null || typeof options !== 'object'))
    fail(api, 'options', `must be an object, got ${show(options)}`);
}

/** {@link marshall} with the API and argument to name in errors (for factories). */
export function marshallItem(
  api: string,
  argument: string,
  item: unknown,
  options: MarshallOptions = {},
): AttributeMap {
  checkOptions(api, options);
  // Stryker disable next-line OptionalChaining: checkOptions has made options an object
  const ctx: Ctx = { api, remove: options?.removeUndefinedValues === true, ancestors: new Set([item as object]) };
  if (item instanceof Map) return entriesToMap(ctx, argument, item.entries());
  // Stryker disable next-line ConditionalExpression,LogicalOperator: isPlainObject alone refuses null, primitives and arrays; the other tests narrow the type
  if (item === null || typeof item !== 'object' || Array.isArray(item) || !isPlainObject(item)) {
    fail(api, argument, `must be a plain object (an item), got ${show(item)}`);
  }
  return entriesToMap(ctx, argument, Object.entries(item));
}

/**
 * Converts one JavaScript value into an AttributeValue (as `marshall(value, { convertTopLevelContainer: true })`
 * of `@aws-sdk/util-dynamodb`).
 * @example marshallValue(42) // { N: '42' }
 */
export function marshallValue(value: unknown, options: MarshallOptions = {}): AttributeValue {
  checkOptions('marshallValue', options);
  return toAttribute(
    // Stryker disable next-line OptionalChaining: checkOptions has made options an object
    { api: 'marshallValue', remove: options?.removeUndefinedValues === true, ancestors: new Set() },
    'value',
    value,
    0,
  );
}

const BASE64_DECODE = (text: string): Uint8Array => {
  const buffer = Buffer.from(text, 'base64');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
};

function toNumber(api: string, path: string, canonical: string, wrap: boolean): number | bigint | NumberValue {
  if (wrap) return new NumberValue(canonical);
  const number = Number(canonical);
  if (number <= Number.MAX_SAFE_INTEGER && number >= Number.MIN_SAFE_INTEGER) return number;
  if (!canonical.includes('.')) return BigInt(canonical);
  fail(
    api,
    path,
    `${canonical} is a non-integer beyond ±2^53, which neither a number nor a bigint holds exactly; pass { wrapNumbers: true }`,
  );
}

function toNative(api: string, path: string, value: AttributeValue, wrap: boolean): unknown {
  const [type, inner] = Object.entries(value)[0] as [string, unknown];
  const at = `${path}.${type}`;
  switch (type) {
    case 'S':
    case 'BOOL':
      return inner;
    case 'NULL':
      return null;
    case 'N':
      return toNumber(api, at, inner as string, wrap);
    case 'B':
      return BASE64_DECODE(inner as string);
    case 'SS':
      return new Set(inner as string[]);
    case 'NS':
      return new Set((inner as string[]).map((n, i) => toNumber(api, `${at}[${i}]`, n, wrap)));
    case 'BS':
      return new Set((inner as string[]).map(BASE64_DECODE));
    case 'L':
      return (inner as AttributeValue[]).map((element, i) => toNative(api, `${at}[${i}]`, element, wrap));
    default:
      return mapToNative(api, at, inner as AttributeMap, wrap);
  }
}

function mapToNative(api: string, path: string, map: AttributeMap, wrap: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(map)) setOwn(out, key, toNative(api, childPath(path, key), value, wrap));
  return out;
}

/**
 * Converts a DynamoDB item (AttributeValue map, binary as base64) into plain JavaScript, as
 * `@aws-sdk/util-dynamodb`'s `unmarshall`: N → number (bigint for integers beyond ±2^53),
 * B → Uint8Array, sets → Set, L → array, M → object. Numbers come back in DynamoDB's canonical form.
 * Throws {@link EventInputError} on an invalid AttributeValue.
 * @example unmarshall({ id: { S: 'a1' }, n: { N: '1.50' } }) // { id: 'a1', n: 1.5 }
 */
export function unmarshall(item: AttributeMap, options: UnmarshallOptions = {}): Record<string, unknown> {
  checkOptions('unmarshall', options);
  const { item: stored } = storeAttributeMap('unmarshall', 'item', item);
  // Stryker disable next-line OptionalChaining: checkOptions has made options an object
  return mapToNative('unmarshall', 'item', stored, options?.wrapNumbers === true);
}

/** Converts one AttributeValue into plain JavaScript (see {@link unmarshall}). */
export function unmarshallValue(value: AttributeValue, options: UnmarshallOptions = {}): unknown {
  checkOptions('unmarshallValue', options);
  const { value: stored } = storeAttributeValue('unmarshallValue', 'value', value);
  // Stryker disable next-line OptionalChaining: checkOptions has made options an object
  return toNative('unmarshallValue', 'value', stored, options?.wrapNumbers === true);
}
