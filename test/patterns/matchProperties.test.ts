/**
 * Properties of matching: the verdict does not depend on the event's key order or on whether the
 * event comes as an object or JSON text, and the array-consistent search (which skips and
 * remembers states) agrees with a plain enumeration of every choice of leaves, in the engine's
 * order (paths sorted, `exists: false` checked against the leaves chosen before it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileEventPattern, testEventPattern } from '../../src/patterns/compile.js';
import { explainEventPattern } from '../../src/patterns/explain.js';
import { flattenEvent, type ArrayTrail, type FlatEvent } from '../../src/patterns/flatten.js';
import { leafTest } from '../../src/patterns/match.js';
import type { PatternBranch } from '../../src/patterns/ast.js';
import { NUM_RUNS } from '../_helpers/runs.js';
import { eventArbitrary, patternArbitrary } from './matchArbitraries.js';

/** The same JSON value with every object's keys in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversed(v)]),
    );
  return value;
}

function agrees(chosen: Map<number, number>, trail: ArrayTrail | null): boolean {
  for (let t = trail; t !== null; t = t.parent)
    if (chosen.has(t.array) && chosen.get(t.array) !== t.index) return false;
  return true;
}

/** Every choice of one leaf per condition, tried one by one. */
function bruteForce(branch: PatternBranch, event: FlatEvent): boolean {
  const conditions = [...branch.conditions].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const go = (i: number, chosen: Map<number, number>): boolean => {
    if (i === conditions.length) return true;
    const condition = conditions[i]!;
    const leaves = event.fields.get(condition.path) ?? [];
    for (const matcher of condition.matchers) {
      if (matcher.kind === 'exists' && !matcher.value) {
        if (!leaves.some((leaf) => agrees(chosen, leaf.arrays)) && go(i + 1, chosen)) return true;
        continue;
      }
      for (const leaf of leaves) {
        if (!leafTest(matcher)(leaf.value) || !agrees(chosen, leaf.arrays)) continue;
        const next = new Map(chosen);
        for (let t = leaf.arrays; t !== null; t = t.parent) next.set(t.array, t.index);
        if (go(i + 1, next)) return true;
      }
    }
    return false;
  };
  return go(0, new Map());
}

describe('matching properties', () => {
  it('does not depend on key order or on object vs JSON text', () => {
    fc.assert(
      fc.property(patternArbitrary, eventArbitrary, (pattern, event) => {
        const verdict = testEventPattern(pattern, event);
        expect(testEventPattern(pattern, JSON.stringify(event))).toBe(verdict);
        expect(testEventPattern(reversed(pattern) as object, reversed(event))).toBe(verdict);
        expect(testEventPattern(JSON.stringify(pattern), JSON.stringify(reversed(event)))).toBe(verdict);
        // The explanation agrees, and a matching branch's fields all hold.
        const why = explainEventPattern(pattern, event);
        expect(why.matches).toBe(verdict);
        if (verdict) expect(why.fields.every((field) => field.matched)).toBe(true);
        else expect(why.fields.some((field) => !field.matched)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the array-consistent search agrees with brute-force enumeration', () => {
    fc.assert(
      fc.property(patternArbitrary, eventArbitrary, (pattern, event) => {
        const compiled = compileEventPattern(pattern);
        const flat = flattenEvent(event, 'test');
        const expected = compiled.ast.branches.some((branch) => bruteForce(branch, flat));
        expect(compiled.matches(event)).toBe(expected);
      }),
      { numRuns: NUM_RUNS * 2 },
    );
  });

  it('agrees with brute force on wide arrays too (where the search remembers failed states)', () => {
    const cell = fc.constantFrom<unknown>(1, 2, 'x', null, [1, 2]);
    const element = fc.record(
      { p: cell, q: cell, r: fc.array(fc.record({ s: cell, t: cell }, { requiredKeys: [] }), { maxLength: 3 }) },
      { requiredKeys: [] },
    );
    const wide = fc.record({
      w: fc.array(element, { minLength: 10, maxLength: 40 }),
      v: fc.array(element, { maxLength: 10 }),
    });
    const leaf = fc.constantFrom<unknown>(
      1,
      2,
      'x',
      null,
      { exists: false },
      { exists: true },
      { 'anything-but': 1 },
      { numeric: ['>', 1] },
    );
    const pattern = fc.uniqueArray(
      fc.tuple(
        fc.constantFrom('w.p', 'w.q', 'w.r.s', 'w.r.t', 'v.p', 'v.r.s'),
        fc.array(leaf, { minLength: 1, maxLength: 2 }),
      ),
      { minLength: 2, maxLength: 5, selector: ([path]) => path },
    );
    fc.assert(
      fc.property(pattern, wide, (fields, event) => {
        const object: Record<string, Record<string, unknown>> = {};
        for (const [path, values] of fields) {
          const keys = path.split('.');
          let node: Record<string, unknown> = object;
          for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
          node[keys[keys.length - 1]!] = values;
        }
        const compiled = compileEventPattern(object);
        const flat = flattenEvent(event, 'test');
        expect(compiled.matches(event)).toBe(compiled.ast.branches.some((branch) => bruteForce(branch, flat)));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
