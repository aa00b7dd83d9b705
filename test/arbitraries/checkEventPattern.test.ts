import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkEventPattern } from '../../arbitraries/checkEventPattern.js';
import { sqsRecord } from '../../arbitraries/sqsRecord.js';
import { testEventPattern } from '../../src/patterns/compile.js';

const ORDER_RULE = {
  source: ['com.example.orders'],
  detail: { total: [{ numeric: ['>=', 0] }], currency: ['EUR', 'USD'] },
};

describe('checkEventPattern', () => {
  it('passes when the handler accepts every event the rule delivers', () => {
    const accepts = (event: { detail: { total: number; currency: string } }) =>
      event.detail.total >= 0 && ['EUR', 'USD'].includes(event.detail.currency);
    expect(checkEventPattern(ORDER_RULE, { accepts, numRuns: 200 })).toEqual({ ok: true, numRuns: 200 });
  });

  it('finds the event a handler refuses, explains why the rule delivers it, and replays it', () => {
    // The handler forgets that total may be 0 (the rule says >= 0).
    const handler = (event: { detail: { total: number } }) => {
      if (!(event.detail.total > 0)) throw new RangeError(`bad total ${event.detail.total}`);
    };
    const result = checkEventPattern(ORDER_RULE, { accepts: handler, numRuns: 300, seed: 4 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect((result.counterexample as { detail: { total: number } }).detail.total).toBe(0);
    expect(testEventPattern(ORDER_RULE, result.counterexample)).toBe(true);
    expect(result.reason).toBe('RangeError: bad total 0');
    expect(result.explanation).toMatch(/^matches/);
    expect(result.explanation).toContain('detail.total');
    const replay = checkEventPattern(ORDER_RULE, {
      accepts: handler,
      numRuns: 300,
      seed: result.seed,
      path: result.path,
    });
    expect(replay.ok === false && replay.counterexample).toEqual(result.counterexample);
  });

  it('takes a schema with safeParse (zod) and reports its issues', () => {
    const schema = z.object({ detail: z.object({ currency: z.literal('EUR') }) });
    const result = checkEventPattern(ORDER_RULE, { accepts: schema, numRuns: 200 });
    expect(result).toMatchObject({ ok: false, counterexample: { detail: { currency: 'USD' } } });
    if (!result.ok) expect(result.reason).toMatch(/EUR/);
    expect(checkEventPattern({ detail: { currency: ['EUR'] } }, { accepts: schema, numRuns: 50 }).ok).toBe(true);
  });

  it('a handler returning false refuses; any other result accepts', () => {
    expect(checkEventPattern({ source: ['x'] }, { accepts: () => false, numRuns: 5 })).toMatchObject({
      ok: false,
      reason: 'returned false',
    });
    expect(checkEventPattern({ source: ['x'] }, { accepts: () => undefined, numRuns: 5 })).toMatchObject({ ok: true });
  });

  it('runs on a base arbitrary (SQS records) and, without accepts, checks the pattern can deliver', () => {
    expect(checkEventPattern({ body: [{ prefix: 'hi' }] }, { base: sqsRecord(), numRuns: 30 })).toEqual({
      ok: true,
      numRuns: 30,
    });
    expect(() => checkEventPattern({ n: [{ numeric: ['>', 1.7976931348623157e308] }] })).toThrow(/no event can match/);
  });

  it('rejects bad options', () => {
    expect(() => checkEventPattern(ORDER_RULE, { numRuns: 0 })).toThrow(
      /^checkEventPattern: numRuns must be a positive integer/,
    );
    expect(() => checkEventPattern(ORDER_RULE, { accepts: {} as never })).toThrow(
      /checkEventPattern: accepts must be a function or a schema with safeParse/,
    );
    expect(() => checkEventPattern(ORDER_RULE, { base: [] as never })).toThrow(
      /checkEventPattern: base must be a fast-check arbitrary/,
    );
    expect(() => checkEventPattern(ORDER_RULE, { accepts: async () => true, numRuns: 3 })).toThrow(
      /accepts returned a Promise/,
    );
    expect(() => checkEventPattern({ detail: {} })).toThrow(
      /checkEventPattern: Event pattern is not valid\. Reason: Empty objects are not allowed/,
    );
    void fc;
  });
});
