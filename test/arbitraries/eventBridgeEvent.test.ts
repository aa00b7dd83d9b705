import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventBridgeEvent } from '../../arbitraries/eventBridgeEvent.js';
import { jsonPayload } from '../../arbitraries/jsonPayload.js';
import { keySet } from '../_helpers/keySets.js';
import { NUM_RUNS } from '../_helpers/runs.js';
import { expectEventBridgeInvariants, REAL_KEY_SETS } from '../events/eventbridge/_invariants.js';

describe('eventBridgeEvent', () => {
  it('generates realistic events (invariants, Powertools EventBridgeSchema, real key sets)', () => {
    fc.assert(
      fc.property(eventBridgeEvent(), (event) => {
        expectEventBridgeInvariants(event as never);
        expect(keySet(event, ['detail'])).toEqual('replay-name' in event ? REAL_KEY_SETS.replayed : REAL_KEY_SETS.live);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('keeps every invariant along shrink paths (values are mapped, never filtered)', () => {
    // A property that fails on most values makes fast-check shrink; every shrunk value is checked too.
    // Violations are collected, not thrown: a throw would only count as one more failure.
    let checked = 0;
    const violations: unknown[] = [];
    const result = fc.check(
      fc.property(eventBridgeEvent(), (event) => {
        try {
          expectEventBridgeInvariants(event as never);
        } catch (error) {
          violations.push(error);
        }
        checked++;
        return event.resources.length === 0 && event.source.length < 3;
      }),
      { numRuns: NUM_RUNS, seed: 42 },
    );
    expect(result.failed).toBe(true);
    expect(result.numShrinks).toBeGreaterThan(0);
    expect(checked).toBeGreaterThan(result.numRuns);
    expect(violations).toEqual([]);
  });

  it('honours pinned values and arbitraries', () => {
    fc.assert(
      fc.property(
        eventBridgeEvent({
          source: 'com.example.orders',
          detailType: fc.constantFrom('Order Placed', 'Order Shipped'),
          detail: jsonPayload({ root: 'object', hardCases: false }),
          region: 'eu-west-1',
          account: '111122223333',
          replay: 'never',
        }),
        (event) => {
          expectEventBridgeInvariants(event as never);
          expect(event.source).toBe('com.example.orders');
          expect(['Order Placed', 'Order Shipped']).toContain(event['detail-type']);
          expect(event).toMatchObject({ region: 'eu-west-1', account: '111122223333' });
          expect('replay-name' in event).toBe(false);
        },
      ),
      { numRuns: NUM_RUNS },
    );
    fc.assert(
      fc.property(eventBridgeEvent({ replay: 'always', resources: [] }), (event) => {
        expect(event['replay-name']).toBeDefined();
        expect(event.resources).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('covers the hard cases: every partition, 256-character sources, 128-character detail types, replays', () => {
    const events = fc.sample(eventBridgeEvent(), { numRuns: 2000, seed: 7 });
    const partitions = new Set(
      events.map((e) => (e.region.startsWith('cn-') ? 'cn' : e.region.startsWith('us-gov-') ? 'gov' : 'aws')),
    );
    expect(partitions).toEqual(new Set(['aws', 'cn', 'gov']));
    expect(events.some((e) => e.source.length === 256)).toBe(true);
    expect(events.some((e) => e['detail-type'].length === 128)).toBe(true);
    expect(events.some((e) => 'replay-name' in e)).toBe(true);
    expect(events.some((e) => e.resources.some((r) => r.includes(':events:')))).toBe(true);
  });

  it('is deterministic for a seed', () => {
    expect(fc.sample(eventBridgeEvent(), { numRuns: 5, seed: 3 })).toStrictEqual(
      fc.sample(eventBridgeEvent(), { numRuns: 5, seed: 3 }),
    );
  });

  it('rejects bad constraints with a TypeError naming the arbitrary', () => {
    expect(() => eventBridgeEvent({ source: '' })).toThrow(/^eventBridgeEvent: constraints\.source must not be empty/);
    expect(() => eventBridgeEvent({ detailType: 'x'.repeat(129) })).toThrow(TypeError);
    expect(() => eventBridgeEvent({ detail: [] as never })).toThrow(
      /^eventBridgeEvent: constraints\.detail must be a JSON object/,
    );
    expect(() => eventBridgeEvent({ region: 'nowhere' })).toThrow(/^eventBridgeEvent: constraints\.region/);
    expect(() => eventBridgeEvent({ account: '1' })).toThrow(/^eventBridgeEvent: constraints\.account/);
    expect(() => eventBridgeEvent({ replay: 'often' as never })).toThrow(/^eventBridgeEvent: replay must be/);
    // A user arbitrary producing a non-object detail fails as it produces, naming the part.
    expect(() => fc.sample(eventBridgeEvent({ detail: fc.constant([1]) as never }), 1)).toThrow(
      /eventBridgeEvent: detail must be a JSON object/,
    );
  });
});
