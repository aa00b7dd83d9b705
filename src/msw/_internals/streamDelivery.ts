/**
 * The Lambda event source mapping for stream sources (Kinesis Data Streams and DynamoDB Streams),
 * written once for both: they share their semantics (Lambda developer guide with-kinesis,
 * services-kinesis-batchfailurereporting, services-ddb-batchfailurereporting,
 * kinesis-on-failure-destination).
 *
 * - Each batch comes from one shard; a shard has one batch in flight, records in order.
 * - A failed batch is retried whole and blocks its shard until it succeeds, its records pass
 *   `maximumRecordAgeInSeconds`, or `maximumRetryAttempts` is used up; the batch is then discarded
 *   and the on-failure destination gets metadata only (`KinesisBatchInfo` / `DDBStreamBatchInfo`).
 * - `bisectBatchOnFunctionError` splits a failed batch in two; splits do not count as retries.
 * - With `reportBatchItemFailures` Lambda checkpoints before the lowest reported sequence number
 *   and retries from there.
 * - An invocation that runs past the function's `timeout` on the virtual clock is a function error.
 * Retries wait on the virtual clock (1 s, doubling, at most 60 s), so record age advances.
 */
import { createHash } from 'node:crypto';
import { fail, show } from '../../_internals/errors.js';
import { arn } from '../../_internals/aws.js';
import { LAMBDA_PAYLOAD_LIMIT } from '../../_internals/limits.js';
import { judgeHandlerResponse, type ResponseVerdict } from './batchItemFailures.js';
import { InvocationHistory, resolveHistoryLimit } from './history.js';
import { invokeHandler, resolveTimeout } from './invoke.js';
import { FilteredLog, resolveFilterOption, type FilterCriteria, type FilteredRecord } from './mappingFilter.js';
import type { CompiledFilterCriteria } from '../../patterns/filters.js';
import type { SubscribedHandler } from './lambdaContext.js';
import type { Random } from '../../_internals/random.js';
import type { JsonValue } from '../../_internals/json.js';
import { alignedWindow, MAX_TUMBLING_WINDOW_SECONDS } from '../../_internals/tumblingWindow.js';

/** One stored record of a shard, as the poller sees it. */
export interface StreamEntry {
  /** Decimal sequence number, increasing within the shard. */
  readonly sequenceNumber: string;
  /** When the record arrived, epoch ms. */
  readonly arrivalMs: number;
  /** A bound on the record's JSON size in the Lambda event (for the 6 MB payload limit). */
  readonly jsonBound: number;
}

/** One shard of a stream: append-only records in sequence order. */
export interface StreamShardView<E extends StreamEntry> {
  readonly shardId: string;
  readonly records: readonly E[];
}

/** What a stream service gives the poller. */
export interface StreamSource<E extends StreamEntry, TEvent> {
  /** The stream ARN (`streamArn` of the batch info). */
  readonly streamArn: string;
  /** The region of the stream (of `functionArn`). */
  readonly region: string;
  readonly account: string;
  readonly partition: string;
  /** The key of the batch metadata in on-failure records. */
  readonly batchInfoKey: 'KinesisBatchInfo' | 'DDBStreamBatchInfo';
  /** ISO form of arrival times in batch info (Kinesis keeps ms, DynamoDB whole seconds). */
  arrivalIso(ms: number): string;
  /** Current shards, in creation order. */
  shards(): readonly StreamShardView<E>[];
  /** Builds the Lambda event of one batch of one shard through the family's mapper. */
  toEvent(shardId: string, entries: readonly E[]): TEvent;
  /**
   * Builds the tumbling-window event of one batch (possibly empty on a window's final invocation)
   * through the family's mapper; absent when the family has no window event.
   */
  toWindowEvent?(shardId: string, entries: readonly E[], window: StreamWindowParts): TEvent;
  /** Whether the stream still exists (deleted streams stop their subscriptions). */
  alive(): boolean;
  /**
   * The key whose records must stay in order with `parallelizationFactor` above 1 (Kinesis: the
   * partition key; DynamoDB Streams: the item's partition key).
   */
  orderingKey(entry: E): string;
}

/**
 * One of the `parallelizationFactor` lanes of a shard: the shard's records whose ordering key
 * hashes to it, in shard order. `key` names its reading state; `indexes` are the records'
 * positions in the shard.
 */
interface LaneView<E extends StreamEntry> extends StreamShardView<E> {
  readonly key: string;
  readonly indexes: readonly number[] | undefined;
}

/** The tumbling-window fields of one invocation (epoch ms on whole seconds). */
export interface StreamWindowParts {
  start: number;
  end: number;
  /** The state the function returned for this window and shard so far (`{}` at first). */
  state: { [key: string]: JsonValue };
  isFinalInvokeForWindow: boolean;
  isWindowTerminatedEarly: boolean;
}

/** Lambda's limit on the state a tumbling-window function returns (1 MB of JSON). */
const MAX_WINDOW_STATE_BYTES = 1024 * 1024;

/** Where a new subscription starts reading. */
export type StreamStartingPosition = 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';

/**
 * The metadata an on-failure destination receives for a discarded batch.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html
 */
export interface StreamFailureRecord {
  requestContext: {
    requestId: string;
    functionArn: string;
    /** `RetryAttemptsExhausted`, or `RecordAgeExceeded` when records passed `maximumRecordAgeInSeconds`. */
    condition: 'RetryAttemptsExhausted' | 'RecordAgeExceeded';
    /** Invocations made with the discarded records (0 when they expired before any). */
    approximateInvokeCount: number;
  };
  /**
   * The last invocation's response; absent when the records were never invoked (they expired first).
   * `functionError` is `"Unhandled"` when the function threw or timed out, and `null` when it
   * returned normally but its response failed the batch.
   */
  responseContext?: { statusCode: number; executedVersion: string; functionError: string | null };
  version: '1.0';
  /** ISO-8601 with milliseconds. */
  timestamp: string;
  /** Present on Kinesis failures. */
  KinesisBatchInfo?: StreamBatchInfo;
  /** Present on DynamoDB Streams failures. */
  DDBStreamBatchInfo?: StreamBatchInfo;
}

