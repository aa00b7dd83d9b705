import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testEventPattern } from '../../src/patterns/compile.js';
import { EventPatternError, EventPatternInputError } from '../../src/patterns/errors.js';
import { compileEventPatterns } from '../../src/patterns/ruleSet.js';
import { NUM_RUNS } from '../_helpers/runs.js';
import { ruleSetCases } from './cases/verdicts.js';
import { eventArbitrary, patternArbitrary } from './matchArbitraries.js';

describe('compileEventPatterns', () => {
  it.each(ruleSetCases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const set = compileEventPatterns(c.rules);
    expect(set.match(c.event)).toEqual(c.expected);
    if (typeof c.event === 'object') expect(set.match(JSON.stringify(c.event))).toEqual(c.expected);
    // Rule by rule, the single-pattern API agrees.
    expect(Object.keys(c.rules).filter((name) => testEventPattern(c.rules[name]!, c.event))).toEqual(c.expected);
  });

  it('reports names once, in rule order, for every kind of anchor and for unindexed rules', () => {
    const set = compileEventPatterns(
      new Map<string, string | object>([
        ['z-any', { a: [{ 'anything-but': 'q' }] }],
        ['exact', { a: ['x'] }],
        ['or', { $or: [{ a: ['x'] }, { b: [{ prefix: '' }] }] }],
        ['prefix', { a: [{ prefix: 'x' }] }],
        ['ip', { ip: ['10.0.0.1'] }],
        ['num', { n: [300] }],
        ['bignum', '{"n": [12345678901234567890]}'],
        ['null', { z: [null] }],
        ['bool', { t: [true] }],
      ]),
    );
    expect(set.names).toEqual(['z-any', 'exact', 'or', 'prefix', 'ip', 'num', 'bignum', 'null', 'bool']);
    expect(set.match({ a: 'x', b: 'y' })).toEqual(['z-any', 'exact', 'or', 'prefix']);
    expect(set.match({ a: 'xy' })).toEqual(['z-any', 'prefix']);
    expect(set.match({ a: 'q', ip: '10.0.0.1' })).toEqual(['ip']);
    expect(set.match({ a: 'q', ip: '::ffff:a00:1' })).toEqual(['ip']);
    expect(set.match({ a: 'q', ip: '10.0.0.01' })).toEqual([]);
    expect(
      compileEventPatterns({ v6: { ip: ['2001:db8:0:0:0:0:0:1'] }, mapped: { ip: ['::ffff:a00:1'] } }).match({
        ip: '10.0.0.1',
      }),
    ).toEqual(['mapped']);
    expect(compileEventPatterns({ v6: { ip: ['2001:db8:0:0:0:0:0:1'] } }).match({ ip: '2001:DB8::1' })).toEqual(['v6']);
    expect(set.match('{"n": 3.0e2, "z": null, "t": true}')).toEqual(['num', 'null', 'bool']);
    expect(set.match('{"n": 12345678901234567890}')).toEqual(['bignum']);
    expect(set.match({ t: 'true', z: 'null' })).toEqual([]);
  });

  it('rejects bad arguments clearly', () => {
    expect(() => compileEventPatterns({ bad: { a: 'x' } })).toThrow(EventPatternError);
    expect(() => compileEventPatterns([] as never)).toThrow(EventPatternInputError);
    expect(() => compileEventPatterns({ a: { a: ['x'] } }).match('[1]')).toThrow(/event must be a JSON object/);
  });

  it('agrees with testEventPattern rule by rule on random patterns and events', () => {
    fc.assert(
      fc.property(
        fc.array(patternArbitrary, { minLength: 1, maxLength: 8 }),
        fc.array(eventArbitrary, { minLength: 1, maxLength: 4 }),
        (patterns, events) => {
          const rules = Object.fromEntries(patterns.map((p, i) => [`r${i}`, p]));
          const set = compileEventPatterns(rules);
          for (const event of events) {
            const expected = Object.keys(rules).filter((name) => testEventPattern(rules[name]!, event));
            expect(set.match(event)).toEqual(expected);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
