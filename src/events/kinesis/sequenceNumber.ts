/**
 * Kinesis sequence numbers. Real ones are 56-digit decimals whose bits have a fixed layout,
 * inferred from real numbers (e.g. `49590338271490256608559692538361571095921575989136588898`
 * decodes to version 2, shard created at 1542776258 s, shard 6, counter 0x67648a17000, written at
 * 1545084650 s):
 *
 * | bits    | field                                   |
 * |---------|-----------------------------------------|
 * | 184–187 | version, always 2                        |
 * | 148–183 | shard creation time, epoch seconds       |
 * | 144–147 | shard index, low 4 bits                  |
 * | 68–143  | a per-shard counter that only grows      |
 * | 36–67   | write time, epoch seconds                |
 * | 4–35    | shard index, low 32 bits                 |
 * | 0–3     | 2                                        |
 *
 * Because the counter sits above the write time, numbers of one shard strictly increase and share
 * a long decimal prefix; the version bit makes every number exactly 56 digits long.
 */
import { fail, show } from '../../_internals/errors.js';
import { createRandom } from '../../_internals/random.js';
import { assertShardId, shardIndexOf } from './shardId.js';

/** The decoded fields of a sequence number (see the module comment for the layout). */
export interface KinesisSequenceNumberParts {
  /** When the shard was created, epoch seconds (36 bits). */
  shardCreatedAtSeconds: number;
  /** The shard's index (`shardId-000000000006` → 6). */
  shardIndex: number;
  /** The per-shard counter (76 bits); larger means later in the shard. */
  counter: bigint;
  /** When the record was written, epoch seconds (32 bits). */
  timestampSeconds: number;
}

/** API pattern of a sequence number (`SequenceNumber` in the Kinesis API reference). */
export const SEQUENCE_NUMBER_PATTERN = /^(?:0|[1-9]\d{0,128})$/;
/** The number of digits of every sequence number the kit makes (and of every real one seen). */
const SEQUENCE_NUMBER_DIGITS = 56;
/** The number of leading digits every sequence number of one shard shares (see {@link createKinesisShardSequence}). */
export const SHARD_PREFIX_DIGITS = 27;
/** The largest counter step between two consecutive records of a shard. */
export const MAX_COUNTER_STEP = 4096;
/** The largest random offset of a shard's first counter above its aligned start. */
export const MAX_COUNTER_OFFSET = 2 ** 20;

const MAX_COUNTER = (1n << 76n) - 1n;
const MAX_SECONDS_36 = 2 ** 36 - 1;
const MAX_SECONDS_32 = 2 ** 32 - 1;
const PREFIX_BLOCK = 10n ** BigInt(SEQUENCE_NUMBER_DIGITS - SHARD_PREFIX_DIGITS);
const COUNTER_UNIT = 1n << 68n;
const API = 'encodeKinesisSequenceNumber';

function shardBase(shardCreatedAtSeconds: number, shardIndex: number): bigint {
  return (
    (2n << 184n) |
    (BigInt(shardCreatedAtSeconds) << 148n) |
    (BigInt(shardIndex & 0xf) << 144n) |
    (BigInt(shardIndex % 2 ** 32) << 4n) |
    2n
  );
}

function assertParts(api: string, parts: KinesisSequenceNumberParts): void {
  const { shardCreatedAtSeconds, shardIndex, counter, timestampSeconds } = parts;
  if (!Number.isInteger(shardCreatedAtSeconds) || shardCreatedAtSeconds < 0 || shardCreatedAtSeconds > MAX_SECONDS_36)
    fail(
      api,
      'shardCreatedAtSeconds',
      `must be whole epoch seconds from 0 to ${MAX_SECONDS_36}, got ${show(shardCreatedAtSeconds)}`,
    );
  if (!Number.isSafeInteger(shardIndex) || shardIndex < 0)
    fail(api, 'shardIndex', `must be a non-negative integer, got ${show(shardIndex)}`);
  if (typeof counter !== 'bigint' || counter < 0n || counter > MAX_COUNTER)
    fail(api, 'counter', `must be a bigint from 0 to 2^76 - 1, got ${String(counter)}`);
  if (
    !Number.isInteger(timestampSeconds) ||
    timestampSeconds < shardCreatedAtSeconds ||
    timestampSeconds > MAX_SECONDS_32
  )
    fail(
      api,
      'timestampSeconds',
      `must be whole epoch seconds from the shard's creation (${shardCreatedAtSeconds}) to ${MAX_SECONDS_32}, got ${show(timestampSeconds)}`,
    );
}

/**
 * Lays the fields out as a 56-digit sequence number.
 * @example encodeKinesisSequenceNumber({ shardCreatedAtSeconds: 1542776258, shardIndex: 6, counter: 0x67648a17000n, timestampSeconds: 1545084650 })
 */
export function encodeKinesisSequenceNumber(parts: KinesisSequenceNumberParts): string {
  assertParts(API, parts);
  return (
    shardBase(parts.shardCreatedAtSeconds, parts.shardIndex) |
    (parts.counter << 68n) |
    (BigInt(parts.timestampSeconds) << 36n)
  ).toString();
}

/** The fields of a sequence number laid out as above, or undefined when it does not follow the layout. */
export function decodeKinesisSequenceNumber(sequenceNumber: string): KinesisSequenceNumberParts | undefined {
  if (typeof sequenceNumber !== 'string' || !SEQUENCE_NUMBER_PATTERN.test(sequenceNumber)) return undefined;
  const n = BigInt(sequenceNumber);
  const bits = (low: bigint, width: bigint) => (n >> low) & ((1n << width) - 1n);
  if (bits(184n, 4n) !== 2n || bits(0n, 4n) !== 2n || n >> 188n !== 0n) return undefined;
  const shardIndex = Number(bits(4n, 32n));
  if (Number(bits(144n, 4n)) !== (shardIndex & 0xf)) return undefined;
  return {
    shardCreatedAtSeconds: Number(bits(148n, 36n)),
    shardIndex,
    counter: bits(68n, 76n),
    timestampSeconds: Number(bits(36n, 32n)),
  };
}