/** The batch metadata of a discarded batch. */
export interface StreamBatchInfo {
  shardId: string;
  startSequenceNumber: string;
  endSequenceNumber: string;
  approximateArrivalOfFirstRecord: string;
  approximateArrivalOfLastRecord: string;
  batchSize: number;
  streamArn: string;
}

/** Event source mapping settings of stream subscriptions (Lambda CreateEventSourceMapping). */
export interface StreamSubscribeOptions {
  /**
   * Records per invocation, 1–10,000 (a batch also stops before Lambda's 6 MB payload).
   * @defaultValue `100`
   */
  batchSize?: number;
  /**
   * `TRIM_HORIZON` (every record kept), `LATEST` (only records written after subscribing) or, for
   * Kinesis, `AT_TIMESTAMP` with `startingPositionTimestamp`. Lambda requires one; the mocks
   * default to TRIM_HORIZON so records written before subscribing in a test are delivered.
   * @defaultValue `"TRIM_HORIZON"`
   */
  startingPosition?: StreamStartingPosition;
  /** With `AT_TIMESTAMP`: the first arrival time to read (Date or epoch ms). */
  startingPositionTimestamp?: Date | number;
  /**
   * Split a failed batch in two and retry each half (splits do not count as retries).
   * @defaultValue `false`
   */
  bisectBatchOnFunctionError?: boolean;
  /**
   * Retries of a failed batch before it is discarded: -1 (until the records expire) or 0–10,000.
   * @defaultValue `-1`
   */
  maximumRetryAttempts?: number;
  /**
   * Discard records older than this (by arrival time) instead of invoking with them: -1 (never)
   * or 60–604,800 seconds.
   * @defaultValue `-1`
   */
  maximumRecordAgeInSeconds?: number;
  /**
   * `FunctionResponseTypes: ["ReportBatchItemFailures"]`: `{ batchItemFailures: [{ itemIdentifier }] }`
   * names sequence numbers; Lambda checkpoints before the lowest and retries from it.
   * @defaultValue `false`
   */
  reportBatchItemFailures?: boolean;
  /** The on-failure destination: receives the metadata of every discarded batch (never its records). */
  onFailure?: (record: StreamFailureRecord) => unknown;
  /**
   * The function's name, for `functionArn` in failure records.
   * @defaultValue `"aws-event-kit-consumer"`
   */
  functionName?: string;
  /**
   * The function's timeout in whole seconds (Lambda's `Timeout`, 1–900), on the virtual clock: an
   * invocation still running when the clock reaches its start plus `timeout` fails with
   * `Task timed out after N.00 seconds` (a function error, retried like a thrown one).
   * @defaultValue `3` (Lambda's default)
   */
  timeout?: number;
  /**
   * How many of the latest invocations `invocations` keeps; `invocationCount` and
   * `outcomeCounts` count them all.
   * @defaultValue `1000`
   */
  invocationHistory?: number;
  /**
   * Seconds to gather records before invoking (0–300): Lambda invokes when the window closes or
   * the batch is full (a retry is not held back).
   * @defaultValue `0`
   */
  maximumBatchingWindowInSeconds?: number;
  /**
   * Lambda's `FilterCriteria` (`{ Filters: [{ Pattern }] }`, at most 5 filters, JSON patterns on
   * the data): a record that matches no filter is skipped, and the checkpoint moves past it;
   * `filtered` lists it with the reason.
   * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html
   */
  filterCriteria?: FilterCriteria;
  /**
   * Lambda's `ParallelizationFactor` (1–10): up to this many batches of one shard at once. Records
   * are spread over that many lanes by a hash of their ordering key (Kinesis: the partition key;
   * DynamoDB Streams: the item's partition key), so the records of one key stay in order while
   * different keys may interleave; each lane retries on its own, and the shard's checkpoint is
   * the last record before the first one any lane still has to process.
   * @see https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html#services-kinesis-params
   * @defaultValue `1`
   */
  parallelizationFactor?: number;
  /**
   * Lambda's `TumblingWindowInSeconds` (0–900; 0 turns windows off): records are grouped into
   * windows aligned to multiples of this length by arrival time (DynamoDB Streams: the record's
   * whole-second creation time); each invocation gets `window`,
   * the `state` the function returned last for that window and shard (`{}` at first), and the
   * window's last invocation, once the virtual clock passes its end, has
   * `isFinalInvokeForWindow: true` with the window's remaining records (possibly none). The
   * function returns `{ state, batchItemFailures }`; a state over 1 MB of JSON ends the window
   * early (the next invocation is final, with `isWindowTerminatedEarly: true`).
   * @see https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-windows.html
   * @see https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-windows.html
   * @defaultValue `0`
   */
  tumblingWindowInSeconds?: number;
}

/** How one invocation ended. */
export type StreamInvocationOutcome = 'success' | 'failure' | 'partial';

/** One invocation of a subscribed handler, kept for assertions. */
export interface StreamInvocation<TEvent> {
  readonly event: TEvent;
  readonly shardId: string;
  /** Virtual time of the invocation. */
  readonly time: Date;
  readonly outcome: StreamInvocationOutcome;
  /** Sequence number of the first record to retry (partial: the lowest reported item). */
  readonly retryFrom?: string;
  /** Why the batch failed as a whole. */
  readonly reason?: string;
  /**
   * On a failure: `"Unhandled"` when the function threw, timed out or could not send its response,
   * `null` when it returned normally but its response failed the batch.
   */
  readonly functionError?: 'Unhandled' | null;
  /** The error the handler threw, or the `FunctionTimeoutError` of a timed-out invocation. */
  readonly error?: unknown;
}

