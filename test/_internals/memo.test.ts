import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedMemo, lastMemo } from '../../src/_internals/memo.js';
import { NUM_RUNS } from '../_helpers/runs.js';

// A pure function whose results are fresh objects: a hit is visible as the same object.
const box = (key: number): { key: number } => ({ key });

describe('boundedMemo', () => {
  it('answers what compute answers, computes each kept key once, and never keeps more than its limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 40 }),
        (limit, keys) => {
          const memo = boundedMemo<number, { key: number }>(limit);
          let computed = 0;
          const compute = (key: number) => {
            computed++;
            return box(key);
          };
          // A model of the memo: the keys it keeps, oldest first.
          const kept: number[] = [];
          for (const key of keys) {
            const before = computed;
            expect(memo.get(key, compute)).toEqual(box(key));
            expect(computed - before).toBe(kept.includes(key) ? 0 : 1);
            if (!kept.includes(key)) {
              if (kept.length === limit) kept.shift();
              kept.push(key);
            }
            expect(memo.size).toBe(kept.length);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('drops the oldest key first and computes it again when asked', () => {
    const memo = boundedMemo<number, { key: number }>(2);
    const one = memo.get(1, box);
    const two = memo.get(2, box);
    expect(memo.get(1, box)).toBe(one); // a hit does not make 1 younger
    memo.get(3, box); // drops 1, the oldest added
    expect(memo.get(2, box)).toBe(two);
    const again = memo.get(1, box);
    expect(again).not.toBe(one);
    expect(again).toEqual(one);
  });

  it('keeps no result for a compute that throws', () => {
    const memo = boundedMemo<string, number>(4);
    expect(() =>
      memo.get('a', () => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(memo.size).toBe(0);
    expect(memo.get('a', () => 1)).toBe(1);
  });

  it('refuses a limit that is not a positive integer', () => {
    for (const limit of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => boundedMemo(limit)).toThrow(/^boundedMemo: limit must be a positive integer/);
    }
  });
});

describe('lastMemo', () => {
  it('answers the kept value only for the last key, element by element', () => {
    const memo = lastMemo<[string, number], { key: string }>();
    let computed = 0;
    const get = (a: string, b: number) => memo.get([a, b], () => (computed++, { key: `${a}${b}` }));
    const first = get('a', 1);
    expect(get('a', 1)).toBe(first);
    expect(computed).toBe(1);
    expect(get('a', 2)).toEqual({ key: 'a2' });
    expect(get('a', 1)).not.toBe(first); // only the last key is kept
    expect(computed).toBe(3);
  });

  it('compares with Object.is: NaN is its own key, 0 and -0 are two keys', () => {
    const memo = lastMemo<[number], string>();
    expect(memo.get([Number.NaN], () => 'nan')).toBe('nan');
    expect(memo.get([Number.NaN], () => 'recomputed')).toBe('nan');
    expect(memo.get([0], () => '+0')).toBe('+0');
    expect(memo.get([-0], () => '-0')).toBe('-0');
  });

  it('keeps the previous value when compute throws', () => {
    const memo = lastMemo<[number], string>();
    memo.get([1], () => 'one');
    expect(() =>
      memo.get([2], () => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(memo.get([1], () => 'recomputed')).toBe('one');
  });
});
