/**
 * AttributeValue validation, canonicalisation and sizing in one walk: the checks DynamoDB makes
 * on write, the form it stores (canonical numbers and base64), and the item-size formula
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html).
 */
import { fail, show } from '../../_internals/errors.js';
import { isBase64 } from '../../_internals/hash.js';
import { utf8Length } from '../../_internals/limits.js';
import { parseDynamoDBNumber } from './number.js';
import { ATTRIBUTE_TYPES, type AttributeMap, type AttributeValue } from './types.js';
import { isPlainObject } from '../../_internals/objects.js';

/** Deepest nesting of lists and maps DynamoDB accepts. */
export const MAX_NESTING_DEPTH = 32;
/** Longest attribute name, in UTF-8 bytes. */
const MAX_ATTRIBUTE_NAME_BYTES = 65535;

const TYPE_KEYS = new Set<string>(ATTRIBUTE_TYPES);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** An attribute map as DynamoDB stores it, with its size by the item-size formula. */
export interface StoredAttributeMap {
  /** The map with numbers and base64 in canonical form (the input object itself when it already was). */
  item: AttributeMap;
  /** Σ (UTF-8 name bytes + value size). */
  size: number;
  /** A bound the map's `JSON.stringify` length never exceeds (for cheap payload-limit checks). */
  jsonBound: number;
}

interface Walk {
  api: string;
  size: number;
  bound: number;
}

/** `a.b`, `a["b c"]`, for error messages. */
export function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function checkText(w: Walk, path: string, text: unknown, what: string): string {
  if (typeof text !== 'string') fail(w.api, path, `must be a string (${what}), got ${show(text)}`);
  if (LONE_SURROGATE.test(text))
    fail(
      w.api,
      path,
      `${show(text)} holds a lone UTF-16 surrogate; DynamoDB strings are UTF-8, which cannot encode it`,
    );
  return text;
}

function numberSize(w: Walk, path: string, text: unknown): { canonical: string; size: number } {
  if (typeof text !== 'string') fail(w.api, path, `must be a number string, got ${show(text)}`);
  const info = parseDynamoDBNumber(text);
  if (typeof info === 'string') fail(w.api, path, `${show(text)} ${info}`);
  return { canonical: info.canonical, size: Math.ceil(info.significantDigits / 2) + 1 };
}

/** Decoded byte length of canonical base64, and the canonical text. */
function binary(w: Walk, path: string, text: unknown): { canonical: string; size: number } {
  if (typeof text !== 'string' || !isBase64(text))
    fail(w.api, path, `must be standard base64 (binary values travel base64-encoded), got ${show(text)}`);
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const size = (text.length / 4) * 3 - padding;
  // Non-zero padding bits decode fine but are not what DynamoDB sends back.
  // Stryker disable next-line ConditionalExpression: unpadded base64 carries no spare bits, so re-encoding it always gives the same text (never re-encoding padded text is caught by the padding-bit tests)
  const canonical = padding === 0 ? text : Buffer.from(text, 'base64').toString('base64');
  return { canonical, size };
}

function nonEmptySet(w: Walk, path: string, members: unknown, type: string): unknown[] {
  if (!Array.isArray(members)) fail(w.api, path, `${type} must be an array, got ${show(members)}`);
  if (members.length === 0) fail(w.api, path, `${type} is empty; DynamoDB sets hold at least one member`);
  return members;
}

function duplicate(w: Walk, path: string, type: string, member: string): never {
  fail(w.api, path, `${type} holds ${show(member)} twice; DynamoDB set members are unique`);
}

