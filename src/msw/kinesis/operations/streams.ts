/** The stream operations: create, delete, describe, list streams and shards. */
import { readInteger, readObject, readString } from '../../_internals/input.js';
import { constraintViolation, invalidArgument, KINESIS_INPUT_ERRORS } from '../errors.js';
import { ON_DEMAND_SHARDS } from '../registry.js';
import type { MockShard, MockStream } from '../stream.js';
import { regionOf, type Operation } from './context.js';

function shardJson(shard: MockShard): Record<string, unknown> {
  return {
    ShardId: shard.shardId,
    HashKeyRange: { StartingHashKey: shard.startingHashKey.toString(), EndingHashKey: shard.endingHashKey.toString() },
    SequenceNumberRange: { StartingSequenceNumber: shard.startingSequenceNumber },
  };
}

function modeDetails(stream: MockStream): { StreamMode: string } {
  return { StreamMode: stream.onDemand ? 'ON_DEMAND' : 'PROVISIONED' };
}

/** CreateStream: provisioned with `ShardCount`, else on-demand. */
export const CreateStream: Operation = (input, info, context) => {
  const name = readString(input, 'StreamName', KINESIS_INPUT_ERRORS, true);
  const mode = readObject(input, 'StreamModeDetails', KINESIS_INPUT_ERRORS);
  const modeName = mode === undefined ? undefined : readString(mode, 'StreamMode', KINESIS_INPUT_ERRORS, true);
  if (modeName !== undefined && modeName !== 'PROVISIONED' && modeName !== 'ON_DEMAND') {
    throw constraintViolation(
      'streamModeDetails.streamMode',
      `'${modeName}'`,
      'must satisfy enum value set: [PROVISIONED, ON_DEMAND]',
    );
  }
  const count = readInteger(input, 'ShardCount', KINESIS_INPUT_ERRORS);
  if (modeName === 'ON_DEMAND' && count !== undefined)
    throw invalidArgument('ShardCount is not supported for streams in ON_DEMAND mode.');
  if (modeName === 'PROVISIONED' && count === undefined)
    throw invalidArgument('ShardCount is required for streams in PROVISIONED mode.');
  // Without either, CreateStream makes an on-demand stream.
  const onDemand = modeName === 'ON_DEMAND' || (modeName === undefined && count === undefined);
  context.registry.create(name, regionOf(info, context), count ?? ON_DEMAND_SHARDS, context.nowMs(), onDemand);
  return {};
};

/** DeleteStream: its subscriptions stop. */
export const DeleteStream: Operation = (input, info, context) => {
  context.registry.delete(context.registry.fromRequest(input, regionOf(info, context)));
  return {};
};

/** DescribeStream: the stream and a page of its shards. */
export const DescribeStream: Operation = (input, info, context) => {
  const stream = context.registry.fromRequest(input, regionOf(info, context));
  const limit = readInteger(input, 'Limit', KINESIS_INPUT_ERRORS) ?? 100;
  if (limit < 1 || limit > 10_000)
    throw constraintViolation('limit', String(limit), 'must have value between 1 and 10000');
  const after = readString(input, 'ExclusiveStartShardId', KINESIS_INPUT_ERRORS);
  let shards = stream.shards;
  if (after !== undefined) shards = shards.filter((shard) => shard.shardId > after);
  return {
    StreamDescription: {
      StreamName: stream.name,
      StreamARN: stream.arn,
      StreamStatus: 'ACTIVE',
      StreamModeDetails: modeDetails(stream),
      Shards: shards.slice(0, limit).map(shardJson),
      HasMoreShards: shards.length > limit,
      RetentionPeriodHours: 24,
      StreamCreationTimestamp: stream.createdMs / 1000,
      EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
      EncryptionType: 'NONE',
    },
  };
};

/** DescribeStreamSummary. */
export const DescribeStreamSummary: Operation = (input, info, context) => {
  const stream = context.registry.fromRequest(input, regionOf(info, context));
  return {
    StreamDescriptionSummary: {
      StreamName: stream.name,
      StreamARN: stream.arn,
      StreamStatus: 'ACTIVE',
      StreamModeDetails: modeDetails(stream),
      RetentionPeriodHours: 24,
      StreamCreationTimestamp: stream.createdMs / 1000,
      EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
      EncryptionType: 'NONE',
      OpenShardCount: stream.shards.length,
      ConsumerCount: 0,
    },
  };
};

/** ListStreams: the region's streams by name, paged. */
export const ListStreams: Operation = (input, info, context) => {
  const region = regionOf(info, context);
  const limit = readInteger(input, 'Limit', KINESIS_INPUT_ERRORS) ?? 100;
  const after = readString(input, 'ExclusiveStartStreamName', KINESIS_INPUT_ERRORS);
  const streams = context.registry
    .all()
    .filter((s) => s.region === region && (after === undefined || s.name > after))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const page = streams.slice(0, limit);
  return {
    StreamNames: page.map((s) => s.name),
    HasMoreStreams: streams.length > limit,
    StreamSummaries: page.map((s) => ({
      StreamName: s.name,
      StreamARN: s.arn,
      StreamStatus: 'ACTIVE',
      StreamModeDetails: modeDetails(s),
      StreamCreationTimestamp: s.createdMs / 1000,
    })),
  };
};

/** ListShards: a page of shards, by stream or by `NextToken`. */
export const ListShards: Operation = (input, info, context) => {
  const token = readString(input, 'NextToken', KINESIS_INPUT_ERRORS);
  const max = readInteger(input, 'MaxResults', KINESIS_INPUT_ERRORS) ?? 1000;
  if (max < 1 || max > 10_000)
    throw constraintViolation('maxResults', String(max), 'must have value between 1 and 10000');
  let stream: MockStream;
  let start = 0;
  if (token !== undefined) {
    if (input['StreamName'] !== undefined || input['StreamARN'] !== undefined)
      throw invalidArgument('NextToken and StreamName/StreamARN cannot be provided together.');
    const [region, name, offset] = Buffer.from(token, 'base64').toString('utf8').split('\u0000');
    const found = region !== undefined && name !== undefined ? context.registry.find(region, name) : undefined;
    if (found === undefined || !/^\d+$/.test(offset ?? '')) throw invalidArgument(`Invalid NextToken: ${token}`);
    stream = found;
    start = Number(offset);
  } else {
    stream = context.registry.fromRequest(input, regionOf(info, context));
    const after = readString(input, 'ExclusiveStartShardId', KINESIS_INPUT_ERRORS);
    if (after !== undefined) start = stream.shards.filter((shard) => shard.shardId <= after).length;
  }
  const page = stream.shards.slice(start, start + max);
  const out: Record<string, unknown> = { Shards: page.map(shardJson) };
  if (start + max < stream.shards.length)
    out['NextToken'] = Buffer.from(`${stream.region}\u0000${stream.name}\u0000${start + max}`).toString('base64');
  return out;
};
