/** Kinesis shard ids: `shardId-` followed by 12 decimal digits (`shardId-000000000006`). */
import { fail, show } from '../../_internals/errors.js';

/** The layout of a Kinesis shard id. */
const SHARD_ID_PATTERN = /^shardId-\d{12}$/;

/** The largest shard index a shard id can hold (12 digits). */
export const MAX_SHARD_INDEX = 999_999_999_999;

/**
 * The shard id of the `index`-th shard of a stream, as Kinesis numbers them.
 * @example formatShardId(6) // 'shardId-000000000006'
 */
export function formatShardId(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0 || index > MAX_SHARD_INDEX) {
    throw new RangeError(`formatShardId: index must be an integer from 0 to ${MAX_SHARD_INDEX}, got ${String(index)}`);
  }
  return `shardId-${String(index).padStart(12, '0')}`;
}

/** The shard index inside a shard id (`shardId-000000000006` → 6). Assumes a valid id. */
export function shardIndexOf(shardId: string): number {
  return Number(shardId.slice(8));
}

/** Throws unless `shardId` is `shardId-` followed by 12 digits. */
export function assertShardId(api: string, argument: string, shardId: unknown): string {
  if (typeof shardId !== 'string' || !SHARD_ID_PATTERN.test(shardId)) {
    fail(
      api,
      argument,
      `${show(shardId)} is not a Kinesis shard id ("shardId-" followed by 12 digits, e.g. "shardId-000000000000")`,
    );
  }
  return shardId;
}
