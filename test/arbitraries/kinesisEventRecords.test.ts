/** kinesisEvent({ records }): labelled batches, records in order, entries never cut or rewritten. */
import type { KinesisStreamHandler } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kinesisEvent, type KinesisEventRecord } from '../../arbitraries/index.js';
import { invokeHandler } from '../../src/index.js';
import { NUM_RUNS } from '../_helpers/runs.js';

// The code under test: reports records whose data is not a JSON object with an id.
const handler: KinesisStreamHandler = async (event) => ({
  batchItemFailures: event.Records.filter((record) => {
    try {
      return typeof JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString('utf8'))?.id !== 'string';
    } catch {
      return true;
    }
  }).map((record) => ({ itemIdentifier: record.kinesis.sequenceNumber })),
});

const good = fc.record({ id: fc.uuid() }).map((data) => ({ data, bad: false }));
const bad = fc
  .oneof(
    fc.constant('not json'),
    fc.uint8Array({ minLength: 1, maxLength: 8 }).map((bytes) => Uint8Array.from([0xff, ...bytes])),
    fc.constant({ id: 7 }),
  )
  .map((data) => ({ data, bad: true }));

describe('kinesisEvent({ records })', () => {
  it('keeps the records in order, so a property can say which are bad', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(fc.oneof(good, bad), { minLength: 1, maxLength: 10 })
          .chain((entries) =>
            kinesisEvent({ records: fc.constant(entries.map(({ data }) => data as KinesisEventRecord)) }).map(
              (event) => ({ entries, event }),
            ),
          ),
        async ({ entries, event }) => {
          expect(event.Records).toHaveLength(entries.length);
          const sequence = event.Records.map((r) => BigInt(r.kinesis.sequenceNumber));
          for (let i = 1; i < sequence.length; i++) expect(sequence[i]! > sequence[i - 1]!).toBe(true);
          const expected = event.Records.filter((_, i) => entries[i]!.bad).map((r) => r.kinesis.sequenceNumber);
          const result = await invokeHandler(handler, event);
          expect((result || { batchItemFailures: [] }).batchItemFailures.map((f) => f.itemIdentifier)).toEqual(
            expected,
          );
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('takes { data, partitionKey } entries and bytes as they are', () => {
    fc.assert(
      fc.property(
        kinesisEvent({ records: [{ data: 'hello', partitionKey: 'pk-1' }, Uint8Array.from([0, 1, 2])] }),
        (event) => {
          expect(event.Records[0]!.kinesis.partitionKey).toBe('pk-1');
          expect(Buffer.from(event.Records[0]!.kinesis.data, 'base64').toString('utf8')).toBe('hello');
          expect([...Buffer.from(event.Records[1]!.kinesis.data, 'base64')]).toEqual([0, 1, 2]);
        },
      ),
      { numRuns: 20 },
    );
  });

  it.each([
    [[], /^kinesisEvent: records is empty/],
    [[{ data: Number.NaN }], /^kinesisEvent: records\[0\]\.data /],
    [[{ data: 'x', partitionKey: '' }], /^kinesisEvent: records\[0\]\.partitionKey/],
    [
      [new Uint8Array(1024 * 1024)],
      /^kinesisEvent: records\[0\] is 1048577 bytes \(data and partition key\); a Kinesis record holds at most 1048576$/,
    ],
  ])('refuses a fixed batch %# at once, naming the entry', (records, error) => {
    expect(() => kinesisEvent({ records: records as KinesisEventRecord[] })).toThrow(error);
  });

  it('refuses a batch over 6 MB and a bad generated entry when drawn, never cutting', () => {
    const big = Array.from({ length: 7 }, () => new Uint8Array(1000 * 1000));
    expect(() => fc.sample(kinesisEvent({ records: big }), 1)).toThrow(
      /^kinesisEvent: records do not fit in one invocation: Lambda's payload limit \(6291456 bytes\) is reached at records\[/,
    );
    expect(() => fc.sample(kinesisEvent({ records: fc.constant(['ok', { data: undefined as never }]) }), 1)).toThrow(
      /^kinesisEvent: records\[1\]\.data /,
    );
  });

  it('does not combine with data, largeData, minRecords or maxRecords', () => {
    expect(() => kinesisEvent({ records: ['a'], maxRecords: 2 })).toThrow(
      /^kinesisEvent: maxRecords cannot be combined with records/,
    );
    expect(() => kinesisEvent({ records: ['a'], data: 'json' })).toThrow(
      /^kinesisEvent: data cannot be combined with records/,
    );
  });

  it('works with tumbling windows too', () => {
    fc.assert(
      fc.property(kinesisEvent({ tumblingWindow: true, records: ['a', 'b'] }), (event) => {
        expect(event.Records.map((r) => Buffer.from(r.kinesis.data, 'base64').toString())).toEqual(['a', 'b']);
        expect(typeof event.window.start).toBe('string');
      }),
      { numRuns: 20 },
    );
  });
});
