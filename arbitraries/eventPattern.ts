import {
  array,
  boolean,
  constant,
  constantFrom,
  double,
  integer,
  nat,
  oneof,
  option,
  string,
  tuple,
  uniqueArray,
  bigInt,
  type Arbitrary,
} from 'fast-check';
import { isArbitrary } from './_internals/pin.js';
import { formatIp } from './_internals/patternValues.js';
import { RESERVED_IN_OR } from '../src/patterns/parseReasons.js';

const API = 'eventPattern';

/** The operators {@link eventPattern} can use, by the names AWS's documentation gives them. */
export const EVENT_PATTERN_OPERATORS = [
  'exact',
  'exactly',
  'prefix',
  'prefix-ignore-case',
  'suffix',
  'suffix-ignore-case',
  'equals-ignore-case',
  'wildcard',
  'anything-but',
  'anything-but-prefix',
  'anything-but-suffix',
  'anything-but-ignore-case',
  'anything-but-wildcard',
  'numeric',
  'cidr',
  'exists',
] as const;

/** One operator of {@link EVENT_PATTERN_OPERATORS}. */
export type EventPatternOperator = (typeof EVENT_PATTERN_OPERATORS)[number];

/** Constraints of {@link eventPattern}. */
export interface EventPatternConstraints {
  /**
   * The operators to use in value arrays (exact values are strings, numbers, booleans and null).
   * @defaultValue every operator in {@link EVENT_PATTERN_OPERATORS}
   */
  operators?: readonly EventPatternOperator[];
  /**
   * How deep fields nest (`1`: a flat pattern such as `{"source": [...]}`).
   * @defaultValue `3`
   */
  maxDepth?: number;
  /**
   * Fields per object.
   * @defaultValue `3`
   */
  maxFields?: number;
  /**
   * Matchers per field's value array (they are ORed).
   * @defaultValue `3`
   */
  maxValues?: number;
  /**
   * Whether objects may hold an `$or` of 2 or 3 alternatives (nested too, at most 1,000
   * combinations in all, as EventBridge allows).
   * @defaultValue `true`
   */
  or?: boolean;
  /**
   * Field names.
   * @defaultValue a small vocabulary (`source`, `detail-type`, `detail`, `state`, `price`, `ip`,
   * `items`, a dotted `a.b` next to `a` …), so fields of different patterns and events meet often
   */
  keys?: readonly string[] | Arbitrary<string>;
}

const KEYS = [
  'source',
  'detail-type',
  'detail',
  'state',
  'status',
  'price',
  'count',
  'ip',
  'name',
  'items',
  'a',
  'b',
  'a.b',
];
/** Keys AWS reserves in patterns: the operator names it refuses inside `$or` alternatives, and `$or` itself. */
const isReserved = (key: string): boolean => key === '$or' || RESERVED_IN_OR.has(key);
/** EventBridge's limits on a pattern. */
const MAX_LENGTH = 4096;
const MAX_COMBINATIONS = 1000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Text for values: short, any characters, now and then the empty string (shrinks to ""). */
function text(minLength = 0): Arbitrary<string> {
  return string({ minLength, maxLength: 12 });
}

/** A finite number AWS compares by value (every JavaScript double written by JSON.stringify is). */
function number(): Arbitrary<number> {
  return oneof(
    integer({ min: -1000, max: 1000 }),
    double({ min: -1e9, max: 1e9, noNaN: true }).map((x) => (x === 0 ? 0 : x)),
  );
}

/** A valid wildcard: literal pieces (escaped) between up to 3 single stars; inner pieces are never empty, so no `**`. */
function wildcard(): Arbitrary<string> {
  const escape = (s: string) => s.replace(/[\\*]/g, (c) => `\\${c}`);
  return tuple(text(), array(text(1), { maxLength: 2 }), text(), nat({ max: 1 })).map(
    ([first, middle, last, edges]) => {
      const pieces = [first, ...middle, last].map(escape);
      // With no inner piece and edges = 0, there is no star at all: a plain literal wildcard.
      return middle.length === 0 && edges === 0 ? pieces[0]! : pieces.join('*');
    },
  );
}

/** A CIDR block AWS accepts: IPv4 masks 0–31, IPv6 masks 0–127 (AWS rejects /32 and /128). */
function cidr(): Arbitrary<string> {
  return oneof(
    tuple(bigInt({ min: 0n, max: (1n << 32n) - 1n }), integer({ min: 0, max: 31 })).map(
      ([a, m]) => `${formatIp(4, a, false)}/${m}`,
    ),
    tuple(bigInt({ min: 0n, max: (1n << 128n) - 1n }), integer({ min: 0, max: 127 }), boolean()).map(
      ([a, m, c]) => `${formatIp(6, a, c)}/${m}`,
    ),
  );
}

