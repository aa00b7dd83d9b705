/**
 * The one override rule of the kit (factories' `overrides` option):
 *
 * - plain objects with fixed fields are merged key by key, recursively;
 * - arrays, and the map-like objects named in {@link REPLACED_WHOLE} (`Records`,
 *   `messageAttributes`, `Keys`, `NewImage`, `OldImage`, …), are replaced whole, never
 *   merged index by index or key by key (lodash-style merging yields half-built records);
 * - `undefined` in an override removes nothing: it sets the field to `undefined`, which
 *   `JSON.stringify` then drops (use it to delete a field on purpose);
 * - keys `__proto__`, `constructor` and `prototype` become own data properties of the
 *   result and never reach any prototype;
 * - `overrides` must be a plain object (anything else would replace the whole event), and every
 *   value in it must be JSON, as the event Lambda delivers is: NaN, ±Infinity, Map, Set, Date,
 *   functions, symbols, bigints, class instances, cycles and nesting past
 *   {@link MAX_JSON_DEPTH} levels are EventInputErrors naming the path.
 *
 * The base is never mutated: the result shares untouched branches with it.
 */
import { fail, show } from './errors.js';
import { assertJsonValue, MAX_JSON_DEPTH } from './json.js';
import { isPlainObject, setOwn } from './objects.js';
import { replacedWholeOf } from './family.js';
import { FAMILIES } from '../families.js';

/**
 * Keys whose values are maps or lists: an override replaces them whole. Each family lists its
 * own in its descriptor (`replacedWhole`); this is their union over the registered families.
 */
export const REPLACED_WHOLE = replacedWholeOf(FAMILIES) as readonly ReplacedWholeKey[];

/** One of {@link REPLACED_WHOLE}: a key some registered family's descriptor lists. */
export type ReplacedWholeKey = (typeof FAMILIES)[number]['replacedWhole'][number];

/**
 * Values `DeepPartial` leaves whole: merging into them would make no sense.
 * @internal
 */
type Builtin = Date | RegExp | Uint8Array | ((...args: never[]) => unknown);

/**
 * A deep partial of `T` following the override rule: arrays and the values of
 * {@link REPLACED_WHOLE} keys must be given whole; every other object field is optional.
 */
export type DeepPartial<T> = T extends Builtin
  ? T
  : T extends readonly unknown[]
    ? T
    : T extends object
      ? { [K in keyof T]?: K extends ReplacedWholeKey ? T[K] : DeepPartial<T[K]> }
      : T;

const REPLACED_WHOLE_SET: ReadonlySet<string> = new Set<string>(REPLACED_WHOLE);

function merge(base: unknown, override: unknown, replacedWhole: ReadonlySet<string>): unknown {
  if (!isPlainObject(override) || !isPlainObject(base)) return cloneOverride(override);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(base)) setOwn(out, key, base[key]);
  for (const key of Object.keys(override)) {
    const value = override[key];
    const current = Object.hasOwn(base, key) ? base[key] : undefined;
    setOwn(out, key, replacedWhole.has(key) ? cloneOverride(value) : merge(current, value, replacedWhole));
  }
  return out;
}

/** Copies an override value so the caller's object is not shared with (or mutated through) the event. */
function cloneOverride(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneOverride);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) setOwn(out, key, cloneOverride(value[key]));
  return out;
}

/**
 * Applies `overrides` to `base` under the override rule described above. `api` and `argument`
 * (default `options.overrides`) name the input in errors.
 */
export function applyOverrides<T>(
  base: T,
  overrides: DeepPartial<NoInfer<T>> | undefined,
  api: string,
  argument = 'options.overrides',
): T {
  return applyOverridesWith(REPLACED_WHOLE_SET, base, overrides, api, argument);
}

/**
 * {@link applyOverrides} with an explicit set of replaced-whole keys (`replacedWholeOf(families)`):
 * the same rule for a list of families other than the registered ones.
 */
export function applyOverridesWith<T>(
  replacedWhole: ReadonlySet<string>,
  base: T,
  overrides: DeepPartial<NoInfer<T>> | undefined,
  api: string,
  argument = 'options.overrides',
): T {
  if (overrides === undefined) return base;
  if (!isPlainObject(overrides)) {
    fail(
      api,
      argument,
      `must be a plain object of the fields to replace (e.g. { Records: [...] }), got ${Array.isArray(overrides) ? `an array ${show(overrides)}` : show(overrides)}: a non-object would replace the whole event`,
    );
  }
  // The merge recurses: the walk first bounds the depth and refuses cycles (and non-JSON values).
  assertJsonValue(api, argument, overrides, { maxDepth: MAX_JSON_DEPTH });
  return merge(base, overrides, replacedWhole) as T;
}

/**
 * Whether `overrides` sets the field at `path` (or something inside it). Factories use this
 * to let derived fields follow overridden inputs unless the derived field is overridden too.
 */
export function isOverridden(overrides: unknown, ...path: readonly string[]): boolean {
  let node: unknown = overrides;
  for (const key of path) {
    if (!isPlainObject(node) || !Object.hasOwn(node, key)) return false;
    node = node[key];
  }
  return true;
}
