/**
 * `mocks.dynamodb.subscribe`: a table's stream as a source of the shared stream event source
 * mapping (`StreamSubscriptions`): one shard, Lambda's per-item ordering, and batches built by the
 * DynamoDB family's event mappers.
 */
import { isoSeconds } from '../../_internals/aws.js';
import { fail, show } from '../../_internals/errors.js';
import {
  toDynamoDBStreamEvent,
  toDynamoDBTumblingWindowEvent,
  type DynamoDBStreamEvent,
} from '../../events/dynamodb/index.js';
import type {
  StreamSource,
  StreamSubscribeOptions,
  StreamSubscription,
  StreamWindowParts,
} from '../_internals/streamDelivery.js';
import type { DynamoDBMock, DynamoDBStreamHandler } from './service.js';
import type { MockTable, StoredStreamRecord, TableStream } from './table.js';
import { tableOf } from './testSide.js';

/** The stream source the shared mapping polls, for `stream` of `table`. */
function streamSource(
  api: string,
  table: MockTable,
  stream: TableStream,
): StreamSource<StoredStreamRecord, DynamoDBStreamEvent> {
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
}

/** Subscribes `handler` to a table's stream (table name or ARN, or the stream's ARN). */
export function subscribe(
  mock: DynamoDBMock,
  ref: string,
  handler: DynamoDBStreamHandler,
  options: StreamSubscribeOptions | undefined,
): StreamSubscription<DynamoDBStreamEvent> {
  const api = 'mocks.dynamodb.subscribe';
  // A stream ARN (what an event source mapping names) subscribes to that stream's table.
  const table =
    typeof ref === 'string' && ref.startsWith('arn:') && ref.includes('/stream/')
      ? (mock.registry.findStream(ref)?.table ?? tableOf(mock, api, ref))
      : tableOf(mock, api, ref);
  const stream = table.stream;
  if (stream === undefined)
    fail(api, 'table', `${show(ref)} has no stream: create it with a streamViewType (or StreamSpecification) first`);
  return mock.subscriptions.subscribe(api, handler, options, () => streamSource(api, table, stream));
}