/** A live stream subscription. */
export interface StreamSubscription<TEvent> {
  /** The subscribed stream's ARN. */
  readonly streamArn: string;
  /** The latest invocations (up to the `invocationHistory` option, 1000 by default), oldest first. */
  readonly invocations: readonly StreamInvocation<TEvent>[];
  /** Every invocation since subscribing, including those no longer kept in `invocations`. */
  readonly invocationCount: number;
  /** Every invocation since subscribing, by outcome. */
  readonly outcomeCounts: Readonly<Record<StreamInvocationOutcome, number>>;
  /** Every on-failure record sent (also to `onFailure`, when given). */
  readonly failures: readonly StreamFailureRecord[];
  /** The latest records the filters skipped (up to `invocationHistory`), oldest first, with why. */
  readonly filtered: readonly FilteredRecord<unknown>[];
  /** Every record the filters skipped since subscribing. */
  readonly filteredCount: number;
  /** Per shard: the sequence number of the last checkpointed record (absent before the first checkpoint). */
  checkpoints(): Readonly<Record<string, string>>;
  /** Stops deliveries. */
  unsubscribe(): void;
}

/**
 * A handler of stream events, called as Lambda calls it (`(event, context, callback)`; a
 * `KinesisStreamHandler` or `DynamoDBStreamHandler` of `@types/aws-lambda` fits): resolve to
 * succeed, throw to fail the batch.
 */
export type StreamHandler<TEvent> = SubscribedHandler<TEvent>;

/** Validated settings. */
export interface ResolvedStreamOptions {
  batchSize: number;
  startingPosition: StreamStartingPosition;
  startingTimestampMs: number | undefined;
  bisect: boolean;
  maximumRetryAttempts: number;
  maximumRecordAgeInSeconds: number;
  reportBatchItemFailures: boolean;
  onFailure: ((record: StreamFailureRecord) => unknown) | undefined;
  functionName: string;
  timeout: number;
  invocationHistory: number;
  maximumBatchingWindowInSeconds: number;
  filter: CompiledFilterCriteria | undefined;
  /** 0 when windows are off. */
  tumblingWindowInSeconds: number;
  parallelizationFactor: number;
}

/** Validates subscribe options against Lambda's ranges; `atTimestamp` is false for DynamoDB Streams. */
export function resolveStreamOptions(
  api: string,
  options: StreamSubscribeOptions | undefined,
  atTimestamp: boolean,
  source: 'kinesis' | 'dynamodb' = atTimestamp ? 'kinesis' : 'dynamodb',
): ResolvedStreamOptions {
  if (options !== undefined && (options === null || typeof options !== 'object'))
    fail(api, 'options', `must be an object, got ${show(options)}`);
  const o = options ?? {};
  const batchSize = o.batchSize ?? 100;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    fail(api, 'options.batchSize', `${show(batchSize)} is out of range: Lambda allows 1–10,000 for stream sources`);
  const startingPosition = o.startingPosition ?? 'TRIM_HORIZON';
  const positions = atTimestamp ? ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'] : ['TRIM_HORIZON', 'LATEST'];
  if (!positions.includes(startingPosition))
    fail(api, 'options.startingPosition', `${show(startingPosition)} is not one of ${positions.join(', ')}`);
  let startingTimestampMs: number | undefined;
  if (startingPosition === 'AT_TIMESTAMP') {
    const t = o.startingPositionTimestamp;
    startingTimestampMs = t instanceof Date ? t.getTime() : t;
    if (typeof startingTimestampMs !== 'number' || !Number.isFinite(startingTimestampMs))
      fail(
        api,
        'options.startingPositionTimestamp',
        `is required with AT_TIMESTAMP (a Date or epoch ms), got ${show(t)}`,
      );
  } else if (o.startingPositionTimestamp !== undefined) {
    fail(api, 'options.startingPositionTimestamp', 'is only valid with startingPosition AT_TIMESTAMP');
  }
  const retries = o.maximumRetryAttempts ?? -1;
  if (!Number.isInteger(retries) || retries < -1 || retries > 10_000)
    fail(api, 'options.maximumRetryAttempts', `${show(retries)} is out of range: -1 (infinite) or 0–10,000`);
  const age = o.maximumRecordAgeInSeconds ?? -1;
  if (!Number.isInteger(age) || (age !== -1 && (age < 60 || age > 604_800)))
    fail(api, 'options.maximumRecordAgeInSeconds', `${show(age)} is out of range: -1 (infinite) or 60–604,800`);
  for (const flag of ['bisectBatchOnFunctionError', 'reportBatchItemFailures'] as const) {
    if (o[flag] !== undefined && typeof o[flag] !== 'boolean')
      fail(api, `options.${flag}`, `must be a boolean, got ${show(o[flag])}`);
  }
  if (o.onFailure !== undefined && typeof o.onFailure !== 'function')
    fail(api, 'options.onFailure', `must be a function, got ${show(o.onFailure)}`);
  const functionName = o.functionName ?? 'aws-event-kit-consumer';
  if (typeof functionName !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(functionName))
    fail(
      api,
      'options.functionName',
      `${show(functionName)} is not a Lambda function name (1–64 of letters, digits, '-' and '_')`,
    );
  const timeout = resolveTimeout(api, o.timeout);
  const invocationHistory = resolveHistoryLimit(api, o.invocationHistory);
  const window = o.maximumBatchingWindowInSeconds ?? 0;
  if (!Number.isInteger(window) || window < 0 || window > 300)
    fail(api, 'options.maximumBatchingWindowInSeconds', `${show(window)} is out of range: 0–300 seconds`);
  const filter = resolveFilterOption(api, o.filterCriteria, source);
  const tumbling = o.tumblingWindowInSeconds ?? 0;
  if (!Number.isInteger(tumbling) || tumbling < 0 || tumbling > MAX_TUMBLING_WINDOW_SECONDS)
    fail(
      api,
      'options.tumblingWindowInSeconds',
      `${show(tumbling)} is out of range: 0–${MAX_TUMBLING_WINDOW_SECONDS} seconds`,
    );
  const parallelization = o.parallelizationFactor ?? 1;
  if (!Number.isInteger(parallelization) || parallelization < 1 || parallelization > 10)
    fail(
      api,
      'options.parallelizationFactor',
      `${show(parallelization)} is out of range: 1–10 concurrent batches per shard`,
    );
  return {
    parallelizationFactor: parallelization,
    tumblingWindowInSeconds: tumbling,
    maximumBatchingWindowInSeconds: window,
    filter,
    timeout,
    invocationHistory,
    batchSize,
    startingPosition,
    startingTimestampMs,
    bisect: o.bisectBatchOnFunctionError ?? false,
    maximumRetryAttempts: retries,
    maximumRecordAgeInSeconds: age,
    reportBatchItemFailures: o.reportBatchItemFailures ?? false,
    onFailure: o.onFailure,
    functionName,
  };
}

