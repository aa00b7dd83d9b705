/** The one "parts → record/event" mapper of DynamoDB Streams. */
import {
  assertAccount,
  assertRegion,
  epochSeconds,
  isoSeconds,
  partitionOfRegion,
  type AwsPartition,
} from '../../_internals/aws.js';
import { fail, show } from '../../_internals/errors.js';
import { assertLambdaPayload } from '../../_internals/limits.js';
import { imagesFor, resolveChange } from './change.js';
import { assertTableName, dynamoDBStreamArn, isSequenceNumber, isStreamEventId, isStreamLabel } from './ids.js';
import { assertKeyNames } from './keys.js';
import { checkTumblingWindow } from '../../_internals/tumblingWindow.js';
import {
  STREAM_VIEW_TYPES,
  TTL_USER_IDENTITY,
  type AttributeMap,
  type DynamoDBEventName,
  type DynamoDBEventVersion,
  type DynamoDBStreamEvent,
  type DynamoDBStreamRecord,
  type DynamoDBTumblingWindowEvent,
  type DynamoDBWindowParts,
  type StreamViewType,
} from './types.js';

/** Lambda's largest DynamoDB Streams batch (`BatchSize` maximum). */
export const MAX_DYNAMODB_BATCH_RECORDS = 10_000;

/** What every record of one stream shares. */
export interface DynamoDBStreamSourceParts {
  /** The table's key attribute names: `['pk']` or `['pk', 'sk']`. */
  keyNames: readonly string[];
  /** The stream's view type; decides which images records carry. */
  streamViewType: StreamViewType;
  /** The table name. */
  table: string;
  /** The stream label, `YYYY-MM-DDTHH:MM:SS.mmm` (the stream's creation time). */
  streamLabel: string;
  region: string;
  account: string;
  partition: AwsPartition;
  /** @defaultValue `"1.1"`, as in real events (the Lambda docs' example says `"1.0"`) */
  eventVersion?: DynamoDBEventVersion;
}

/** What varies from record to record. */
export interface DynamoDBStreamEntryParts {
  /** INSERT (a new item), MODIFY (an item changed) or REMOVE (an item deleted). */
  eventName: DynamoDBEventName;
  /** The whole item after the change: required for INSERT and MODIFY, absent for REMOVE. */
  newImage?: AttributeMap;
  /** The whole item before the change: required for MODIFY and REMOVE, absent for INSERT. */
  oldImage?: AttributeMap;
  /** 21–40 digits; strictly increasing within a shard. */
  sequenceNumber: string;
  /** 32 lower-case hex digits. */
  eventId: string;
  /** When the change happened (`ApproximateCreationDateTime` is its whole epoch second). */
  time: Date;
  /** A deletion by Time to Live (REMOVE only): adds the DynamoDB service `userIdentity`. */
  ttl?: boolean;
}

/** Everything one record is made of. */
export type DynamoDBStreamRecordParts = DynamoDBStreamSourceParts & DynamoDBStreamEntryParts;

/** A record with a bound on its JSON length (for cheap payload-limit checks). */
export interface BuiltStreamRecord {
  record: DynamoDBStreamRecord;
  jsonBound: number;
}

/**
 * A record's `SizeBytes`: the item-size formula's bytes of its `Keys` plus those of the images it
 * carries (absent ones count 0). Each argument is a stored map's `{ size }` (`storeAttributeMap`).
 * @example dynamoDBStreamSizeBytes(storeAttributeMap(api, 'Keys', keys), storeAttributeMap(api, 'NewImage', item), undefined)
 */
export function dynamoDBStreamSizeBytes(
  keys: { size: number } | undefined,
  newImage: { size: number } | undefined,
  oldImage: { size: number } | undefined,
): number {
  return (keys?.size ?? 0) + (newImage?.size ?? 0) + (oldImage?.size ?? 0);
}

