/** Key schema rules: key attribute names, and key values taken from an item. */
import { fail, show } from '../../_internals/errors.js';
import { utf8Length } from '../../_internals/limits.js';
import { childPath } from './attributeValue.js';
import type { AttributeMap, AttributeValue } from './types.js';

/** Longest partition key value, in bytes (S: UTF-8, B: raw). */
export const MAX_PARTITION_KEY_BYTES = 2048;
/** Longest sort key value, in bytes. */
export const MAX_SORT_KEY_BYTES = 1024;

/**
 * Checks a key schema given as attribute names: `['pk']` (partition key) or `['pk', 'sk']`
 * (partition and sort key), distinct, non-empty, at most 255 bytes each.
 */
export function assertKeyNames(api: string, argument: string, keyNames: unknown): readonly string[] {
  if (!Array.isArray(keyNames) || keyNames.length < 1 || keyNames.length > 2) {
    fail(
      api,
      argument,
      `must name the table's key attributes: [partitionKey] or [partitionKey, sortKey], got ${show(keyNames)}`,
    );
  }
  for (const [i, name] of keyNames.entries()) {
    if (typeof name !== 'string' || name.length === 0 || utf8Length(name) > 255) {
      fail(api, `${argument}[${i}]`, `must be a key attribute name of 1 to 255 bytes, got ${show(name)}`);
    }
  }
  if (keyNames.length === 2 && keyNames[0] === keyNames[1])
    fail(api, argument, `names ${show(keyNames[0])} twice; partition and sort key are different attributes`);
  return keyNames as string[];
}

function keyValueBytes(value: AttributeValue): { type: string; bytes: number } {
  if ('S' in value) return { type: 'S', bytes: utf8Length(value.S) };
  if ('B' in value) return { type: 'B', bytes: Buffer.byteLength(value.B, 'base64') };
  if ('N' in value) return { type: 'N', bytes: 1 };
  return { type: Object.keys(value)[0] ?? '?', bytes: 0 };
}

/**
 * The key of a (stored, valid) item: its key attributes, each S, N or B and non-empty, copied
 * so the event's `Keys` share no objects with its images.
 */
export function extractKeys(
  api: string,
  argument: string,
  item: AttributeMap,
  keyNames: readonly string[],
): AttributeMap {
  const keys: AttributeMap = {};
  keyNames.forEach((name, i) => {
    const value = Object.hasOwn(item, name) ? item[name] : undefined;
    // The argument path is built only for an error message.
    if (value === undefined)
      fail(
        api,
        childPath(argument, name),
        `is missing: every item needs the key attribute ${show(name)} (the table's ${i === 0 ? 'partition' : 'sort'} key; set options.keys to your key schema)`,
      );
    const { type, bytes } = keyValueBytes(value);
    if (type !== 'S' && type !== 'N' && type !== 'B')
      fail(api, childPath(argument, name), `is of type ${type}; key attributes are S, N or B`);
    if (type !== 'N' && bytes === 0)
      fail(api, childPath(argument, name), 'is empty; key attribute values must not be empty strings or binaries');
    const limit = i === 0 ? MAX_PARTITION_KEY_BYTES : MAX_SORT_KEY_BYTES;
    if (bytes > limit)
      fail(
        api,
        childPath(argument, name),
        `is ${bytes} bytes; a ${i === 0 ? 'partition' : 'sort'} key value holds at most ${limit}`,
      );
    // Assignment creates the same own data property as defineProperty, except for `__proto__`.
    if (name === '__proto__')
      Object.defineProperty(keys, name, { value: { ...value }, enumerable: true, writable: true, configurable: true });
    else keys[name] = { ...value };
  });
  return keys;
}
