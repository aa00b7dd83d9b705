// Differential test: the compiled accessors agree with jsonpath-plus (eval: false) on every
// supported path over generated JSON. Known, deliberate differences are excluded explicitly.
import fc from 'fast-check';
import { JSONPath } from 'jsonpath-plus';
import { describe, expect, it } from 'vitest';
import { jsonPayload } from '../../arbitraries/jsonPayload.js';
import { compileAccessor, MISSING, parsePath } from '../../src/pipes/path.js';
import { NUM_RUNS } from '../_helpers/runs.js';

// Names EventBridge documents: alphanumerics, dashes, underscores, forward slashes.
const freeName = fc
  .stringMatching(/^[A-Za-z_][A-Za-z0-9_/-]{0,6}$/)
  .filter((n) => !['length', 'constructor', '__proto__', 'prototype', 'toString'].includes(n));
// Path names and object keys come mostly from one small pool, so generated paths find values.
// The pool holds hard names the syntax allows too: a lone dash or slash, an all-digit name
// (`.0` on an object member "0"), and a name mixing every allowed punctuation.
const POOL = ['a', 'b', 'c/d', 'x_y', '-', '/', '0', '_a-1/b'] as const;
const name = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...POOL) }, { weight: 1, arbitrary: freeName });
const segment = fc.oneof(
  { weight: 3, arbitrary: name.map((n) => `.${n}`) },
  { weight: 1, arbitrary: fc.nat({ max: 3 }).map((i) => `[${i}]`) },
  { weight: 1, arbitrary: fc.constantFrom('[*]', '.*') },
);

// A value built so generated paths often hit: keys drawn from the same names.
const value = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('v'), { minLength: 1, maxLength: 4 }),
    fc.dictionary(name, tie('v'), { minKeys: 1, maxKeys: 5 }),
  ),
})).v;

function isPlainObject(node: unknown): node is Record<string, unknown> {
  return node !== null && typeof node === 'object' && !Array.isArray(node);
}

/** A copy of `node` in which the path `steps` leads to `leaf` (through the first child at a wildcard). */
function plant(node: unknown, steps: readonly string[], leaf: unknown, filler: unknown): unknown {
  const [step, ...rest] = steps;
  if (step === undefined) return leaf;
  if (step === '.*' || step === '[*]') {
    if (isPlainObject(node) && Object.keys(node).length > 0) {
      const first = Object.keys(node)[0] as string;
      return { ...node, [first]: plant(node[first], rest, leaf, filler) };
    }
    if (Array.isArray(node) && node.length > 0) return [plant(node[0], rest, leaf, filler), ...node.slice(1)];
    return [plant(undefined, rest, leaf, filler)];
  }
  if (step.startsWith('[')) {
    const index = Number(step.slice(1, -1));
    const array: unknown[] = Array.isArray(node) ? [...node] : [];
    while (array.length <= index) array.push(filler);
    array[index] = plant(array[index], rest, leaf, filler);
    return array;
  }
  const key = step.slice(1);
  const object: Record<string, unknown> = isPlainObject(node) ? { ...node } : {};
  object[key] = plant(Object.hasOwn(object, key) ? object[key] : undefined, rest, leaf, filler);
  return object;
}

// A path and a document. Three times in four the document is rebuilt so the path leads to a
// value (keeping the generated document's other members); otherwise the path runs over the
// document as generated, where it may or may not find anything.
const pathAndJson = fc
  .record({
    steps: fc.array(segment, { maxLength: 4 }),
    base: fc.oneof(value, jsonPayload()),
    leaf: value,
    filler: value,
    planted: fc.nat({ max: 3 }).map((n) => n > 0),
  })
  .map(({ steps, base, leaf, filler, planted }) => ({
    p: `$${steps.join('')}`,
    json: planted ? plant(base, steps, leaf, filler) : base,
  }));

function oracle(p: string, json: unknown): unknown[] {
  return JSONPath({ path: p, json: json as object, wrap: true, eval: false }) as unknown[];
}

// jsonpath-plus follows JavaScript: `.0` reads an array element and `[0]` an object member "0".
// EventBridge's engine (Java) keeps names and indices apart and never steps into a string, so
// those shapes are skipped.
function crossesKinds(p: string, json: unknown): boolean {
  const parsed = parsePath(p);
  if (!parsed.ok) return true;
  let nodes: unknown[] = [json];
  for (const s of parsed.segments) {
    const next: unknown[] = [];
    for (const n of nodes) {
      if (s.kind === 'name' && Array.isArray(n)) return true;
      if (typeof n === 'string') return true; // jsonpath-plus indexes into strings' characters
      if (s.kind === 'index' && n !== null && typeof n === 'object' && !Array.isArray(n) && String(s.index) in n)
        return true;
      if (s.kind === 'wildcard') {
        if (Array.isArray(n)) next.push(...n);
        else if (n !== null && typeof n === 'object') next.push(...Object.values(n));
      } else if (n !== null && typeof n === 'object') {
        const child = s.kind === 'name' ? (n as Record<string, unknown>)[s.name] : (n as unknown[])[s.index];
        if (child !== undefined && Object.hasOwn(n, s.kind === 'name' ? s.name : s.index)) next.push(child);
      }
    }
    nodes = next;
  }
  return false;
}

