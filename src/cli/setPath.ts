/**
 * `--set path=value`: edits a built event. Paths are dotted names with `[index]` for arrays and
 * `["quoted key"]` for keys holding dots or brackets: `Records[0].body`, `detail.order.id`,
 * `["detail-type"]`. Values are parsed as JSON when they parse, else taken as strings.
 */
import { UsageError } from './command.js';
import { checkCliJson } from './inputs.js';
import { MAX_JSON_DEPTH } from '../_internals/json.js';

/** One step of a path: an object key or an array index. */
export type PathSegment = { readonly key: string } | { readonly index: number };

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** An assignment parsed from `path=value`. */
export interface SetAssignment {
  /** Where to set. */
  readonly path: readonly PathSegment[];
  /** The path as the user wrote it, for error messages. */
  readonly text: string;
  /** The value: parsed JSON, or the raw string. */
  readonly value: unknown;
}

/** Parses `Records[0].body` into segments; rejects `__proto__`, `constructor` and `prototype`. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new UsageError(`--set path ${JSON.stringify(path)} ${why}`);
  };
  if (path.length === 0) fail('is empty');
  while (i < path.length) {
    if (path[i] === '[') {
      const close = path[i + 1] === '"' ? closingQuoteBracket(path, i + 1) : path.indexOf(']', i);
      if (close === -1) fail('has an unclosed [');
      const inner = path.slice(i + 1, close);
      if (/^\d+$/.test(inner)) segments.push({ index: Number(inner) });
      else if (inner.startsWith('"')) {
        let key: unknown;
        try {
          key = JSON.parse(inner);
        } catch {
          fail(`has a bad quoted key ${inner}`);
        }
        segments.push({ key: key as string });
      } else fail(`has [${inner}]: use [<index>] or ["key"]`);
      i = close + 1;
    } else {
      let end = i;
      while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
      if (end === i) fail('has an empty name');
      const key = path.slice(i, end);
      if (key.includes(']')) fail('has a stray "]" (quote keys holding . [ or ] as ["key"])');
      segments.push({ key });
      i = end;
    }
    if (i < path.length) {
      if (path[i] === '.') {
        i++;
        if (i === path.length || path[i] === '.' || path[i] === '[') fail('has an empty name after "."');
      } else if (path[i] !== '[') fail(`has an unexpected ${JSON.stringify(path[i])}`);
    }
  }
  for (const segment of segments) {
    if ('key' in segment && FORBIDDEN.has(segment.key))
      fail(`names ${JSON.stringify(segment.key)}, which is not allowed`);
  }
  // Each step can create a level: a longer path would nest the event past what can be printed.
  if (segments.length > MAX_JSON_DEPTH)
    fail(`has ${segments.length} steps, over ${MAX_JSON_DEPTH.toLocaleString('en-US')}`);
  return segments;
}

function closingQuoteBracket(path: string, quote: number): number {
  for (let i = quote + 1; i < path.length; i++) {
    if (path[i] === '\\') i++;
    else if (path[i] === '"') return path[i + 1] === ']' ? i + 1 : -1;
  }
  return -1;
}

/** Parses one `--set` argument. */
export function parseAssignment(arg: string): SetAssignment {
  const eq = arg.indexOf('=');
  if (eq === -1) throw new UsageError(`--set needs path=value, got ${JSON.stringify(arg)}`);
  const text = arg.slice(eq + 1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = text;
  }
  const path = parsePath(arg.slice(0, eq));
  return { path, text: arg.slice(0, eq), value: checkCliJson(`--set ${arg.slice(0, eq)} value`, value) };
}

function describe(path: readonly PathSegment[], upTo: number): string {
  return (
    path
      .slice(0, upTo)
      .map((s, i) => ('index' in s ? `[${s.index}]` : i === 0 ? s.key : `.${s.key}`))
      .join('') || '(the event)'
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The JSON type of a value: `string`, `number`, `boolean`, `null`, `array` or `object`. */
function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** What an assignment replaced: the JSON types before and after, when a field already held a value. */
export interface SetChange {
  readonly before: string;
  readonly after: string;
}

/**
 * Sets `assignment.value` at its path in `target` (mutating it). Missing object fields are
 * created; array indexes must exist or append (index === length). Derived fields are not
 * recomputed: this edits the finished event, like the factories' `overrides`. Returns the JSON
 * types of the value replaced and of the new one, or undefined when nothing was there.
 */
export function applyAssignment(target: unknown, assignment: SetAssignment): SetChange | undefined {
  const { path, value } = assignment;
  let node: unknown = target;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] as PathSegment;
    const last = i === path.length - 1;
    const next = path[i + 1];
    const fresh = () => (next !== undefined && 'index' in next ? [] : {});
    if ('index' in segment) {
      if (!Array.isArray(node)) throw new UsageError(`--set ${assignment.text}: ${describe(path, i)} is not an array`);
      if (segment.index > node.length)
        throw new UsageError(
          `--set ${assignment.text}: index ${segment.index} is past the end of ${describe(path, i)} (length ${node.length})`,
        );
      if (last) {
        const before = segment.index < node.length ? node[segment.index] : undefined;
        node[segment.index] = value;
        return before === undefined ? undefined : { before: jsonType(before), after: jsonType(value) };
      } else {
        if (node[segment.index] === undefined) node[segment.index] = fresh();
        node = node[segment.index];
      }
    } else {
      if (!isRecord(node)) throw new UsageError(`--set ${assignment.text}: ${describe(path, i)} is not an object`);
      if (last) {
        const before = Object.hasOwn(node, segment.key) ? node[segment.key] : undefined;
        Object.defineProperty(node, segment.key, { value, enumerable: true, writable: true, configurable: true });
        return before === undefined ? undefined : { before: jsonType(before), after: jsonType(value) };
      } else {
        if (!Object.hasOwn(node, segment.key) || node[segment.key] === undefined) node[segment.key] = fresh();
        node = node[segment.key];
      }
    }
  }
  return undefined;
}
