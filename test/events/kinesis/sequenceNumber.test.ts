import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventInputError } from '../../../src/_internals/errors.js';
import {
  compareKinesisSequenceNumbers,
  createKinesisShardSequence,
  decodeKinesisSequenceNumber,
  encodeKinesisSequenceNumber,
  firstKinesisCounter,
  MAX_COUNTER_OFFSET,
  SHARD_PREFIX_DIGITS,
} from '../../../src/events/kinesis/sequenceNumber.js';
import { assertShardId, formatShardId, shardIndexOf } from '../../../src/events/kinesis/shardId.js';
import { NUM_RUNS } from '../../_helpers/runs.js';

describe('Kinesis sequence numbers', () => {
  it('decodes real sequence numbers (powertools-ts__kinesis.json) and re-encodes them exactly', () => {
    // Two records of shardId-000000000006 from the Lambda docs' Kinesis example.
    const real = [
      '49590338271490256608559692538361571095921575989136588898',
      '49590338271490256608559692540925702759324208523137515618',
    ];
    const [a, b] = real.map((s) => decodeKinesisSequenceNumber(s)!);
    expect(a).toEqual({
      shardCreatedAtSeconds: 1542776258,
      shardIndex: 6,
      counter: 0x67648a17000n,
      timestampSeconds: 1545084650,
    });
    expect(b!.shardIndex).toBe(6);
    expect(b!.counter > a!.counter).toBe(true);
    expect(real.map((s) => encodeKinesisSequenceNumber(decodeKinesisSequenceNumber(s)!))).toEqual(real);
  });

  it('rejects numbers that do not follow the layout', () => {
    expect(decodeKinesisSequenceNumber('111')).toBeUndefined();
    expect(decodeKinesisSequenceNumber('0049')).toBeUndefined();
    expect(decodeKinesisSequenceNumber('49545115243490985018280067714973144582180062593244200961')).toBeUndefined(); // SAM's placeholder
  });

  it('generates 56-digit, strictly increasing numbers sharing the shard prefix and embedding the write second', () => {
    fc.assert(
      fc.property(
        fc.nat(999),
        fc.integer({ min: 1_420_070_400_000, max: 4_000_000_000_000 }),
        fc.array(fc.nat(5000), { minLength: 1, maxLength: 300 }),
        fc.string(),
        (shard, created, gaps, seed) => {
          const shardId = formatShardId(shard);
          const sequence = createKinesisShardSequence({ shardId, createdAt: created, seed });
          let arrival = created;
          let previous: string | undefined;
          for (const gap of gaps) {
            arrival += gap;
            const n = sequence.next(arrival);
            expect(n).toMatch(/^[1-9]\d{55}$/);
            const parts = decodeKinesisSequenceNumber(n)!;
            expect(parts).toMatchObject({
              shardIndex: shard,
              shardCreatedAtSeconds: Math.floor(created / 1000),
              timestampSeconds: Math.floor(arrival / 1000),
            });
            if (previous !== undefined) {
              expect(BigInt(n) > BigInt(previous)).toBe(true);
              expect(compareKinesisSequenceNumbers(n, previous)).toBeGreaterThan(0);
              expect(n.slice(0, SHARD_PREFIX_DIGITS)).toBe(previous.slice(0, SHARD_PREFIX_DIGITS));
            }
            previous = n;
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('keeps the 27-digit prefix for the first 80,000 numbers even at the largest steps', () => {
    const base = { shardCreatedAtSeconds: 1_700_000_000, shardIndex: 3, timestampSeconds: 4_294_967_295 };
    const first = firstKinesisCounter(base.shardCreatedAtSeconds, base.shardIndex, MAX_COUNTER_OFFSET);
    const a = encodeKinesisSequenceNumber({ ...base, counter: first, timestampSeconds: base.shardCreatedAtSeconds });
    const b = encodeKinesisSequenceNumber({ ...base, counter: first + 80_000n * 4096n });
    expect(a.slice(0, 27)).toBe(b.slice(0, 27));
  });

  it('is deterministic per seed and shard', () => {
    const make = (seed: number, shardId = 'shardId-000000000001') => {
      const s = createKinesisShardSequence({ shardId, createdAt: 1_700_000_000_000, seed });
      return [s.next(1_700_000_100_000), s.next(1_700_000_100_001)];
    };
    expect(make(1)).toEqual(make(1));
    expect(make(1)).not.toEqual(make(2));
    expect(make(1)[0]).not.toBe(make(1, 'shardId-000000000002')[0]);
  });

  it('orders decimal strings like BigInt does', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 60n }), fc.bigInt({ min: 0n, max: 10n ** 60n }), (a, b) => {
        expect(Math.sign(compareKinesisSequenceNumbers(a.toString(), b.toString()))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('throws EventInputErrors naming the argument and rule', () => {
    const s = createKinesisShardSequence({ shardId: 'shardId-000000000000', createdAt: 1_700_000_000_000 });
    expect(() => s.next(1_600_000_000_000)).toThrow(
      /createKinesisShardSequence: arrivalTime .* from the shard's creation/,
    );
    expect(() => createKinesisShardSequence({ shardId: 'shard-1', createdAt: 0 })).toThrow(EventInputError);
    expect(() => createKinesisShardSequence({ shardId: 'shardId-000000000000', createdAt: Number.NaN })).toThrow(
      /options.createdAt must be a valid Date/,
    );
    expect(() =>
      encodeKinesisSequenceNumber({
        shardCreatedAtSeconds: 10,
        shardIndex: 0,
        counter: 1n << 76n,
        timestampSeconds: 10,
      }),
    ).toThrow(/counter must be a bigint from 0 to 2\^76 - 1/);
    expect(() =>
      encodeKinesisSequenceNumber({ shardCreatedAtSeconds: 10, shardIndex: 0, counter: 0n, timestampSeconds: 9 }),
    ).toThrow(/timestampSeconds must be whole epoch seconds from the shard's creation/);
  });
});

describe('shard ids', () => {
  it('formats and parses shardId-<12 digits>', () => {
    expect(formatShardId(6)).toBe('shardId-000000000006');
    expect(shardIndexOf('shardId-000000000123')).toBe(123);
    expect(() => formatShardId(-1)).toThrow(RangeError);
    expect(() => assertShardId('api', 'options.shardId', 'shardId-1')).toThrow(
      /^api: options.shardId "shardId-1" is not a Kinesis shard id \("shardId-" followed by 12 digits/,
    );
  });
});
