import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEventBridgeId, toEventBridgeEvent } from '../../../src/events/eventbridge/envelope.js';
import { eventsRuleArn, toScheduledEvent } from '../../../src/events/eventbridge/scheduled.js';
import { keySet } from '../../_helpers/keySets.js';
import { NUM_RUNS } from '../../_helpers/runs.js';
import { expectEventBridgeInvariants, expectScheduledInvariants, ID_LAYOUT, REAL_KEY_SETS } from './_invariants.js';

const parts = {
  id: 'fae0433b-7a0e-e383-7849-7e10153eaa47',
  detailType: 'Order Placed',
  source: 'com.example.orders',
  account: '123456789012',
  region: 'eu-central-1',
  time: new Date('2020-09-30T15:58:34.999Z'),
  resources: [] as string[],
  detail: { orderId: 'o-1' },
};

describe('toEventBridgeEvent', () => {
  it('truncates time to whole seconds (never rounds up) and sets version "0"', () => {
    const event = toEventBridgeEvent(parts);
    expect(event.time).toBe('2020-09-30T15:58:34Z');
    expect(event.version).toBe('0');
    expectEventBridgeInvariants(event as never);
  });

  it('sends replay-name only for replays, matching the real live and replayed key sets', () => {
    expect(keySet(toEventBridgeEvent(parts), ['detail'])).toEqual(REAL_KEY_SETS.live);
    expect(keySet(toEventBridgeEvent({ ...parts, replayName: 'replay_archive' }), ['detail'])).toEqual(
      REAL_KEY_SETS.replayed,
    );
  });

  it('copies resources, so editing the event never edits the parts', () => {
    const resources = ['arn:aws:ec2:eu-central-1:123456789012:instance/i-0123456789abcdef0'];
    const event = toEventBridgeEvent({ ...parts, resources });
    event.resources.push('x');
    expect(resources).toHaveLength(1);
  });
});

describe('formatEventBridgeId', () => {
  it('lays any 32 hex digits out as 8-4-4-4-12 lower case, keeping every digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-fA-F]{32}$/), (hex) => {
        const id = formatEventBridgeId(hex);
        expect(id).toMatch(ID_LAYOUT);
        expect(id.replaceAll('-', '')).toBe(hex.toLowerCase());
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('toScheduledEvent', () => {
  it('builds the rule ARN from the event account and region and matches the real key set', () => {
    const event = toScheduledEvent({
      id: parts.id,
      ruleName: 'demoschedule',
      account: '123456789012',
      region: 'eu-central-1',
      partition: 'aws',
      time: parts.time,
    });
    expect(event.resources).toEqual(['arn:aws:events:eu-central-1:123456789012:rule/demoschedule']);
    expect(keySet(event, ['detail'])).toEqual(REAL_KEY_SETS.scheduled);
    expectScheduledInvariants(event as never);
  });

  it('eventsRuleArn follows the partition', () => {
    expect(eventsRuleArn('aws-cn', 'cn-north-1', '000000000001', 'r')).toBe(
      'arn:aws-cn:events:cn-north-1:000000000001:rule/r',
    );
  });
});
