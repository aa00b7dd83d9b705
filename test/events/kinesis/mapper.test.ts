import { describe, expect, it } from 'vitest';
import { EventInputError } from '../../../src/_internals/errors.js';
import { toKinesisEvent, toKinesisRecord, toKinesisTumblingWindowEvent } from '../../../src/events/kinesis/mapper.js';
import { createKinesisShardSequence } from '../../../src/events/kinesis/sequenceNumber.js';
import type { KinesisDataParts, KinesisSourceParts } from '../../../src/events/kinesis/types.js';
import { checkKinesisEvent, checkRecord } from './_invariants.js';

const source: KinesisSourceParts = {
  streamName: 'lambda-stream',
  region: 'us-east-2',
  account: '123456789012',
  partition: 'aws',
  shardId: 'shardId-000000000006',
  invokeIdentityArn: 'arn:aws:iam::123456789012:role/lambda-role',
};
const t0 = Date.parse('2018-12-17T22:10:50.987Z');
function batch(n: number, gap = 1): KinesisDataParts[] {
  const seq = createKinesisShardSequence({ shardId: source.shardId, createdAt: t0 - 86_400_000 });
  return Array.from({ length: n }, (_, i) => ({
    data: new TextEncoder().encode(`record ${i}`),
    partitionKey: '1',
    sequenceNumber: seq.next(t0 + i * gap),
    arrivalTime: t0 + i * gap,
  }));
}

describe('toKinesisRecord', () => {
  it('builds exactly the fields of the docs example from plain parts', () => {
    const [parts] = batch(1);
    const record = toKinesisRecord({ ...source, ...parts!, data: new TextEncoder().encode('Hello, this is a test.') });
    checkRecord(record);
    expect(record).toEqual({
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey: '1',
        sequenceNumber: parts!.sequenceNumber,
        data: 'SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==',
        approximateArrivalTimestamp: 1545084650.987,
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: `shardId-000000000006:${parts!.sequenceNumber}`,
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: 'arn:aws:iam::123456789012:role/lambda-role',
      awsRegion: 'us-east-2',
      eventSourceARN: 'arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream',
    });
    expect(Object.keys(record)).toEqual([
      'kinesis',
      'eventSource',
      'eventVersion',
      'eventID',
      'eventName',
      'invokeIdentityArn',
      'awsRegion',
      'eventSourceARN',
    ]);
  });

  it('emits encryptionType only when asked', () => {
    const [parts] = batch(1);
    expect(toKinesisRecord({ ...source, ...parts! }).kinesis).not.toHaveProperty('encryptionType');
    expect(toKinesisRecord({ ...source, ...parts!, encryptionType: 'KMS' }).kinesis.encryptionType).toBe('KMS');
  });

  it('rejects parts that break a rule, naming the API and the part', () => {
    const [parts] = batch(1);
    const cases: [Partial<KinesisSourceParts & KinesisDataParts>, RegExp][] = [
      [{ streamName: 'bad name' }, /^toKinesisRecord: source.streamName "bad name" breaks Kinesis stream naming rules/],
      [{ shardId: 'shardId-6' }, /source.shardId "shardId-6" is not a Kinesis shard id/],
      [{ region: 'cn-north-1' }, /options.partition "aws" does not match region "cn-north-1"/],
      [{ invokeIdentityArn: 'arn:aws:iam::EXAMPLE' }, /source.invokeIdentityArn .* is not an IAM role ARN/],
      [{ partitionKey: '' }, /parts.partitionKey must not be empty/],
      [{ partitionKey: 'k'.repeat(257) }, /parts.partitionKey is 257 characters long, over the 256-character limit/],
      [
        { data: new Uint8Array(1024 * 1024) },
        /parts.data is 1048576 bytes, which with the 1-byte partition key exceeds Kinesis's 1 MiB/,
      ],
      [{ sequenceNumber: '0123' }, /parts.sequenceNumber "0123" is not a Kinesis sequence number/],
      [{ arrivalTime: 1.5 }, /parts.arrivalTime must be integer epoch milliseconds/],
    ];
    for (const [patch, message] of cases) {
      expect(() => toKinesisRecord({ ...source, ...parts!, ...patch } as never)).toThrow(message);
      expect(() => toKinesisRecord({ ...source, ...parts!, ...patch } as never)).toThrow(EventInputError);
    }
    // 1 MiB exactly, key included, is allowed.
    expect(() => toKinesisRecord({ ...source, ...parts!, data: new Uint8Array(1024 * 1024 - 1) })).not.toThrow();
  });
});

