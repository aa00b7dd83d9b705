/**
 * Human-looking content (names, file names, log lines, product data) from faker, driven by
 * fast-check's random source: each value draws a seed from fast-check and replays faker from
 * it, so a fast-check seed (and its shrink path) replays the same text exactly.
 * A scoped Faker instance is used; faker's global instance is never seeded.
 */
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import { integer, type Arbitrary } from 'fast-check';
import { createRandom, type Random } from '../../src/_internals/random.js';

/** The Faker instance type (from the English locale entry, which costs ~30 ms to import, not ~250 ms). */
export type FakerInstance = typeof englishFaker;

interface Randomizer {
  next(): number;
  seed(seed: number | readonly number[]): void;
}

// The locale entry exports only an instance; its constructor builds scoped instances.
const FakerClass = englishFaker.constructor as new (options: {
  locale: unknown;
  randomizer: Randomizer;
}) => FakerInstance;

let current: Random = createRandom(0, 'faker');
const scopedFaker = new FakerClass({
  locale: englishFaker.rawDefinitions,
  randomizer: {
    next: () => current.float(),
    seed: (seed) => {
      current = createRandom(Array.isArray(seed) ? seed.join(',') : String(seed), 'faker');
    },
  },
});

/**
 * An arbitrary of `produce(faker)`, where faker is driven by a seed drawn from fast-check.
 * `produce` must be synchronous and use only the faker it is given.
 */
// @__NO_SIDE_EFFECTS__
export function fakerValue<T>(produce: (faker: FakerInstance) => T): Arbitrary<T> {
  return integer({ min: 0, max: 0x7fffffff }).map((seed) => {
    current = createRandom(seed, 'faker');
    return produce(scopedFaker);
  });
}
