/** The virtual clock and the generic drain loop over DeliveryWork. */
import { describe, expect, it } from 'vitest';
import { createClock } from '../../../src/msw/_internals/clock.js';
import { drain, DrainError } from '../../../src/msw/_internals/scheduler.js';
import type { DeliveryWork } from '../../../src/msw/index.js';

/** Work that runs once at each of `times` (ms from the clock's start), recording when it ran. */
function timedWork(clock: ReturnType<typeof createClock>, times: number[], log: string[], name: string): DeliveryWork {
  const start = clock.now().getTime();
  const pending = [...times];
  return {
    async runDue() {
      const now = clock.now().getTime() - start;
      const index = pending.findIndex((t) => t <= now);
      if (index === -1) return false;
      pending.splice(index, 1);
      log.push(`${name}@${now}`);
      return true;
    },
    nextDueTime() {
      const next = Math.min(...pending.filter((t) => t > clock.now().getTime() - start));
      return Number.isFinite(next) ? new Date(start + next) : undefined;
    },
  };
}

describe('clock', () => {
  it('moves only forward, and reset returns to the start', () => {
    const clock = createClock(new Date('2026-01-01T00:00:00Z'));
    clock.advance(1500);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:01.500Z');
    expect(() => clock.set(new Date('2025-12-31T00:00:00Z'))).toThrow(/never goes back/);
    expect(() => clock.advance(-1)).toThrow(/≥ 0/);
    clock.set(new Date('2026-01-02T00:00:00Z'));
    clock.reset();
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('drain', () => {
  it('interleaves services, jumps to the next due time, and stops when nothing is pending', async () => {
    const clock = createClock(new Date(0));
    const log: string[] = [];
    const works = [timedWork(clock, [0, 5000], log, 'a'), timedWork(clock, [0, 0, 3000], log, 'b')];
    const report = await drain(() => works, clock);
    expect(log).toEqual(['a@0', 'b@0', 'b@0', 'b@3000', 'a@5000']);
    expect(report).toEqual({ steps: 5, time: new Date(5000) });
  });

  it('until leaves later work pending; maxSteps stops a busy loop', async () => {
    const clock = createClock(new Date(0));
    const log: string[] = [];
    const work = timedWork(clock, [1000, 9000], log, 'a');
    await drain(() => [work], clock, { until: new Date(4000) });
    expect(log).toEqual(['a@1000']);
    expect(clock.now().getTime()).toBe(4000);
    const forever: DeliveryWork = { runDue: async () => true, nextDueTime: () => undefined };
    await expect(drain(() => [forever], clock, { maxSteps: 10 })).rejects.toBeInstanceOf(DrainError);
  });

  it('until moves the clock when nothing is pending, runs what falls due exactly at until, and never goes back', async () => {
    const clock = createClock(new Date(0));
    expect(await drain(() => [], clock, { until: new Date(7000) })).toEqual({ steps: 0, time: new Date(7000) });
    expect(clock.now().getTime()).toBe(7000);
    const log: string[] = [];
    const work = timedWork(clock, [], log, 'a');
    await drain(() => [work], clock, { until: new Date(3000) });
    expect(clock.now().getTime()).toBe(7000);
    // Work due exactly at `until` runs before the drain returns.
    const atUntil = timedWork(clock, [10_000], log, 'b');
    await drain(() => [atUntil], clock, { until: new Date(17_000) });
    expect(log).toEqual(['b@10000']);
    expect(clock.now().getTime()).toBe(17_000);
  });

  it('the clock reports its moves to watchers until they stop watching', () => {
    const clock = createClock(new Date(0));
    const seen: number[] = [];
    const stop = clock.watch(() => seen.push(clock.nowMs()));
    clock.advance(5);
    clock.set(new Date(9));
    clock.reset();
    stop();
    clock.advance(1);
    expect(seen).toEqual([5, 9, 0]);
  });

  it('work that claims to be due but does nothing is reported, not looped on', async () => {
    const clock = createClock(new Date(0));
    const liar: DeliveryWork = { runDue: async () => false, nextDueTime: () => new Date(0) };
    await expect(drain(() => [liar], clock)).rejects.toThrow(/reports work due/);
  });
});
