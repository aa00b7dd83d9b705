/**
 * The test-side calls of the DynamoDB mock (`mocks.dynamodb.createTable`, `putItem`, `items` …):
 * each checks its arguments, then goes through the same table rules as the wire. DynamoDB's
 * rejections surface as `EventInputError` naming the call.
 */
import { EventInputError, fail, show } from '../../_internals/errors.js';
import { DYNAMODB_ITEM_LIMIT } from '../../_internals/limits.js';
import {
  assertStreamViewType,
  marshallItem,
  storeAttributeMap,
  unmarshall,
  type AttributeMap,
  type DynamoDBStreamRecord,
} from '../../events/dynamodb/index.js';
import { AwsServiceError } from '../_internals/awsError.js';
import { checkIndexKeys } from './common.js';
import type { DynamoDBCreateTableOptions, DynamoDBMock, DynamoDBService, DynamoDBTableInfo } from './service.js';
import type { KeyAttribute, MockTable } from './table.js';

/** `fn()`, with DynamoDB's rejections reported as an EventInputError naming the call and argument. */
function asInputError<T>(api: string, argument: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof AwsServiceError)
      throw new EventInputError(api, argument, `was rejected by DynamoDB: ${error.code}: ${error.message}`);
    throw error;
  }
}

/** The table a test-side call names (name or ARN), which must exist. */
export function tableOf(mock: DynamoDBMock, api: string, ref: unknown): MockTable {
  if (typeof ref !== 'string') fail(api, 'table', `must be a table name or ARN, got ${show(ref)}`);
  const table = mock.registry.find(ref, mock.context.region);
  if (table === undefined)
    fail(
      api,
      'table',
      `${show(ref)} is not a table of these mocks (create it with mocks.dynamodb.createTable or CreateTable first)`,
    );
  return table;
}

function keyAttribute(api: string, argument: string, input: unknown): KeyAttribute {
  if (typeof input === 'string') return { name: input, type: 'S' };
  if (input !== null && typeof input === 'object') {
    const { name, type } = input as { name?: unknown; type?: unknown };
    if (typeof name === 'string' && (type === 'S' || type === 'N' || type === 'B')) return { name, type };
  }
  fail(api, argument, `must be a key attribute name or { name, type: 'S' | 'N' | 'B' }, got ${show(input)}`);
}

/** The stored key string of a plain-value key, which must be exactly the table's key attributes. */
function keyStringOf(api: string, table: MockTable, key: Record<string, unknown>): string {
  const marshalled = marshallItem(api, 'key', key);
  for (const k of table.keySchema) {
    const value = marshalled[k.name];
    if (value === undefined || Object.keys(value)[0] !== k.type)
      fail(
        api,
        `key.${k.name}`,
        `must be the table's ${k.type === 'S' ? 'string' : k.type === 'N' ? 'number' : 'binary'} key attribute, got ${show(key[k.name])}`,
      );
  }
  if (Object.keys(marshalled).length !== table.keySchema.length)
    fail(api, 'key', `must hold exactly the key attributes ${table.keyNames.join(', ')}`);
  return table.keyString(storeAttributeMap(api, 'key', marshalled).item);
}

/** `mocks.dynamodb.createTable`: an on-demand table, optionally with a stream. */
export function createTable(mock: DynamoDBMock, name: string, options: DynamoDBCreateTableOptions): DynamoDBTableInfo {
  const api = 'mocks.dynamodb.createTable';
  if (typeof name !== 'string') fail(api, 'name', `must be a string, got ${show(name)}`);
  if (options === null || typeof options !== 'object')
    fail(api, 'options', `must be an object with a partitionKey, got ${show(options)}`);
  const keySchema = [keyAttribute(api, 'options.partitionKey', options.partitionKey)];
  if (options.sortKey !== undefined) keySchema.push(keyAttribute(api, 'options.sortKey', options.sortKey));
  const streamViewType =
    options.streamViewType === undefined
      ? undefined
      : assertStreamViewType(api, 'options.streamViewType', options.streamViewType);
  const table = asInputError(api, 'name', () =>
    mock.registry.create(
      {
        name,
        region: options.region ?? mock.context.region,
        keySchema,
        billing: { mode: 'PAY_PER_REQUEST', read: 0, write: 0 },
        streamViewType,
      },
      mock.nowMs(),
    ),
  );
  return {
    name: table.name,
    arn: table.arn,
    region: table.region,
    keyNames: table.keyNames,
    ...(table.stream === undefined ? {} : { streamArn: table.stream.arn }),
  };
}

