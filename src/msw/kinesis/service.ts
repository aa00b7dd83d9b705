/**
 * `createKinesisService`: the state of one in-memory Kinesis (its streams and subscriptions), its
 * msw handler and its test-side API.
 */
import { isoMillis } from '../../_internals/aws.js';
import { EventInputError, fail, show } from '../../_internals/errors.js';
import type { Random } from '../../_internals/random.js';
import {
  assertPartitionKey,
  assertRecordSize,
  resolveRoleArn,
  toKinesisEvent,
  toKinesisTumblingWindowEvent,
  type KinesisStreamEvent,
} from '../../events/kinesis/index.js';
import type { AwsPartition } from '../../_internals/aws.js';
import { AwsServiceError } from '../_internals/awsError.js';
import { createJsonRpcHandler } from '../_internals/jsonProtocol.js';
import type {
  StreamHandler,
  StreamSubscribeOptions,
  StreamSubscription,
  StreamWindowParts,
} from '../_internals/streamDelivery.js';
import { StreamSubscriptions } from '../_internals/streamSubscriptions.js';
import { contextOwnsUrl, contextRandom, type MockContext, type MockService } from '../context.js';
import { ON_DEMAND_SHARDS, StreamRegistry } from './registry.js';
import { HASH_KEY_PATTERN, HASH_SPACE, partitionKeyHash, type MockStream, type StoredKinesisRecord } from './stream.js';
import { KINESIS_PROTOCOL, kinesisOperations } from './wire.js';

/** A stream as the test side sees it. */
export interface KinesisStreamInfo {
  readonly name: string;
  readonly arn: string;
  readonly region: string;
  /** Shards with their hash key ranges (decimal strings, as DescribeStream gives them). */
  readonly shards: readonly { shardId: string; startingHashKey: string; endingHashKey: string }[];
}

/** A record as `mocks.kinesis.records(stream)` shows it (a copy). */
export interface KinesisRecordSnapshot {
  readonly shardId: string;
  readonly sequenceNumber: string;
  readonly partitionKey: string;
  readonly data: Uint8Array;
  readonly approximateArrivalTimestamp: Date;
}

/** Options of `mocks.kinesis.createStream`. */
export interface KinesisCreateStreamOptions {
  /** Provisioned shards (1–1000). Without it the stream is on-demand with 4 shards, as CreateStream does. */
  shardCount?: number;
  /** @defaultValue the mocks' region */
  region?: string;
}

/** Subscription settings: the shared stream settings plus the function's role. */
export interface KinesisSubscribeOptions extends StreamSubscribeOptions {
  /**
   * The function's execution role (`invokeIdentityArn`): a role name or IAM role ARN.
   * @defaultValue `"lambda-kinesis-role"` (as the Kinesis factories)
   */
  role?: string;
}

/** A function subscribed to a stream: receives the Lambda Kinesis event (one shard per batch). */
export type KinesisHandler = StreamHandler<KinesisStreamEvent>;

/** The Kinesis member of `createAwsMocks()`. */
export interface KinesisService extends MockService {
  /** Creates a stream without the SDK (same rules as CreateStream). */
  createStream(name: string, options?: KinesisCreateStreamOptions): KinesisStreamInfo;
  /** Writes one record without the SDK (same rules and shard mapping as PutRecord). */
  putRecord(
    stream: string,
    data: Uint8Array | string,
    partitionKey: string,
    options?: { explicitHashKey?: string },
  ): { shardId: string; sequenceNumber: string };
  /** Every record of the stream (name or ARN), shard by shard, each shard in sequence order. */
  records(stream: string): KinesisRecordSnapshot[];
  /** Subscribes `handler` as a Lambda event source mapping would (see {@link KinesisSubscribeOptions}). */
  subscribe(
    stream: string,
    handler: KinesisHandler,
    options?: KinesisSubscribeOptions,
  ): StreamSubscription<KinesisStreamEvent>;
}

