/** Helpers for constraint fields that pin a part to a value or to an arbitrary. */
import { Arbitrary, constant } from 'fast-check';
import { EventInputError } from '../../src/_internals/errors.js';

/** A constraint field: a fixed value, or an arbitrary of values. */
export type Pin<T> = T | Arbitrary<T>;

/**
 * The arbitrary of a pinned part: `fallback` when unset, the arbitrary when one is given, else a
 * constant checked once by `check` (an EventInputError from it becomes a TypeError named after
 * the arbitrary, as constraint errors are).
 */
export function pinned<T>(name: string, field: string, value: Pin<T> | undefined, fallback: Arbitrary<T>, check?: (value: T) => void): Arbitrary<T> {
  if (value === undefined) return fallback;
  if (value instanceof Arbitrary) return value;
  if (check !== undefined) {
    try {
      check(value);
    } catch (error) {
      if (error instanceof EventInputError) throw new TypeError(`${name}: ${field} ${error.message.slice(error.api.length + error.argument.length + 3)}`);
      throw error;
    }
  }
  return constant(value);
}

/** Throws a TypeError named after the arbitrary unless min/max are integers with 0 ≤ min ≤ max ≤ limit. */
export function assertCountRange(name: string, minField: string, min: number, maxField: string, max: number, floor: number, limit: number): void {
  if (!Number.isInteger(min) || min < floor) throw new TypeError(`${name}: ${minField} must be an integer ≥ ${floor}, got ${String(min)}`);
  if (!Number.isInteger(max) || max > limit) throw new TypeError(`${name}: ${maxField} must be an integer ≤ ${limit}, got ${String(max)}`);
  if (min > max) throw new TypeError(`${name}: ${minField} (${min}) must not exceed ${maxField} (${max})`);
}
