/**
 * EventBridge PutEvents answers from AWS, replayed through the real @aws-sdk/client-eventbridge.
 *
 * - More than 10 entries: recorded against AWS by localstack,
 *   tests/aws/services/events/test_events.snapshot.json (test_put_events_exceed_limit_ten_entries,
 *   recorded 2025-01-08; github.com/localstack/localstack): each entry is printed as
 *   `PutEventsRequestEntry(time=…, source=…, …)` with `Detail` as sent.
 * - Total size: test_put_event_with_too_big_detail in the same snapshot, and the entry size rule of
 *   https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html (Time 14 bytes,
 *   UTF-8 Source, DetailType, Detail and each Resource; 256 KB in total), and AWS's message for a
 *   request over the limit, `Total size of the entries in the request is over the limit.`, as a
 *   public measurement against AWS (March 2026) reports it.
 */
import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { describe, expect, it } from 'vitest';
import { EventInputError } from '../../../src/_internals/errors.js';
import { PUT_EVENTS_MAX_BYTES, PUT_EVENTS_RAISED_MAX_BYTES } from '../../../src/msw/index.js';
import { eventBridgeClient } from '../_helpers/clients.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks();
const events = eventBridgeClient();

async function answer(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number }> {
  const error = (await promise.then(
    () => {
      throw new Error('the request succeeded; AWS rejected it');
    },
    (e: unknown) => e,
  )) as { name: string; message: string; $metadata: { httpStatusCode: number } };
  return { name: error.name, message: error.message, status: error.$metadata.httpStatusCode };
}

/** An entry whose size, as EventBridge counts it, is exactly `bytes`. */
function entryOfSize(bytes: number, extra: Partial<PutEventsRequestEntry> = {}): PutEventsRequestEntry {
  const base = { Source: 'test.payload', DetailType: 'PayloadSizeTest', ...extra };
  const fixed =
    Buffer.byteLength(base.Source) +
    Buffer.byteLength(base.DetailType) +
    (base.Time === undefined ? 0 : 14) +
    (base.Resources ?? []).reduce((sum, r) => sum + Buffer.byteLength(r), 0);
  const shell = Buffer.byteLength(JSON.stringify({ p: '' }));
  return { ...base, Detail: JSON.stringify({ p: 'x'.repeat(bytes - fixed - shell) }) };
}

describe('the total size of a request', () => {
  it('at most 256 KiB in total, counted as AWS counts entries', async () => {
    expect(PUT_EVENTS_MAX_BYTES).toBe(262_144);
    const atLimit = await events.send(new PutEventsCommand({ Entries: [entryOfSize(PUT_EVENTS_MAX_BYTES)] }));
    expect(atLimit.FailedEntryCount).toBe(0);
    expect(
      await answer(events.send(new PutEventsCommand({ Entries: [entryOfSize(PUT_EVENTS_MAX_BYTES + 1)] }))),
    ).toEqual({
      name: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
      status: 400,
    });
    expect(mocks.eventBridge.events()).toHaveLength(1);
  });

  it('a Detail of 256 KiB alone is over, with Source and DetailType (test_put_event_with_too_big_detail, recorded 2025-01-08)', async () => {
    const Detail = JSON.stringify({ payload: ['p'.repeat(256 * 1024 - 17)] }).replace('":[', '": [');
    expect(Buffer.byteLength(Detail)).toBe(262_144);
    const entry = { Source: 'core.update-account-command', DetailType: 'core.update-account-command', Detail };
    expect(await answer(events.send(new PutEventsCommand({ Entries: [entry] })))).toEqual({
      name: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
      status: 400,
    });
  });

  it('the limit is on the sum of the entries, with Time as 14 bytes and Resources and multi-byte characters counted in UTF-8', async () => {
    const half = PUT_EVENTS_MAX_BYTES / 2;
    expect(
      (await events.send(new PutEventsCommand({ Entries: [entryOfSize(half), entryOfSize(half)] }))).FailedEntryCount,
    ).toBe(0);
    expect(
      await answer(events.send(new PutEventsCommand({ Entries: [entryOfSize(half), entryOfSize(half + 1)] }))),
    ).toMatchObject({ name: 'ValidationException' });
    // Time adds 14 bytes; a resource adds its length.
    const timed = entryOfSize(half, { Time: new Date('2026-01-01T00:00:00Z'), Resources: ['arn:aws:s3:::bucket'] });
    expect((await events.send(new PutEventsCommand({ Entries: [timed, entryOfSize(half)] }))).FailedEntryCount).toBe(0);
    const overByTime = { ...entryOfSize(half), Time: new Date('2026-01-01T00:00:00Z') };
    expect(await answer(events.send(new PutEventsCommand({ Entries: [overByTime, entryOfSize(half)] })))).toMatchObject(
      { name: 'ValidationException' },
    );
    // 'é' is two bytes in UTF-8: a Detail of the right character count but too many bytes is over.
    const accented = {
      Source: 'test.payload',
      DetailType: 'PayloadSizeTest',
      Detail: JSON.stringify({ p: 'é'.repeat(PUT_EVENTS_MAX_BYTES / 2) }),
    };
    expect(await answer(events.send(new PutEventsCommand({ Entries: [accented] })))).toMatchObject({
      name: 'ValidationException',
    });
  });

  it('the 1 MiB limit AWS rolled out in 2026 is an explicit option', async () => {
    mocks.eventBridge.configure({ putEventsMaxBytes: PUT_EVENTS_RAISED_MAX_BYTES });
    try {
      expect((await events.send(new PutEventsCommand({ Entries: [entryOfSize(1_048_576)] }))).FailedEntryCount).toBe(0);
      expect(await answer(events.send(new PutEventsCommand({ Entries: [entryOfSize(1_048_577)] })))).toMatchObject({
        name: 'ValidationException',
        message: 'Total size of the entries in the request is over the limit.',
      });
    } finally {
      mocks.eventBridge.configure({ putEventsMaxBytes: PUT_EVENTS_MAX_BYTES });
    }
    expect(() => mocks.eventBridge.configure({ putEventsMaxBytes: 0 })).toThrow(EventInputError);
    expect(() => mocks.eventBridge.configure({ putEventsMaxBytes: 1.5 })).toThrow(/config\.putEventsMaxBytes/);
  });
});

