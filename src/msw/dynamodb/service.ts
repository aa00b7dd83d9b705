/**
 * `createDynamoDBService`: one in-memory DynamoDB with Streams (its tables, TTL sweeper, stream
 * subscriptions and seeded request ids), its msw handlers for both JSON 1.0 services, an
 * in-process SDK request handler, and its test-side API.
 */
import type { Random } from '../../_internals/random.js';
import type {
  AttributeMap,
  DynamoDBStreamEvent,
  DynamoDBStreamRecord,
  StreamViewType,
} from '../../events/dynamodb/index.js';
import { createJsonRpcDispatcher, createJsonRpcHandler, type JsonServiceSpec } from '../_internals/jsonProtocol.js';
import type { StreamHandler, StreamSubscribeOptions, StreamSubscription } from '../_internals/streamDelivery.js';
import { StreamSubscriptions } from '../_internals/streamSubscriptions.js';
import type { HttpRequestHandlerLike } from '../clientConfig.js';
import { contextOwnsUrl, contextRandom, type MockContext, type MockService } from '../context.js';
import { type IdempotencyToken } from './operations/context.js';
import { inProcessRequestHandler } from './inProcess.js';
import { TableRegistry } from './registry.js';
import { subscribe } from './subscriptions.js';
import * as testSide from './testSide.js';
import { TtlSweeper } from './ttl.js';
import { DYNAMODB_PROTOCOL, DYNAMODB_STREAMS_PROTOCOL, dynamoDBOperations, streamsOperations } from './wire.js';

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

/** What the parts of one DynamoDB mock work on. */
export interface DynamoDBMock {
  readonly context: MockContext;
  readonly registry: TableRegistry;
  readonly subscriptions: StreamSubscriptions;
  readonly ttl: TtlSweeper;
  readonly nowMs: () => number;
  /** TransactWriteItems' client request tokens seen (forgotten on `reset()`, as everything else is). */
  readonly transactTokens: Map<string, IdempotencyToken>;
  /** Whether `drain()` moves the clock forward to the next TTL deletion. */
  ttlDrainWaits: boolean;
}

/** The seeded request ids of the two services, restarted on `reset()`. */
interface DynamoDBSeeds {
  requestIds: Random;
  streamsRequestIds: Random;
}

function reseed(context: MockContext, seeds: DynamoDBSeeds): void {
  seeds.requestIds = contextRandom(context, 'dynamodb.requestId');
  seeds.streamsRequestIds = contextRandom(context, 'dynamodbstreams.requestId');
}

/** The JSON-RPC specs of DynamoDB and DynamoDB Streams, on one mock's tables. */
function serviceSpecs(mock: DynamoDBMock, seeds: DynamoDBSeeds): JsonServiceSpec[] {
  const { context, registry, nowMs } = mock;
  const isAwsUrl = (url: URL) => contextOwnsUrl(context, url);
  return [
    {
      ...DYNAMODB_PROTOCOL,
      operations: dynamoDBOperations({
        registry,
        defaultRegion: context.region,
        nowMs,
        transactTokens: mock.transactTokens,
      }),
      isAwsUrl,
      requestId: () => seeds.requestIds.uuidV4(),
    },
    {
      ...DYNAMODB_STREAMS_PROTOCOL,
      operations: streamsOperations({ registry, defaultRegion: context.region, nowMs }),
      isAwsUrl,
      requestId: () => seeds.streamsRequestIds.uuidV4(),
    },
  ];
}

/** Creates the DynamoDB (+ Streams) service of one `createAwsMocks()` instance. */
export function createDynamoDBService(context: MockContext): DynamoDBService {
  const nowMs = (): number => context.clock.now().getTime();
  const registry = new TableRegistry(context.account, (stream) => contextRandom(context, stream));
  const mock: DynamoDBMock = {
    context,
    registry,
    subscriptions: new StreamSubscriptions(context, 'dynamodb', 'dynamodb.onFailure'),
    ttl: new TtlSweeper(registry),
    nowMs,
    transactTokens: new Map(),
    ttlDrainWaits: false,
  };
  const seeds = {} as DynamoDBSeeds;
  reseed(context, seeds);
  const specs = serviceSpecs(mock, seeds);
  const inProcessServices = specs.map((spec) => ({
    targetPrefix: spec.targetPrefix,
    isAwsUrl: spec.isAwsUrl,
    dispatch: createJsonRpcDispatcher(spec),
  }));
  return {
    handlers: specs.map((spec) => createJsonRpcHandler(spec)),
    createTable: (name, options) => testSide.createTable(mock, name, options),
    putItem: (table, item) => testSide.putItem(mock, table, item),
    deleteItem: (table, key) => testSide.deleteItem(mock, table, key),
    // One implementation of the overloads: the option picks the form.
    items: ((table: string, options?: { marshalled?: boolean }) => testSide.items(mock, table, options)) as never,
    streamRecords: (table) => testSide.streamRecords(mock, table),
    subscribe: (table, handler, options) => subscribe(mock, table, handler, options),
    requestHandler: () => inProcessRequestHandler(inProcessServices, 'mocks.dynamodb.requestHandler'),
    configureTtl: (options) => testSide.configureTtl(mock, options),
    async runDue() {
      // TTL deletions first: their stream records are then delivered in the same drain.
      const deleted = mock.ttl.runDue(nowMs());
      return (await mock.subscriptions.runDue()) || deleted;
    },
    nextDueTime() {
      const polled = mock.subscriptions.nextDueTime();
      const expiry = mock.ttlDrainWaits ? mock.ttl.nextDueMs(nowMs()) : undefined;
      if (expiry === undefined) return polled;
      return polled === undefined || expiry < polled.getTime() ? new Date(expiry) : polled;
    },
    reset() {
      mock.subscriptions.reset();
      mock.ttl.deletionDelayMs = 0;
      mock.ttlDrainWaits = false;
      mock.transactTokens.clear();
      registry.clear();
      reseed(context, seeds);
    },
  };
}
