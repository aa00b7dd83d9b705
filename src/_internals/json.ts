import { fail } from './errors.js';

/** A JSON value, as `JSON.parse` returns it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Copies a JSON value, checking on the way that it survives JSON unchanged: returns what
 * `JSON.parse(JSON.stringify(value))` would (fresh objects and arrays, undefined object fields
 * dropped, array holes as null, -0 as 0, `__proto__` an own key) without serialising, or throws
 * an EventInputError naming `api` and the path inside `argument` (non-finite numbers, undefined
 * array items, functions, symbols, bigints, non-plain objects, cycles). Factories use it so an
 * event shares no object with the caller's input.
 */
export function copyJsonValue(api: string, argument: string, value: unknown): JsonValue {
  return copyJson(api, argument, value, new Set());
}

function copyJson(api: string, path: string, value: unknown, seen: Set<object>): JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) fail(api, path, `is ${String(value)}, which JSON cannot carry`);
      return value === 0 ? 0 : value;
    case 'object':
      break;
    default:
      fail(api, path, `is a ${typeof value}, which JSON cannot carry`);
  }
  if (value === null) return null;
  if (seen.has(value)) fail(api, path, 'is a circular reference, which JSON cannot carry');
  seen.add(value);
  let out: JsonValue;
  if (Array.isArray(value)) {
    const items: JsonValue[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined && i in value) fail(api, `${path}[${i}]`, 'is undefined, which JSON turns into null; give null explicitly');
      items[i] = item === undefined ? null : copyJson(api, `${path}[${i}]`, item, seen);
    }
    out = items;
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) fail(api, path, `is a ${(value as object).constructor?.name ?? 'non-plain'} object; only plain JSON (objects, arrays, strings, finite numbers, booleans, null) is allowed`);
    const fields: { [key: string]: JsonValue } = {};
    for (const [key, child] of Object.entries(value)) {
      // defineProperty: a `__proto__` key stays data, as JSON.parse makes it.
      if (child !== undefined) Object.defineProperty(fields, key, { value: copyJson(api, `${path}.${key}`, child, seen), enumerable: true, writable: true, configurable: true });
    }
    out = fields;
  }
  seen.delete(value);
  return out;
}
