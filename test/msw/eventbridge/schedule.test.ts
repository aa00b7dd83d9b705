/**
 * EventBridge schedule expressions: what PutRule accepts and when each occurrence falls (UTC).
 * Syntax from https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
 */
import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../src/msw/eventbridge/schedule.js';

const at = (iso: string): number => Date.parse(iso);
function occurrences(expression: string, fromIso: string, count: number): string[] {
  const schedule = parseSchedule(expression);
  if (schedule === undefined) throw new Error(`${expression} was rejected`);
  const out: string[] = [];
  let t = at(fromIso);
  for (let i = 0; i < count; i++) {
    const next = schedule.next(t, at(fromIso));
    if (next === undefined) break;
    out.push(new Date(next).toISOString());
    t = next;
  }
  return out;
}

describe('parseSchedule', () => {
  it('accepts the documented forms and rejects the rest', () => {
    for (const ok of [
      'rate(1 minute)',
      'rate(5 minutes)',
      'rate(1 hour)',
      'rate(12 hours)',
      'rate(1 day)',
      'rate(7 days)',
      'cron(0 10 * * ? *)',
      'cron(15 12 * * ? *)',
      'cron(0 18 ? * MON-FRI *)',
      'cron(0 8 1 * ? *)',
      'cron(0/15 * * * ? *)',
      'cron(0/10 * ? * MON-FRI *)',
      'cron(0/5 8-17 ? * MON-FRI *)',
      'cron(0 9 ? * 2#1 *)',
      'cron(0 0 L * ? *)',
      'cron(0 0 15W * ? *)',
      'cron(0 0 ? * 6L *)',
      'cron(30 1 ? JAN,JUL SUN 2027-2030)',
    ]) {
      expect(parseSchedule(ok), ok).toBeDefined();
    }
    for (const bad of [
      'rate(1 minutes)',
      'rate(2 minute)',
      'rate(0 days)',
      'rate(5 weeks)',
      'rate(-1 minutes)',
      'cron(0 10 * * * *)',
      'cron(0 10 ? * ? *)',
      'cron(0 10 * *)',
      'cron(0 24 * * ? *)',
      'cron(60 0 * * ? *)',
      'cron(0 0 32 * ? *)',
      'cron(0 0 ? 13 * *)',
      'cron(0 0 ? * 8 *)',
      'cron(0 0 * * ? 2200)',
      'cron(5-1 0 * * ? *)',
      'cron(a b c d e f)',
      'every 5 minutes',
      '',
    ]) {
      expect(parseSchedule(bad), bad).toBeUndefined();
    }
  });

  it('a rate counts from the rule creation', () => {
    expect(occurrences('rate(5 minutes)', '2026-01-15T12:30:45.123Z', 3)).toEqual([
      '2026-01-15T12:35:45.123Z',
      '2026-01-15T12:40:45.123Z',
      '2026-01-15T12:45:45.123Z',
    ]);
  });

  it('cron fields: steps, ranges, names, L, W and #', () => {
    expect(occurrences('cron(0/20 9-10 * * ? *)', '2026-01-15T09:30:00Z', 4)).toEqual([
      '2026-01-15T09:40:00.000Z',
      '2026-01-15T10:00:00.000Z',
      '2026-01-15T10:20:00.000Z',
      '2026-01-15T10:40:00.000Z',
    ]);
    // 2026-01-15 is a Thursday; the next weekday evenings.
    expect(occurrences('cron(0 18 ? * MON-FRI *)', '2026-01-15T18:00:00Z', 3)).toEqual([
      '2026-01-16T18:00:00.000Z',
      '2026-01-19T18:00:00.000Z',
      '2026-01-20T18:00:00.000Z',
    ]);
    // Last day of February 2028 (leap year), then March.
    expect(occurrences('cron(0 0 L * ? *)', '2028-02-01T00:00:00Z', 2)).toEqual([
      '2028-02-29T00:00:00.000Z',
      '2028-03-31T00:00:00.000Z',
    ]);
    // The 15th of August 2026 is a Saturday: the nearest weekday is Friday the 14th.
    expect(occurrences('cron(0 0 15W 8 ? 2026)', '2026-01-01T00:00:00Z', 1)).toEqual(['2026-08-14T00:00:00.000Z']);
    // First Monday (2#1) and last Friday (6L) of February 2026.
    expect(occurrences('cron(0 9 ? 2 2#1 2026)', '2026-01-01T00:00:00Z', 1)).toEqual(['2026-02-02T09:00:00.000Z']);
    expect(occurrences('cron(0 9 ? 2 6L 2026)', '2026-01-01T00:00:00Z', 1)).toEqual(['2026-02-27T09:00:00.000Z']);
    // A year list ends: no occurrence after it.
    expect(occurrences('cron(0 0 1 1 ? 2027)', '2026-01-01T00:00:00Z', 3)).toEqual(['2027-01-01T00:00:00.000Z']);
  });
});