type Verdict =
  | { outcome: 'success' }
  | { outcome: 'failure'; reason: string; functionError: 'Unhandled' | null }
  | { outcome: 'partial'; lowest: number };

/**
 * Interprets a handler's response for a stream batch with the shared reader (see
 * `judgeHandlerResponse`); a partial failure gives the index (in `sequenceNumbers`) of the lowest
 * reported record, where Lambda checkpoints.
 */
export function judgeStreamBatchResponse(
  response: unknown,
  sequenceNumbers: readonly string[],
  report = true,
): Verdict {
  const index = new Map<string, number>();
  sequenceNumbers.forEach((n, i) => index.set(n, i));
  return fromResponseVerdict(
    judgeHandlerResponse(response, report, {
      has: (id) => index.has(id),
      describe: 'the sequence number of a record in the batch',
    }),
    index,
  );
}

function fromResponseVerdict(verdict: ResponseVerdict, index: ReadonlyMap<string, number>): Verdict {
  if (verdict.outcome !== 'partial') return verdict;
  let lowest = Number.POSITIVE_INFINITY;
  for (const id of verdict.identifiers) lowest = Math.min(lowest, index.get(id) as number);
  return { outcome: 'partial', lowest };
}

const PAYLOAD_BUDGET = LAMBDA_PAYLOAD_LIMIT - 64;

/** The lane (0 to `factor` − 1) of an ordering key: the top bits of its MD5, as Kinesis hashes keys. */
function laneOf(key: string, factor: number): number {
  return createHash('md5').update(key, 'utf8').digest().readUInt32BE(0) % factor;
}
const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 60_000;

/** `functionError` of a batch's last failed invocation; undefined when it was never invoked. */
type LastError = 'Unhandled' | null | undefined;

/** The reading state of one shard. */
interface ShardState {
  /** Index of the first record not yet checkpointed. */
  position: number;
  /** Sequence number of the last checkpointed record. */
  checkpoint: string | undefined;
  /** Pending bisected ranges `[start, end)`, next first; empty when reading normally. */
  ranges: Array<{ start: number; end: number; attempts: number; invokes: number; lastError: LastError }>;
  /** Retry bookkeeping of the batch at `position` when not bisecting. */
  attempts: number;
  invokes: number;
  /** The last failed invocation's `functionError` (undefined before any). */
  lastError: LastError;
  /** The end of the batch being retried (a retry resends the same records). */
  retryEnd: number | undefined;
  /** Not before this virtual time (a retry's backoff). */
  notBefore: number;
  /** Index below which dropped records were already logged (a retried batch is filtered again). */
  loggedTo: number;
  /** When the batching window opened on this shard (records waiting), if it is open. */
  windowOpenedAt: number | undefined;
  /** The open tumbling window (after its first successful invocation) and its state. */
  tumbling: { start: number; end: number; state: { [key: string]: JsonValue }; terminated: boolean } | undefined;
}

/** One stream event source mapping. */
export class StreamPoller<E extends StreamEntry, TEvent> implements StreamSubscription<TEvent> {
  readonly failures: StreamFailureRecord[] = [];
  private readonly history: InvocationHistory<StreamInvocation<TEvent>, StreamInvocationOutcome>;
  active = true;
  /** False while the mapping is disabled: nothing is read, checkpoints stay. */
  enabled = true;
  private readonly state = new Map<string, ShardState>();
  private readonly dropped: FilteredLog<unknown>;

  constructor(
    private readonly source: StreamSource<E, TEvent>,
    private handler: StreamHandler<TEvent>,
    private options: ResolvedStreamOptions,
    private readonly requestIds: () => Random,
    private readonly detach: (poller: StreamPoller<E, TEvent>) => void,
    nowMs: number,
  ) {
    this.history = new InvocationHistory(options.invocationHistory, ['success', 'failure', 'partial']);
    this.dropped = new FilteredLog(options.invocationHistory);
    // LATEST and AT_TIMESTAMP are fixed against the shards that exist now; later shards start at 0.
    for (const lane of this.lanes()) this.state.set(lane.key, this.initialState(lane, nowMs));
  }

  get streamArn(): string {
    return this.source.streamArn;
  }

