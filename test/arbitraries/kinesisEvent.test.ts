import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kinesisEvent } from '../../arbitraries/kinesisEvent.js';
import { checkKinesisEvent } from '../events/kinesis/_invariants.js';
import { NUM_RUNS } from '../_helpers/runs.js';

describe('kinesisEvent', () => {
  it('generates events holding every invariant', () => {
    fc.assert(
      fc.property(kinesisEvent(), (event) => checkKinesisEvent(event)),
      { numRuns: NUM_RUNS },
    );
  });

  it('generates tumbling-window events holding every invariant', () => {
    fc.assert(
      fc.property(kinesisEvent({ tumblingWindow: true }), (event) => {
        checkKinesisEvent(event);
        expect(event).toHaveProperty('window');
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('honours pinned parts, counts and data kinds', () => {
    fc.assert(
      fc.property(
        kinesisEvent({
          stream: 'orders',
          region: 'eu-west-1',
          account: '000000000001',
          shardId: fc.constant('shardId-000000000009'),
          encryptionType: 'KMS',
          data: 'json',
          minRecords: 2,
          maxRecords: 4,
          largeData: false,
        }),
        (event) => {
          checkKinesisEvent(event);
          expect(event.Records.length).toBeGreaterThanOrEqual(2);
          expect(event.Records.length).toBeLessThanOrEqual(4);
          for (const record of event.Records) {
            expect(record.eventSourceARN).toBe('arn:aws:kinesis:eu-west-1:000000000001:stream/orders');
            expect(record.eventID.startsWith('shardId-000000000009:')).toBe(true);
            expect(record.kinesis.encryptionType).toBe('KMS');
            expect(() => JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString('utf8'))).not.toThrow();
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('produces the hard cases: empty, binary and 1 MiB data, full batches', () => {
    const events = fc.sample(kinesisEvent(), { numRuns: 600, seed: 7 });
    const sizes = events.flatMap((e) => e.Records.map((r) => Buffer.from(r.kinesis.data, 'base64')));
    expect(sizes.some((b) => b.length === 0)).toBe(true);
    expect(sizes.some((b) => b.length > 1_000_000)).toBe(true);
    expect(sizes.some((b) => !Buffer.from(b.toString('utf8'), 'utf8').equals(b))).toBe(true);
    expect(events.some((e) => e.Records.length === 10)).toBe(true);
  });

  it('cuts 10,000-record batches where Lambda would, at 6 MB', () => {
    fc.assert(
      fc.property(kinesisEvent({ minRecords: 10_000, maxRecords: 10_000 }), (event) => {
        checkKinesisEvent(event);
        expect(event.Records.length).toBeGreaterThan(5000);
      }),
      { numRuns: 1 },
    );
  });

  it('shrinks to events that still hold every invariant', () => {
    const result = fc.check(
      fc.property(kinesisEvent({ maxRecords: 20 }), (event) => event.Records.length < 3),
      { seed: 42, numRuns: NUM_RUNS },
    );
    expect(result.failed).toBe(true);
    const [shrunk] = result.counterexample!;
    checkKinesisEvent(shrunk);
    expect(shrunk.Records).toHaveLength(3);
  });

  it('rejects nonsensical constraints with TypeErrors naming the arbitrary', () => {
    expect(() => kinesisEvent({ minRecords: 0 })).toThrow(/^kinesisEvent: minRecords must be an integer ≥ 1/);
    expect(() => kinesisEvent({ maxRecords: 10_001 })).toThrow(/^kinesisEvent: maxRecords must be an integer ≤ 10000/);
    expect(() => kinesisEvent({ minRecords: 5, maxRecords: 2 })).toThrow(
      /^kinesisEvent: minRecords \(5\) must not exceed maxRecords \(2\)/,
    );
    expect(() => kinesisEvent({ stream: 'bad name' })).toThrow(
      /^kinesisEvent: stream "bad name" breaks Kinesis stream naming rules/,
    );
    expect(() => kinesisEvent({ shardId: 'shard-1' })).toThrow(TypeError);
    expect(() => kinesisEvent({ data: 'xml' as never })).toThrow(/^kinesisEvent: data holds "xml"/);
    expect(() => kinesisEvent({ partitionKey: '' })).toThrow(/^kinesisEvent: partitionKey must not be empty/);
  });
});
