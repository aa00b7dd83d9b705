import { fail } from './errors.js';
import { isPlainObject, setOwn } from './objects.js';

/**
 * The deepest nesting of objects and arrays the kit accepts in a JSON value it walks (a body, a
 * detail, overrides …): far beyond any real event, and well within what `JSON.stringify` (which
 * overflows the stack a few thousand levels down) and the recursive walks of the kit can handle.
 */
export const MAX_JSON_DEPTH = 1000;

/** A JSON value, as `JSON.parse` returns it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Why a value is not JSON, as the walk found it; {@link JsonRules.describe} words it. */
export type JsonProblem =
  /** NaN or ±Infinity (JSON.stringify writes null). */
  | { readonly kind: 'non-finite'; readonly value: number }
  /** An array item that is undefined (JSON.stringify writes null). */
  | { readonly kind: 'undefined' }
  /** A function, symbol, bigint or undefined where a value is due. */
  | { readonly kind: 'unsupported'; readonly value: unknown }
  /** A class instance, Map, Date …: JSON keeps only its own fields, if any. */
  | { readonly kind: 'non-plain'; readonly value: object }
  /** An object or array that contains itself. */
  | { readonly kind: 'circular' }
  /** Objects and arrays nested deeper than {@link JsonRules.maxDepth}. */
  | { readonly kind: 'too-deep'; readonly maxDepth: number };

/** What a caller of the JSON walk may vary: two rules and the wording of its errors. */
export interface JsonRules {
  /**
   * Array holes: `'reject'` refuses them as the undefined items they read as (JSON.stringify
   * would silently write null, as for an undefined item: one rule for both), `'null'` reads them
   * as null.
   * @defaultValue `'reject'`
   */
  readonly holes?: 'null' | 'reject';
  /**
   * The deepest nesting of objects and arrays allowed (the value itself is depth 0).
   * At most {@link MAX_JSON_DEPTH}, which is also the default.
   * @defaultValue {@link MAX_JSON_DEPTH}
   */
  readonly maxDepth?: number;
  /**
   * The broken rule's words for a problem (the error names the API and the path).
   * @defaultValue {@link jsonProblemText}
   */
  readonly describe?: (problem: JsonProblem) => string;
}

/** The default wording of a {@link JsonProblem}, e.g. `is NaN, which JSON cannot carry`. */
export function jsonProblemText(problem: JsonProblem): string {
  switch (problem.kind) {
    case 'non-finite':
      return `is ${String(problem.value)}, which JSON cannot carry`;
    case 'undefined':
      return 'is undefined, which JSON turns into null; give null explicitly';
    case 'unsupported':
      return `is ${problem.value === undefined ? 'undefined' : `a ${typeof problem.value}`}, which JSON cannot carry`;
    case 'non-plain':
      return `is a ${problem.value.constructor?.name ?? 'non-plain'} object; only plain JSON (objects, arrays, strings, finite numbers, booleans, null) is allowed`;
    case 'circular':
      return 'is a circular reference, which JSON cannot carry';
    case 'too-deep':
      return `is nested more than ${problem.maxDepth.toLocaleString('en-US')} levels deep`;
  }
}

/**
 * Throws unless `value` survives JSON unchanged (undefined object fields aside, which JSON drops
 * as a TypeScript optional field would be): an EventInputError naming `api` and the path inside
 * `argument` (non-finite numbers, undefined array items and holes, functions, symbols, bigints,
 * non-plain objects such as Map, Set and Date, cycles, nesting past {@link MAX_JSON_DEPTH}).
 * This is the one rule every family applies to the JSON a caller hands it. Shared (non-cyclic)
 * references are fine: JSON writes them twice.
 */
export function assertJsonValue(api: string, argument: string, value: unknown, rules?: JsonRules): void {
  run(api, argument, value, rules, false);
}

/**
 * Copies a JSON value, checking on the way as {@link assertJsonValue} does: returns what
 * `JSON.parse(JSON.stringify(value))` would (fresh objects and arrays, undefined object fields
 * dropped, -0 as 0, `__proto__` an own key) without serialising.
 * Factories use it so an event shares no object with the caller's input.
 */
export function copyJsonValue(api: string, argument: string, value: unknown, rules?: JsonRules): JsonValue {
  return run(api, argument, value, rules, true) as JsonValue;
}