describe('compiled paths agree with jsonpath-plus', () => {
  it('on every supported path over generated JSON', () => {
    let runs = 0;
    let hits = 0;
    let plainRuns = 0;
    let plainHits = 0;
    fc.assert(
      fc.property(pathAndJson, ({ p, json }) => {
        fc.pre(!crossesKinds(p, json));
        // jsonpath-plus answers undefined for a falsy root document (null, 0, "", false).
        fc.pre(Boolean(json));
        const parsed = parsePath(p);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const ours = compileAccessor(parsed.segments)(json);
        const theirs = oracle(p, json);
        runs++;
        if (theirs.length > 0) hits++;
        // Name/index paths below the root: the accessor's fast paths.
        if (!parsed.wildcard && parsed.segments.length > 0) {
          plainRuns++;
          if (theirs.length > 0) plainHits++;
        }
        if (parsed.wildcard) expect(ours).toEqual(theirs);
        else if (ours === MISSING) expect(theirs).toEqual([]);
        else expect(theirs).toEqual([ours]);
      }),
      { numRuns: NUM_RUNS * 5 },
    );
    // The comparison is only worth something when the oracle finds values.
    expect(runs).toBe(NUM_RUNS * 5);
    expect(hits).toBeGreaterThan(runs / 2);
    expect(plainRuns).toBeGreaterThan(runs / 4);
    expect(plainHits).toBeGreaterThan(plainRuns / 2);
  });

  it('on documented examples', () => {
    const event = {
      detail: { 'instance-id': 'i-1', a_b: { 'c/d': [10, 20, 30] } },
      Records: [{ id: 1 }, { id: 2 }, {}, { id: 4 }],
    };
    for (const p of [
      '$',
      '$.detail.instance-id',
      '$.detail.a_b.c/d[2]',
      '$.Records[3].id',
      '$.Records[*].id',
      '$.detail.*',
      '$.nope',
      '$.Records[9]',
    ]) {
      const parsed = parsePath(p);
      if (!parsed.ok) throw new Error(p);
      const ours = compileAccessor(parsed.segments)(event);
      expect(parsed.wildcard ? ours : ours === MISSING ? [] : [ours]).toEqual(oracle(p, event));
    }
  });
});

