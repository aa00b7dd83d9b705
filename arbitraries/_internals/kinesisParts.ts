/**
 * The part generators shared by `kinesisRecord` and `kinesisEvent`: they generate plain parts
 * and a timeline, which `.map` through the one Kinesis mapper in `src/events/kinesis`.
 */
import {
  boolean,
  constant,
  constantFrom,
  dictionary,
  integer,
  nat,
  oneof,
  string,
  stringMatching,
  tuple,
  uint8Array,
  type Arbitrary,
} from 'fast-check';
import { partitionOfRegion } from '../../src/_internals/aws.js';
import { LAMBDA_PAYLOAD_LIMIT, utf8Length } from '../../src/_internals/limits.js';
import type { JsonValue } from '../../src/_internals/json.js';
import { fail, show } from '../../src/_internals/errors.js';
import { isPlainObject } from '../../src/_internals/objects.js';
import { kinesisDataBytes, type KinesisData } from '../../src/events/kinesis/data.js';
import { alignedWindow, MAX_TUMBLING_WINDOW_SECONDS } from '../../src/_internals/tumblingWindow.js';
import { kinesisRecordJsonBound, kinesisStreamArn, toKinesisRecord } from '../../src/events/kinesis/mapper.js';
import {
  encodeKinesisSequenceNumber,
  firstKinesisCounter,
  MAX_COUNTER_OFFSET,
  MAX_COUNTER_STEP,
} from '../../src/events/kinesis/sequenceNumber.js';
import { assertShardId, formatShardId, MAX_SHARD_INDEX, shardIndexOf } from '../../src/events/kinesis/shardId.js';
import type {
  KinesisDataParts,
  KinesisEncryptionType,
  KinesisSourceParts,
  KinesisWindowParts,
} from '../../src/events/kinesis/types.js';
import {
  assertPartitionKey,
  assertStreamName,
  MAX_KINESIS_BATCH_RECORDS,
  MAX_RECORD_SIZE,
  resolveRoleArn,
} from '../../src/events/kinesis/validate.js';
import { assertAccount, assertRegion } from '../../src/_internals/aws.js';
import { awsAccountId } from '../awsAccountId.js';
import { awsRegion } from '../awsRegion.js';
import { jsonPayload } from '../jsonPayload.js';
import { fakerValue } from './faker.js';
import { check, pinned, type Pin } from './pin.js';

/** What a Kinesis record's data is drawn as. */
export type KinesisDataKind = 'json' | 'text' | 'bytes';

/** Constraints on the source (stream, shard, consumer) of Kinesis records. */
export interface KinesisSourceConstraints {
  /**
   * The stream name, or an arbitrary of names.
   * @defaultValue realistic names (`orders-stream`) mixed with any valid name up to 128 characters
   */
  stream?: Pin<string>;
  /**
   * The shard id, or an arbitrary of shard ids.
   * @defaultValue `shardId-` + 12 digits, mostly low shard numbers
   */
  shardId?: Pin<string>;
  /**
   * The region, or an arbitrary of regions.
   * @defaultValue `awsRegion({ partitions: ['aws', 'aws-cn', 'aws-us-gov'] })`
   */
  region?: Pin<string>;
  /**
   * The account, or an arbitrary of accounts.
   * @defaultValue `awsAccountId()`
   */
  account?: Pin<string>;
  /**
   * `kinesis.encryptionType` of every record; `undefined` leaves the field out.
   * @defaultValue `undefined` (no field, as in the Lambda docs and real captures)
   */
  encryptionType?: Pin<KinesisEncryptionType | undefined>;
  /**
   * What record data is drawn as: JSON (`jsonPayload`), UTF-8 text, raw bytes, or an arbitrary of
   * bytes / JSON values of your own (strings are sent as UTF-8 text).
   * @defaultValue a mix of all three, with empty data on purpose (unless only `'json'` is asked for)
   */
  data?: KinesisDataKind | readonly KinesisDataKind[] | Arbitrary<Uint8Array | JsonValue>;
  /**
   * The partition key, or an arbitrary of keys (1 to 256 characters).
   * @defaultValue UUIDs, 32-hex keys and any Unicode string of 1 to 256 characters
   */
  partitionKey?: Pin<string>;
  /**
   * Whether a record of (almost exactly) 1 MiB, data plus key, comes now and then (its data is a
   * long JSON string, so it suits every data kind).
   * @defaultValue `true`, unless `data` is an arbitrary of your own
   */
  largeData?: boolean;
}