/** Throws unless `viewType` is one of the four stream view types. */
export function assertStreamViewType(api: string, argument: string, viewType: unknown): StreamViewType {
  if (!STREAM_VIEW_TYPES.includes(viewType as StreamViewType)) {
    fail(
      api,
      argument,
      `${show(viewType)} is not a stream view type (KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES)`,
    );
  }
  return viewType as StreamViewType;
}

/**
 * Whether SequenceNumber `a` is greater than `b`. Both are validated (digits, no leading zero), so
 * the longer is the greater, and equal lengths compare as text: no BigInt parsing per record.
 */
function sequenceAfter(a: string, b: string): boolean {
  // Stryker disable next-line EqualityOperator: `>` and `>=` agree on lengths already known to differ (the `a > b` comparison of equal lengths is pinned by the equal-SequenceNumber tests)
  return a.length !== b.length ? a.length > b.length : a > b;
}

interface PreparedSource {
  source: DynamoDBStreamSourceParts;
  eventVersion: DynamoDBEventVersion;
  arn: string;
  /** When the stream was created (its label), epoch ms: parsed once per batch, not per record. */
  createdMs: number;
}

function prepareSource(api: string, argument: string, source: DynamoDBStreamSourceParts): PreparedSource {
  assertKeyNames(api, `${argument}.keyNames`, source.keyNames);
  assertStreamViewType(api, `${argument}.streamViewType`, source.streamViewType);
  assertTableName(api, `${argument}.table`, source.table);
  if (typeof source.streamLabel !== 'string' || !isStreamLabel(source.streamLabel))
    fail(api, `${argument}.streamLabel`, `${show(source.streamLabel)} is not a stream label (YYYY-MM-DDTHH:MM:SS.mmm)`);
  assertRegion(api, `${argument}.region`, source.region);
  assertAccount(api, `${argument}.account`, source.account);
  if (source.partition !== partitionOfRegion(source.region))
    fail(
      api,
      `${argument}.partition`,
      `${show(source.partition)} does not match region ${show(source.region)}, which is in partition "${partitionOfRegion(source.region)}"`,
    );
  const eventVersion = source.eventVersion ?? '1.1';
  if (eventVersion !== '1.1' && eventVersion !== '1.0')
    fail(api, `${argument}.eventVersion`, `must be "1.1" or "1.0", got ${show(eventVersion)}`);
  return {
    source,
    eventVersion,
    arn: dynamoDBStreamArn(source.partition, source.region, source.account, source.table, source.streamLabel),
    createdMs: new Date(`${source.streamLabel}Z`).getTime(),
  };
}