describe('parsePath refuses what EventBridge does not evaluate, at the offending offset', () => {
  it.each([
    ['a.b', 0, 'a JSON path must start with "$"'],
    ['', 0, 'must start with "$"'],
    ['$..a', 1, 'recursive descent ("..") is not supported by EventBridge'],
    ['$.a.', 4, 'the path ends with "."'],
    ['$.', 2, 'the path ends with "."'],
    ['$.[0]', 2, 'unexpected "[" after "."'],
    ['$.a.length()', 4, 'functions (length()) are not supported by EventBridge'],
    ['$.a[?(@.b)]', 3, 'filters ([?(…)]) are not supported by EventBridge'],
    ['$.a[(@.length-1)]', 3, 'script expressions ([(…)]) are not supported by EventBridge'],
    ['$.a[0', 3, 'unterminated "["'],
    ['$.a[', 3, 'unterminated "["'],
    ["$.a['b']", 3, "bracketed member names (['a']) are not supported by EventBridge: use dot notation"],
    ['$.a["b"]', 3, 'bracketed member names'],
    ['$.a[0:2]', 3, 'array slices ([a:b]) are not supported by EventBridge'],
    ['$.a[:1]', 3, 'array slices'],
    ['$.a[0,1]', 3, 'unions ([a,b]) are not supported by EventBridge'],
    ['$.a[01]', 3, 'array index "01" is not a non-negative integer'],
    ['$.a[-1]', 3, 'array index "-1" is not a non-negative integer'],
    ['$.a[]', 3, 'array index "" is not a non-negative integer'],
    ['$.a[ 1]', 3, 'array index " 1" is not a non-negative integer'],
    ['$.a[1e3]', 3, 'array index "1e3" is not a non-negative integer'],
    ['$.a[1234567890]', 3, 'array index "1234567890" is not a non-negative integer'],
    ['$a', 1, 'unexpected "a": a path step starts with "." or "["'],
    ['$.a b', 3, 'unexpected " ": a path step starts with "." or "["'],
    ['$(x)', 1, 'functions and scripts are not supported by EventBridge'],
    ['$.a)', 3, 'functions and scripts are not supported by EventBridge'],
  ])('%s at %i: %s', (text, offset, reason) => {
    const parsed = parsePath(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.offset).toBe(offset);
    expect(parsed.reason).toContain(reason);
  });

  it('ends a dot-notation name at each JSON-path syntax character, which then cannot start a step', () => {
    for (const stop of [']', '*', '?', '@', "'", '"', ',', ' ', '\t', '\n', '\r', '<', '>', '$', '\\']) {
      const parsed = parsePath(`$.a${stop}b`);
      expect(parsed, JSON.stringify(stop)).toEqual({
        ok: false,
        offset: 3,
        reason: `unexpected ${JSON.stringify(stop)}: a path step starts with "." or "["`,
      });
    }
    // The structural ones: a step, an index and a function call.
    expect(parsePath('$.a.b')).toMatchObject({ ok: true, segments: [{ name: 'a' }, { name: 'b' }] });
    expect(parsePath('$.a[b]')).toMatchObject({
      ok: false,
      offset: 3,
      reason: 'array index "b" is not a non-negative integer',
    });
    expect(parsePath('$.a(b)')).toMatchObject({
      ok: false,
      offset: 2,
      reason: 'functions (a()) are not supported by EventBridge',
    });
  });

  it('accepts canonical indices up to nine digits, wildcards in both spellings, and names with any non-stop character', () => {
    expect(parsePath('$')).toEqual({ ok: true, segments: [], wildcard: false });
    expect(parsePath('$.a[0][10][123456789]')).toEqual({
      ok: true,
      wildcard: false,
      segments: [
        { kind: 'name', name: 'a' },
        { kind: 'index', index: 0 },
        { kind: 'index', index: 10 },
        { kind: 'index', index: 123456789 },
      ],
    });
    expect(parsePath('$.*[*].é-1/x:y')).toEqual({
      ok: true,
      wildcard: true,
      segments: [{ kind: 'wildcard' }, { kind: 'wildcard' }, { kind: 'name', name: 'é-1/x:y' }],
    });
    expect(parsePath('$.a[*]')).toMatchObject({ ok: true, wildcard: true });
  });
});

describe('compiled accessors read the event as its JSON carries it', () => {
  const read = (p: string, root: unknown) => {
    const parsed = parsePath(p);
    if (!parsed.ok) throw new Error(parsed.reason);
    return compileAccessor(parsed.segments)(root);
  };

  it('a member JSON cannot carry is missing; such an array item (or a hole) is null', () => {
    const root = {
      u: undefined,
      f: () => 1,
      s: Symbol('s'),
      a: [undefined, () => 1, Symbol('t'), 1],
      h: [, 2],
      o: { u: undefined },
    }; // eslint-disable-line no-sparse-arrays
    for (const p of ['$.u', '$.f', '$.s', '$.o.u', '$.a[0].x', '$.o.u.x']) expect(read(p, root), p).toBe(MISSING);
    expect(read('$.a[0]', root)).toBeNull();
    expect(read('$.a[1]', root)).toBeNull();
    expect(read('$.a[2]', root)).toBeNull();
    expect(read('$.h[0]', root)).toBeNull();
    expect(read('$.a[3]', root)).toBe(1);
    expect(read('$.a[4]', root)).toBe(MISSING);
    expect(read('$.a[*]', root)).toEqual([null, null, null, 1]);
    expect(read('$.*', root)).toEqual([root.a, root.h, root.o]);
    expect(read('$.*', undefined)).toEqual([]);
    expect(read('$.u[*]', root)).toEqual([]);
  });

  it('names never match array elements, indices never match object members, and inherited members are not members', () => {
    const root = { a: ['x', 'y'], o: { 0: 'zero', length: 2 }, n: null, t: 'text' };
    expect(read('$.a.0', root)).toBe(MISSING);
    expect(read('$.a.length', root)).toBe(MISSING);
    expect(read('$.o[0]', root)).toBe(MISSING);
    expect(read('$.o.0', root)).toBe('zero');
    expect(read('$.o.toString', root)).toBe(MISSING);
    expect(read('$.n.x', root)).toBe(MISSING);
    expect(read('$.t.length', root)).toBe(MISSING);
    expect(read('$.t[0]', root)).toBe(MISSING);
    expect(read('$.a[1]', root)).toBe('y');
    expect(read('$.a[1].x', root)).toBe(MISSING);
    expect(read('$.n[0]', root)).toBe(MISSING);
    expect(read('$.a[*].x', root)).toEqual([]);
    expect(read('$.o[*]', root)).toEqual(['zero', 2]);
    expect(read('$.t.*', root)).toEqual([]);
    expect(read('$.n', root)).toBeNull();
  });
});
