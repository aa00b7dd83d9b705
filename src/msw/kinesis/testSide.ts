/**
 * The test-side Kinesis API (`mocks.kinesis.createStream`, `putRecord` …): one function per call,
 * on an explicit state, with the same rules as the SDK operations and `EventInputError`s naming
 * the call.
 */
import { isoMillis, type AwsPartition } from '../../_internals/aws.js';
import { EventInputError, fail, show } from '../../_internals/errors.js';
import {
  assertPartitionKey,
  assertRecordSize,
  resolveRoleArn,
  toKinesisEvent,
  toKinesisTumblingWindowEvent,
  type KinesisStreamEvent,
} from '../../events/kinesis/index.js';
import { AwsServiceError } from '../_internals/awsError.js';
import type { StreamSource, StreamSubscription, StreamWindowParts } from '../_internals/streamDelivery.js';
import { ON_DEMAND_SHARDS } from './registry.js';
import type {
  KinesisCreateStreamOptions,
  KinesisHandler,
  KinesisRecordSnapshot,
  KinesisStreamInfo,
  KinesisSubscribeOptions,
} from './service.js';
import { nowMs, type KinesisState } from './state.js';
import { HASH_KEY_PATTERN, HASH_SPACE, partitionKeyHash, type MockStream, type StoredKinesisRecord } from './stream.js';

/** The stream a test-side call names; `EventInputError` when it is not a name or ARN of a stream. */
function streamOf(state: KinesisState, api: string, ref: unknown): MockStream {
  if (typeof ref !== 'string') fail(api, 'stream', `must be a stream name or ARN, got ${show(ref)}`);
  try {
    return state.registry.fromRequest(
      ref.startsWith('arn:') ? { StreamARN: ref } : { StreamName: ref },
      state.context.region,
    );
  } catch (error) {
    if (error instanceof AwsServiceError)
      fail(
        api,
        'stream',
        `${show(ref)} is not a stream of these mocks (create it with mocks.kinesis.createStream or CreateStream first)`,
      );
    throw error;
  }
}

/** `mocks.kinesis.createStream`: CreateStream's rules; on-demand with 4 shards without `shardCount`. */
export function createStream(
  state: KinesisState,
  name: string,
  options: KinesisCreateStreamOptions = {},
): KinesisStreamInfo {
  const api = 'mocks.kinesis.createStream';
  if (typeof name !== 'string') fail(api, 'name', `must be a string, got ${show(name)}`);
  if (options === null || typeof options !== 'object') fail(api, 'options', `must be an object, got ${show(options)}`);
  let stream: MockStream;
  try {
    stream = state.registry.create(
      name,
      options.region ?? state.context.region,
      options.shardCount ?? ON_DEMAND_SHARDS,
      nowMs(state),
      options.shardCount === undefined,
    );
  } catch (error) {
    if (error instanceof AwsServiceError)
      throw new EventInputError(api, 'name', `was rejected by Kinesis: ${error.code}: ${error.message}`);
    throw error;
  }
  return {
    name: stream.name,
    arn: stream.arn,
    region: stream.region,
    shards: stream.shards.map((s) => ({
      shardId: s.shardId,
      startingHashKey: s.startingHashKey.toString(),
      endingHashKey: s.endingHashKey.toString(),
    })),
  };
}

/** `mocks.kinesis.putRecord`: PutRecord's rules and shard mapping. */
export function putRecord(
  state: KinesisState,
  ref: string,
  data: Uint8Array | string,
  partitionKey: string,
  options: { explicitHashKey?: string } = {},
): { shardId: string; sequenceNumber: string } {
  const api = 'mocks.kinesis.putRecord';
  const stream = streamOf(state, api, ref);
  const bytes =
    typeof data === 'string'
      ? Buffer.from(data, 'utf8')
      : data instanceof Uint8Array
        ? Buffer.from(data)
        : fail(api, 'data', `must be a string or Uint8Array, got ${show(data)}`);
  assertRecordSize(api, 'data', bytes.byteLength, assertPartitionKey(api, 'partitionKey', partitionKey));
  const hashKey =
    options.explicitHashKey === undefined
      ? partitionKeyHash(partitionKey)
      : explicitHashKey(api, options.explicitHashKey);
  const { shard, record } = stream.put(bytes, partitionKey, hashKey, nowMs(state));
  return { shardId: shard.shardId, sequenceNumber: record.sequenceNumber };
}