function walkValue(w: Walk, path: string, value: unknown, depth: number): AttributeValue {
  if (!isPlainObject(value))
    fail(w.api, path, `must be an AttributeValue object such as {"S":"text"}, got ${show(value)}`);
  const keys = Object.keys(value);
  const type = keys[0];
  // Stryker disable next-line ConditionalExpression: `type === undefined` only narrows the type; one key means keys[0] is defined
  if (keys.length !== 1 || type === undefined || !TYPE_KEYS.has(type)) {
    fail(w.api, path, `must have exactly one type key (S, N, B, BOOL, NULL, SS, NS, BS, L or M), got ${show(keys)}`);
  }
  const inner = value[type];
  const at = `${path}.${type}`;
  switch (type) {
    case 'S': {
      const text = checkText(w, at, inner, 'S');
      const bytes = utf8Length(text);
      w.size += bytes;
      w.bound += 6 * bytes + 8;
      return value as AttributeValue;
    }
    case 'N': {
      const { canonical, size } = numberSize(w, at, inner);
      w.size += size;
      w.bound += canonical.length + 8;
      return canonical === inner ? (value as AttributeValue) : { N: canonical };
    }
    case 'B': {
      const { canonical, size } = binary(w, at, inner);
      w.size += size;
      w.bound += canonical.length + 8;
      return canonical === inner ? (value as AttributeValue) : { B: canonical };
    }
    case 'BOOL':
      if (typeof inner !== 'boolean') fail(w.api, at, `must be true or false, got ${show(inner)}`);
      w.size += 1;
      w.bound += 14; // {"BOOL":false}
      return value as AttributeValue;
    case 'NULL':
      if (inner !== true) fail(w.api, at, `must be true (DynamoDB sends {"NULL":true}), got ${show(inner)}`);
      w.size += 1;
      w.bound += 13; // {"NULL":true}
      return value as AttributeValue;
    case 'SS': {
      const members = nonEmptySet(w, at, inner, 'SS');
      const seen = new Set<string>();
      for (let i = 0; i < members.length; i++) {
        const text = checkText(w, `${at}[${i}]`, members[i], 'SS member');
        if (seen.has(text)) duplicate(w, at, 'SS', text);
        seen.add(text);
        const bytes = utf8Length(text);
        w.size += bytes;
        w.bound += 6 * bytes + 3;
      }
      w.bound += 10;
      return value as AttributeValue;
    }
    case 'NS':
    case 'BS': {
      const members = nonEmptySet(w, at, inner, type);
      const seen = new Set<string>();
      let changed = false;
      const out: string[] = [];
      for (let i = 0; i < members.length; i++) {
        const member = members[i];
        const { canonical, size } =
          type === 'NS' ? numberSize(w, `${at}[${i}]`, member) : binary(w, `${at}[${i}]`, member);
        if (seen.has(canonical)) duplicate(w, at, type, canonical);
        seen.add(canonical);
        if (canonical !== member) changed = true;
        out.push(canonical);
        w.size += size;
        w.bound += canonical.length + 3;
      }
      w.bound += 10;
      if (!changed) return value as AttributeValue;
      return type === 'NS' ? { NS: out } : { BS: out };
    }
    case 'L': {
      if (!Array.isArray(inner)) fail(w.api, at, `must be an array, got ${show(inner)}`);
      if (depth >= MAX_NESTING_DEPTH)
        fail(w.api, at, `nests lists and maps deeper than DynamoDB's ${MAX_NESTING_DEPTH} levels`);
      w.size += 3;
      w.bound += 10;
      let out: AttributeValue[] | undefined;
      for (let i = 0; i < inner.length; i++) {
        w.size += 1;
        w.bound += 1;
        const element = walkValue(w, `${at}[${i}]`, inner[i], depth + 1);
        if (element !== inner[i]) (out ??= inner.slice())[i] = element;
      }
      return out === undefined ? (value as AttributeValue) : { L: out };
    }
    default: {
      // M
      if (!isPlainObject(inner)) fail(w.api, at, `must be an object of attribute values, got ${show(inner)}`);
      if (depth >= MAX_NESTING_DEPTH)
        fail(w.api, at, `nests lists and maps deeper than DynamoDB's ${MAX_NESTING_DEPTH} levels`);
      w.size += 3;
      w.bound += 10;
      const out = walkEntries(w, at, inner, depth + 1, false);
      return out === inner ? (value as AttributeValue) : { M: out };
    }
  }
}