/** `mocks.dynamodb.putItem`: a plain object, marshalled as `marshall` does, written as PutItem writes it. */
export function putItem(mock: DynamoDBMock, ref: string, item: Record<string, unknown>): void {
  const api = 'mocks.dynamodb.putItem';
  const table = tableOf(mock, api, ref);
  const stored = storeAttributeMap(api, 'item', marshallItem(api, 'item', item));
  if (stored.size > DYNAMODB_ITEM_LIMIT)
    fail(api, 'item', `is ${stored.size} bytes, over DynamoDB's 400 KB item limit`);
  for (const k of table.keySchema) {
    const value = stored.item[k.name];
    if (value === undefined || Object.keys(value)[0] !== k.type)
      fail(api, `item.${k.name}`, `must be the table's ${k.type} key attribute, got ${show(item[k.name])}`);
  }
  asInputError(api, 'item', () => checkIndexKeys(table, stored.item));
  table.write(table.keyString(stored.item), structuredClone(stored.item), mock.nowMs(), { size: stored.size });
}

/** `mocks.dynamodb.deleteItem`: by its key in plain values, as DeleteItem does. */
export function deleteItem(mock: DynamoDBMock, ref: string, key: Record<string, unknown>): void {
  const api = 'mocks.dynamodb.deleteItem';
  const table = tableOf(mock, api, ref);
  const keyString = keyStringOf(api, table, key);
  if (table.items.has(keyString)) table.write(keyString, undefined, mock.nowMs());
}

/** `mocks.dynamodb.items`: copies, unmarshalled unless `marshalled: true`. */
export function items(
  mock: DynamoDBMock,
  ref: string,
  options?: { marshalled?: boolean },
): Record<string, unknown>[] | AttributeMap[] {
  const table = tableOf(mock, 'mocks.dynamodb.items', ref);
  const copies = [...table.items.values()].map((item) => structuredClone(item));
  return options?.marshalled === true ? copies : copies.map((item) => unmarshall(item));
}

/** `mocks.dynamodb.streamRecords`: copies of the stream's records so far. */
export function streamRecords(mock: DynamoDBMock, ref: string): DynamoDBStreamRecord[] {
  const table = tableOf(mock, 'mocks.dynamodb.streamRecords', ref);
  return (table.stream?.records ?? []).map((r) => structuredClone(r.record));
}

/** `mocks.dynamodb.configureTtl`: the TTL deletion delay and whether a drain waits for deletions. */
export function configureTtl(mock: DynamoDBMock, options: Parameters<DynamoDBService['configureTtl']>[0]): void {
  const api = 'mocks.dynamodb.configureTtl';
  if (options === null || typeof options !== 'object') fail(api, 'options', `must be an object, got ${show(options)}`);
  if (options.deletionDelayMs !== undefined) {
    if (
      typeof options.deletionDelayMs !== 'number' ||
      !Number.isSafeInteger(options.deletionDelayMs) ||
      options.deletionDelayMs < 0
    )
      fail(
        api,
        'options.deletionDelayMs',
        `must be a whole number of milliseconds ≥ 0, got ${show(options.deletionDelayMs)}`,
      );
    mock.ttl.deletionDelayMs = options.deletionDelayMs;
  }
  if (options.drainWaits !== undefined) {
    if (typeof options.drainWaits !== 'boolean')
      fail(api, 'options.drainWaits', `must be a boolean, got ${show(options.drainWaits)}`);
    mock.ttlDrainWaits = options.drainWaits;
  }
}