/** An `explicitHashKey` option as a hash key: a decimal string from 0 to 2^128 - 1. */
function explicitHashKey(api: string, given: unknown): bigint {
  if (typeof given !== 'string' || !HASH_KEY_PATTERN.test(given) || BigInt(given) >= HASH_SPACE) {
    fail(api, 'options.explicitHashKey', `${show(given)} is not a decimal hash key from 0 to 2^128 - 1`);
  }
  return BigInt(given);
}

/** `mocks.kinesis.records`: every record, shard by shard (copies). */
export function records(state: KinesisState, ref: string): KinesisRecordSnapshot[] {
  const stream = streamOf(state, 'mocks.kinesis.records', ref);
  return stream.shards.flatMap((shard) =>
    shard.records.map((r) => ({
      shardId: shard.shardId,
      sequenceNumber: r.sequenceNumber,
      partitionKey: r.partitionKey,
      data: new Uint8Array(r.data),
      approximateArrivalTimestamp: new Date(r.arrivalMs),
    })),
  );
}

/** `mocks.kinesis.subscribe`: a Lambda event source mapping of the stream. */
export function subscribe(
  state: KinesisState,
  ref: string,
  subscriber: KinesisHandler,
  options?: KinesisSubscribeOptions,
): StreamSubscription<KinesisStreamEvent> {
  const api = 'mocks.kinesis.subscribe';
  const stream = streamOf(state, api, ref);
  return state.subscriptions.subscribe(api, subscriber, options, () => streamSource(api, stream, options));
}

/** The stream as a subscription polls it, its batches built by the Kinesis family's mappers. */
function streamSource(
  api: string,
  stream: MockStream,
  options: KinesisSubscribeOptions | undefined,
): StreamSource<StoredKinesisRecord, KinesisStreamEvent> {
  const invokeIdentityArn = resolveRoleArn(
    api,
    'options.role',
    options?.role ?? 'lambda-kinesis-role',
    stream.partition as AwsPartition,
    stream.account,
  );
  // The batch's coordinates and records as the family's mappers take them.
  const coordinates = (shardId: string) => ({
    streamName: stream.name,
    region: stream.region,
    account: stream.account,
    partition: stream.partition as AwsPartition,
    shardId,
    invokeIdentityArn,
  });
  const records = (entries: readonly StoredKinesisRecord[]) =>
    entries.map((e) => ({
      data: e.data,
      partitionKey: e.partitionKey,
      sequenceNumber: e.sequenceNumber,
      arrivalTime: e.arrivalMs,
    }));
  return {
    streamArn: stream.arn,
    region: stream.region,
    account: stream.account,
    partition: stream.partition,
    batchInfoKey: 'KinesisBatchInfo' as const,
    arrivalIso: (ms: number) => isoMillis(new Date(ms)),
    shards: () => stream.shards,
    alive: () => !stream.deleted,
    orderingKey: (e: StoredKinesisRecord) => e.partitionKey,
    toEvent: (shardId: string, entries: readonly StoredKinesisRecord[]): KinesisStreamEvent =>
      toKinesisEvent(coordinates(shardId), records(entries), api),
    toWindowEvent: (
      shardId: string,
      entries: readonly StoredKinesisRecord[],
      window: StreamWindowParts,
    ): KinesisStreamEvent => toKinesisTumblingWindowEvent(coordinates(shardId), records(entries), window, api),
  };
}