/**
 * Orders two sequence numbers (negative, 0 or positive, like a sort comparator) without BigInt:
 * canonical decimals compare by length, then digit by digit.
 */
export function compareKinesisSequenceNumbers(a: string, b: string): number {
  if (typeof a !== 'string' || !SEQUENCE_NUMBER_PATTERN.test(a))
    fail(
      'compareKinesisSequenceNumbers',
      'a',
      `${show(a)} is not a Kinesis sequence number (a decimal string without leading zeros)`,
    );
  if (typeof b !== 'string' || !SEQUENCE_NUMBER_PATTERN.test(b))
    fail(
      'compareKinesisSequenceNumbers',
      'b',
      `${show(b)} is not a Kinesis sequence number (a decimal string without leading zeros)`,
    );
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The first counter of a shard: the smallest counter whose number starts a fresh block of
 * 10^29 (so the shard's first {@link SHARD_PREFIX_DIGITS} digits stay fixed for its first
 * ~80,000 records), plus `offset` (0 to {@link MAX_COUNTER_OFFSET}).
 */
export function firstKinesisCounter(shardCreatedAtSeconds: number, shardIndex: number, offset: number): bigint {
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_COUNTER_OFFSET)
    fail('firstKinesisCounter', 'offset', `must be an integer from 0 to ${MAX_COUNTER_OFFSET}, got ${show(offset)}`);
  const base = shardBase(shardCreatedAtSeconds, shardIndex);
  const blockStart = (base / PREFIX_BLOCK + 1n) * PREFIX_BLOCK;
  return (blockStart - base + COUNTER_UNIT - 1n) / COUNTER_UNIT + BigInt(offset);
}

/** A shard's running sequence: each call to `next` returns a larger number. */
export interface KinesisShardSequence {
  /** The shard these numbers belong to. */
  readonly shardId: string;
  /** When the shard was created (whole seconds). */
  readonly createdAt: Date;
  /**
   * The sequence number of the next record written at `arrivalTime` (a Date or epoch ms, not
   * before the shard's creation): strictly greater than every number returned before.
   */
  next(arrivalTime: Date | number): string;
}

/** Options of {@link createKinesisShardSequence}. */
export interface KinesisShardSequenceOptions {
  /** The shard, `shardId-` + 12 digits. */
  shardId: string;
  /** When the shard was created (rounded down to the second); records cannot arrive before it. */
  createdAt: Date | number;
  /**
   * Seed of the first counter and of the counter steps.
   * @defaultValue `0`
   */
  seed?: number | string;
}

/**
 * A seeded generator of a shard's sequence numbers, for factories and the in-memory Kinesis.
 * Numbers are 56 digits, strictly increase, embed the write time, and share the shard's first
 * {@link SHARD_PREFIX_DIGITS} digits for at least the first 80,000 records.
 * @example
 * const shard = createKinesisShardSequence({ shardId: 'shardId-000000000000', createdAt: new Date('2026-01-01T00:00:00Z') });
 * const first = shard.next(new Date('2026-01-15T12:30:45.123Z'));
 */
export function createKinesisShardSequence(options: KinesisShardSequenceOptions): KinesisShardSequence {
  const api = 'createKinesisShardSequence';
  if (options === null || typeof options !== 'object')
    fail(api, 'options', `must be { shardId, createdAt, seed? }, got ${show(options)}`);
  const shardId = assertShardId(api, 'options.shardId', options.shardId);
  const createdMs = options.createdAt instanceof Date ? options.createdAt.getTime() : options.createdAt;
  if (typeof createdMs !== 'number' || !Number.isFinite(createdMs) || createdMs < 0)
    fail(api, 'options.createdAt', `must be a valid Date or epoch milliseconds, got ${show(options.createdAt)}`);
  const createdSeconds = Math.floor(createdMs / 1000);
  if (createdSeconds > MAX_SECONDS_32)
    fail(api, 'options.createdAt', 'must be before 2106 (sequence numbers hold 32-bit epoch seconds)');
  const shardIndex = shardIndexOf(shardId);
  const random = createRandom(options.seed ?? 0, `kinesis-sequence:${shardId}`);
  const base = shardBase(createdSeconds, shardIndex);
  let counter = firstKinesisCounter(createdSeconds, shardIndex, random.int(0, MAX_COUNTER_OFFSET));
  let first = true;
  // Records of a batch mostly share their arrival second: reuse its shifted BigInt.
  let lastSeconds = -1;
  let shiftedSeconds = 0n;
  return {
    shardId,
    createdAt: new Date(createdSeconds * 1000),
    next(arrivalTime) {
      const ms = arrivalTime instanceof Date ? arrivalTime.getTime() : arrivalTime;
      const seconds = Math.floor(ms / 1000);
      if (!Number.isInteger(seconds) || seconds < createdSeconds || seconds > MAX_SECONDS_32) {
        fail(
          api,
          'arrivalTime',
          `${show(arrivalTime)} must be a valid time from the shard's creation (${new Date(createdSeconds * 1000).toISOString()}) to 2106`,
        );
      }
      if (!first) counter += BigInt(random.int(1, MAX_COUNTER_STEP));
      first = false;
      if (seconds !== lastSeconds) {
        lastSeconds = seconds;
        shiftedSeconds = BigInt(seconds) << 36n;
      }
      return (base | (counter << 68n) | shiftedSeconds).toString();
    },
  };
}
