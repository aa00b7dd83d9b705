/**
 * Kinesis's protocol: JSON 1.1 (`x-amz-target: Kinesis_20131202.<Operation>`), and the operations
 * it answers, each a handler in `operations/`, with the limits and error types of the Kinesis API
 * reference: 1 MiB of data per record, 500 records and 5 MiB per PutRecords, 10,000 records or
 * 10 MiB per GetRecords, iterators valid for 5 minutes.
 */
import type { JsonOperation, JsonServiceSpec } from '../_internals/jsonProtocol.js';
import type { OperationContext } from './operations/context.js';
import { GetRecords, GetShardIterator, PutRecord, PutRecords } from './operations/records.js';
import {
  CreateStream,
  DeleteStream,
  DescribeStream,
  DescribeStreamSummary,
  ListShards,
  ListStreams,
} from './operations/streams.js';

/** How Kinesis frames its JSON-RPC requests and answers. */
export const KINESIS_PROTOCOL = {
  service: 'Kinesis',
  targetPrefix: 'Kinesis_20131202',
  contentType: 'application/x-amz-json-1.1',
} as const satisfies Partial<JsonServiceSpec>;

const OPERATIONS = {
  CreateStream,
  DeleteStream,
  DescribeStream,
  DescribeStreamSummary,
  ListStreams,
  ListShards,
  PutRecord,
  PutRecords,
  GetShardIterator,
  GetRecords,
} as const;

/** The Kinesis operations, bound to one service's state. */
export function kinesisOperations(context: OperationContext): Record<string, JsonOperation> {
  const out: Record<string, JsonOperation> = {};
  for (const [name, operation] of Object.entries(OPERATIONS))
    out[name] = (input, info) => operation(input, info, context);
  return out;
}
