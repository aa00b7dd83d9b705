/** The Event patterns tool's generators (fast-check), loaded on first use. */
import fc from 'fast-check';
import { eventMatching } from '../../../arbitraries/eventMatching.js';
import { eventNotMatching } from '../../../arbitraries/eventNotMatching.js';

/** `count` events that match the pattern (or, with `near`, that just miss it), seeded. */
export function generate(pattern: string, count: number, seed: number, near: boolean): unknown[] {
  const arbitrary = near ? eventNotMatching(pattern) : eventMatching(pattern);
  return fc.sample(arbitrary, { seed, numRuns: count });
}
