import { describe, expect, it } from 'vitest';
import { compileEventPattern } from '../../src/patterns/compile.js';
import { EventPatternError, EventPatternInputError } from '../../src/patterns/errors.js';
import { explainEventPattern, formatExplanation } from '../../src/patterns/explain.js';

describe('explainEventPattern', () => {
  it('explains each field in pattern order with the event value', () => {
    const why = explainEventPattern(
      {
        source: ['aws.ec2'],
        detail: { state: ['running', 'pending'], size: [{ numeric: ['>', 10] }], tag: [{ exists: true }] },
      },
      { source: 'aws.ec2', detail: { state: 'stopped', size: 12 } },
    );
    expect(why.matches).toBe(false);
    expect(why.fields).toEqual([
      { path: 'source', operator: 'equals', expected: 'aws.ec2', actual: 'aws.ec2', matched: true },
      { path: 'detail.state', operator: 'equals', expected: ['running', 'pending'], actual: 'stopped', matched: false },
      { path: 'detail.size', operator: 'numeric', expected: { numeric: ['>', 10] }, actual: 12, matched: true },
      { path: 'detail.tag', operator: 'exists', expected: { exists: true }, actual: undefined, matched: false },
    ]);
    const text = formatExplanation(why);
    expect(text.split('\n')).toEqual([
      'does not match',
      '  ✔ source: equals "aws.ec2", got "aws.ec2"',
      '  ✘ detail.state: equals ["running", "pending"], got "stopped"',
      '  ✔ detail.size: numeric {"numeric": [">", 10]}, got 12',
      '  ✘ detail.tag: exists {"exists": true}, got nothing (the field is absent)',
    ]);
  });

  it('shows every value of an array, numbers with their text, and mixed operators', () => {
    const why = explainEventPattern(
      '{"a": [{"prefix": "x"}, {"anything-but": {"suffix": "z"}}], "n": [1]}',
      '{"a": ["yz", "q"], "n": 12345678901234567890}',
    );
    expect(why.fields[0]).toMatchObject({
      operator: 'prefix | anything-but/suffix',
      actual: ['yz', 'q'],
      matched: true,
    });
    expect(why.fields[1]!.matched).toBe(false);
    expect(formatExplanation(why)).toContain('got 12345678901234567890');
  });

  it('explains the matching $or branch, or the closest one', () => {
    const pattern = compileEventPattern({ $or: [{ a: ['1'] }, { b: ['2'], c: ['3'] }] });
    const hit = explainEventPattern(pattern, { b: '2', c: '3' });
    expect(hit).toMatchObject({ matches: true, branch: 1, branches: 2 });
    const miss = explainEventPattern(pattern, { b: '2', c: 'x' });
    expect(miss).toMatchObject({ matches: false, branch: 1 });
    expect(miss.fields.map((f) => f.matched)).toEqual([true, false]);
    expect(formatExplanation(miss)).toMatch(/^does not match \(\$or branch 2 of 2\)/);
  });

  it('says so when every field holds but only in different array elements', () => {
    const why = explainEventPattern(
      { e: { first: ['Anna'], last: ['Smith'] } },
      {
        e: [
          { first: 'Anna', last: 'Jones' },
          { first: 'John', last: 'Smith' },
        ],
      },
    );
    expect(why.matches).toBe(false);
    expect(why.fields.map((f) => f.matched)).toEqual([true, true, false]);
    expect(why.fields[2]).toMatchObject({ path: 'e', operator: 'array-consistency' });
    expect(formatExplanation(why)).toContain('✘ e: the fields match only in different elements of the same array');
  });

  it('marks every field of a matching branch as matched, exists:false beside other elements included', () => {
    const why = explainEventPattern({ a: { b: [1], c: [{ exists: false }] } }, { a: [{ b: 1 }, { c: 2 }] });
    expect(why.matches).toBe(true);
    expect(why.fields).toEqual([
      { path: 'a.b', operator: 'equals', expected: 1, actual: 1, matched: true },
      { path: 'a.c', operator: 'exists', expected: { exists: false }, actual: 2, matched: true },
    ]);
  });

  it('rejects invalid patterns and events like the matcher', () => {
    expect(() => explainEventPattern({ a: 'x' }, {})).toThrow(EventPatternError);
    expect(() => explainEventPattern({ a: ['x'] }, [])).toThrow(EventPatternInputError);
    expect(() => explainEventPattern({ a: ['x'] }, [])).toThrow(/^explainEventPattern: /);
  });
});
