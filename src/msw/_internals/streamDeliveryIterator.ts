/**
 * Shard iterators of the in-memory streams (Kinesis GetShardIterator, DynamoDB Streams
 * GetShardIterator): opaque base64 strings, as AWS's are, that carry the stream, the shard, the
 * position in the shard and when they were issued (iterators expire: 5 minutes on Kinesis,
 * 15 minutes on DynamoDB Streams, measured on the virtual clock).
 */

/** What an iterator points at. */
export interface ShardPosition {
  /** The stream's ARN. */
  readonly stream: string;
  readonly shardId: string;
  /** Index of the next record to read in the shard. */
  readonly index: number;
  /** When the iterator was issued, epoch ms (virtual). */
  readonly issuedMs: number;
}

// Real iterators start with a run of `A`s (leading zero bytes); the prefix also tells ours apart.
const PREFIX = 'AAAAAAAAAAE';

/** Encodes a position as an iterator string. */
export function encodeShardIterator(position: ShardPosition): string {
  const payload = JSON.stringify([position.stream, position.shardId, position.index, position.issuedMs]);
  return PREFIX + Buffer.from(payload, 'utf8').toString('base64');
}

/** Decodes an iterator string, or undefined when it is not one of ours. */
export function decodeShardIterator(iterator: string): ShardPosition | undefined {
  if (!iterator.startsWith(PREFIX) || iterator.length > 4096) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(iterator.slice(PREFIX.length), 'base64').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 4) return undefined;
    const [stream, shardId, index, issuedMs] = parsed as unknown[];
    if (
      typeof stream !== 'string' ||
      typeof shardId !== 'string' ||
      !Number.isSafeInteger(index) ||
      (index as number) < 0 ||
      !Number.isSafeInteger(issuedMs)
    )
      return undefined;
    return { stream, shardId, index: index as number, issuedMs: issuedMs as number };
  } catch {
    return undefined;
  }
}