describe('toKinesisEvent', () => {
  it('builds a valid batch', () => {
    checkKinesisEvent(toKinesisEvent(source, batch(50)));
  });

  it('rejects batches that no shard could produce', () => {
    const parts = batch(3);
    expect(() => toKinesisEvent(source, [])).toThrow(/records must be a non-empty array/);
    expect(() => toKinesisEvent(source, [parts[1]!, parts[0]!])).toThrow(
      /records\[1\].sequenceNumber \d+ is not greater than the previous record's \d+: sequence numbers strictly increase/,
    );
    expect(() => toKinesisEvent(source, [parts[0]!, parts[0]!])).toThrow(/strictly increase/);
    expect(() => toKinesisEvent(source, [parts[0]!, { ...parts[1]!, arrivalTime: parts[0]!.arrivalTime - 1 }])).toThrow(
      /records\[1\].arrivalTime .* records of a shard arrive in order/,
    );
    expect(() => toKinesisEvent(source, batch(10_001, 0))).toThrow(
      /holds 10001 records, over Lambda's Kinesis batch maximum of 10000/,
    );
    const big = batch(6).map((p) => ({ ...p, data: new Uint8Array(1024 * 1024 - 1) }));
    expect(() => toKinesisEvent(source, big)).toThrow(
      /^toKinesisEvent: the batch serialises to \d+ bytes, over Lambda's 6 MB/,
    );
    expect(() => toKinesisEvent(source, big.slice(0, 4))).not.toThrow();
  });
});

describe('toKinesisTumblingWindowEvent', () => {
  const window = {
    start: Date.parse('2018-12-17T22:10:00Z'),
    end: Date.parse('2018-12-17T22:12:00Z'),
    state: {},
    isFinalInvokeForWindow: false,
    isWindowTerminatedEarly: false,
  };
  it('adds the window fields', () => {
    const event = toKinesisTumblingWindowEvent(source, batch(3), window);
    checkKinesisEvent(event);
    expect(event.window).toEqual({ start: '2018-12-17T22:10:00Z', end: '2018-12-17T22:12:00Z' });
  });
  it('rejects windows that do not hold the records or break the limits', () => {
    expect(() => toKinesisTumblingWindowEvent(source, batch(3), { ...window, end: window.start + 901_000 })).toThrow(
      /window.end is 901 s after window.start; tumbling windows last 1 to 900 s/,
    );
    expect(() => toKinesisTumblingWindowEvent(source, batch(3), { ...window, start: window.start + 500 })).toThrow(
      /window.start must be epoch milliseconds on a whole second/,
    );
    expect(() => toKinesisTumblingWindowEvent(source, batch(3), { ...window, end: window.start + 30_000 })).toThrow(
      /records\[0\].arrivalTime .* is outside the window/,
    );
  });
  it('flags an early end only on the final invocation, and names missing window parts', () => {
    expect(() => toKinesisTumblingWindowEvent(source, batch(3), { ...window, isWindowTerminatedEarly: true })).toThrow(
      /window.isWindowTerminatedEarly is true on an invocation that is not final/,
    );
    expect(
      toKinesisTumblingWindowEvent(source, [], {
        ...window,
        isFinalInvokeForWindow: true,
        isWindowTerminatedEarly: true,
      }).isWindowTerminatedEarly,
    ).toBe(true);
    expect(() => toKinesisTumblingWindowEvent(source, batch(3), null as never)).toThrow(
      /toKinesisTumblingWindowEvent: window must be the window parts/,
    );
  });
});
