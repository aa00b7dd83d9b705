/** The virtual clock of one `createAwsMocks` instance. */
import { fail, show } from '../../_internals/errors.js';
import type { MockClock } from '../context.js';

/** A {@link MockClock} that can also go back to its start (for `mocks.reset()`). */
export interface ResettableClock extends MockClock {
  /** Returns the clock to the instant it started at. */
  reset(): void;
  /** The current virtual time in epoch milliseconds (no Date allocation on hot paths). */
  nowMs(): number;
  /**
   * Calls `listener` after every move of the clock (advance, set, reset) until the returned
   * function is called: a pending invocation learns at once that its timeout has passed.
   */
  watch(listener: () => void): () => void;
  /**
   * A count of the clock's uses (reads and moves) so far: every mock operation a handler calls
   * reads the clock, so a count that changed while a handler was pending shows it is at work.
   */
  uses(): number;
}

/** A clock that starts at `start` and moves only when told to. */
export function createClock(start: Date): ResettableClock {
  const startMs = start.getTime();
  let nowMs = startMs;
  let uses = 0;
  const listeners = new Set<() => void>();
  const moved = (): void => {
    uses++;
    for (const listener of [...listeners]) listener();
  };
  return {
    now: () => {
      uses++;
      return new Date(nowMs);
    },
    nowMs: () => {
      uses++;
      return nowMs;
    },
    uses: () => uses,
    advance(ms) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
        fail('clock.advance', 'ms', `must be a finite number ≥ 0, got ${show(ms)}`);
      nowMs += ms;
      moved();
    },
    set(time) {
      const ms = time instanceof Date ? time.getTime() : Number.NaN;
      if (Number.isNaN(ms)) fail('clock.set', 'time', `must be a valid Date, got ${show(time)}`);
      // Never backwards: visibility timeouts and dedup windows already computed would break.
      if (ms < nowMs)
        fail(
          'clock.set',
          'time',
          `${time.toISOString()} is before the current virtual time ${new Date(nowMs).toISOString()}; the clock never goes back`,
        );
      nowMs = ms;
      moved();
    },
    reset() {
      nowMs = startMs;
      moved();
    },
    watch(listener) {
      // A wrapper per call: the same function watched twice is two watches.
      const entry = (): void => listener();
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
  };
}
