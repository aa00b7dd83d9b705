import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventMatching } from '../../arbitraries/eventMatching.js';
import { eventNotMatching } from '../../arbitraries/eventNotMatching.js';
import { EVENT_PATTERN_OPERATORS, eventPattern } from '../../arbitraries/eventPattern.js';
import { parseEventPattern } from '../../src/patterns/parse.js';
import { testEventPattern } from '../../src/patterns/compile.js';
import { compileEventPatterns } from '../../src/patterns/ruleSet.js';
import { NUM_RUNS } from '../_helpers/runs.js';

/** The operator forms a pattern uses, by the names of EVENT_PATTERN_OPERATORS (kinds from the parsed AST). */
function kindsOf(pattern: object): Set<string> {
  return new Set(
    parseEventPattern(pattern).branches.flatMap((b) => b.conditions.flatMap((c) => c.matchers.map((m) => m.kind))),
  );
}

describe('eventPattern', () => {
  it('generates only patterns AWS accepts (they parse), within 4,096 characters', () => {
    fc.assert(
      fc.property(eventPattern(), (pattern) => {
        expect(JSON.stringify(pattern).length).toBeLessThanOrEqual(4096);
        parseEventPattern(pattern);
        parseEventPattern(JSON.stringify(pattern));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('uses every operator, $or and nesting', () => {
    const patterns = fc.sample(eventPattern(), { numRuns: 300, seed: 11 });
    const kinds = new Set(patterns.flatMap((p) => [...kindsOf(p)]));
    for (const kind of [
      'equals',
      'equals-number',
      'exactly',
      'prefix',
      'suffix',
      'equals-ignore-case',
      'wildcard',
      'anything-but',
      'anything-but-prefix',
      'anything-but-suffix',
      'anything-but-ignore-case',
      'anything-but-wildcard',
      'numeric',
      'cidr',
      'exists',
    ]) {
      expect(kinds).toContain(kind);
    }
    expect(patterns.some((p) => parseEventPattern(p).branches.length > 1)).toBe(true);
    expect(
      patterns.some((p) => parseEventPattern(p).branches.some((b) => b.conditions.some((c) => c.keys.length >= 3))),
    ).toBe(true);
  });

  it('honours operators, depth, fields and or', () => {
    fc.assert(
      fc.property(
        eventPattern({ operators: ['prefix', 'numeric'], maxDepth: 1, maxFields: 2, maxValues: 1, or: false }),
        (pattern) => {
          const ast = parseEventPattern(pattern);
          expect(ast.branches).toHaveLength(1);
          expect(Object.keys(pattern).length).toBeLessThanOrEqual(2);
          for (const c of ast.branches[0]!.conditions) {
            expect(c.keys).toHaveLength(1);
            expect(c.matchers).toHaveLength(1);
            expect(['prefix', 'numeric']).toContain(c.matchers[0]!.kind);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
    fc.assert(
      fc.property(eventPattern({ keys: ['only'], or: false }), (pattern) =>
        parseEventPattern(pattern).branches[0]!.conditions.every((c) => c.keys.every((k) => k === 'only')),
      ),
      { numRuns: 50 },
    );
  });

  it('rejects constraints that make no sense', () => {
    expect(() => eventPattern({ operators: [] })).toThrow(/^eventPattern: operators must be a non-empty array/);
    expect(() => eventPattern({ operators: ['regex' as never] })).toThrow(/eventPattern: unknown operator "regex"/);
    expect(() => eventPattern({ maxDepth: 0 })).toThrow(/eventPattern: maxDepth must be an integer from 1 to 10/);
    expect(() => eventPattern({ keys: ['prefix'] })).toThrow(/eventPattern: keys must not include "prefix"/);
    expect(EVENT_PATTERN_OPERATORS).toContain('anything-but-wildcard');
  });
});

describe('matching events match and near misses miss, on random patterns', () => {
  it('holds for every generated pattern (or the pattern is reported as unmatchable / unmissable)', () => {
    let unmatchable = 0;
    fc.assert(
      fc.property(eventPattern(), fc.integer(), (pattern, seed) => {
        let matching;
        try {
          matching = eventMatching(pattern);
        } catch (error) {
          expect((error as Error).message).toMatch(/^eventMatching: no event can match this pattern/);
          unmatchable++;
          return;
        }
        for (const event of fc.sample(matching, { numRuns: 3, seed }))
          expect(testEventPattern(pattern, event)).toBe(true);
        let missing;
        try {
          missing = eventNotMatching(pattern);
        } catch (error) {
          expect((error as Error).message).toMatch(/^eventNotMatching: every event matches alternative/);
          return;
        }
        for (const event of fc.sample(missing, { numRuns: 3, seed }))
          expect(testEventPattern(pattern, event)).toBe(false);
      }),
      { numRuns: NUM_RUNS },
    );
    expect(unmatchable).toBeLessThan(NUM_RUNS / 10);
  }, 300_000);
});

describe('compileEventPatterns agrees with testEventPattern rule by rule', () => {
  /** Events that match, or just miss, one of the rules (built on events that match another), so rules meet often. */
  function eventsFor(patterns: readonly object[]): fc.Arbitrary<object> {
    const options: fc.Arbitrary<object>[] = [];
    for (const pattern of patterns) {
      for (const make of [eventMatching, eventNotMatching]) {
        for (const base of [undefined, ...patterns.filter((p) => p !== pattern).slice(0, 1)]) {
          try {
            options.push(base === undefined ? make(pattern) : make(pattern, eventMatching(base)));
          } catch {
            // Patterns nothing matches (or everything does) are skipped here; the properties above cover them.
          }
        }
      }
    }
    return options.length === 0 ? fc.constant({}) : fc.oneof(...options);
  }

  it('on random rule sets and events that match or just miss them', () => {
    const rules = fc.array(eventPattern({ maxDepth: 2 }), { minLength: 1, maxLength: 6 });
    let some = 0;
    let notAll = 0;
    fc.assert(
      fc.property(
        rules.chain((patterns) => fc.tuple(fc.constant(patterns), eventsFor(patterns))),
        ([patterns, event]) => {
          const named = Object.fromEntries(patterns.map((p, i) => [`rule-${i}`, p]));
          const expected = Object.keys(named).filter((name) => testEventPattern(named[name]!, event));
          expect(compileEventPatterns(named).match(event)).toEqual(expected);
          if (expected.length > 0) some++;
          if (expected.length < patterns.length) notAll++;
        },
      ),
      { numRuns: NUM_RUNS },
    );
    // Both verdicts come up often: the comparison is not vacuous.
    expect(some).toBeGreaterThan(NUM_RUNS / 4);
    expect(notAll).toBeGreaterThan(NUM_RUNS / 4);
  }, 300_000);
});
