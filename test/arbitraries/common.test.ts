import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakerValue } from '../../arbitraries/_internals/faker.js';
import { awsAccountId } from '../../arbitraries/awsAccountId.js';
import { awsRegion } from '../../arbitraries/awsRegion.js';
import { jsonPayload } from '../../arbitraries/jsonPayload.js';
import { assertRegion, partitionOfRegion } from '../../src/_internals/aws.js';
import { NUM_RUNS } from '../_helpers/runs.js';

describe('awsRegion', () => {
  it('generates valid region codes of the requested partitions only', () => {
    fc.assert(
      fc.property(
        fc
          .subarray(['aws', 'aws-cn', 'aws-us-gov'] as const, { minLength: 1 })
          .chain((partitions) => fc.tuple(fc.constant(partitions), awsRegion({ partitions }))),
        ([partitions, region]) => {
          expect(assertRegion('test', 'region', region)).toBe(region);
          expect(partitions).toContain(partitionOfRegion(region));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('rejects unknown partitions with an error naming the arbitrary', () => {
    expect(() => awsRegion({ partitions: ['azure' as never] })).toThrow(/^awsRegion: partitions holds "azure"/);
    expect(() => awsRegion({ partitions: [] })).toThrow(/^awsRegion: partitions must name at least one/);
  });
});

describe('awsAccountId', () => {
  it('generates 12-digit strings and shrinks to all zeros', () => {
    fc.assert(
      fc.property(awsAccountId(), (id) => /^\d{12}$/.test(id)),
      { numRuns: NUM_RUNS },
    );
    const failure = fc.check(
      fc.property(awsAccountId(), (id) => id.length !== 12),
      { seed: 1 },
    );
    expect(failure.failed).toBe(true);
    expect(failure.counterexample?.[0]).toBe('000000000000');
  });
});

describe('jsonPayload', () => {
  it('generates values that survive a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(jsonPayload(), (value) => {
        expect(JSON.parse(JSON.stringify(value))).toEqual(value);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('respects the root shape', () => {
    fc.assert(
      fc.property(jsonPayload({ root: 'object' }), (v) => v !== null && typeof v === 'object' && !Array.isArray(v)),
      { numRuns: NUM_RUNS },
    );
    fc.assert(
      fc.property(jsonPayload({ root: 'array' }), (v) => Array.isArray(v)),
      { numRuns: NUM_RUNS },
    );
  });

  it('brings the hard cases on purpose: escapes, control characters, emoji, empty strings and deep nesting', () => {
    const values = fc.sample(jsonPayload(), { numRuns: 3000, seed: 7 }).map((v) => JSON.stringify(v));
    const depth = (text: string) => {
      let max = 0,
        current = 0;
      for (const ch of text) {
        if (ch === '[' || ch === '{') max = Math.max(max, ++current);
        else if (ch === ']' || ch === '}') current--;
      }
      return max;
    };
    expect(values.some((t) => t.includes('\\"'))).toBe(true);
    expect(values.some((t) => t.includes('\\\\'))).toBe(true);
    expect(values.some((t) => /\\u00[01]/.test(t))).toBe(true);
    expect(values.some((t) => /\p{Extended_Pictographic}/u.test(t))).toBe(true);
    expect(values.some((t) => t.includes('""'))).toBe(true);
    expect(values.some((t) => depth(t) >= 20)).toBe(true);
  });

  it('rejects nonsense constraints', () => {
    expect(() => jsonPayload({ root: 'map' as never })).toThrow(/^jsonPayload: root must be/);
    expect(() => jsonPayload({ maxDepth: -1 })).toThrow(/^jsonPayload: maxDepth/);
  });
});

describe('fakerValue', () => {
  it('replays exactly from a fast-check seed and varies across seeds', () => {
    const arb = fakerValue((faker) => `${faker.person.fullName()} / ${faker.system.fileName()}`);
    const a = fc.sample(arb, { numRuns: 20, seed: 123 });
    const b = fc.sample(arb, { numRuns: 20, seed: 123 });
    const c = fc.sample(arb, { numRuns: 20, seed: 124 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(new Set(a).size).toBeGreaterThan(15);
  });
});