  get filtered(): readonly FilteredRecord<unknown>[] {
    return this.dropped.items();
  }

  get filteredCount(): number {
    return this.dropped.count();
  }

  /** Applies new settings (UpdateEventSourceMapping); checkpoints and a batch being retried stay. */
  configure(options: ResolvedStreamOptions, handler: StreamHandler<TEvent> = this.handler): void {
    this.options = options;
    this.handler = handler;
    const factor = this.laneCache.size > 0 ? this.laneFactor : 1;
    if (options.parallelizationFactor !== factor) this.relane(factor);
    for (const state of this.state.values()) state.windowOpenedAt = undefined;
  }

  get invocations(): readonly StreamInvocation<TEvent>[] {
    return this.history.items();
  }

  get invocationCount(): number {
    return this.history.count();
  }

  get outcomeCounts(): Readonly<Record<StreamInvocationOutcome, number>> {
    return this.history.counts();
  }

  /** Per shard (with a factor above 1): its records so far and its lanes, grown as records arrive. */
  private readonly laneCache = new Map<
    string,
    { records: readonly E[]; seen: number; lanes: Array<{ records: E[]; indexes: number[] }> }
  >();
  /** The factor `laneCache` was built with. */
  private laneFactor = 1;

  /** The reading units: each shard whole, or its lanes with `parallelizationFactor` above 1. */
  private lanes(): LaneView<E>[] {
    const factor = this.options.parallelizationFactor;
    const shards = this.source.shards();
    if (factor === 1)
      return shards.map((shard) => ({
        key: shard.shardId,
        shardId: shard.shardId,
        records: shard.records,
        indexes: undefined,
      }));
    this.laneFactor = factor;
    const out: LaneView<E>[] = [];
    for (const shard of shards) {
      let cached = this.laneCache.get(shard.shardId);
      if (cached === undefined) {
        cached = {
          records: shard.records,
          seen: 0,
          lanes: Array.from({ length: factor }, () => ({ records: [], indexes: [] })),
        };
        this.laneCache.set(shard.shardId, cached);
      }
      for (; cached.seen < shard.records.length; cached.seen++) {
        const entry = shard.records[cached.seen] as E;
        const lane = cached.lanes[laneOf(this.source.orderingKey(entry), factor)] as {
          records: E[];
          indexes: number[];
        };
        lane.records.push(entry);
        lane.indexes.push(cached.seen);
      }
      cached.lanes.forEach((lane, i) =>
        out.push({
          key: `${shard.shardId}#${i}`,
          shardId: shard.shardId,
          records: lane.records,
          indexes: lane.indexes,
        }),
      );
    }
    return out;
  }

  /** The shard index of the first record some lane still has to process (the shard's length when none). */
  private firstUnprocessed(shardId: string): number {
    const cached = this.laneCache.get(shardId);
    if (cached === undefined) return this.state.get(shardId)?.position ?? 0;
    let first = cached.seen;
    cached.lanes.forEach((lane, i) => {
      const position = this.state.get(`${shardId}#${i}`)?.position ?? 0;
      if (position < lane.indexes.length) first = Math.min(first, lane.indexes[position] as number);
    });
    return first;
  }

  /**
   * A new `parallelizationFactor` (UpdateEventSourceMapping): every shard resumes from its
   * checkpoint in the new lanes, so records some old lane had already processed past it may be
   * delivered again (at least once, as a re-sharded consumer sees them).
   */
  private relane(oldFactor: number): void {
    const resume = new Map<string, number>();
    for (const shard of this.source.shards()) {
      resume.set(
        shard.shardId,
        oldFactor === 1 && this.laneCache.size === 0
          ? (this.state.get(shard.shardId)?.position ?? 0)
          : this.firstUnprocessed(shard.shardId),
      );
    }
    this.state.clear();
    this.laneCache.clear();
    for (const lane of this.lanes()) {
      const from = resume.get(lane.shardId) ?? 0;
      const position = lane.indexes === undefined ? from : lane.indexes.filter((i) => i < from).length;
      this.state.set(lane.key, { ...this.initialState(lane, undefined), position, loggedTo: position });
    }
  }

  /** Names this subscription in errors. */
  private describe(): string {
    const service = this.source.batchInfoKey === 'KinesisBatchInfo' ? 'Kinesis' : 'DynamoDB Streams';
    return `the ${service} subscription to ${this.source.streamArn} (function ${this.options.functionName})`;
  }

  checkpoints(): Readonly<Record<string, string>> {
    const out: Record<string, string> = {};
    if (this.options.parallelizationFactor === 1 && this.laneCache.size === 0) {
      for (const [shardId, state] of this.state) if (state.checkpoint !== undefined) out[shardId] = state.checkpoint;
      return out;
    }
    for (const [shardId, cached] of this.laneCache) {
      const states = cached.lanes.map((_, i) => this.state.get(`${shardId}#${i}`));
      if (states.every((state) => state?.checkpoint === undefined)) continue;
      const first = this.firstUnprocessed(shardId);
      if (first > 0) out[shardId] = (cached.records[first - 1] as E).sequenceNumber;
    }
    return out;
  }

  unsubscribe(): void {
    this.active = false;
    this.detach(this);
  }

  private initialState(shard: StreamShardView<E>, nowMs: number | undefined): ShardState {
    let position = 0;
    if (nowMs !== undefined && this.options.startingPosition === 'LATEST') position = shard.records.length;
    if (this.options.startingPosition === 'AT_TIMESTAMP') {
      const at = this.options.startingTimestampMs as number;
      while (position < shard.records.length && (shard.records[position] as E).arrivalMs < at) position++;
    }
    return {
      position,
      checkpoint: undefined,
      ranges: [],
      attempts: 0,
      invokes: 0,
      lastError: undefined,
      retryEnd: undefined,
      notBefore: 0,
      loggedTo: position,
      windowOpenedAt: undefined,
      tumbling: undefined,
    };
  }

