import { Arbitrary, array, constant, oneof, tuple } from 'fast-check';
import { LAMBDA_PAYLOAD_LIMIT, utf8Length } from '../src/_internals/limits.js';
import type { KinesisData } from '../src/events/kinesis/data.js';
import { MAX_RECORD_SIZE } from '../src/events/kinesis/validate.js';
import { toKinesisEvent, toKinesisTumblingWindowEvent } from '../src/events/kinesis/mapper.js';
import type { KinesisStreamEvent, KinesisTumblingWindowEvent } from '../src/events/kinesis/types.js';
import { MAX_KINESIS_BATCH_RECORDS } from '../src/events/kinesis/validate.js';
import {
  fitLambdaPayload,
  kinesisRecordDraft,
  pinnedKinesisRecords,
  kinesisSourceParts,
  kinesisTimeline,
  kinesisWindowDraft,
  largeChoice,
  largeDraft,
  toDataParts,
  windowParts,
  type KinesisSourceConstraints,
} from './_internals/kinesisParts.js';
import { assertCountRange, isArbitrary } from './_internals/pin.js';

/**
 * One record of {@link KinesisEventConstraints.records}: its data (bytes as they are, a string as
 * UTF-8, another JSON value serialised) or `{ data, partitionKey? }`.
 */
export type KinesisEventRecord = KinesisData | { readonly data: KinesisData; readonly partitionKey?: string };

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
  /**
   * The records of the batch, in order: an arbitrary of the array (or a fixed array), each record
   * with its own data arbitrary, so a property can say which records the handler must report.
   * Record `i` carries entry `i`; sequence numbers, arrival times and (unless given) partition keys
   * are generated as usual. Every entry is used as given: data that is not JSON, a record over
   * Kinesis's 1 MiB or a batch over Lambda's 6 MB payload is an error naming the entry, never cut.
   * Replaces `data`, `largeData`, `minRecords` and `maxRecords`.
   * @defaultValue `undefined`
   */
  records?: readonly KinesisEventRecord[] | Arbitrary<readonly KinesisEventRecord[]>;
}

/**
 * Kinesis events of one shard as Lambda delivers them, built by the kit's one Kinesis mapper:
 * strictly increasing 56-digit sequence numbers sharing the shard's prefix, `eventID` =
 * `shardId:sequenceNumber`, non-decreasing arrival times, base64 data with the hard cases (empty,
 * binary, 1 MiB, full batches).
 * @example kinesisEvent({ data: 'json', maxRecords: 5 })
 * @example kinesisEvent({ tumblingWindow: true })
 */
export function kinesisEvent(
  constraints: KinesisEventConstraints & { tumblingWindow: true },
): Arbitrary<KinesisTumblingWindowEvent>;
export function kinesisEvent(constraints?: KinesisEventConstraints): Arbitrary<KinesisStreamEvent>;
// @__NO_SIDE_EFFECTS__
export function kinesisEvent(
  constraints: KinesisEventConstraints = {},
): Arbitrary<KinesisStreamEvent | KinesisTumblingWindowEvent> {
  const name = 'kinesisEvent';
  if (constraints.records !== undefined) return kinesisEventOfRecords(constraints, constraints.records);
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
  return tuple(
    kinesisSourceParts(name, constraints),
    kinesisTimeline(),
    drafts,
    largeChoice(constraints.largeData ?? !(constraints.data instanceof Arbitrary)),
    window,
  ).map(([source, timeline, records, large, windowDraft]) => {
    const sized =
      large === undefined ? records : [largeDraft(records[0]!, large.slack, large.fill), ...records.slice(1)];
    if (windowDraft === undefined)
      return toKinesisEvent(source, fitLambdaPayload(source, toDataParts(source, timeline, sized)), name);
    const w = windowParts(windowDraft, timeline.firstArrivalMs);
    return toKinesisTumblingWindowEvent(
      source,
      fitLambdaPayload(source, toDataParts(source, timeline, sized, w.end - 1)),
      w,
      name,
    );
  });
}

/** `kinesisEvent({ records })`: one record per entry, in order, each entry used as given. */
function kinesisEventOfRecords(
  constraints: KinesisEventConstraints,
  records: readonly KinesisEventRecord[] | Arbitrary<readonly KinesisEventRecord[]>,
): Arbitrary<KinesisStreamEvent | KinesisTumblingWindowEvent> {
  const name = 'kinesisEvent';
  for (const key of ['data', 'largeData', 'minRecords', 'maxRecords'] as const) {
    if (constraints[key] !== undefined)
      throw new TypeError(
        `${name}: ${key} cannot be combined with records (each record carries its own data, and the array its length)`,
      );
  }
  if (!isArbitrary(records) && !Array.isArray(records))
    throw new TypeError(
      `${name}: records must be an array of records or an arbitrary of one (e.g. fc.array(record, { minLength: 1, maxLength: 10 })), got ${JSON.stringify(records) ?? String(records)}`,
    );
  // A fixed array is checked now; a generated one as each value is drawn (the same checks).
  const given: Arbitrary<readonly KinesisEventRecord[]> = isArbitrary(records)
    ? records
    : (pinnedKinesisRecords(name, records), constant(records));
  const window = constraints.tumblingWindow === true ? kinesisWindowDraft() : constant(undefined);
  return given.chain((list) => {
    const inputs = pinnedKinesisRecords(name, list);
    const drafts = array(kinesisRecordDraft(name, constraints, true), {
      minLength: inputs.length,
      maxLength: inputs.length,
    });
    return tuple(kinesisSourceParts(name, constraints), kinesisTimeline(), drafts, window).map(
      ([source, timeline, draftList, windowDraft]) => {
        const given = draftList.map((draft, i) => {
          const { data, partitionKey } = inputs[i]!;
          // A generated key must not push given data over the record limit: the shortest key then.
          return {
            ...draft,
            data,
            partitionKey:
              partitionKey ??
              (data.length + utf8Length(draft.partitionKey) > MAX_RECORD_SIZE ? '0' : draft.partitionKey),
          };
        });
        const w = windowDraft === undefined ? undefined : windowParts(windowDraft, timeline.firstArrivalMs);
        const parts = toDataParts(source, timeline, given, w === undefined ? Infinity : w.end - 1);
        const fitted = fitLambdaPayload(source, parts);
        if (fitted.length < parts.length) {
          throw new TypeError(
            `${name}: records do not fit in one invocation: Lambda's payload limit (${LAMBDA_PAYLOAD_LIMIT} bytes) is reached at records[${fitted.length}]`,
          );
        }
        return w === undefined
          ? toKinesisEvent(source, parts, name)
          : toKinesisTumblingWindowEvent(source, parts, w, name);
      },
    );
  });
}
