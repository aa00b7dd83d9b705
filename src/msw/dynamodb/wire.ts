/**
 * DynamoDB's protocols: JSON 1.0 for DynamoDB (`x-amz-target: DynamoDB_20120810.<Operation>`) and
 * for DynamoDB Streams (`DynamoDBStreams_20120810.<Operation>` on `streams.dynamodb.<region>`),
 * and the operations each answers, one handler each, by group: tables (`operations/tables.ts`),
 * single items (`items.ts`), Query and Scan (`read.ts`), batches (`batch.ts`), transactions
 * (`transact.ts`) and the stream reads (`streams.ts`).
 */
import type { JsonOperation, JsonServiceSpec } from '../_internals/jsonProtocol.js';
import { type DynamoDBOperationContext, type DynamoDBWireContext } from './operations/context.js';
import { BatchGetItem, BatchWriteItem } from './operations/batch.js';
import { DeleteItem, GetItem, PutItem, UpdateItem } from './operations/items.js';
import { Query, Scan } from './operations/read.js';
import {
  DescribeStream,
  GetRecords,
  GetShardIterator,
  ListStreams,
  type StreamsWireContext,
} from './operations/streams.js';
import {
  CreateTable,
  DeleteTable,
  DescribeTable,
  DescribeTimeToLive,
  ListTables,
  UpdateTable,
  UpdateTimeToLive,
} from './operations/tables.js';
import { TransactGetItems, TransactWriteItems } from './operations/transact.js';

export type { DynamoDBWireContext } from './operations/context.js';

/** How DynamoDB frames its JSON-RPC requests and answers. */
export const DYNAMODB_PROTOCOL = {
  service: 'DynamoDB',
  targetPrefix: 'DynamoDB_20120810',
  contentType: 'application/x-amz-json-1.0',
} as const satisfies Partial<JsonServiceSpec>;

/** How DynamoDB Streams frames its JSON-RPC requests and answers. */
export const DYNAMODB_STREAMS_PROTOCOL = {
  service: 'DynamoDB Streams',
  targetPrefix: 'DynamoDBStreams_20120810',
  contentType: 'application/x-amz-json-1.0',
} as const satisfies Partial<JsonServiceSpec>;

const OPERATIONS = {
  CreateTable,
  DescribeTable,
  DeleteTable,
  ListTables,
  UpdateTable,
  UpdateTimeToLive,
  DescribeTimeToLive,
  PutItem,
  GetItem,
  UpdateItem,
  DeleteItem,
  Query,
  Scan,
  BatchGetItem,
  BatchWriteItem,
  TransactWriteItems,
  TransactGetItems,
} as const;

const STREAMS_OPERATIONS = { ListStreams, DescribeStream, GetShardIterator, GetRecords } as const;

/** The DynamoDB operations, bound to one service's tables. */
export function dynamoDBOperations(context: DynamoDBWireContext): Record<string, JsonOperation> {
  const bound: DynamoDBOperationContext = { ...context, transactTokens: context.transactTokens ?? new Map() };
  const out: Record<string, JsonOperation> = {};
  for (const [name, operation] of Object.entries(OPERATIONS))
    out[name] = (input, info) => operation(input, info, bound);
  return out;
}

/** The DynamoDB Streams operations, bound to one service's tables. */
export function streamsOperations(context: StreamsWireContext): Record<string, JsonOperation> {
  const out: Record<string, JsonOperation> = {};
  for (const [name, operation] of Object.entries(STREAMS_OPERATIONS))
    out[name] = (input, info) => operation(input, info, context);
  return out;
}