  private stateOf(shard: LaneView<E>): ShardState {
    let state = this.state.get(shard.key);
    if (state === undefined) {
      state = this.initialState(shard, undefined);
      this.state.set(shard.key, state);
    }
    return state;
  }

  /** Delivers at most one batch per shard that is due at `now`; true when it did anything. */
  async runDue(nowMs: () => number): Promise<boolean> {
    if (!this.active || !this.enabled || !this.source.alive()) return false;
    let did = false;
    for (const shard of this.lanes()) {
      if (!this.active) break;
      const state = this.stateOf(shard);
      if (state.notBefore > nowMs()) continue;
      // An open tumbling window whose end passed still owes its final invocation, records or not.
      if (
        state.position >= shard.records.length &&
        !(state.tumbling !== undefined && (state.tumbling.terminated || nowMs() >= state.tumbling.end))
      )
        continue;
      if (!this.windowClosed(shard, state, nowMs())) continue;
      if (await this.step(shard, state, nowMs)) did = true;
    }
    return did;
  }

  /** The next virtual time a blocked shard retries, if any. */
  nextDueAt(nowMs: number): number | undefined {
    if (!this.active || !this.enabled || !this.source.alive()) return undefined;
    let next: number | undefined;
    for (const shard of this.lanes()) {
      const state = this.state.get(shard.key);
      if (state === undefined) continue;
      if (state.tumbling !== undefined) {
        // The final invocation of the open window is due at its end.
        const due = Math.max(state.notBefore, state.tumbling.end);
        if (due > nowMs && (next === undefined || due < next)) next = due;
      }
      if (state.position >= shard.records.length) continue;
      let due = state.notBefore;
      if (state.windowOpenedAt !== undefined)
        due = Math.max(due, state.windowOpenedAt + this.options.maximumBatchingWindowInSeconds * 1000);
      if (due > nowMs && (next === undefined || due < next)) next = due;
    }
    return next;
  }

  /**
   * Whether a new batch may go now: no window, a full batch waiting, a retry (never held back), or
   * the window (opened when records first waited) has closed.
   */
  private windowClosed(shard: LaneView<E>, state: ShardState, now: number): boolean {
    const window = this.options.maximumBatchingWindowInSeconds;
    if (window === 0 || state.retryEnd !== undefined || state.ranges.length > 0) return true;
    if (shard.records.length - state.position >= this.options.batchSize) return true;
    state.windowOpenedAt ??= now;
    return now >= state.windowOpenedAt + window * 1000;
  }