describe('the number of entries', () => {
  it("more than 10 entries: AWS's message lists every entry", async () => {
    // The Detail of the recording, as Python's json.dumps wrote it.
    const detail = '{"command": "update-account", "payload": {"acc_id": "0a787ecb-4015", "sf_id": "baz"}}';
    const one = `PutEventsRequestEntry(time=null, source=core.update-account-command, resources=null, detailType=core.update-account-command, detail=${detail}, eventBusName=my-bus, traceHeader=null, kmsKeyIdentifier=null, internalMetadata=null)`;
    const Entries = Array.from({ length: 11 }, () => ({
      Source: 'core.update-account-command',
      DetailType: 'core.update-account-command',
      Detail: detail,
      EventBusName: 'my-bus',
    }));
    expect(await answer(events.send(new PutEventsCommand({ Entries })))).toEqual({
      name: 'ValidationException',
      message: `1 validation error detected: Value '[${Array.from({ length: 11 }, () => one).join(', ')}]' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10`,
      status: 400,
    });
  });

  it('no entries', async () => {
    expect(await answer(events.send(new PutEventsCommand({ Entries: [] })))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '[]' at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1",
      status: 400,
    });
  });
});

describe('member lengths', () => {
  // PutEvents API reference: Source ≤ 256, DetailType ≤ 128 characters. Coral prints the whole value
  // and joins several broken constraints with '; ' (as recorded for EventBridge's CreateConnection
  // in localstack's test_events.snapshot.json, test_create_connection_validations).
  it('every over-long member is one clause of one ValidationException, its value printed whole', async () => {
    const source = 's'.repeat(257);
    const detailType = 'd'.repeat(129);
    const Entries = [
      { Source: source, DetailType: 'ok', Detail: '{}' },
      { Source: 'ok', DetailType: detailType, Detail: '{}' },
    ];
    expect(await answer(events.send(new PutEventsCommand({ Entries })))).toEqual({
      name: 'ValidationException',
      message:
        `2 validation errors detected: Value '${source}' at 'entries.1.member.source' failed to satisfy constraint: Member must have length less than or equal to 256; ` +
        `Value '${detailType}' at 'entries.2.member.detailType' failed to satisfy constraint: Member must have length less than or equal to 128`,
      status: 400,
    });
    expect(
      await answer(events.send(new PutEventsCommand({ Entries: [Entries[1] as PutEventsRequestEntry] }))),
    ).toMatchObject({
      message: `1 validation error detected: Value '${detailType}' at 'entries.1.member.detailType' failed to satisfy constraint: Member must have length less than or equal to 128`,
    });
  });
});

describe('EventBusName and TraceHeader', () => {
  // The EventBridge service model (botocore events/2015-10-07, NonPartnerEventBusNameOrArn and
  // TraceHeader): a bus is 1–1600 characters of a name or an event-bus ARN; a trace header 1–500.
  const pattern = '(arn:aws[\\w-]*:events:[a-z]+-[a-z]+-[\\w-]+:[0-9]{12}:event-bus\\/)?[\\.\\-_A-Za-z0-9]+';
  const entry = { Source: 'shop', DetailType: 'Order', Detail: '{}' };

  it('a bus name outside the pattern or lengths is a ValidationException; names and ARNs are accepted', async () => {
    expect(
      await answer(events.send(new PutEventsCommand({ Entries: [{ ...entry, EventBusName: 'bad bus' }] }))),
    ).toEqual({
      name: 'ValidationException',
      message: `1 validation error detected: Value 'bad bus' at 'entries.1.member.eventBusName' failed to satisfy constraint: Member must satisfy regular expression pattern: ${pattern}`,
      status: 400,
    });
    expect(
      await answer(events.send(new PutEventsCommand({ Entries: [{ ...entry, EventBusName: '' }] }))),
    ).toMatchObject({
      message:
        `2 validation errors detected: Value '' at 'entries.1.member.eventBusName' failed to satisfy constraint: Member must satisfy regular expression pattern: ${pattern}; ` +
        "Value '' at 'entries.1.member.eventBusName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
    const ok = await events.send(
      new PutEventsCommand({
        Entries: [
          { ...entry, EventBusName: 'orders.v2_bus-1' },
          { ...entry, EventBusName: 'arn:aws:events:eu-west-1:210987654321:event-bus/orders' },
        ],
      }),
    );
    expect(ok.FailedEntryCount).toBe(0);
    expect(mocks.eventBridge.events({ eventBusName: 'orders' })).toHaveLength(1);
  });

  it('a trace header over 500 characters is a ValidationException', async () => {
    const TraceHeader = 'x'.repeat(501);
    expect(await answer(events.send(new PutEventsCommand({ Entries: [{ ...entry, TraceHeader }] })))).toMatchObject({
      name: 'ValidationException',
      message: `1 validation error detected: Value '${TraceHeader}' at 'entries.1.member.traceHeader' failed to satisfy constraint: Member must have length less than or equal to 500`,
    });
  });
});
