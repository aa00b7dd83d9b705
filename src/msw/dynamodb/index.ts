/**
 * The in-memory DynamoDB with Streams: msw handlers for DynamoDB (JSON 1.0) and DynamoDB Streams
 * (JSON 1.0 on `streams.dynamodb.<region>`), test-side seeding and inspection, and Lambda-style
 * stream subscriptions (the shared stream event source mapping) driven by `mocks.drain()`.
 */
import { isoSeconds } from '../../_internals/aws.js';
import { EventInputError, fail, show } from '../../_internals/errors.js';
import { DYNAMODB_ITEM_LIMIT } from '../../_internals/limits.js';
import type { Random } from '../../_internals/random.js';
import {
  assertStreamViewType,
  marshallItem,
  storeAttributeMap,
  toDynamoDBStreamEvent,
  toDynamoDBTumblingWindowEvent,
  unmarshall,
  type AttributeMap,
  type DynamoDBStreamEvent,
  type DynamoDBStreamRecord,
  type StreamViewType,
} from '../../events/dynamodb/index.js';
import { AwsServiceError } from '../_internals/awsError.js';
import { createJsonRpcDispatcher, createJsonRpcHandler, type JsonServiceSpec } from '../_internals/jsonProtocol.js';
import type {
  StreamHandler,
  StreamSubscribeOptions,
  StreamSubscription,
  StreamWindowParts,
} from '../_internals/streamDelivery.js';
import { StreamSubscriptions } from '../_internals/streamSubscriptions.js';
import { contextOwnsUrl, contextRandom, type MockContext, type MockService } from '../context.js';
import type { HttpRequestHandlerLike } from '../clientConfig.js';
import { checkIndexKeys } from './common.js';
import { inProcessRequestHandler } from './inProcess.js';
import { TableRegistry } from './registry.js';
import { streamsOperations } from './streams.js';
import type { KeyAttribute, MockTable, StoredStreamRecord } from './table.js';
import { TtlSweeper } from './ttl.js';
import { dynamoDBOperations } from './wire.js';

/** A key attribute for `createTable`: a name (type S) or `{ name, type }`. */
export type DynamoDBKeyInput = string | { name: string; type: 'S' | 'N' | 'B' };

/** Options of `mocks.dynamodb.createTable`. */
export interface DynamoDBCreateTableOptions {
  /** The partition (HASH) key. */
  partitionKey: DynamoDBKeyInput;
  /** The sort (RANGE) key, if any. */
  sortKey?: DynamoDBKeyInput;
  /** Enables the table's stream with this view type. @defaultValue no stream */
  streamViewType?: StreamViewType;
  /** @defaultValue the mocks' region */
  region?: string;
}

/** A table as the test side sees it. */
export interface DynamoDBTableInfo {
  readonly name: string;
  readonly arn: string;
  readonly region: string;
  /** Key attribute names: `[partitionKey]` or `[partitionKey, sortKey]`. */
  readonly keyNames: readonly string[];
  /** The stream's ARN (with its label) when the stream is enabled. */
  readonly streamArn?: string;
}

/** A function subscribed to a table's stream: receives the Lambda DynamoDB Streams event. */
export type DynamoDBStreamHandler = StreamHandler<DynamoDBStreamEvent>;

/** The DynamoDB member of `createAwsMocks()`. */
export interface DynamoDBService extends MockService {
  /** Creates a table without the SDK (on-demand billing), optionally with a stream. */
  createTable(name: string, options: DynamoDBCreateTableOptions): DynamoDBTableInfo;
  /** Writes an item without the SDK: a plain object, marshalled as `marshall` does (a stream record follows, as for PutItem). */
  putItem(table: string, item: Record<string, unknown>): void;
  /** Deletes an item by its key (plain values), as DeleteItem does. */
  deleteItem(table: string, key: Record<string, unknown>): void;
  /**
   * The table's items (name or ARN), in the order they were first written. By default unmarshalled
   * into plain values (numbers as JS numbers, or bigints beyond ±2^53; binaries as Uint8Array;
   * sets as Set); with `{ marshalled: true }` as AttributeValue maps, exactly as DynamoDB stores them.
   */
  items(table: string): Record<string, unknown>[];
  items(table: string, options: { marshalled: true }): AttributeMap[];
  items(table: string, options?: { marshalled?: boolean }): Record<string, unknown>[] | AttributeMap[];
  /** The records of the table's stream so far, as Lambda would receive them (copies). */
  streamRecords(table: string): DynamoDBStreamRecord[];
  /**
   * An SDK `requestHandler` that serves DynamoDB and DynamoDB Streams calls in process, without
   * msw's network interception: `new DynamoDBClient({ ...awsTestClientConfig(), requestHandler:
   * mocks.dynamodb.requestHandler() })`. The client and its middleware run as usual; answers are
   * the same as through msw, several times faster. msw's `server.use` overrides do not apply.
   */
  requestHandler(): HttpRequestHandlerLike;
  /**
   * Time to Live deletions. An expired item stays readable until it is deleted,
   * `deletionDelayMs` after its expiry (DynamoDB takes up to a few days; default 0), when the
   * mocks run due work (`mocks.drain()`). With `drainWaits: true` a `drain()` also moves the
   * virtual clock forward to the next deletion, like any other pending work; by default it does
   * not, so a drain never jumps days ahead for an item's TTL (use `drain({ until })`).
   */
  configureTtl(options: { deletionDelayMs?: number; drainWaits?: boolean }): void;
  /** Subscribes `handler` to the table's stream (table name or ARN, or the stream's ARN) as a Lambda event source mapping would. */
  subscribe(
    table: string,
    handler: DynamoDBStreamHandler,
    options?: StreamSubscribeOptions,
  ): StreamSubscription<DynamoDBStreamEvent>;
}