  /** One step on one shard: discard expired records, or invoke with one batch. */
  private async step(shard: LaneView<E>, state: ShardState, nowMs: () => number): Promise<boolean> {
    const records = shard.records;
    const now = nowMs();
    const maxAge = this.options.maximumRecordAgeInSeconds;
    if (maxAge !== -1) {
      // Records are in arrival order: the expired ones are a prefix of what is left.
      let expired = state.position;
      while (expired < records.length && now - (records[expired] as E).arrivalMs > maxAge * 1000) expired++;
      if (expired > state.position) {
        this.discardExpired(shard.shardId, state, records, expired, now);
        this.advance(state, records, expired);
        return true;
      }
    }
    const range = state.ranges[0];
    const start = state.position;
    let end: number;
    if (range !== undefined) end = range.end;
    else if (state.retryEnd !== undefined) end = state.retryEnd;
    else {
      end = start;
      let budget = PAYLOAD_BUDGET;
      while (end < records.length && end - start < this.options.batchSize) {
        budget -= (records[end] as E).jsonBound;
        if (budget < 0 && end > start) break;
        end++;
      }
    }
    // Tumbling windows: a batch holds the records of one window; the last one once the window is over is final.
    let window: StreamWindowParts | undefined;
    if (this.options.tumblingWindowInSeconds > 0) {
      const open =
        state.tumbling ??
        (start < records.length
          ? {
              ...alignedWindow((records[start] as E).arrivalMs, this.options.tumblingWindowInSeconds),
              state: {},
              terminated: false,
            }
          : undefined);
      if (open === undefined) return false;
      let limit = start;
      while (limit < records.length && (records[limit] as E).arrivalMs < open.end) limit++;
      end = Math.min(end, limit);
      const final = open.terminated || (now >= open.end && end === limit);
      // The window is still open and none of its records wait: its final invocation comes at its end.
      if (!final && end === start) return false;
      window = {
        start: open.start,
        end: open.end,
        state: open.state,
        isFinalInvokeForWindow: final,
        isWindowTerminatedEarly: open.terminated,
      };
    }
    state.windowOpenedAt = undefined;
    let batch = records.slice(start, end);
    let event =
      window === undefined ? this.source.toEvent(shard.shardId, batch) : this.windowEvent(shard.shardId, batch, window);
    // Batch positions of the records the handler gets (all of them without filters).
    let positions = batch.map((_, i) => i);
    const filter = this.options.filter;
    if (filter !== undefined) {
      const all = (event as unknown as { Records: readonly unknown[] }).Records;
      const { kept, dropped } = filter.filter(all);
      // A retried batch is filtered again: log each skipped record once.
      const index = new Map(all.map((record, i) => [record, i]));
      for (const drop of dropped) {
        if (start + (index.get(drop.record) as number) < state.loggedTo) continue;
        this.dropped.push({
          record: drop.record,
          reason: drop.reason,
          explanation: drop.explanation,
          filter: drop.filter,
          time: new Date(now),
        });
      }
      state.loggedTo = Math.max(state.loggedTo, end);
      if (kept.length === 0 && !(window?.isFinalInvokeForWindow ?? false)) {
        // Nothing matched: Lambda skips the records and checkpoints past them.
        this.advance(state, records, end);
        return true;
      }
      positions = kept.map((record) => index.get(record) as number);
      batch = positions.map((i) => batch[i] as E);
      event = { ...(event as object), Records: kept } as TEvent;
    }
    const result = await invokeHandler(
      this.handler,
      event,
      { timeoutSeconds: this.options.timeout, describe: () => this.describe() },
      nowMs,
    );
    let verdict: Verdict;
    let error: unknown;
    if (result.kind === 'returned') {
      verdict = judgeStreamBatchResponse(
        result.value,
        batch.map((e) => e.sequenceNumber),
        this.options.reportBatchItemFailures,
      );
      if (window !== undefined && verdict.outcome !== 'failure') {
        const kept = this.keepWindowState(state, window, result.value);
        if (kept !== undefined) verdict = kept;
      }
      // A partial failure names a delivered record: back to its position in the polled batch.
      if (verdict.outcome === 'partial') {
        verdict = { outcome: 'partial', lowest: positions[verdict.lowest] as number };
        batch = records.slice(start, end);
      }
    } else {
      error = result.error;
      const why =
        result.kind === 'threw'
          ? `the handler threw: ${result.error instanceof Error ? result.error.message : String(result.error)}`
          : result.error.message;
      verdict = { outcome: 'failure', functionError: 'Unhandled', reason: why };
    }
    // After the handler: it may have moved the clock, or reset the mocks.
    const after = nowMs();
    const retryFrom =
      verdict.outcome === 'partial'
        ? (batch[verdict.lowest] as E).sequenceNumber
        : verdict.outcome === 'failure'
          ? (batch[0] as E).sequenceNumber
          : undefined;
    this.history.push({
      event,
      shardId: shard.shardId,
      time: new Date(now),
      outcome: verdict.outcome,
      ...(retryFrom === undefined ? {} : { retryFrom }),
      ...(verdict.outcome === 'failure' ? { reason: verdict.reason, functionError: verdict.functionError } : {}),
      ...(result.kind === 'returned' ? {} : { error }),
    });
    if (end > start) this.settle(shard, state, records, start, end, verdict, after);
    else if (verdict.outcome !== 'success' && this.active) {
      // A failed empty final invocation is retried after the backoff; its window stays open.
      state.attempts += 1;
      state.notBefore = after + Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.min(state.attempts - 1, 16));
    }
    // A stuck handler was booked as a failed invocation; now the drain stops.
    if (result.kind === 'stuck') throw result.error;
    return true;
  }

  /** The window event of a batch; the family must have one (validated at subscribe). */
  private windowEvent(shardId: string, batch: readonly E[], window: StreamWindowParts): TEvent {
    if (this.source.toWindowEvent === undefined) throw new Error(`${this.describe()} has no tumbling-window event`);
    return this.source.toWindowEvent(shardId, batch, window);
  }

  /**
   * After a successful (or partly failed) windowed invocation: keeps the returned state for the
   * window's next invocation, or closes the window after its final one. A state that is not a
   * JSON object fails the batch; one over 1 MB ends the window early.
   */
  private keepWindowState(state: ShardState, window: StreamWindowParts, response: unknown): Verdict | undefined {
    if (window.isFinalInvokeForWindow) {
      state.tumbling = undefined;
      return undefined;
    }
    let returned: unknown = {};
    try {
      const parsed: unknown = typeof response === 'string' && response !== '' ? JSON.parse(response) : response;
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && 'state' in parsed)
        returned = (parsed as { state: unknown }).state ?? {};
    } catch {
      returned = {};
    }
    if (returned === null || typeof returned !== 'object' || Array.isArray(returned)) {
      return {
        outcome: 'failure',
        functionError: null,
        reason: `the response's state ${show(returned)} is not a JSON object`,
      };
    }
    const copy = JSON.parse(JSON.stringify(returned)) as { [key: string]: JsonValue };
    const size = Buffer.byteLength(JSON.stringify(copy), 'utf8');
    state.tumbling = { start: window.start, end: window.end, state: copy, terminated: size > MAX_WINDOW_STATE_BYTES };
    return undefined;
  }

  /** Checkpoints, retries, bisects or discards after one invocation. */
  private settle(
    shard: LaneView<E>,
    state: ShardState,
    records: readonly E[],
    start: number,
    end: number,
    verdict: Verdict,
    after: number,
  ): void {
    if (!this.active || this.state.get(shard.key) !== state) return;
    if (verdict.outcome === 'success') {
      this.advance(state, records, end);
      return;
    }
    // A partial failure checkpoints the records before the lowest reported one.
    const failedStart = verdict.outcome === 'partial' ? start + verdict.lowest : start;
    if (failedStart > start) this.advance(state, records, failedStart, end);
    const current = state.ranges[0];
    const invokes = (current?.invokes ?? state.invokes) + 1;
    const attempts = current?.attempts ?? state.attempts;
    // A partial failure is a normal return: the function did not error.
    const lastError: LastError = verdict.outcome === 'failure' ? verdict.functionError : null;
    if (verdict.outcome === 'failure' && this.options.bisect && end - failedStart > 1) {
      // Split in two; the halves keep the retry count (splits are not retries).
      const middle = failedStart + Math.ceil((end - failedStart) / 2);
      state.ranges.splice(
        0,
        current === undefined ? 0 : 1,
        { start: failedStart, end: middle, attempts, invokes, lastError },
        { start: middle, end, attempts, invokes, lastError },
      );
      state.retryEnd = undefined;
      return;
    }
    const max = this.options.maximumRetryAttempts;
    if (max !== -1 && attempts + 1 > max) {
      this.discard(shard.shardId, records.slice(failedStart, end), 'RetryAttemptsExhausted', invokes, lastError, after);
      this.advance(state, records, end);
      return;
    }
    if (current !== undefined) {
      current.start = failedStart;
      current.attempts = attempts + 1;
      current.invokes = invokes;
      current.lastError = lastError;
    } else {
      state.attempts = attempts + 1;
      state.invokes = invokes;
      state.lastError = lastError;
      state.retryEnd = end;
    }
    const backoff = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.min(attempts, 16));
    state.notBefore = after + backoff;
  }

  /**
   * Discards the expired records `[state.position, expired)`. Those of a batch already invoked
   * (being retried, or a bisected half) go out batch by batch with its invoke count and last
   * response; the rest were never invoked and go out in batches of `batchSize`, without
   * `responseContext` and with an invoke count of 0.
   */
  private discardExpired(
    shardId: string,
    state: ShardState,
    records: readonly E[],
    expired: number,
    now: number,
  ): void {
    const invoked =
      state.ranges.length > 0
        ? state.ranges
        : state.retryEnd === undefined
          ? []
          : [{ end: state.retryEnd, invokes: state.invokes, lastError: state.lastError }];
    let from = state.position;
    for (const batch of invoked) {
      if (from >= expired || batch.invokes === 0) break;
      if (batch.end <= from) continue;
      const to = Math.min(expired, batch.end);
      this.discard(shardId, records.slice(from, to), 'RecordAgeExceeded', batch.invokes, batch.lastError, now);
      from = to;
    }
    for (; from < expired; from += this.options.batchSize) {
      this.discard(
        shardId,
        records.slice(from, Math.min(expired, from + this.options.batchSize)),
        'RecordAgeExceeded',
        0,
        undefined,
        now,
      );
    }
  }

  /**
   * Checkpoints every record before `to`. `keepEnd` is the end of a batch whose tail is still
   * being retried (a partial failure): the retry bookkeeping then stays.
   */
  private advance(state: ShardState, records: readonly E[], to: number, keepEnd?: number): void {
    state.position = to;
    state.checkpoint = (records[to - 1] as E).sequenceNumber;
    if (keepEnd !== undefined) {
      const range = state.ranges[0];
      if (range !== undefined) range.start = to;
      else state.retryEnd = keepEnd;
      return;
    }
    // Drop finished bisected ranges; a range not yet reached stays.
    while (state.ranges.length > 0 && (state.ranges[0] as { end: number }).end <= to) state.ranges.shift();
    const next = state.ranges[0];
    if (next !== undefined && next.start < to) next.start = to;
    state.attempts = 0;
    state.invokes = 0;
    state.lastError = undefined;
    state.retryEnd = undefined;
    state.notBefore = 0;
  }

  private discard(
    shardId: string,
    batch: readonly E[],
    condition: StreamFailureRecord['requestContext']['condition'],
    invokes: number,
    lastError: LastError,
    now: number,
  ): void {
    const first = batch[0] as E;
    const last = batch[batch.length - 1] as E;
    const { source } = this;
    const record: StreamFailureRecord = {
      requestContext: {
        requestId: this.requestIds().uuidV4(),
        functionArn: arn(
          source.partition,
          'lambda',
          source.region,
          source.account,
          `function:${this.options.functionName}`,
        ),
        condition,
        approximateInvokeCount: invokes,
      },
      ...(invokes === 0 || lastError === undefined
        ? {}
        : { responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: lastError } }),
      version: '1.0',
      timestamp: new Date(now).toISOString(),
      [source.batchInfoKey]: {
        shardId,
        startSequenceNumber: first.sequenceNumber,
        endSequenceNumber: last.sequenceNumber,
        approximateArrivalOfFirstRecord: source.arrivalIso(first.arrivalMs),
        approximateArrivalOfLastRecord: source.arrivalIso(last.arrivalMs),
        batchSize: batch.length,
        streamArn: source.streamArn,
      },
    };
    this.failures.push(record);
    if (this.options.onFailure !== undefined) {
      try {
        void Promise.resolve(this.options.onFailure(structuredClone(record))).catch(() => undefined);
      } catch {
        // A failing destination loses the record, as a misconfigured one does in AWS.
      }
    }
  }
}

