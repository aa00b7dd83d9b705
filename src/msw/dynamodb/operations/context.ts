/** What every DynamoDB operation handler gets: the service's tables and defaults, and the table a request names. */
import { readString, type JsonObject } from '../../_internals/input.js';
import type { JsonRequestInfo } from '../../_internals/jsonProtocol.js';
import { dynamoError } from '../errors.js';
import { I } from '../common.js';
import type { TableRegistry } from '../registry.js';
import type { MockTable } from '../table.js';

/** What the operations need from the service. */
export interface DynamoDBWireContext {
  readonly registry: TableRegistry;
  readonly defaultRegion: string;
  nowMs(): number;
  /**
   * TransactWriteItems' client request tokens seen, by token: the service's, so that its `reset()`
   * forgets them.
   * @defaultValue a map of the binding's own
   */
  readonly transactTokens?: Map<string, IdempotencyToken>;
}

/** A transaction's `ClientRequestToken` as DynamoDB remembers it: its request's digest, for 10 minutes. */
export interface IdempotencyToken {
  readonly digest: string;
  readonly expiresMs: number;
}

/** What the operations work on: the service's context, with its transaction tokens. */
export interface DynamoDBOperationContext extends DynamoDBWireContext {
  readonly transactTokens: Map<string, IdempotencyToken>;
}

/** One DynamoDB operation: the request's members and signing info, and the state it runs on. */
export type DynamoDBOperation = (
  input: JsonObject,
  info: JsonRequestInfo,
  context: DynamoDBOperationContext,
) => unknown;

/** The region a request was signed for, or the mocks' region. */
export function regionOf(info: JsonRequestInfo, context: DynamoDBWireContext): string {
  return info.region ?? context.defaultRegion;
}

/** The table a control-plane request names (DescribeTable, DeleteTable: the message names the table). */
export function tableOf(input: JsonObject, info: JsonRequestInfo, context: DynamoDBWireContext): MockTable {
  return context.registry.get(readString(input, 'TableName', I, true), regionOf(info, context));
}

/**
 * The table an item request names. Item operations on a missing table answer the bare
 * `Requested resource not found` (as recorded for BatchWriteItem against AWS).
 */
export function itemTableOf(input: JsonObject, info: JsonRequestInfo, context: DynamoDBWireContext): MockTable {
  const table = context.registry.find(readString(input, 'TableName', I, true), regionOf(info, context));
  if (table === undefined) throw dynamoError('ResourceNotFoundException', 'Requested resource not found');
  return table;
}
