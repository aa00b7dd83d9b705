/** The error `mocks.drain()` throws when it cannot finish (its own module so invokers can throw it too). */

/** Thrown when a drain exceeds `maxSteps`, when a handler is stuck, or when a service reports work it cannot run. */
export class DrainError extends Error {
  override readonly name = 'DrainError';
}