/**
 * One walk's state. The path is a stack of keys, turned into text only when a rule breaks.
 * `seen` holds the objects being walked (to find cycles); shallow values, the common case, are
 * walked without it (see {@link run}).
 */
interface Walk {
  readonly api: string;
  readonly argument: string;
  readonly rules: JsonRules | undefined;
  readonly copy: boolean;
  readonly rejectHoles: boolean;
  readonly maxDepth: number;
  readonly seen: Set<object> | undefined;
  readonly path: (string | number)[];
}

/** Nesting up to which a walk runs without tracking cycles: a cycle nests without end, so it gets deeper. */
const UNTRACKED_DEPTH = 64;
/** Thrown (and caught by {@link run}) when an untracked walk gets deeper than {@link UNTRACKED_DEPTH}. */
const TOO_DEEP_UNTRACKED: unique symbol = Symbol('deep');

/**
 * Walks `value` without cycle tracking first; past {@link UNTRACKED_DEPTH} levels it walks again,
 * tracking, so a cycle is reported where it first closes.
 */
function run(api: string, argument: string, value: unknown, rules: JsonRules | undefined, copy: boolean): unknown {
  const rejectHoles = rules?.holes !== 'null';
  const maxDepth = Math.min(rules?.maxDepth ?? MAX_JSON_DEPTH, MAX_JSON_DEPTH);
  try {
    return walk({ api, argument, rules, copy, rejectHoles, maxDepth, seen: undefined, path: [] }, value, 0);
  } catch (error) {
    if (error !== TOO_DEEP_UNTRACKED) throw error;
  }
  return walk({ api, argument, rules, copy, rejectHoles, maxDepth, seen: new Set(), path: [] }, value, 0);
}

function broken(w: Walk, problem: JsonProblem): never {
  let path = w.argument;
  for (const key of w.path) path += typeof key === 'number' ? `[${key}]` : `.${key}`;
  // A path hundreds of levels deep would drown the message: keep its start (the argument) and end.
  if (path.length > 200) path = `${path.slice(0, 120)}…${path.slice(-60)}`;
  fail(w.api, path, (w.rules?.describe ?? jsonProblemText)(problem));
}

/** Checks `value` (and with `w.copy` returns its JSON round trip); `depth` counts the objects and arrays above it. */
function walk(w: Walk, value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) broken(w, { kind: 'non-finite', value });
      return value === 0 ? 0 : value;
    case 'object':
      break;
    default:
      broken(w, { kind: 'unsupported', value });
  }
  if (value === null) return null;
  const seen = w.seen;
  if (seen === undefined) {
    // A thrown symbol, not an Error: no stack trace is captured.
    if (depth > UNTRACKED_DEPTH) throw TOO_DEEP_UNTRACKED;
  } else if (seen.has(value)) {
    broken(w, { kind: 'circular' });
  }
  if (depth > w.maxDepth) broken(w, { kind: 'too-deep', maxDepth: w.maxDepth });
  seen?.add(value);
  const path = w.path;
  let out: unknown = value;
  if (Array.isArray(value)) {
    const items: unknown[] | undefined = w.copy ? new Array(value.length) : undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined) {
        // A hole is written as null by JSON; an undefined item is too, but silently: refused.
        if (!w.rejectHoles && !(i in value)) {
          if (items !== undefined) items[i] = null;
          continue;
        }
        path.push(i);
        broken(w, { kind: 'undefined' });
      }
      path.push(i);
      const child = walk(w, item, depth + 1);
      path.pop();
      if (items !== undefined) items[i] = child;
    }
    if (items !== undefined) out = items;
  } else {
    if (!isPlainObject(value)) broken(w, { kind: 'non-plain', value });
    const fields: Record<string, unknown> | undefined = w.copy ? {} : undefined;
    for (const key of Object.keys(value)) {
      const child = value[key];
      // An undefined field is dropped by JSON, as a TypeScript optional field would be.
      if (child === undefined) continue;
      path.push(key);
      const copied = walk(w, child, depth + 1);
      path.pop();
      if (fields !== undefined) setOwn(fields, key, copied);
    }
    if (fields !== undefined) out = fields;
  }
  seen?.delete(value);
  return out;
}