/** Creates the Kinesis service of one `createAwsMocks()` instance. */
export function createKinesisService(context: MockContext): KinesisService {
  const nowMs = (): number => context.clock.now().getTime();
  const registry = new StreamRegistry(context.account, String(context.seed));
  const subscriptions = new StreamSubscriptions(context, 'kinesis', 'kinesis.onFailure');
  let requestIds: Random;
  const seedIds = (): void => {
    requestIds = contextRandom(context, 'kinesis.requestId');
  };
  seedIds();

  const handler = createJsonRpcHandler({
    ...KINESIS_PROTOCOL,
    operations: kinesisOperations({ registry, defaultRegion: context.region, nowMs }),
    isAwsUrl: (url) => contextOwnsUrl(context, url),
    requestId: () => requestIds.uuidV4(),
  });

  const streamOf = (api: string, ref: unknown): MockStream => {
    if (typeof ref !== 'string') fail(api, 'stream', `must be a stream name or ARN, got ${show(ref)}`);
    try {
      return registry.fromRequest(ref.startsWith('arn:') ? { StreamARN: ref } : { StreamName: ref }, context.region);
    } catch (error) {
      if (error instanceof AwsServiceError)
        fail(
          api,
          'stream',
          `${show(ref)} is not a stream of these mocks (create it with mocks.kinesis.createStream or CreateStream first)`,
        );
      throw error;
    }
  };

  return {
    handlers: [handler],

    createStream(name, options = {}) {
      const api = 'mocks.kinesis.createStream';
      if (typeof name !== 'string') fail(api, 'name', `must be a string, got ${show(name)}`);
      if (options === null || typeof options !== 'object')
        fail(api, 'options', `must be an object, got ${show(options)}`);
      let stream: MockStream;
      try {
        stream = registry.create(
          name,
          options.region ?? context.region,
          options.shardCount ?? ON_DEMAND_SHARDS,
          nowMs(),
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
    },

    putRecord(ref, data, partitionKey, options = {}) {
      const api = 'mocks.kinesis.putRecord';
      const stream = streamOf(api, ref);
      const bytes =
        typeof data === 'string'
          ? Buffer.from(data, 'utf8')
          : data instanceof Uint8Array
            ? Buffer.from(data)
            : fail(api, 'data', `must be a string or Uint8Array, got ${show(data)}`);
      assertRecordSize(api, 'data', bytes.byteLength, assertPartitionKey(api, 'partitionKey', partitionKey));
      let hashKey = partitionKeyHash(partitionKey);
      if (options.explicitHashKey !== undefined) {
        if (
          typeof options.explicitHashKey !== 'string' ||
          !HASH_KEY_PATTERN.test(options.explicitHashKey) ||
          BigInt(options.explicitHashKey) >= HASH_SPACE
        ) {
          fail(
            api,
            'options.explicitHashKey',
            `${show(options.explicitHashKey)} is not a decimal hash key from 0 to 2^128 - 1`,
          );
        }
        hashKey = BigInt(options.explicitHashKey);
      }
      const { shard, record } = stream.put(bytes, partitionKey, hashKey, nowMs());
      return { shardId: shard.shardId, sequenceNumber: record.sequenceNumber };
    },

    records(ref) {
      const stream = streamOf('mocks.kinesis.records', ref);
      return stream.shards.flatMap((shard) =>
        shard.records.map((r) => ({
          shardId: shard.shardId,
          sequenceNumber: r.sequenceNumber,
          partitionKey: r.partitionKey,
          data: new Uint8Array(r.data),
          approximateArrivalTimestamp: new Date(r.arrivalMs),
        })),
      );
    },

    subscribe(ref, subscriber, options) {
      const api = 'mocks.kinesis.subscribe';
      const stream = streamOf(api, ref);
      return subscriptions.subscribe(api, subscriber, options, () => {
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
      });
    },

    runDue: () => subscriptions.runDue(),
    nextDueTime: () => subscriptions.nextDueTime(),

    reset() {
      subscriptions.reset();
      registry.clear();
      seedIds();
    },
  };
}
