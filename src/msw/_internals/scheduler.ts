/**
 * `mocks.drain()`: runs every service's due deliveries, then jumps the virtual clock to the next
 * due time, until nothing is pending. No real timer is ever used, so a drain is deterministic.
 */
import type { DeliveryWork, MockClock } from '../context.js';

/** Options of `mocks.drain()`. */
export interface DrainOptions {
  /**
   * Stop (leaving later work pending) once the next due time is after this instant; the clock is
   * left at `until`. Without it, drain runs until nothing at all is pending.
   */
  until?: Date | string | number;
  /**
   * Safety limit on delivery steps: a handler that always fails on a queue with a zero
   * visibility timeout and no redrive policy would otherwise loop forever.
   * @defaultValue `100_000`
   */
  maxSteps?: number;
}

/** What a drain did. */
export interface DrainReport {
  /** Delivery steps run (each is one `runDue()` that did something). */
  steps: number;
  /** The virtual time when the drain stopped. */
  time: Date;
}

/** Thrown when a drain exceeds `maxSteps`, or when a service reports work it cannot run. */
export class DrainError extends Error {
  override readonly name = 'DrainError';
}

/**
 * Drains `works` against `clock`. Services are polled in order, one step each per round, so no
 * service starves another (a handler of one queue may send to another).
 */
export async function drain(works: () => readonly DeliveryWork[], clock: MockClock, options: DrainOptions = {}): Promise<DrainReport> {
  const maxSteps = options.maxSteps ?? 100_000;
  const until = options.until === undefined ? undefined : new Date(options.until);
  if (until !== undefined && Number.isNaN(until.getTime())) throw new TypeError(`drain: options.until ${String(options.until)} is not a valid time`);
  let steps = 0;
  for (;;) {
    let did = false;
    for (const work of works()) {
      if (await work.runDue()) {
        did = true;
        if (++steps > maxSteps) {
          throw new DrainError(
            `drain: still busy after ${maxSteps} delivery steps (virtual time ${clock.now().toISOString()}). ` +
              'A handler that keeps failing on a queue with no RedrivePolicy (or a VisibilityTimeout of 0) is redelivered forever; ' +
              'add a RedrivePolicy, fix the handler, or pass drain({ maxSteps }) / drain({ until }).',
          );
        }
      }
    }
    if (did) continue;
    let next: Date | undefined;
    for (const work of works()) {
      const due = work.nextDueTime();
      if (due !== undefined && (next === undefined || due.getTime() < next.getTime())) next = due;
    }
    if (next === undefined) return { steps, time: clock.now() };
    if (until !== undefined && next.getTime() > until.getTime()) {
      if (until.getTime() > clock.now().getTime()) clock.set(until);
      return { steps, time: clock.now() };
    }
    if (next.getTime() <= clock.now().getTime()) {
      // Work said it is due now but did nothing: looping would never end.
      throw new DrainError(`drain: a service reports work due at ${next.toISOString()} but runs none at ${clock.now().toISOString()} (a bug in the mock)`);
    }
    clock.set(next);
  }
}
