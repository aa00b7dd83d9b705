import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloudWatchLogsEvent } from '../../arbitraries/cloudWatchLogsEvent.js';
import { checkCloudWatchLogsEvent } from '../events/cloudwatch-logs/_invariants.js';
import { NUM_RUNS } from '../_helpers/runs.js';

describe('cloudWatchLogsEvent', () => {
  it('generates deliveries holding every invariant', () => {
    fc.assert(
      fc.property(cloudWatchLogsEvent({ controlMessages: true }), (event) => void checkCloudWatchLogsEvent(event)),
      { numRuns: NUM_RUNS },
    );
  });

  it('writes realistic Lambda log lines whose runtime prefix matches the timestamp', () => {
    const lines = fc.sample(cloudWatchLogsEvent(), { numRuns: 200, seed: 1 }).flatMap((e) => {
      const data = checkCloudWatchLogsEvent(e);
      return data.logEvents;
    });
    expect(lines.some((l) => /^START RequestId: [0-9a-f-]{36} Version: \$LATEST\n$/.test(l.message))).toBe(true);
    expect(lines.some((l) => /^END RequestId: [0-9a-f-]{36}\n$/.test(l.message))).toBe(true);
    expect(
      lines.some((l) =>
        /^REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: \d+ MB\tMax Memory Used: \d+ MB\t/.test(
          l.message,
        ),
      ),
    ).toBe(true);
    expect(lines.some((l) => l.message.startsWith('{"level"'))).toBe(true);
    expect(lines.some((l) => l.message.includes('Invoke Error') && l.message.includes('    at '))).toBe(true);
    let prefixed = 0;
    for (const line of lines) {
      const iso = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\t/.exec(line.message);
      if (iso) {
        prefixed++;
        expect(Date.parse(iso[1]!)).toBe(line.timestamp);
      }
    }
    // The timestamp check must have run, on a fair share of the lines.
    expect(prefixed).toBeGreaterThan(0);
    expect(prefixed).toBeGreaterThan(lines.length / 10);
  });

  it('honours pinned parts and counts', () => {
    fc.assert(
      fc.property(
        cloudWatchLogsEvent({
          logGroup: '/aws/lambda/orders',
          logStream: 's',
          account: '111122223333',
          policyLevel: 'ACCOUNT_LEVEL_POLICY',
          minEvents: 2,
          maxEvents: 3,
          message: fc.constant('hi'),
        }),
        (event) => {
          const data = checkCloudWatchLogsEvent(event);
          expect(data).toMatchObject({
            messageType: 'DATA_MESSAGE',
            logGroup: '/aws/lambda/orders',
            logStream: 's',
            owner: '111122223333',
            policyLevel: 'ACCOUNT_LEVEL_POLICY',
          });
          expect(data.logEvents.length).toBeGreaterThanOrEqual(2);
          expect(data.logEvents.length).toBeLessThanOrEqual(3);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('shrinks to deliveries that still hold every invariant', () => {
    const result = fc.check(
      fc.property(cloudWatchLogsEvent(), (event) => checkCloudWatchLogsEvent(event).logEvents.length < 2),
      { seed: 5, numRuns: NUM_RUNS },
    );
    expect(result.failed).toBe(true);
    expect(checkCloudWatchLogsEvent(result.counterexample![0]).logEvents).toHaveLength(2);
  });

  it('rejects nonsensical constraints', () => {
    expect(() => cloudWatchLogsEvent({ minEvents: 0 })).toThrow(
      /^cloudWatchLogsEvent: minEvents must be an integer ≥ 1/,
    );
    expect(() => cloudWatchLogsEvent({ maxEvents: 10_001 })).toThrow(
      /^cloudWatchLogsEvent: maxEvents must be an integer ≤ 10000/,
    );
    expect(() => cloudWatchLogsEvent({ logGroup: 'a b' })).toThrow(
      /^cloudWatchLogsEvent: logGroup "a b" breaks CloudWatch Logs log group naming rules/,
    );
  });
});