/** A set of stream pollers as one {@link DeliveryWork} (what a stream service returns from runDue). */
export class StreamPollers {
  private pollers: StreamPoller<StreamEntry, unknown>[] = [];

  /** Adds a poller; returns it. */
  add<E extends StreamEntry, T>(poller: StreamPoller<E, T>): StreamPoller<E, T> {
    this.pollers.push(poller as unknown as StreamPoller<StreamEntry, unknown>);
    return poller;
  }

  /** Removes a poller (on unsubscribe). */
  remove(poller: object): void {
    this.pollers = this.pollers.filter((p) => p !== poller);
  }

  /** Stops and forgets every poller. */
  clear(): void {
    for (const poller of this.pollers) poller.active = false;
    this.pollers = [];
  }

  /** Runs every poller's due batches (a snapshot: handlers may subscribe while running). */
  async runDue(nowMs: () => number): Promise<boolean> {
    let did = false;
    for (const poller of [...this.pollers]) if (await poller.runDue(nowMs)) did = true;
    return did;
  }

  /** The earliest future retry of any poller. */
  nextDueTime(nowMs: number): Date | undefined {
    let next: number | undefined;
    for (const poller of this.pollers) {
      const due = poller.nextDueAt(nowMs);
      if (due !== undefined && (next === undefined || due < next)) next = due;
    }
    return next === undefined ? undefined : new Date(next);
  }
}
