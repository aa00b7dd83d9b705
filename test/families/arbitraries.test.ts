import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as arbitraries from '../../arbitraries/index.js';
import { ARBITRARY_FAMILIES } from '../../arbitraries/_internals/families.js';
import { FAMILIES } from '../../src/families.js';

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      out.add(key);
      keysOf(child, out);
    }
  }
  return out;
}

/**
 * Replaced-whole keys no arbitrary's event shows: CloudWatch Logs carries its lists gzipped inside
 * `awslogs.data`, and Kinesis and DynamoDB tumbling windows (`state`) have no arbitrary. The shared family
 * checks still tie these keys to the families' types.
 */
const NOT_SAMPLED: Readonly<Record<string, readonly string[]>> = {
  'cloudwatch-logs': ['logEvents', 'subscriptionFilters'],
  kinesis: ['state'],
  dynamodb: ['state'],
};

describe("the families' arbitraries descriptors", () => {
  it('describe exactly the registered families, in the same order', () => {
    expect(ARBITRARY_FAMILIES.map((family) => family.name)).toEqual(FAMILIES.map((family) => family.name));
  });

  for (const family of ARBITRARY_FAMILIES) {
    it(`${family.name}: each arbitrary is the public one and samples the same events for the same seed`, () => {
      for (const [name, arbitrary] of Object.entries(family.arbitraries)) {
        expect(
          (arbitraries as Record<string, unknown>)[name],
          `${name} is not exported by aws-event-kit/arbitraries`,
        ).toBe(arbitrary);
        const first = fc.sample(arbitrary(), { seed: 42, numRuns: 3 });
        expect(JSON.stringify(fc.sample(arbitrary(), { seed: 42, numRuns: 3 }))).toBe(JSON.stringify(first));
      }
    });

    it(`${family.name}: its events carry the keys its root descriptor replaces whole (those visible in the event)`, () => {
      const root = FAMILIES.find((candidate) => candidate.name === family.name)!;
      const seen = new Set<string>();
      for (const arbitrary of Object.values(family.arbitraries))
        for (const event of fc.sample(arbitrary(), { seed: 7, numRuns: 20 })) keysOf(event, seen);
      const visible = root.replacedWhole.filter((key) => !(NOT_SAMPLED[root.name] ?? []).includes(key));
      for (const key of visible) expect(seen.has(key), `${family.name}: no sample carries ${key}`).toBe(true);
    });
  }
});
