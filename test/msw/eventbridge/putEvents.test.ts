/** EventBridge PutEvents (awsJson1_1) through the real @aws-sdk/client-eventbridge, and subscriptions. */
import { EventBridgeSchema } from '@aws-lambda-powertools/parser/schemas';
import { EventBridgeServiceException, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { describe, expect, it } from 'vitest';
import { EVENTBRIDGE_ID_PATTERN } from '../../../src/events/eventbridge/index.js';
import type { DeliveredEvent } from '../../../src/msw/index.js';
import { eventBridgeClient } from '../_helpers/clients.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks({ region: 'eu-west-1', account: '210987654321' });
const events = eventBridgeClient('eu-west-1');
const entry = (overrides: Partial<PutEventsRequestEntry> = {}): PutEventsRequestEntry => ({
  Source: 'shop.orders',
  DetailType: 'OrderPlaced',
  Detail: JSON.stringify({ id: 7 }),
  ...overrides,
});

describe('PutEvents', () => {
  it('accepted entries get ids and become envelopes the factories would make', async () => {
    const result = await events.send(
      new PutEventsCommand({
        Entries: [entry({ Resources: ['arn:aws:s3:::bucket'] }), entry({ Time: new Date('2026-02-01T00:00:09.900Z') })],
      }),
    );
    expect(result.FailedEntryCount).toBe(0);
    expect(result.Entries?.every((e) => EVENTBRIDGE_ID_PATTERN.test(e.EventId ?? ''))).toBe(true);
    const [first, second] = mocks.eventBridge.events();
    expect(first).toEqual({
      version: '0',
      id: result.Entries?.[0]?.EventId,
      'detail-type': 'OrderPlaced',
      source: 'shop.orders',
      account: '210987654321',
      time: mocks.clock.now().toISOString().slice(0, 19) + 'Z',
      region: 'eu-west-1',
      resources: ['arn:aws:s3:::bucket'],
      detail: { id: 7 },
    });
    // The SDK sends Time as epoch seconds; the envelope keeps whole seconds.
    expect(second?.time).toBe('2026-02-01T00:00:09Z');
    for (const event of [first, second]) expect(EventBridgeSchema.safeParse(event).success).toBe(true);
  });

  it('each entry is judged on its own: FailedEntryCount and per-entry error codes', async () => {
    const result = await events.send(
      new PutEventsCommand({
        Entries: [
          entry(),
          entry({ Source: undefined }),
          entry({ DetailType: undefined }),
          entry({ Detail: undefined }),
          entry({ Detail: '{not json' }),
          entry({ Detail: '[1,2]' }),
          entry({ Source: 'aws.s3' }),
        ],
      }),
    );
    expect(result.FailedEntryCount).toBe(6);
    expect(result.Entries?.map((e) => e.ErrorCode ?? 'ok')).toEqual([
      'ok',
      'InvalidArgument',
      'InvalidArgument',
      'InvalidArgument',
      'MalformedDetail',
      'MalformedDetail',
      'NotAuthorizedForSourceException',
    ]);
    expect(result.Entries?.[1]?.ErrorMessage).toBe(
      'Parameter Source is not valid. Reason: Source is a required argument.',
    );
    expect(mocks.eventBridge.events()).toHaveLength(1);
  });

  it('whole-request errors: entry count, member lengths, total size', async () => {
    for (const Entries of [
      [],
      Array.from({ length: 11 }, () => entry()),
      [entry({ DetailType: 'x'.repeat(129) })],
      [entry({ Source: 's'.repeat(257) })],
      [entry({ Detail: JSON.stringify({ big: 'x'.repeat(1_048_576) }) })],
    ]) {
      const error = await events.send(new PutEventsCommand({ Entries })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventBridgeServiceException);
      expect(error).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    }
    expect(mocks.eventBridge.events()).toEqual([]);
  });

  it('an event bus given by ARN is the bus of that name', async () => {
    await events.send(
      new PutEventsCommand({
        Entries: [entry({ EventBusName: 'arn:aws:events:eu-west-1:210987654321:event-bus/orders' }), entry()],
      }),
    );
    expect(mocks.eventBridge.events({ eventBusName: 'orders' })).toHaveLength(1);
    expect(mocks.eventBridge.events({ eventBusName: 'default' })).toHaveLength(1);
  });
});

describe('subscriptions', () => {
  it('a source/detail-type filter routes matching events to the handler on drain', async () => {
    const got: DeliveredEvent[] = [];
    mocks.eventBridge.subscribe(
      { source: 'shop.orders', detailType: ['OrderPlaced', 'OrderPaid'] },
      (event) => void got.push(event),
    );
    await events.send(
      new PutEventsCommand({
        Entries: [
          entry(),
          entry({ DetailType: 'OrderPaid' }),
          entry({ DetailType: 'Other' }),
          entry({ Source: 'shop.users' }),
          entry({ EventBusName: 'other' }),
        ],
      }),
    );
    expect(got).toEqual([]);
    await mocks.drain();
    expect(got.map((e) => e['detail-type'])).toEqual(['OrderPlaced', 'OrderPaid']);
    expect(got[0]).toEqual(mocks.eventBridge.events()[0]);
  });

  it('a predicate sees the event and its bus', async () => {
    const got: string[] = [];
    mocks.eventBridge.subscribe(
      (event, { eventBusName }) => eventBusName === 'audit' && (event.detail as { id: number }).id > 5,
      (event) => void got.push(event.id),
    );
    const { Entries = [] } = await events.send(
      new PutEventsCommand({
        Entries: [entry({ EventBusName: 'audit' }), entry({ EventBusName: 'audit', Detail: '{"id":1}' }), entry()],
      }),
    );
    await mocks.drain();
    expect(got).toEqual([Entries[0]?.EventId]);
  });

  it('a failing handler is retried twice, one then two minutes apart, as Lambda async invocation', async () => {
    const start = mocks.clock.now().getTime();
    const subscription = mocks.eventBridge.subscribe({ source: 'shop.orders' }, () => {
      throw new Error('nope');
    });
    const ok = mocks.eventBridge.subscribe(
      { source: 'shop.orders' },
      (event) => {
        (event.detail as Record<string, unknown>)['mutated'] = true;
      },
      { maximumRetryAttempts: 0 },
    );
    await events.send(new PutEventsCommand({ Entries: [entry()] }));
    await mocks.drain();
    expect(subscription.invocations.map((i) => [i.attempt, i.outcome, i.time.getTime() - start])).toEqual([
      [0, 'failure', 0],
      [1, 'failure', 60_000],
      [2, 'failure', 180_000],
    ]);
    expect(ok.invocations).toHaveLength(1);
    // Each delivery is a fresh envelope: a handler's edits do not leak.
    expect(mocks.eventBridge.events()[0]?.detail).toEqual({ id: 7 });
    expect(() => mocks.eventBridge.subscribe({}, () => {}, { maximumRetryAttempts: 3 })).toThrow(/0–2/);
  });
});

describe('events from other services', () => {
  it('S3 EventBridge notifications land on the default bus and reach subscriptions', async () => {
    const got: DeliveredEvent[] = [];
    mocks.eventBridge.subscribe({ source: 'aws.s3', detailType: 'Object Created' }, (event) => void got.push(event));
    mocks.s3.createBucket('uploads', { region: 'eu-west-1' });
    mocks.s3.enableEventBridge('uploads');
    mocks.s3.putObject('uploads', 'a.txt', 'hello');
    await mocks.drain();
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      source: 'aws.s3',
      'detail-type': 'Object Created',
      detail: { bucket: { name: 'uploads' }, object: { key: 'a.txt' } },
    });
    expect(mocks.eventBridge.events()).toEqual(got);
    expect(EventBridgeSchema.safeParse(got[0]).success).toBe(true);
  });

  it('publish rejects what is not an envelope', () => {
    expect(() => mocks.eventBridge.publish({ nope: true } as never)).toThrow(/EventBridge envelope/);
  });
});
