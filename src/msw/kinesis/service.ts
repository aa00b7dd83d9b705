/**
 * `createKinesisService`: the public interface of the in-memory Kinesis and a short factory wiring
 * its state (`state.ts`), JSON protocol handler (`wire.ts`) and test side (`testSide.ts`).
 */
import type { KinesisStreamEvent } from '../../events/kinesis/index.js';
import { createJsonRpcHandler } from '../_internals/jsonProtocol.js';
import type { StreamHandler, StreamSubscribeOptions, StreamSubscription } from '../_internals/streamDelivery.js';
import { contextOwnsUrl, type MockContext, type MockService } from '../context.js';
import { createKinesisState, nowMs, resetKinesisState } from './state.js';
import * as testSide from './testSide.js';
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
  const state = createKinesisState(context);
  const handler = createJsonRpcHandler({
    ...KINESIS_PROTOCOL,
    operations: kinesisOperations({
      registry: state.registry,
      defaultRegion: context.region,
      nowMs: () => nowMs(state),
    }),
    isAwsUrl: (url) => contextOwnsUrl(context, url),
    requestId: () => state.requestIds.uuidV4(),
  });
  return {
    handlers: [handler],
    createStream: (name, options) => testSide.createStream(state, name, options),
    putRecord: (stream, data, partitionKey, options) => testSide.putRecord(state, stream, data, partitionKey, options),
    records: (stream) => testSide.records(state, stream),
    subscribe: (stream, subscriber, options) => testSide.subscribe(state, stream, subscriber, options),
    runDue: () => state.subscriptions.runDue(),
    nextDueTime: () => state.subscriptions.nextDueTime(),
    reset: () => resetKinesisState(state),
  };
}
