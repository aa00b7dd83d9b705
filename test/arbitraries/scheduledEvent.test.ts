import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduledEvent } from '../../arbitraries/scheduledEvent.js';
import { keySet } from '../_helpers/keySets.js';
import { NUM_RUNS } from '../_helpers/runs.js';
import { expectScheduledInvariants, REAL_KEY_SETS } from '../events/eventbridge/_invariants.js';

describe('scheduledEvent', () => {
  it('generates realistic scheduled events: rule ARN in the event account/region/partition, Powertools schema, real key set', () => {
    fc.assert(
      fc.property(scheduledEvent(), (event) => {
        expectScheduledInvariants(event as never);
        expect(keySet(event, ['detail'])).toEqual(REAL_KEY_SETS.scheduled);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('keeps the invariants on shrunk values', () => {
    let checked = 0;
    const result = fc.check(
      fc.property(scheduledEvent(), (event) => {
        expectScheduledInvariants(event as never);
        checked++;
        return (event.resources[0] as string).length < 40;
      }),
      { numRuns: NUM_RUNS, seed: 1 },
    );
    expect(result.failed).toBe(true);
    expect(checked).toBeGreaterThan(1);
  });

  it('honours pinned parts', () => {
    fc.assert(
      fc.property(
        scheduledEvent({
          ruleName: 'nightly',
          region: fc.constantFrom('cn-north-1', 'eu-west-1'),
          account: '000000000001',
        }),
        (event) => {
          expectScheduledInvariants(event as never);
          expect(event.resources[0]).toMatch(
            /^arn:aws(-cn)?:events:(cn-north-1|eu-west-1):000000000001:rule\/nightly$/,
          );
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('generates 64-character rule names and times that are not minute-aligned', () => {
    const events = fc.sample(scheduledEvent(), { numRuns: 1000, seed: 5 });
    expect(events.some((e) => (e.resources[0] as string).split('rule/')[1]?.length === 64)).toBe(true);
    expect(events.some((e) => !e.time.endsWith(':00Z'))).toBe(true);
  });

  it('rejects bad constraints', () => {
    expect(() => scheduledEvent({ ruleName: 'a b' })).toThrow(
      /^scheduledEvent: constraints\.ruleName "a b" is not an EventBridge rule name/,
    );
    expect(() => scheduledEvent({ region: 'x' })).toThrow(TypeError);
    expect(() => fc.sample(scheduledEvent({ ruleName: fc.constant('bad/name') }), 1)).toThrow(
      /scheduledEvent: ruleName "bad\/name"/,
    );
  });
});