function walkEntries(
  w: Walk,
  path: string,
  map: Record<string, unknown>,
  depth: number,
  topLevel: boolean,
): AttributeMap {
  let out: AttributeMap | undefined;
  const names = Object.keys(map);
  for (const name of names) {
    const at = childPath(path, name);
    // Stryker disable next-line StringLiteral: names come from Object.keys, always strings, so the type message that shows this text is unreachable
    checkText(w, at, name, 'attribute name');
    const nameBytes = utf8Length(name);
    if (topLevel && nameBytes === 0)
      fail(w.api, at, 'is an empty attribute name; DynamoDB attribute names are at least 1 character long');
    if (nameBytes > MAX_ATTRIBUTE_NAME_BYTES)
      fail(w.api, at, `is a ${nameBytes}-byte attribute name; DynamoDB allows at most ${MAX_ATTRIBUTE_NAME_BYTES}`);
    w.size += nameBytes + (topLevel ? 0 : 1);
    w.bound += 6 * nameBytes + 4;
    const value = walkValue(w, at, map[name], depth);
    if (value !== map[name]) {
      if (out === undefined) {
        out = {};
        for (const key of names)
          Object.defineProperty(out, key, { value: map[key], enumerable: true, writable: true, configurable: true });
      }
      Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return out ?? (map as AttributeMap);
}

/**
 * Validates an attribute map (an item, a key, an image) and returns it as DynamoDB stores it,
 * with its size by the item-size formula. Throws {@link EventInputError} naming `api` and the
 * path under `argument` of the first value DynamoDB would reject.
 */
export function storeAttributeMap(api: string, argument: string, map: unknown): StoredAttributeMap {
  if (!isPlainObject(map))
    fail(api, argument, `must be an object of attribute values (e.g. {"id":{"S":"a1"}}), got ${show(map)}`);
  const w: Walk = { api, size: 0, bound: 2 };
  const item = walkEntries(w, argument, map, 0, true);
  return { item, size: w.size, jsonBound: w.bound };
}

/**
 * Validates one AttributeValue and returns it as DynamoDB stores it, with its size (without a name).
 */
export function storeAttributeValue(
  api: string,
  argument: string,
  value: unknown,
): { value: AttributeValue; size: number } {
  const w: Walk = { api, size: 0, bound: 0 };
  const stored = walkValue(w, argument, value, 0);
  return { value: stored, size: w.size };
}

/**
 * The size of an item (or key, or image) by DynamoDB's item-size formula: Σ over attributes of
 * UTF-8 name bytes + value size, where S = UTF-8 bytes, B = raw bytes, N = ⌈significant digits / 2⌉ + 1,
 * BOOL/NULL = 1, sets = Σ members, L/M = 3 + Σ (1 + key bytes + member size). Validates as it goes.
 * @example itemSizeBytes({ Id: { N: '101' }, Message: { S: 'New item!' } }) // 21
 */
export function itemSizeBytes(item: AttributeMap): number {
  return storeAttributeMap('itemSizeBytes', 'item', item).size;
}

/** Whether `value` is a valid AttributeValue DynamoDB would accept. */
export function isAttributeValue(value: unknown): value is AttributeValue {
  try {
    // Stryker disable next-line StringLiteral: the error is caught and dropped, so the names it would carry are never seen
    storeAttributeValue('isAttributeValue', 'value', value);
    return true;
  } catch {
    return false;
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const members = new Set(a);
  return b.every((member) => members.has(member));
}

/**
 * Whether two stored (canonical) attribute values are equal as DynamoDB compares them:
 * sets are unordered, map keys unordered, lists ordered.
 */
export function attributeValuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  const [typeA, innerA] = Object.entries(a)[0] as [string, unknown];
  const [typeB, innerB] = Object.entries(b)[0] as [string, unknown];
  if (typeA !== typeB) return false;
  switch (typeA) {
    case 'SS':
    case 'NS':
    case 'BS':
      return sameSet(innerA as string[], innerB as string[]);
    // Stryker disable next-line ConditionalExpression,BlockStatement: a dense list compared as a map of its indices (the M branch) is the same ordered comparison
    case 'L': {
      const la = innerA as AttributeValue[];
      const lb = innerB as AttributeValue[];
      return (
        la.length === lb.length && la.every((element, i) => attributeValuesEqual(element, lb[i] as AttributeValue))
      );
    }
    case 'M':
      return attributeMapsEqual(innerA as AttributeMap, innerB as AttributeMap);
    default:
      return innerA === innerB;
  }
}

/** Whether two stored (canonical) attribute maps hold the same attributes and values. */
export function attributeMapsEqual(a: AttributeMap, b: AttributeMap): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) => Object.hasOwn(b, key) && attributeValuesEqual(a[key] as AttributeValue, b[key] as AttributeValue),
  );
}
