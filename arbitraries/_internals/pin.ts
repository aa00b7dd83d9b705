/** Helpers for constraint fields that pin a part to a value or to an arbitrary. */
import { constant, type Arbitrary } from 'fast-check';
import { EventInputError } from '../../src/_internals/errors.js';

/** A constraint field: a fixed value, or an arbitrary of values. */
export type Pin<T> = T | Arbitrary<T>;

/**
 * Whether `value` is a fast-check arbitrary. Duck-typed, not `instanceof`: arbitraries built with
 * another copy of fast-check (a user's own install) must still count as arbitraries.
 */
export function isArbitrary<T>(value: Pin<T>): value is Arbitrary<T> {
  return (
    typeof value === 'object' && value !== null && typeof (value as { generate?: unknown }).generate === 'function'
  );
}

/**
 * The arbitrary of a pinned part: `fallback` when unset, the arbitrary when one is given, else a
 * constant checked once by `check` (an EventInputError from it becomes a TypeError named after
 * the arbitrary, as constraint errors are).
 */
export function pinned<T>(
  name: string,
  field: string,
  value: Pin<T> | undefined,
  fallback: Arbitrary<T>,
  check?: (value: T) => void,
): Arbitrary<T> {
  if (value === undefined) return fallback;
  if (isArbitrary(value)) return value;
  if (check !== undefined) {
    try {
      check(value);
    } catch (error) {
      if (error instanceof EventInputError)
        throw new TypeError(`${name}: ${field} ${error.message.slice(error.api.length + error.argument.length + 3)}`);
      throw error;
    }
  }
  return constant(value);
}

/** Adapts a validator `assertX(api, argument, value)` to a {@link pinned} check (the API and argument are named by `pinned`). */
export function check(assert: (api: string, argument: string, value: never) => unknown): (value: unknown) => void {
  return (value) => void assert('', '', value as never);
}

/** Throws a TypeError named after the arbitrary unless min/max are integers with 0 ≤ min ≤ max ≤ limit. */
export function assertCountRange(
  name: string,
  minField: string,
  min: number,
  maxField: string,
  max: number,
  floor: number,
  limit: number,
): void {
  if (!Number.isInteger(min) || min < floor)
    throw new TypeError(`${name}: ${minField} must be an integer ≥ ${floor}, got ${String(min)}`);
  if (!Number.isInteger(max) || max > limit)
    throw new TypeError(`${name}: ${maxField} must be an integer ≤ ${limit}, got ${String(max)}`);
  if (min > max) throw new TypeError(`${name}: ${minField} (${min}) must not exceed ${maxField} (${max})`);
}
