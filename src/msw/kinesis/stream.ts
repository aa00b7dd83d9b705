/**
 * The data model of the in-memory Kinesis: streams, their shards (hash key ranges split evenly
 * over the 128-bit key space, as CreateStream does) and their append-only records, with sequence
 * numbers from the family's generator (`createKinesisShardSequence`).
 */
import { hash } from 'node:crypto';
import {
  createKinesisShardSequence,
  formatShardId,
  kinesisStreamArn,
  type KinesisShardSequence,
} from '../../events/kinesis/index.js';
import type { StreamEntry } from '../_internals/streamDelivery.js';

/** 2^128: the size of the partition-key hash space. */
export const HASH_SPACE = 1n << 128n;
/** An `ExplicitHashKey`: a decimal of up to 39 digits without leading zeros (the range check is separate). */
export const HASH_KEY_PATTERN = /^(?:0|[1-9]\d{0,38})$/;

/** One stored record. */
export interface StoredKinesisRecord extends StreamEntry {
  readonly data: Buffer;
  /** `data` as canonical base64 (what GetRecords sends), kept from the request. */
  readonly base64: string;
  readonly partitionKey: string;
}

/** One shard: its hash key range and records. */
export interface MockShard {
  readonly shardId: string;
  readonly startingHashKey: bigint;
  readonly endingHashKey: bigint;
  /** The sequence number the shard started at (below every record's). */
  readonly startingSequenceNumber: string;
  readonly sequence: KinesisShardSequence;
  readonly records: StoredKinesisRecord[];
}

/** One stream. */
export class MockStream {
  readonly arn: string;
  readonly shards: MockShard[];
  /** Set when the stream is deleted (subscriptions and iterators stop). */
  deleted = false;

  constructor(
    readonly name: string,
    readonly region: string,
    readonly account: string,
    readonly partition: string,
    shardCount: number,
    readonly createdMs: number,
    seed: string,
    readonly onDemand: boolean,
  ) {
    this.arn = kinesisStreamArn(partition, region, account, name);
    this.shards = [];
    for (let i = 0; i < shardCount; i++) {
      // Even split, as CreateStream does: shard i starts at ⌊i·2^128/n⌋.
      const start = (BigInt(i) * HASH_SPACE) / BigInt(shardCount);
      const end = (BigInt(i + 1) * HASH_SPACE) / BigInt(shardCount) - 1n;
      const shardId = formatShardId(i);
      const sequence = createKinesisShardSequence({ shardId, createdAt: createdMs, seed: `${seed}:${region}:${name}` });
      this.shards.push({
        shardId,
        startingHashKey: start,
        endingHashKey: end,
        startingSequenceNumber: sequence.next(createdMs),
        sequence,
        records: [],
      });
    }
  }

  /** The shard whose range holds `hashKey`. */
  shardFor(hashKey: bigint): MockShard {
    // Ranges are sorted and contiguous: binary search.
    let lo = 0;
    let hi = this.shards.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.shards[mid] as MockShard).startingHashKey <= hashKey) lo = mid;
      else hi = mid - 1;
    }
    return this.shards[lo] as MockShard;
  }

  /** The shard with this id, if any. */
  shard(shardId: string): MockShard | undefined {
    return this.shards.find((shard) => shard.shardId === shardId);
  }

  /** Appends a record to the shard its hash key maps to. */
  put(
    data: Buffer,
    partitionKey: string,
    hashKey: bigint,
    arrivalMs: number,
    base64 = data.toString('base64'),
  ): { shard: MockShard; record: StoredKinesisRecord } {
    const shard = this.shardFor(hashKey);
    const sequenceNumber = shard.sequence.next(arrivalMs);
    // Bound of the record's JSON in a Lambda event: base64 data, escaped key, fixed fields.
    const jsonBound = 600 + this.arn.length + Math.ceil(data.byteLength / 3) * 4 + 6 * partitionKey.length;
    const record: StoredKinesisRecord = { data, base64, partitionKey, sequenceNumber, arrivalMs, jsonBound };
    shard.records.push(record);
    return { shard, record };
  }
}

/** The 128-bit MD5 of a partition key's UTF-8 bytes as an unsigned integer: how Kinesis maps keys to shards. */
export function partitionKeyHash(partitionKey: string): bigint {
  return BigInt(`0x${hash('md5', partitionKey, 'hex')}`);
}