/** A numeric condition: `=`, one bound, or a range with its lower bound first and below the upper. */
function numeric(): Arbitrary<Json[]> {
  return oneof(
    tuple(constantFrom('=', '<', '<=', '>', '>='), number()).map(([op, n]): Json[] => [op, n]),
    tuple(constantFrom('>', '>='), number(), constantFrom('<', '<='), number()).map(([lop, a, uop, b]): Json[] => {
      const [lo, hi] = a < b ? [a, b] : a > b ? [b, a] : [a, a + 1];
      return [lop, lo, uop, hi];
    }),
  );
}

/** One value-array element for an operator. */
function matcher(operator: EventPatternOperator): Arbitrary<Json> {
  const one = <T extends Json>(value: Arbitrary<T>) => oneof(value, array(value, { minLength: 1, maxLength: 3 }));
  switch (operator) {
    case 'exact':
      return oneof(
        { arbitrary: text(), weight: 3 },
        { arbitrary: number(), weight: 2 },
        { arbitrary: boolean(), weight: 1 },
        { arbitrary: constant(null), weight: 1 },
      );
    case 'exactly':
      return text().map((s) => ({ exactly: s }));
    case 'prefix':
      return text().map((s) => ({ prefix: s }));
    case 'prefix-ignore-case':
      return text().map((s) => ({ prefix: { 'equals-ignore-case': s } }));
    case 'suffix':
      return text().map((s) => ({ suffix: s }));
    case 'suffix-ignore-case':
      return text().map((s) => ({ suffix: { 'equals-ignore-case': s } }));
    case 'equals-ignore-case':
      return text().map((s) => ({ 'equals-ignore-case': s }));
    case 'wildcard':
      return wildcard().map((w) => ({ wildcard: w }));
    case 'anything-but':
      return oneof(
        text(),
        number(),
        array(text(), { minLength: 1, maxLength: 3 }),
        array(number(), { minLength: 1, maxLength: 3 }),
      ).map((v) => ({ 'anything-but': v }));
    case 'anything-but-prefix':
      return one(text(1)).map((v) => ({ 'anything-but': { prefix: v } }));
    case 'anything-but-suffix':
      return one(text(1)).map((v) => ({ 'anything-but': { suffix: v } }));
    case 'anything-but-ignore-case':
      return one(text()).map((v) => ({ 'anything-but': { 'equals-ignore-case': v } }));
    case 'anything-but-wildcard':
      return one(wildcard()).map((v) => ({ 'anything-but': { wildcard: v } }));
    case 'numeric':
      return numeric().map((v) => ({ numeric: v }));
    case 'cidr':
      return cidr().map((v) => ({ cidr: v }));
    case 'exists':
      return boolean().map((v) => ({ exists: v }));
  }
}

/** `$or` combinations, as EventBridge counts them: the product of the alternatives of every `$or`. */
function combinations(node: Json): number {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return 1;
  let product = 1;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$or' && Array.isArray(value))
      product *= value.reduce<number>((sum, branch) => sum + combinations(branch), 0);
    else product *= combinations(value);
  }
  return product;
}

/** Removes every `$or` below the top level (mapped: the pattern stays valid when it would exceed the limit). */
function withoutNestedOr(node: JsonObject, top: boolean): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$or' && Array.isArray(value)) {
      if (top) out[key] = value.map((branch) => withoutNestedOr(branch as JsonObject, false));
      continue;
    }
    out[key] =
      value !== null && typeof value === 'object' && !Array.isArray(value) ? withoutNestedOr(value, false) : value;
  }
  return out;
}

/** Drops trailing fields until the pattern fits AWS's length limit. */
function fit(pattern: JsonObject): JsonObject {
  let out = pattern;
  while (JSON.stringify(out).length > MAX_LENGTH) {
    const keys = Object.keys(out);
    if (keys.length > 1) out = Object.fromEntries(Object.entries(out).slice(0, -1));
    else out = { [keys[0]!]: ['x'] };
  }
  return out;
}