// @__NO_SIDE_EFFECTS__
function streamName(): Arbitrary<string> {
  return oneof(
    {
      arbitrary: fakerValue((f) =>
        `${f.word.adjective()}-${f.word.noun()}-${f.helpers.arrayElement(['stream', 'events', 'ingest', 'cdc', 'logs'])}`.replace(
          /[^a-zA-Z0-9_.-]/g,
          '',
        ),
      ),
      weight: 4,
    },
    { arbitrary: stringMatching(/^[a-zA-Z0-9_.-]{1,128}$/), weight: 1 },
    { arbitrary: constant('a'.repeat(128)), weight: 1 },
  ).map((name) => (name.length === 0 ? 'stream' : name.slice(0, 128)));
}

// @__NO_SIDE_EFFECTS__
function defaultPartitionKey(): Arbitrary<string> {
  return oneof(
    { arbitrary: fakerValue((f) => f.string.uuid()), weight: 3 },
    { arbitrary: fakerValue((f) => f.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' })), weight: 2 },
    { arbitrary: string({ unit: 'binary', minLength: 1, maxLength: 256 }), weight: 2 },
    { arbitrary: constantFrom('1', 'a'.repeat(256), '😀'.repeat(256)), weight: 1 },
  );
}

const encoder = new TextEncoder();

// @__NO_SIDE_EFFECTS__
function dataArbitrary(name: string, data: KinesisSourceConstraints['data'], tiny: boolean): Arbitrary<Uint8Array> {
  if (data !== undefined && typeof data === 'object' && !Array.isArray(data))
    return (data as Arbitrary<Uint8Array | JsonValue>).map((value) => kinesisDataBytes(name, 'data', value));
  const kinds =
    data === undefined
      ? (['json', 'text', 'bytes'] as const)
      : typeof data === 'string'
        ? [data]
        : (data as readonly KinesisDataKind[]);
  if (kinds.length === 0) throw new TypeError(`${name}: data must name at least one kind ('json', 'text' or 'bytes')`);
  // Tiny values fill the largest batches, where every byte counts against 6 MB.
  const byKind = tiny
    ? {
        json: constantFrom('0', 'null', '{}', '[]', '"x"', 'true').map((v) => encoder.encode(v)),
        text: string({ unit: 'binary', maxLength: 4 }).map((s) => encoder.encode(s)),
        bytes: uint8Array({ maxLength: 4 }),
      }
    : {
        json: jsonPayload().map((v) => encoder.encode(JSON.stringify(v))),
        text: string({ unit: 'binary' }).map((s) => encoder.encode(s)),
        bytes: uint8Array({ maxLength: 512 }),
      };
  const arbitraries = kinds.map((kind) => {
    const arbitrary = byKind[kind];
    if (arbitrary === undefined)
      throw new TypeError(`${name}: data holds ${JSON.stringify(kind)}, which is not 'json', 'text' or 'bytes'`);
    return { arbitrary, weight: 4 };
  });
  // Empty data is a hard case of text and bytes, but not JSON.
  if (kinds.every((kind) => kind === 'json')) return oneof(...arbitraries);
  return oneof(...arbitraries, { arbitrary: constant(new Uint8Array(0)), weight: 1 });
}

/** The source parts of a batch. */
// @__NO_SIDE_EFFECTS__
export function kinesisSourceParts(name: string, c: KinesisSourceConstraints): Arbitrary<KinesisSourceParts> {
  return tuple(
    pinned(name, 'stream', c.stream, streamName(), check(assertStreamName)),
    pinned(
      name,
      'shardId',
      c.shardId,
      oneof({ arbitrary: nat(15), weight: 5 }, { arbitrary: integer({ min: 0, max: MAX_SHARD_INDEX }), weight: 1 }).map(
        formatShardId,
      ),
      check(assertShardId),
    ),
    pinned(name, 'region', c.region, awsRegion({ partitions: ['aws', 'aws-cn', 'aws-us-gov'] }), check(assertRegion)),
    pinned(name, 'account', c.account, awsAccountId(), check(assertAccount)),
    oneof(constant('lambda-kinesis-role'), stringMatching(/^[\w+=,.@-]{1,64}$/)),
    pinned<KinesisEncryptionType | undefined>(name, 'encryptionType', c.encryptionType, constant(undefined)),
  ).map(([streamName, shardId, region, account, role, encryptionType]) => {
    const partition = partitionOfRegion(region);
    return {
      streamName,
      region,
      account,
      partition,
      shardId,
      invokeIdentityArn: resolveRoleArn(name, 'role', role, partition, account),
      encryptionType,
    };
  });
}

/** One record before the timeline is applied: its data, key, counter step and arrival gap. */
export interface KinesisRecordDraft {
  data: Uint8Array;
  partitionKey: string;
  step: number;
  gapMs: number;
}

/** An entry of `kinesisEvent({ records })`, checked: its data as bytes and its partition key if given. */
export interface PinnedKinesisRecord {
  readonly data: Uint8Array;
  readonly partitionKey: string | undefined;
}

/**
 * Checks the entries of `kinesisEvent({ records })` (`name`) as given: never cut or rewritten.
 * Throws an EventInputError (a TypeError) naming the arbitrary and the entry for an empty batch,
 * one over Lambda's batch size, data that is not JSON, a bad partition key, or a record over
 * Kinesis's 1 MiB (data plus partition key).
 */
export function pinnedKinesisRecords(name: string, list: unknown): PinnedKinesisRecord[] {
  if (!Array.isArray(list)) fail(name, 'records', `must be an array of records, got ${show(list)}`);
  if (list.length === 0) fail(name, 'records', 'is empty; Lambda never invokes a function with an empty Kinesis batch');
  if (list.length > MAX_KINESIS_BATCH_RECORDS)
    fail(
      name,
      'records',
      `has ${list.length} records; Lambda's Kinesis batch size limit is ${MAX_KINESIS_BATCH_RECORDS}`,
    );
  return list.map((entry: unknown, index): PinnedKinesisRecord => {
    const at = `records[${index}]`;
    const form = isPlainObject(entry) && Object.hasOwn(entry, 'data');
    const data = kinesisDataBytes(
      name,
      form ? `${at}.data` : at,
      (form ? (entry as { data: unknown }).data : entry) as KinesisData,
    );
    const partitionKey = form ? (entry as { partitionKey?: unknown }).partitionKey : undefined;
    if (partitionKey !== undefined) assertPartitionKey(name, `${at}.partitionKey`, partitionKey);
    const size = data.length + (partitionKey === undefined ? 1 : utf8Length(partitionKey as string));
    if (size > MAX_RECORD_SIZE)
      fail(name, at, `is ${size} bytes (data and partition key); a Kinesis record holds at most ${MAX_RECORD_SIZE}`);
    return { data, partitionKey: partitionKey as string | undefined };
  });
}

/** Drafts of records (with `tiny` data for full batches). */
// @__NO_SIDE_EFFECTS__
export function kinesisRecordDraft(
  name: string,
  c: KinesisSourceConstraints,
  tiny = false,
): Arbitrary<KinesisRecordDraft> {
  return tuple(
    dataArbitrary(name, c.data, tiny),
    pinned(name, 'partitionKey', c.partitionKey, defaultPartitionKey(), check(assertPartitionKey)),
    integer({ min: 1, max: MAX_COUNTER_STEP }),
    oneof(
      { arbitrary: integer({ min: 0, max: 5 }), weight: 4 },
      { arbitrary: integer({ min: 0, max: 1000 }), weight: 1 },
    ),
  ).map(([data, partitionKey, step, gapMs]) => ({ data, partitionKey, step, gapMs }));
}

/**
 * A draft whose data fills the record to 1 MiB minus `slack` bytes. The data is a JSON string
 * (`"xxxx…"`), so it is valid whichever data kind was asked for.
 */
export function largeDraft(draft: KinesisRecordDraft, slack: number, fill: number): KinesisRecordDraft {
  const size = Math.max(2, MAX_RECORD_SIZE - utf8Length(draft.partitionKey) - slack);
  const data = new Uint8Array(size).fill(0x61 + (fill % 26));
  data[0] = 0x22;
  data[size - 1] = 0x22;
  return { ...draft, data };
}

/** The hard-case arbitrary: whether (and how) one record becomes 1 MiB. */
// @__NO_SIDE_EFFECTS__
export function largeChoice(enabled: boolean): Arbitrary<{ slack: number; fill: number } | undefined> {
  if (!enabled) return constant(undefined);
  return oneof(
    { arbitrary: constant(undefined), weight: 30 },
    { arbitrary: tuple(nat(64), nat(255)).map(([slack, fill]) => ({ slack, fill })), weight: 1 },
  );
}

/** When a shard was created and when its first record of the batch arrived. */
export interface KinesisTimeline {
  createdAtSeconds: number;
  firstArrivalMs: number;
  counterOffset: number;
}

// Shards created 2015–2096; 32-bit seconds in sequence numbers last until 2106.
// @__NO_SIDE_EFFECTS__
export function kinesisTimeline(): Arbitrary<KinesisTimeline> {
  return tuple(integer({ min: 1_420_070_400, max: 4_000_000_000 }), nat(30 * 86_400_000), nat(MAX_COUNTER_OFFSET)).map(
    ([createdAtSeconds, delay, counterOffset]) => ({
      createdAtSeconds,
      firstArrivalMs: createdAtSeconds * 1000 + delay,
      counterOffset,
    }),
  );
}

/** Lays drafts on the shard's timeline: sequence numbers and arrival times (capped at `lastArrivalMs`). */
export function toDataParts(
  source: KinesisSourceParts,
  timeline: KinesisTimeline,
  drafts: readonly KinesisRecordDraft[],
  lastArrivalMs = Infinity,
): KinesisDataParts[] {
  const shardIndex = shardIndexOf(source.shardId);
  let counter = firstKinesisCounter(timeline.createdAtSeconds, shardIndex, timeline.counterOffset);
  let arrival = Math.min(timeline.firstArrivalMs, lastArrivalMs);
  return drafts.map((draft, i) => {
    if (i > 0) {
      counter += BigInt(draft.step);
      arrival = Math.min(arrival + draft.gapMs, lastArrivalMs);
    }
    const sequenceNumber = encodeKinesisSequenceNumber({
      shardCreatedAtSeconds: timeline.createdAtSeconds,
      shardIndex,
      counter,
      timestampSeconds: Math.floor(arrival / 1000),
    });
    return { data: draft.data, partitionKey: draft.partitionKey, sequenceNumber, arrivalTime: arrival };
  });
}

/**
 * Cuts a batch where Lambda would: at the last record that keeps the event within 6 MB.
 * Exact sizes are measured only when the cheap bound says the batch might not fit.
 */
export function fitLambdaPayload(source: KinesisSourceParts, parts: KinesisDataParts[]): KinesisDataParts[] {
  const streamArn = kinesisStreamArn(source.partition, source.region, source.account, source.streamName);
  let bound = 0;
  for (const p of parts) bound += kinesisRecordJsonBound(source, streamArn, p);
  if (bound <= LAMBDA_PAYLOAD_LIMIT) return parts;
  let size = '{"Records":[]}'.length;
  for (let i = 0; i < parts.length; i++) {
    size +=
      utf8Length(JSON.stringify(toKinesisRecord({ ...source, ...(parts[i] as KinesisDataParts) }))) + (i > 0 ? 1 : 0);
    if (size > LAMBDA_PAYLOAD_LIMIT) return parts.slice(0, Math.max(1, i));
  }
  return parts;
}

/** Tumbling-window draft: window length, state and flags. */
export interface KinesisWindowDraft {
  seconds: number;
  state: { [key: string]: JsonValue };
  isFinalInvokeForWindow: boolean;
  isWindowTerminatedEarly: boolean;
}

// @__NO_SIDE_EFFECTS__
export function kinesisWindowDraft(): Arbitrary<KinesisWindowDraft> {
  return tuple(
    oneof(
      integer({ min: 1, max: MAX_TUMBLING_WINDOW_SECONDS }),
      constantFrom(60, 120, 300, MAX_TUMBLING_WINDOW_SECONDS),
    ),
    oneof(
      { arbitrary: constant({}), weight: 2 },
      { arbitrary: dictionary(string({ maxLength: 8 }), jsonPayload({ maxDepth: 1 }), { maxKeys: 4 }), weight: 3 },
    ),
    boolean(),
    boolean(),
    // Lambda flags an early end on a window's final invocation only.
  ).map(([seconds, state, isFinalInvokeForWindow, endedEarly]) => ({
    seconds,
    state: state as { [key: string]: JsonValue },
    isFinalInvokeForWindow,
    isWindowTerminatedEarly: isFinalInvokeForWindow && endedEarly,
  }));
}

/** The aligned window of `draft.seconds` holding `firstArrivalMs`. */
export function windowParts(draft: KinesisWindowDraft, firstArrivalMs: number): KinesisWindowParts {
  const { start, end } = alignedWindow(firstArrivalMs, draft.seconds);
  return {
    start,
    end,
    state: draft.state,
    isFinalInvokeForWindow: draft.isFinalInvokeForWindow,
    isWindowTerminatedEarly: draft.isWindowTerminatedEarly,
  };
}
