/**
 * The JSON-path subset EventBridge supports (dot notation, dashes, underscores,
 * alphanumerics, forward slashes, array indices, `*` wildcards), compiled once into an accessor.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html
 */

/** One step of a compiled path: a member name, an array index, or a wildcard. */
export type PathSegment =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'wildcard' };

/** A parsed path, or why EventBridge would not evaluate it. */
export type ParsedPath =
  | { readonly ok: true; readonly segments: readonly PathSegment[]; readonly wildcard: boolean }
  | { readonly ok: false; readonly offset: number; readonly reason: string };

/** Marks "the path does not exist in this event" (distinct from a JSON `null`). */
export const MISSING: unique symbol = Symbol('missing');
/** What an accessor returns. */
type Extracted = unknown | typeof MISSING;

// Characters that end a dot-notation name. Anything else (letters of any script, digits, `-`, `_`,
// `/`, `:` …) stays in the name, as a Java JSON-path engine would accept it.
const NAME_STOP = new Set([
  '.',
  '[',
  ']',
  '*',
  '(',
  ')',
  '?',
  '@',
  "'",
  '"',
  ',',
  ' ',
  '\t',
  '\n',
  '\r',
  '<',
  '>',
  '$',
  '\\',
]);

/**
 * Parses `$`, `$.a.b-c`, `$.a[0]`, `$.a[*].b`, `$.a.*`. Recursive descent (`..`), filters
 * (`[?(…)]`), scripts and functions (`(`…`)`), bracketed names (`['a']`), slices and unions are
 * refused with the offset of the offending character: EventBridge documents none of them.
 */
export function parsePath(text: string): ParsedPath {
  if (!text.startsWith('$')) return { ok: false, offset: 0, reason: 'a JSON path must start with "$"' };
  const segments: PathSegment[] = [];
  let wildcard = false;
  let i = 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      if (text[i + 1] === '.')
        return { ok: false, offset: i, reason: 'recursive descent ("..") is not supported by EventBridge' };
      i++;
      if (text[i] === '*') {
        segments.push({ kind: 'wildcard' });
        wildcard = true;
        i++;
        continue;
      }
      const start = i;
      while (i < text.length && !NAME_STOP.has(text[i]!)) i++;
      if (i === start)
        return {
          ok: false,
          offset: i,
          reason: i >= text.length ? 'the path ends with "."' : `unexpected ${JSON.stringify(text[i])} after "."`,
        };
      if (text[i] === '(')
        return {
          ok: false,
          offset: start,
          reason: `functions (${text.slice(start, i)}()) are not supported by EventBridge`,
        };
      segments.push({ kind: 'name', name: text.slice(start, i) });
      continue;
    }
    if (c === '[') {
      const close = text.indexOf(']', i);
      const inner = close < 0 ? text.slice(i + 1) : text.slice(i + 1, close);
      if (inner.startsWith('?'))
        return { ok: false, offset: i, reason: 'filters ([?(…)]) are not supported by EventBridge' };
      if (inner.startsWith('('))
        return { ok: false, offset: i, reason: 'script expressions ([(…)]) are not supported by EventBridge' };
      if (close < 0) return { ok: false, offset: i, reason: 'unterminated "["' };
      if (inner === '*') {
        segments.push({ kind: 'wildcard' });
        wildcard = true;
      } else if (/^(0|[1-9][0-9]{0,8})$/.test(inner)) {
        segments.push({ kind: 'index', index: Number(inner) });
      } else if (/^['"]/.test(inner)) {
        return {
          ok: false,
          offset: i,
          reason: "bracketed member names (['a']) are not supported by EventBridge: use dot notation",
        };
      } else if (inner.includes(':')) {
        return { ok: false, offset: i, reason: 'array slices ([a:b]) are not supported by EventBridge' };
      } else if (inner.includes(',')) {
        return { ok: false, offset: i, reason: 'unions ([a,b]) are not supported by EventBridge' };
      } else {
        return { ok: false, offset: i, reason: `array index ${JSON.stringify(inner)} is not a non-negative integer` };
      }
      i = close + 1;
      continue;
    }
    if (c === '(' || c === ')')
      return { ok: false, offset: i, reason: 'functions and scripts are not supported by EventBridge' };
    return { ok: false, offset: i, reason: `unexpected ${JSON.stringify(c)}: a path step starts with "." or "["` };
  }
  return { ok: true, segments, wildcard };
}

/** Reads the path's value from a JSON value; a wildcard path yields the array of its matches. */
export type Accessor = (root: unknown) => Extracted;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The event reaches AWS as JSON, so a member JSON cannot carry (undefined, a function, a symbol)
 * is a missing key, and such an array item (or a hole) is `null`, as `JSON.stringify` writes them.
 */
function absentInJson(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** A member's value as the JSON event carries it: {@link MISSING} when JSON drops the member. */
function member(value: unknown): Extracted {
  return absentInJson(value) ? MISSING : value;
}

/** An array item's value as the JSON event carries it: `null` when JSON writes null. */
function item(value: unknown): unknown {
  return absentInJson(value) ? null : value;
}

function step(node: unknown, segment: PathSegment): Extracted {
  if (segment.kind === 'name')
    return isObject(node) && Object.hasOwn(node, segment.name) ? member(node[segment.name]) : MISSING;
  if (segment.kind === 'index')
    return Array.isArray(node) && segment.index < node.length ? item(node[segment.index]) : MISSING;
  return MISSING;
}

/**
 * Compiles segments into an accessor. A name never matches an array element, an index never
 * matches an object member (a Java JSON-path engine keeps the two apart, unlike JavaScript).
 * Wildcards follow JSON-path semantics: every match in document order, always as an array.
 */
export function compileAccessor(segments: readonly PathSegment[]): Accessor {
  const steps = segments.slice();
  if (steps.every((s) => s.kind === 'name')) {
    // The common path (`$.body.order.id`), run per placeholder per render: a plain array of
    // member names, no segment objects and no call per step.
    const names = steps.map((s) => (s as { name: string }).name);
    const n = names.length;
    return (root) => {
      let node: unknown = root;
      for (let i = 0; i < n; i++) {
        const name = names[i]!;
        if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, name))
          return MISSING;
        node = (node as Record<string, unknown>)[name];
      }
      return member(node);
    };
  }
  if (!steps.some((s) => s.kind === 'wildcard')) {
    // Names and indices: a flat key array (string: member, number: index).
    const keys = steps.map((s) => (s.kind === 'name' ? s.name : (s as { index: number }).index));
    const n = keys.length;
    return (root) => {
      let node: unknown = root;
      for (let i = 0; i < n; i++) {
        const key = keys[i]!;
        if (typeof key === 'string') {
          if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, key))
            return MISSING;
          if (absentInJson((node = (node as Record<string, unknown>)[key]))) return MISSING;
        } else {
          if (!Array.isArray(node) || key >= node.length) return MISSING;
          node = item(node[key]);
        }
      }
      return member(node);
    };
  }
  return (root) => {
    if (absentInJson(root)) return [];
    let current: unknown[] = [root];
    for (const segment of steps) {
      const next: unknown[] = [];
      for (const node of current) {
        if (segment.kind === 'wildcard') {
          if (Array.isArray(node)) for (let i = 0; i < node.length; i++) next.push(item(node[i]));
          else if (isObject(node)) {
            for (const key of Object.keys(node)) if (!absentInJson(node[key])) next.push(node[key]);
          }
        } else {
          const value = step(node, segment);
          if (value !== MISSING) next.push(value);
        }
      }
      current = next;
    }
    return current;
  };
}
