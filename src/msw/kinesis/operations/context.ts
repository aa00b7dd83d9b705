/** What every Kinesis operation handler gets, and the helpers several groups share. */
import type { JsonObject } from '../../_internals/input.js';
import type { JsonRequestInfo } from '../../_internals/jsonProtocol.js';
import { kinesisError } from '../errors.js';
import type { StreamRegistry } from '../registry.js';
import type { MockShard, MockStream } from '../stream.js';

/** What the operations need from the service. */
export interface OperationContext {
  readonly registry: StreamRegistry;
  readonly defaultRegion: string;
  nowMs(): number;
}

/** One operation handler. */
export type Operation = (input: JsonObject, info: JsonRequestInfo, context: OperationContext) => unknown;

/** The request's region: its signing region, else the mocks' region. */
export function regionOf(info: JsonRequestInfo, context: OperationContext): string {
  return info.region ?? context.defaultRegion;
}

/** The shard `shardId` of `stream`, or Kinesis's ResourceNotFoundException. */
export function shardOf(stream: MockStream, shardId: string): MockShard {
  const shard = stream.shard(shardId);
  if (shard === undefined)
    throw kinesisError(
      'ResourceNotFoundException',
      `Shard ${shardId} in stream ${stream.name} under account ${stream.account} does not exist`,
    );
  return shard;
}
