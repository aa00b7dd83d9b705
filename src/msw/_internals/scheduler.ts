/**
 * `mocks.drain()`: runs every service's due deliveries, then jumps the virtual clock to the next
 * due time, until nothing is pending. Time is virtual, so a drain is deterministic; the only real
 * timer is the guard that stops a drain whose handler never settles (see `invoke.ts`).
 */
import type { DeliveryWork, MockClock } from '../context.js';
import { DrainError } from './drainError.js';
import { DEFAULT_STUCK_HANDLER_MS, runWithGuard } from './invoke.js';

export { DrainError } from './drainError.js';

/** Options of `mocks.drain()`. */
export interface DrainOptions {
  /**
   * Run everything due up to this instant, then leave the clock at `until` (also when nothing was
   * pending: a message an SDK consumer received is visible again once `until` passes its
   * visibility timeout); later work stays pending. Without it, drain runs until nothing at all is
   * pending.
   */
  until?: Date | string | number;
  /**
   * Real milliseconds a handler may stay pending without settling or moving the virtual clock
   * before the drain stops with a {@link DrainError} naming its subscription (a handler that never
   * settles would otherwise hang the test). A handler that moves the clock past its function
   * timeout times out as Lambda's would, whatever this is.
   * @defaultValue `2000`
   */
  stuckHandlerMs?: number;
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

/**
 * The clock a drain moves. A clock that reports its moves (`watch`, as `createAwsMocks`' does)
 * lets a pending invocation time out the moment the clock passes its deadline; with a plain
 * {@link MockClock} the timeout is judged when the handler settles.
 */
export interface DrainClock extends MockClock {
  watch?(listener: () => void): () => void;
  /** A count of reads and moves (see `ResettableClock.uses`): a handler using the mocks is not stuck. */
  uses?(): number;
}

/**
 * Drains `works` against `clock`. Services are polled in order, one step each per round, so no
 * service starves another (a handler of one queue may send to another).
 */
export function drain(
  works: () => readonly DeliveryWork[],
  clock: DrainClock,
  options: DrainOptions = {},
): Promise<DrainReport> {
  if (options === null || typeof options !== 'object')
    return Promise.reject(new TypeError(`drain: options must be an object, got ${String(options)}`));
  const stuckHandlerMs = options.stuckHandlerMs ?? DEFAULT_STUCK_HANDLER_MS;
  if (
    typeof stuckHandlerMs !== 'number' ||
    !Number.isFinite(stuckHandlerMs) ||
    stuckHandlerMs < 1 ||
    stuckHandlerMs > 2_147_483_647
  ) {
    return Promise.reject(
      new TypeError(
        `drain: options.stuckHandlerMs must be a number of real milliseconds from 1 to 2147483647, got ${String(stuckHandlerMs)}`,
      ),
    );
  }
  return runWithGuard({ clock, stuckHandlerMs }, () => run(works, clock, options));
}

async function run(
  works: () => readonly DeliveryWork[],
  clock: DrainClock,
  options: DrainOptions,
): Promise<DrainReport> {
  const maxSteps = options.maxSteps ?? 100_000;
  const until = options.until === undefined ? undefined : new Date(options.until);
  if (until !== undefined && Number.isNaN(until.getTime()))
    throw new TypeError(`drain: options.until ${String(options.until)} is not a valid time`);
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
    if (until !== undefined && (next === undefined || next.getTime() > until.getTime())) {
      // Nothing more is due by `until`: time still passes up to it, and what falls due at it runs.
      if (until.getTime() <= clock.now().getTime()) return { steps, time: clock.now() };
      clock.set(until);
      continue;
    }
    if (next === undefined) return { steps, time: clock.now() };
    if (next.getTime() <= clock.now().getTime()) {
      // Work said it is due now but did nothing: looping would never end.
      throw new DrainError(
        `drain: a service reports work due at ${next.toISOString()} but runs none at ${clock.now().toISOString()} (a bug in the mock)`,
      );
    }
    clock.set(next);
  }
}
