/** The virtual clock of one `createAwsMocks` instance. */
import { fail, show } from '../../_internals/errors.js';
import type { MockClock } from '../context.js';

/** A {@link MockClock} that can also go back to its start (for `mocks.reset()`). */
export interface ResettableClock extends MockClock {
  /** Returns the clock to the instant it started at. */
  reset(): void;
  /** The current virtual time in epoch milliseconds (no Date allocation on hot paths). */
  nowMs(): number;
}

/** A clock that starts at `start` and moves only when told to. */
export function createClock(start: Date): ResettableClock {
  const startMs = start.getTime();
  let nowMs = startMs;
  return {
    now: () => new Date(nowMs),
    nowMs: () => nowMs,
    advance(ms) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) fail('clock.advance', 'ms', `must be a finite number ≥ 0, got ${show(ms)}`);
      nowMs += ms;
    },
    set(time) {
      const ms = time instanceof Date ? time.getTime() : Number.NaN;
      if (Number.isNaN(ms)) fail('clock.set', 'time', `must be a valid Date, got ${show(time)}`);
      // Never backwards: visibility timeouts and dedup windows already computed would break.
      if (ms < nowMs) fail('clock.set', 'time', `${time.toISOString()} is before the current virtual time ${new Date(nowMs).toISOString()}; the clock never goes back`);
      nowMs = ms;
    },
    reset() {
      nowMs = startMs;
    },
  };
}
