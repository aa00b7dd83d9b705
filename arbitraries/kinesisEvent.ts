import { Arbitrary, array, constant, oneof, tuple } from 'fast-check';
import { toKinesisEvent, toKinesisTumblingWindowEvent } from '../src/events/kinesis/mapper.js';
import type { KinesisStreamEvent, KinesisTumblingWindowEvent } from '../src/events/kinesis/types.js';
import { MAX_KINESIS_BATCH_RECORDS } from '../src/events/kinesis/validate.js';
import { fitLambdaPayload, kinesisRecordDraft, kinesisSourceParts, kinesisTimeline, kinesisWindowDraft, largeChoice, largeDraft, toDataParts, windowParts, type KinesisSourceConstraints } from './_internals/kinesisParts.js';
import { assertCountRange } from './_internals/pin.js';

/** Constraints of {@link kinesisEvent}. */
export interface KinesisEventConstraints extends KinesisSourceConstraints {
  /**
   * The fewest records in a batch (at least 1: Lambda never sends an empty batch).
   * @defaultValue `1`
   */
  minRecords?: number;
  /**
   * The most records in a batch (at most 10,000, Lambda's Kinesis `BatchSize` maximum). Now and
   * then a batch of exactly `maxRecords` tiny records comes on purpose. A batch that would pass
   * Lambda's 6 MB payload is cut where Lambda would cut it, so it may hold fewer than `minRecords`.
   * @defaultValue `10`
   */
  maxRecords?: number;
  /**
   * Whether to generate tumbling-window events (`window`, `state`, `shardId`, …).
   * @defaultValue `false`
   */
  tumblingWindow?: boolean;
}

/**
 * Kinesis events of one shard as Lambda delivers them, built by the kit's one Kinesis mapper:
 * strictly increasing 56-digit sequence numbers sharing the shard's prefix, `eventID` =
 * `shardId:sequenceNumber`, non-decreasing arrival times, base64 data with the hard cases (empty,
 * binary, 1 MiB, full batches).
 * @example kinesisEvent({ data: 'json', maxRecords: 5 })
 * @example kinesisEvent({ tumblingWindow: true })
 */
export function kinesisEvent(constraints: KinesisEventConstraints & { tumblingWindow: true }): Arbitrary<KinesisTumblingWindowEvent>;
export function kinesisEvent(constraints?: KinesisEventConstraints): Arbitrary<KinesisStreamEvent>;
// @__NO_SIDE_EFFECTS__
export function kinesisEvent(constraints: KinesisEventConstraints = {}): Arbitrary<KinesisStreamEvent | KinesisTumblingWindowEvent> {
  const name = 'kinesisEvent';
  const minRecords = constraints.minRecords ?? 1;
  const maxRecords = constraints.maxRecords ?? Math.max(10, minRecords);
  assertCountRange(name, 'minRecords', minRecords, 'maxRecords', maxRecords, 1, MAX_KINESIS_BATCH_RECORDS);
  const draft = kinesisRecordDraft(name, constraints);
  // Full batches carry tiny data so that as many records as possible fit in 6 MB.
  const tiny = kinesisRecordDraft(name, constraints, true);
  const drafts = oneof(
    { arbitrary: array(draft, { minLength: minRecords, maxLength: maxRecords }), weight: 20 },
    { arbitrary: array(tiny, { minLength: maxRecords, maxLength: maxRecords }), weight: 1 },
  );
  const window = constraints.tumblingWindow === true ? kinesisWindowDraft() : constant(undefined);
  return tuple(kinesisSourceParts(name, constraints), kinesisTimeline(), drafts, largeChoice(constraints.largeData ?? !(constraints.data instanceof Arbitrary)), window).map(([source, timeline, records, large, windowDraft]) => {
    const sized = large === undefined ? records : [largeDraft(records[0]!, large.slack, large.fill), ...records.slice(1)];
    if (windowDraft === undefined) return toKinesisEvent(source, fitLambdaPayload(source, toDataParts(source, timeline, sized)), name);
    const w = windowParts(windowDraft, timeline.firstArrivalMs);
    return toKinesisTumblingWindowEvent(source, fitLambdaPayload(source, toDataParts(source, timeline, sized, w.end - 1)), w, name);
  });
}