function build(
  api: string,
  argument: string,
  prepared: PreparedSource,
  entry: DynamoDBStreamEntryParts,
): BuiltStreamRecord {
  const { source } = prepared;
  if (typeof entry.sequenceNumber !== 'string' || !isSequenceNumber(entry.sequenceNumber))
    fail(
      api,
      `${argument}.sequenceNumber`,
      `${show(entry.sequenceNumber)} is not a SequenceNumber (21 to 40 digits, no leading zero)`,
    );
  if (typeof entry.eventId !== 'string' || !isStreamEventId(entry.eventId))
    fail(api, `${argument}.eventId`, `${show(entry.eventId)} is not a stream eventID (32 lower-case hex digits)`);
  if (!(entry.time instanceof Date) || Number.isNaN(entry.time.getTime()))
    fail(api, `${argument}.time`, `must be a valid Date, got ${show(entry.time)}`);
  if (entry.time.getTime() < prepared.createdMs)
    fail(
      api,
      `${argument}.time`,
      `${entry.time.toISOString()} is before the stream was created (label ${source.streamLabel})`,
    );
  if (entry.ttl === true && entry.eventName !== 'REMOVE')
    fail(
      api,
      `${argument}.ttl`,
      `is set on ${entry.eventName}; only Time to Live deletions (REMOVE) carry the service userIdentity`,
    );

  const change = resolveChange(api, argument, {
    eventName: entry.eventName,
    keyNames: source.keyNames,
    newImage: entry.newImage,
    oldImage: entry.oldImage,
  });
  const present = imagesFor(source.streamViewType, entry.eventName);
  const newImage = present.newImage ? change.newImage : undefined;
  const oldImage = present.oldImage ? change.oldImage : undefined;
  const size = dynamoDBStreamSizeBytes(change.keys, newImage, oldImage);
  const jsonBound =
    512 +
    prepared.arn.length +
    change.keys.jsonBound +
    // Stryker disable next-line ArithmeticOperator: the 512-byte envelope allowance exceeds the envelope by over 100 bytes, so 24 bytes less is still a bound and the payload check answers the same
    (newImage ? newImage.jsonBound + 12 : 0) +
    // Stryker disable next-line ArithmeticOperator: as for NewImage: the envelope allowance absorbs 24 bytes, and the payload check answers the same
    (oldImage ? oldImage.jsonBound + 12 : 0);
  // Field order as DynamoDB Streams sends it. Built by assignment, not `...(image && {…})`
  // spreads, which take V8's slow generic copy.
  const dynamodb: Partial<DynamoDBStreamRecord['dynamodb']> = {
    ApproximateCreationDateTime: epochSeconds(entry.time),
    Keys: change.keys.item,
  };
  if (newImage) dynamodb.NewImage = newImage.item;
  if (oldImage) dynamodb.OldImage = oldImage.item;
  dynamodb.SequenceNumber = entry.sequenceNumber;
  dynamodb.SizeBytes = size;
  dynamodb.StreamViewType = source.streamViewType;
  const record: DynamoDBStreamRecord = {
    eventID: entry.eventId,
    eventName: entry.eventName,
    eventVersion: prepared.eventVersion,
    eventSource: 'aws:dynamodb',
    awsRegion: source.region,
    dynamodb: dynamodb as DynamoDBStreamRecord['dynamodb'],
    eventSourceARN: prepared.arn,
  };
  if (entry.ttl === true) record.userIdentity = { ...TTL_USER_IDENTITY };
  return { record, jsonBound };
}

/** {@link toDynamoDBStreamRecord} naming `api` in errors, also returning a bound on the record's JSON length. */
export function buildDynamoDBStreamRecord(api: string, parts: DynamoDBStreamRecordParts): BuiltStreamRecord {
  return build(api, 'parts', prepareSource(api, 'parts', parts), parts);
}

/**
 * Maps the parts of one change to a DynamoDB Streams record exactly as Lambda receives it:
 * images per the view-type matrix (numbers in DynamoDB's canonical form), Keys taken from the
 * items, SizeBytes by the item-size formula, the stream ARN with its label, whole-second
 * `ApproximateCreationDateTime`, and the service `userIdentity` on TTL deletions only.
 * Throws {@link EventInputError} on parts DynamoDB could not have produced.
 */
export function toDynamoDBStreamRecord(
  parts: DynamoDBStreamRecordParts,
  api = 'toDynamoDBStreamRecord',
): DynamoDBStreamRecord {
  return buildDynamoDBStreamRecord(api, parts).record;
}

/**
 * Maps one batch of one shard to the event Lambda receives. Besides each record's rules, throws
 * unless the batch holds 1 to 10,000 records, SequenceNumbers strictly increase, and the event
 * fits Lambda's 6 MB payload.
 */