function keyAttribute(api: string, argument: string, input: unknown): KeyAttribute {
  if (typeof input === 'string') return { name: input, type: 'S' };
  if (input !== null && typeof input === 'object') {
    const { name, type } = input as { name?: unknown; type?: unknown };
    if (typeof name === 'string' && (type === 'S' || type === 'N' || type === 'B')) return { name, type };
  }
  fail(api, argument, `must be a key attribute name or { name, type: 'S' | 'N' | 'B' }, got ${show(input)}`);
}

/** Creates the DynamoDB (+ Streams) service of one `createAwsMocks()` instance. */
export function createDynamoDBService(context: MockContext): DynamoDBService {
  const nowMs = (): number => context.clock.now().getTime();
  const registry = new TableRegistry(context.account, (stream) => contextRandom(context, stream));
  const subscriptions = new StreamSubscriptions(context, 'dynamodb', 'dynamodb.onFailure');
  const ttl = new TtlSweeper(registry);
  let ttlDrainWaits = false;
  let requestIds: Random;
  let streamsRequestIds: Random;
  const seedIds = (): void => {
    requestIds = contextRandom(context, 'dynamodb.requestId');
    streamsRequestIds = contextRandom(context, 'dynamodbstreams.requestId');
  };
  seedIds();
  const isAwsUrl = (url: URL) => contextOwnsUrl(context, url);

  const dynamoSpec: JsonServiceSpec = {
    service: 'DynamoDB',
    targetPrefix: 'DynamoDB_20120810',
    contentType: 'application/x-amz-json-1.0',
    operations: dynamoDBOperations({ registry, defaultRegion: context.region, nowMs }),
    isAwsUrl,
    requestId: () => requestIds.uuidV4(),
  };
  const streamsSpec: JsonServiceSpec = {
    service: 'DynamoDB Streams',
    targetPrefix: 'DynamoDBStreams_20120810',
    contentType: 'application/x-amz-json-1.0',
    operations: streamsOperations({ registry, defaultRegion: context.region, nowMs }),
    isAwsUrl,
    requestId: () => streamsRequestIds.uuidV4(),
  };
  const handlers = [createJsonRpcHandler(dynamoSpec), createJsonRpcHandler(streamsSpec)];
  const inProcessServices = [dynamoSpec, streamsSpec].map((spec) => ({
    targetPrefix: spec.targetPrefix,
    isAwsUrl,
    dispatch: createJsonRpcDispatcher(spec),
  }));

  const tableOf = (api: string, ref: unknown): MockTable => {
    if (typeof ref !== 'string') fail(api, 'table', `must be a table name or ARN, got ${show(ref)}`);
    const table = registry.find(ref, context.region);
    if (table === undefined)
      fail(
        api,
        'table',
        `${show(ref)} is not a table of these mocks (create it with mocks.dynamodb.createTable or CreateTable first)`,
      );
    return table;
  };
  const testSide = <T>(api: string, argument: string, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof AwsServiceError)
        throw new EventInputError(api, argument, `was rejected by DynamoDB: ${error.code}: ${error.message}`);
      throw error;
    }
  };
  const keyStringOf = (api: string, table: MockTable, key: Record<string, unknown>): string => {
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
  };

  return {
    handlers,

    createTable(name, options) {
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
      const table = testSide(api, 'name', () =>
        registry.create(
          {
            name,
            region: options.region ?? context.region,
            keySchema,
            billing: { mode: 'PAY_PER_REQUEST', read: 0, write: 0 },
            streamViewType,
          },
          nowMs(),
        ),
      );
      return {
        name: table.name,
        arn: table.arn,
        region: table.region,
        keyNames: table.keyNames,
        ...(table.stream === undefined ? {} : { streamArn: table.stream.arn }),
      };
    },

    putItem(ref, item) {
      const api = 'mocks.dynamodb.putItem';
      const table = tableOf(api, ref);
      const stored = storeAttributeMap(api, 'item', marshallItem(api, 'item', item));
      if (stored.size > DYNAMODB_ITEM_LIMIT)
        fail(api, 'item', `is ${stored.size} bytes, over DynamoDB's 400 KB item limit`);
      for (const k of table.keySchema) {
        const value = stored.item[k.name];
        if (value === undefined || Object.keys(value)[0] !== k.type)
          fail(api, `item.${k.name}`, `must be the table's ${k.type} key attribute, got ${show(item[k.name])}`);
      }
      testSide(api, 'item', () => checkIndexKeys(table, stored.item));
      table.write(table.keyString(stored.item), structuredClone(stored.item), nowMs(), { size: stored.size });
    },

    deleteItem(ref, key) {
      const api = 'mocks.dynamodb.deleteItem';
      const table = tableOf(api, ref);
      const keyString = keyStringOf(api, table, key);
      if (table.items.has(keyString)) table.write(keyString, undefined, nowMs());
    },

    // One implementation of the overloads: the option picks the form.
    items(ref: string, options?: { marshalled?: boolean }): never {
      const table = tableOf('mocks.dynamodb.items', ref);
      const items = [...table.items.values()].map((item) => structuredClone(item));
      return (options?.marshalled === true ? items : items.map((item) => unmarshall(item))) as never;
    },

    streamRecords(ref) {
      const table = tableOf('mocks.dynamodb.streamRecords', ref);
      return (table.stream?.records ?? []).map((r) => structuredClone(r.record));
    },

    subscribe(ref, subscriber, options) {
      const api = 'mocks.dynamodb.subscribe';
      // A stream ARN (what an event source mapping names) subscribes to that stream's table.
      const table =
        typeof ref === 'string' && ref.startsWith('arn:') && ref.includes('/stream/')
          ? (registry.findStream(ref)?.table ?? tableOf(api, ref))
          : tableOf(api, ref);
      const stream = table.stream;
      if (stream === undefined)
        fail(
          api,
          'table',
          `${show(ref)} has no stream: create it with a streamViewType (or StreamSpecification) first`,
        );
      return subscriptions.subscribe(api, subscriber, options, () => {
        const shard = { shardId: stream.shardId, records: stream.records };
        return {
          streamArn: stream.arn,
          region: table.region,
          account: table.account,
          partition: table.partition,
          batchInfoKey: 'DDBStreamBatchInfo' as const,
          arrivalIso: (ms: number) => isoSeconds(new Date(ms)),
          shards: () => [shard],
          alive: () => !table.deleted && table.stream === stream,
          // Lambda keeps order per item partition key (the first key attribute).
          orderingKey: (e: StoredStreamRecord) =>
            JSON.stringify(e.record.dynamodb?.Keys?.[table.keySchema[0]?.name as string] ?? null),
          toEvent: (_shardId: string, entries: readonly StoredStreamRecord[]) =>
            toDynamoDBStreamEvent(
              stream.source,
              entries.map((e) => e.entry),
              api,
            ),
          toWindowEvent: (
            shardId: string,
            entries: readonly StoredStreamRecord[],
            window: StreamWindowParts,
          ): DynamoDBStreamEvent =>
            toDynamoDBTumblingWindowEvent(
              stream.source,
              entries.map((e) => e.entry),
              { ...window, shardId },
              api,
            ),
        };
      });
    },

    requestHandler: () => inProcessRequestHandler(inProcessServices, 'mocks.dynamodb.requestHandler'),

    configureTtl(options) {
      const api = 'mocks.dynamodb.configureTtl';
      if (options === null || typeof options !== 'object')
        fail(api, 'options', `must be an object, got ${show(options)}`);
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
        ttl.deletionDelayMs = options.deletionDelayMs;
      }
      if (options.drainWaits !== undefined) {
        if (typeof options.drainWaits !== 'boolean')
          fail(api, 'options.drainWaits', `must be a boolean, got ${show(options.drainWaits)}`);
        ttlDrainWaits = options.drainWaits;
      }
    },

    async runDue() {
      // TTL deletions first: their stream records are then delivered in the same drain.
      const deleted = ttl.runDue(nowMs());
      return (await subscriptions.runDue()) || deleted;
    },
    nextDueTime: () => {
      const polled = subscriptions.nextDueTime();
      const expiry = ttlDrainWaits ? ttl.nextDueMs(nowMs()) : undefined;
      if (expiry === undefined) return polled;
      return polled === undefined || expiry < polled.getTime() ? new Date(expiry) : polled;
    },

    reset() {
      subscriptions.reset();
      ttl.deletionDelayMs = 0;
      ttlDrainWaits = false;
      registry.clear();
      seedIds();
    },
  };
}

export type {
  StreamFailureRecord,
  StreamBatchInfo,
  StreamInvocation,
  StreamInvocationOutcome,
  StreamSubscribeOptions,
  StreamSubscription,
} from '../_internals/streamDelivery.js';
