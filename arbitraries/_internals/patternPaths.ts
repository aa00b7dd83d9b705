/**
 * Edits of an event at an event pattern's dot-joined paths, as AWS's engine reads them: objects
 * are walked into, arrays are transparent (every element is visited), and a key containing dots
 * stands for the same path as the nested keys (`{"a.b": 1}` and `{"a": {"b": 1}}` are both `a.b`).
 * Iterative walks: deep events never overflow the stack.
 */
import { isPlainObject, setOwn } from '../../src/_internals/objects.js';

/** A JSON leaf: what a pattern's value matchers compare. */
export type PatternLeaf = string | number | boolean | null;

/** Whether `value` is a JSON leaf (not an object or array). */
export function isLeaf(value: unknown): value is PatternLeaf {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Calls `visit(container, key, value)` for every own property whose flattened path is `path`. */
function visitPath(
  event: unknown,
  path: string,
  visit: (container: Record<string, unknown>, key: string, value: unknown) => void,
): void {
  const stack: [unknown, string][] = [[event, path]];
  while (stack.length > 0) {
    const [node, rest] = stack.pop()!;
    if (Array.isArray(node)) {
      for (const element of node) stack.push([element, rest]);
      continue;
    }
    if (!isPlainObject(node)) continue;
    for (const key of Object.keys(node)) {
      if (rest === key) visit(node, key, node[key]);
      else if (rest.startsWith(`${key}.`)) stack.push([node[key], rest.slice(key.length + 1)]);
    }
  }
}

/** The leaves at `path` (array elements each count; objects at the path are not leaves). */
export function leavesAt(event: unknown, path: string): PatternLeaf[] {
  const leaves: PatternLeaf[] = [];
  visitPath(event, path, (_container, _key, value) => {
    const stack = [value];
    while (stack.length > 0) {
      const item = stack.pop();
      if (isLeaf(item)) leaves.push(item);
      else if (Array.isArray(item)) stack.push(...item);
    }
  });
  return leaves;
}

/** Removes every leaf at `path`, in every array element and under every key split; objects stay. */
export function removeAt(event: unknown, path: string): void {
  visitPath(event, path, (container, key, value) => {
    if (isLeaf(value)) delete container[key];
    else if (Array.isArray(value)) setOwn(container, key, withoutLeaves(value));
  });
}

/** An array without its leaves, also inside nested arrays (objects are kept: they hold other paths). */
function withoutLeaves(array: unknown[]): unknown[] {
  const kept: unknown[] = [];
  for (const item of array) {
    if (Array.isArray(item)) kept.push(withoutLeaves(item));
    else if (!isLeaf(item)) kept.push(item);
  }
  return kept;
}

/**
 * Sets a leaf (or an array of leaves) at `keys`, creating objects on the way. An array on the way
 * is kept and its first object element is used (so every field set under one array lands in the
 * same element, as AWS's array-consistency rule requires); a leaf on the way becomes an object.
 * A single leaf set where the event holds an array takes the place of the array's first leaf,
 * so the field stays an array.
 */
export function setAt(
  event: Record<string, unknown>,
  keys: readonly string[],
  value: PatternLeaf | readonly PatternLeaf[],
): void {
  let node: Record<string, unknown> = event;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i]!;
    const current = Object.hasOwn(node, key) ? node[key] : undefined;
    if (isPlainObject(current)) {
      node = current;
      continue;
    }
    const next: Record<string, unknown> = {};
    if (Array.isArray(current)) {
      const element = current.find(isPlainObject);
      if (element !== undefined) {
        node = element;
        continue;
      }
      current.unshift(next);
    } else setOwn(node, key, next);
    node = next;
  }
  const last = keys[keys.length - 1]!;
  const current = Object.hasOwn(node, last) ? node[last] : undefined;
  if (Array.isArray(value)) setOwn(node, last, [...value]);
  else if (Array.isArray(current)) {
    const index = current.findIndex(isLeaf);
    if (index === -1) current.unshift(value);
    else current[index] = value;
  } else setOwn(node, last, value);
}

/**
 * The keys to set a path at without turning another field of the same pattern into an object:
 * where the keys as written pass through a path that is itself a field (`a` next to `a.b`), the
 * keys from there on are joined into one dotted key, which AWS reads as the same path.
 */
export function safeKeys(keys: readonly string[], fields: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const key of keys) {
    const joined = out.length === 0 ? undefined : out.join('.');
    if (joined !== undefined && fields.has(joined)) out[out.length - 1] = `${out[out.length - 1]}.${key}`;
    else out.push(key);
  }
  return out;
}