export function toDynamoDBStreamEvent(
  source: DynamoDBStreamSourceParts,
  entries: readonly DynamoDBStreamEntryParts[],
  api = 'toDynamoDBStreamEvent',
  argument = 'entries',
): DynamoDBStreamEvent {
  const prepared = prepareSource(api, 'source', source);
  if (!Array.isArray(entries) || entries.length === 0)
    fail(api, argument, 'must be a non-empty array: Lambda never invokes with an empty DynamoDB Streams batch');
  if (entries.length > MAX_DYNAMODB_BATCH_RECORDS)
    fail(
      api,
      argument,
      `holds ${entries.length} records, over Lambda's DynamoDB Streams batch maximum of ${MAX_DYNAMODB_BATCH_RECORDS}`,
    );
  // Stryker disable next-line ArrayDeclaration: preallocation only; the loop assigns every index
  const Records: DynamoDBStreamRecord[] = new Array(entries.length);
  let bound = 16;
  let previous: string | undefined;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as DynamoDBStreamEntryParts;
    const at = `${argument}[${i}]`;
    const built = build(api, at, prepared, entry);
    if (previous !== undefined && !sequenceAfter(entry.sequenceNumber, previous)) {
      fail(
        api,
        `${at}.sequenceNumber`,
        `${entry.sequenceNumber} is not greater than the previous record's ${previous}: SequenceNumbers strictly increase within a shard`,
      );
    }
    previous = entry.sequenceNumber;
    // Stryker disable next-line ArithmeticOperator: each record's envelope allowance absorbs its comma twice over, so the payload check answers the same
    bound += built.jsonBound + 1;
    Records[i] = built.record;
  }
  const event: DynamoDBStreamEvent = { Records };
  assertLambdaPayload(api, event, bound);
  return event;
}

/** Throws unless the window parts are as Lambda sends them and every entry was written inside the window. */
function checkWindow(
  api: string,
  window: DynamoDBWindowParts,
  entries: readonly DynamoDBStreamEntryParts[],
  argument: string,
): void {
  if (window === null || typeof window !== 'object')
    fail(
      api,
      'window',
      `must be the window parts { shardId, start, end, state, isFinalInvokeForWindow, isWindowTerminatedEarly }, got ${show(window)}`,
    );
  const { shardId } = window;
  // DynamoDB Streams' API gives ShardId a length of 28 to 65 characters.
  if (typeof shardId !== 'string' || shardId.length < 28 || shardId.length > 65)
    fail(
      api,
      'window.shardId',
      `${show(shardId)} is not a DynamoDB Streams shard id (28 to 65 characters, like "shardId-00000001414562045508-2bac9cd2")`,
    );
  checkTumblingWindow(
    api,
    window,
    entries.map((entry) => entry.time.getTime()),
    (i) => `${argument}[${i}].time`,
    'their creation time',
  );
}

/**
 * Maps one batch of a mapping with `TumblingWindowInSeconds` to the event Lambda receives: the
 * records of {@link toDynamoDBStreamEvent} plus `window`, `state`, `shardId`, `eventSourceARN`
 * (the stream ARN), `isFinalInvokeForWindow` and `isWindowTerminatedEarly`. A window's final
 * invocation may carry no records (`Records: []`); any other needs 1 to 10,000.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-windows.html
 */
export function toDynamoDBTumblingWindowEvent(
  source: DynamoDBStreamSourceParts,
  entries: readonly DynamoDBStreamEntryParts[],
  window: DynamoDBWindowParts,
  api = 'toDynamoDBTumblingWindowEvent',
  argument = 'entries',
): DynamoDBTumblingWindowEvent {
  const prepared = prepareSource(api, 'source', source);
  const Records =
    Array.isArray(entries) && entries.length === 0 && window?.isFinalInvokeForWindow === true
      ? []
      : toDynamoDBStreamEvent(source, entries, api, argument).Records;
  checkWindow(api, window, entries, argument);
  const event: DynamoDBTumblingWindowEvent = {
    Records,
    window: { start: isoSeconds(new Date(window.start)), end: isoSeconds(new Date(window.end)) },
    state: window.state,
    shardId: window.shardId,
    eventSourceARN: prepared.arn,
    isFinalInvokeForWindow: window.isFinalInvokeForWindow,
    isWindowTerminatedEarly: window.isWindowTerminatedEarly,
  };
  return event;
}
