// Differential test: the compiled accessors agree with jsonpath-plus (eval: false) on every
// supported path over generated JSON. Known, deliberate differences are excluded explicitly.
import fc from 'fast-check';
import { JSONPath } from 'jsonpath-plus';
import { describe, expect, it } from 'vitest';
import { jsonPayload } from '../../arbitraries/jsonPayload.js';
import { compileAccessor, MISSING, parsePath } from '../../src/pipes/path.js';
import { NUM_RUNS } from '../_helpers/runs.js';

// Names EventBridge documents: alphanumerics, dashes, underscores, forward slashes.
const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_/-]{0,6}$/).filter((n) => !['length', 'constructor', '__proto__', 'prototype', 'toString'].includes(n));
const segment = fc.oneof(
  name.map((n) => `.${n}`),
  fc.nat({ max: 4 }).map((i) => `[${i}]`),
  fc.constantFrom('[*]', '.*'),
);
const path = fc.array(segment, { maxLength: 4 }).map((s) => `$${s.join('')}`);

// A value built so generated paths often hit: keys drawn from the same names.
const value = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(name, tie('v'), { maxKeys: 4 }),
  ),
})).v;

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
      if (s.kind === 'index' && n !== null && typeof n === 'object' && !Array.isArray(n) && String(s.index) in n) return true;
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
    fc.assert(
      fc.property(path, fc.oneof(value, jsonPayload()), (p, json) => {
        fc.pre(!crossesKinds(p, json));
        // jsonpath-plus answers undefined for a falsy root document (null, 0, "", false).
        fc.pre(Boolean(json));
        const parsed = parsePath(p);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const ours = compileAccessor(parsed.segments)(json);
        const theirs = oracle(p, json);
        if (parsed.wildcard) expect(ours).toEqual(theirs);
        else if (ours === MISSING) expect(theirs).toEqual([]);
        else expect(theirs).toEqual([ours]);
      }),
      { numRuns: NUM_RUNS * 5 },
    );
  });

  it('on documented examples', () => {
    const event = { detail: { 'instance-id': 'i-1', a_b: { 'c/d': [10, 20, 30] } }, Records: [{ id: 1 }, { id: 2 }, {}, { id: 4 }] };
    for (const p of ['$', '$.detail.instance-id', '$.detail.a_b.c/d[2]', '$.Records[3].id', '$.Records[*].id', '$.detail.*', '$.nope', '$.Records[9]']) {
      const parsed = parsePath(p);
      if (!parsed.ok) throw new Error(p);
      const ours = compileAccessor(parsed.segments)(event);
      expect(parsed.wildcard ? ours : ours === MISSING ? [] : [ours]).toEqual(oracle(p, event));
    }
  });
});
