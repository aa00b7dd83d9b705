import { Arbitrary, tuple } from 'fast-check';
import { toKinesisRecord } from '../src/events/kinesis/mapper.js';
import type { KinesisStreamRecord } from '../src/events/kinesis/types.js';
import {
  kinesisRecordDraft,
  kinesisSourceParts,
  kinesisTimeline,
  largeChoice,
  largeDraft,
  toDataParts,
  type KinesisSourceConstraints,
} from './_internals/kinesisParts.js';

/**
 * Constraints of {@link kinesisRecord}: the stream, shard, region, account, encryption type,
 * data kind and partition key, each pinned to a value or an arbitrary.
 */
export interface KinesisRecordConstraints extends KinesisSourceConstraints {}

/**
 * Single Kinesis records as Lambda delivers them, built by the kit's one Kinesis mapper:
 * base64 data (JSON, text, bytes, empty, and now and then a full 1 MiB record), a 56-digit
 * sequence number, `eventID` = `shardId:sequenceNumber`, ARNs agreeing with the region.
 * @example kinesisRecord({ stream: 'orders', data: 'json' })
 */
// @__NO_SIDE_EFFECTS__
export function kinesisRecord(constraints: KinesisRecordConstraints = {}): Arbitrary<KinesisStreamRecord> {
  const name = 'kinesisRecord';
  return tuple(
    kinesisSourceParts(name, constraints),
    kinesisTimeline(),
    kinesisRecordDraft(name, constraints),
    largeChoice(constraints.largeData ?? !(constraints.data instanceof Arbitrary)),
  ).map(([source, timeline, draft, large]) => {
    const [parts] = toDataParts(source, timeline, [
      large === undefined ? draft : largeDraft(draft, large.slack, large.fill),
    ]);
    return toKinesisRecord({ ...source, ...parts! }, name);
  });
}