/**
 * Random valid EventBridge event patterns, for fuzzing a matcher, a lint or a router: every
 * operator AWS's engine has (exact values of each JSON type, `exactly`, prefix and suffix with
 * and without ignore-case, `equals-ignore-case`, wildcards, every `anything-but` form, numeric
 * comparisons and ranges, IPv4 and IPv6 CIDR blocks, `exists`), nested fields, dotted keys and
 * `$or`. Every pattern is a JSON object that AWS accepts: within 4,096 characters and 1,000 `$or`
 * combinations, no empty objects or arrays, valid wildcards and CIDR masks, ranges with the lower
 * bound first.
 * @example eventPattern({ operators: ['prefix', 'numeric'], maxDepth: 2, or: false })
 */
// @__NO_SIDE_EFFECTS__
export function eventPattern(constraints: EventPatternConstraints = {}): Arbitrary<Record<string, unknown>> {
  const operators = constraints.operators ?? EVENT_PATTERN_OPERATORS;
  const maxDepth = constraints.maxDepth ?? 3;
  const maxFields = constraints.maxFields ?? 3;
  const maxValues = constraints.maxValues ?? 3;
  const or = constraints.or ?? true;
  if (!Array.isArray(operators) || operators.length === 0)
    throw new TypeError(`${API}: operators must be a non-empty array of ${EVENT_PATTERN_OPERATORS.join(', ')}`);
  for (const op of operators)
    if (!(EVENT_PATTERN_OPERATORS as readonly string[]).includes(op))
      throw new TypeError(
        `${API}: unknown operator ${JSON.stringify(op)}; operators are ${EVENT_PATTERN_OPERATORS.join(', ')}`,
      );
  for (const [name, value] of [
    ['maxDepth', maxDepth],
    ['maxFields', maxFields],
    ['maxValues', maxValues],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 10)
      throw new TypeError(`${API}: ${name} must be an integer from 1 to 10, got ${String(value)}`);
  }
  if (typeof or !== 'boolean') throw new TypeError(`${API}: or must be a boolean, got ${typeof or}`);
  const given = constraints.keys;
  if (given !== undefined && !isArbitrary(given as Arbitrary<string>)) {
    if (!Array.isArray(given) || given.length === 0 || !given.every((k) => typeof k === 'string'))
      throw new TypeError(`${API}: keys must be a non-empty array of strings or an arbitrary of strings`);
    const reserved = given.find(isReserved);
    if (reserved !== undefined)
      throw new TypeError(`${API}: keys must not include ${JSON.stringify(reserved)}, a name AWS reserves in patterns`);
  }
  const key: Arbitrary<string> =
    given === undefined
      ? constantFrom(...KEYS)
      : isArbitrary(given as Arbitrary<string>)
        ? (given as Arbitrary<string>).map((k) => (isReserved(k) ? `${k}_` : k))
        : constantFrom(...(given as readonly string[]));

  // Mostly one matcher and one or two fields: small patterns find bugs and shrink well; the maxima still come.
  const few = <T>(item: Arbitrary<T>, max: number, unique?: (t: T) => unknown): Arbitrary<T[]> => {
    const upTo = (n: number) =>
      unique === undefined
        ? array(item, { minLength: 1, maxLength: n })
        : uniqueArray(item, { minLength: 1, maxLength: n, selector: unique });
    return max === 1 ? upTo(1) : oneof({ arbitrary: upTo(1), weight: 2 }, { arbitrary: upTo(max), weight: 1 });
  };
  const values = few(oneof(...operators.map(matcher)), maxValues);
  const node = (depth: number, orLevels: number): Arbitrary<JsonObject> => {
    const value: Arbitrary<Json> =
      depth <= 1
        ? values
        : oneof({ arbitrary: values, weight: 3 }, { arbitrary: node(depth - 1, orLevels), weight: 1 });
    const fields = few(tuple(key, value), maxFields, ([k]) => k);
    // Alternatives are one level shallower, so `$or` patterns stay readable and shrink well.
    const alternatives =
      or && orLevels > 0
        ? option(array(node(Math.max(1, depth - 1), orLevels - 1), { minLength: 2, maxLength: 3 }), {
            freq: 4,
            nil: undefined,
          })
        : constant(undefined);
    return tuple(fields, alternatives).map(([entries, alts]) => {
      const out: JsonObject = {};
      for (const [k, v] of entries)
        Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      if (alts !== undefined) out.$or = alts;
      return out;
    });
  };
  return node(maxDepth, 2).map((pattern) =>
    fit(combinations(pattern) > MAX_COMBINATIONS ? withoutNestedOr(pattern, true) : pattern),
  );
}
