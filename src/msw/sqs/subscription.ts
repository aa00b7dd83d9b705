/**
 * The Lambda event source mapping for SQS, played against a {@link MockQueue}: batch size,
 * batching window, 6 MB payload, deletion on success, whole-batch retry on error and
 * `ReportBatchItemFailures` (Lambda developer guide: services-sqs-configure,
 * services-sqs-errorhandling, services-sqs-parameters).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
 */
import { fail, show } from '../../_internals/errors.js';
import { LAMBDA_PAYLOAD_LIMIT, utf8Length } from '../../_internals/limits.js';
import { judgeHandlerResponse } from '../_internals/batchItemFailures.js';
import { InvocationHistory, resolveHistoryLimit } from '../_internals/history.js';
import { invokeHandler, resolveTimeout } from '../_internals/invoke.js';
import {
  FilteredLog,
  resolveFilterOption,
  type FilterCriteria,
  type FilteredRecord,
} from '../_internals/mappingFilter.js';
import type { CompiledFilterCriteria } from '../../patterns/filters.js';
import type { SubscribedHandler } from '../_internals/lambdaContext.js';
import {
  jsonStringBytes,
  SQS_MAX_FIFO_BATCH,
  SQS_MAX_STANDARD_BATCH,
  toSqsEvent,
  type SqsEvent,
  type SqsRecord,
} from '../../events/sqs/index.js';
import type { MockQueue, StoredMessage } from './queue.js';

/**
 * A function subscribed to a queue, called as Lambda calls it: `(event, context, callback)`. An
 * `SQSHandler` of `@types/aws-lambda` fits.
 */
export type SqsHandler = SubscribedHandler<SqsEvent>;

/** Event source mapping settings. */
export interface SqsSubscribeOptions {
  /**
   * Records per invocation: 1–10 for FIFO queues, 1–10,000 for standard queues (over 10 needs a
   * batching window of at least 1 second).
   * @defaultValue `10`
   */
  batchSize?: number;
  /**
   * Seconds to gather records before invoking (0–300; standard queues only). Lambda invokes when
   * the window closes, the batch is full, or the payload reaches 6 MB.
   * @defaultValue `0`
   */
  maximumBatchingWindowInSeconds?: number;
  /**
   * `FunctionResponseTypes: ["ReportBatchItemFailures"]`: the handler's
   * `{ batchItemFailures: [{ itemIdentifier }] }` marks the records to retry.
   * @defaultValue `false`
   */
  reportBatchItemFailures?: boolean;
  /**
   * The function's timeout in whole seconds (Lambda's `Timeout`, 1–900), on the virtual clock: an
   * invocation still running when the clock reaches its start plus `timeout` fails with
   * `Task timed out after N.00 seconds`, and its batch reappears after the visibility timeout.
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
   * Lambda's `FilterCriteria` (`{ Filters: [{ Pattern }] }`, at most 5 filters): a message that
   * matches no filter is deleted from the queue and never reaches the handler; `filtered` lists it
   * with the reason. Patterns see the record as the handler would (a JSON `body` as its value).
   * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html
   */
  filterCriteria?: FilterCriteria;
}

/** {@link SqsSubscribeOptions} validated; the filters compiled (undefined: no filtering). */
export interface ResolvedSqsSubscribeOptions extends Required<Omit<SqsSubscribeOptions, 'filterCriteria'>> {
  readonly filter: CompiledFilterCriteria | undefined;
}

/** How one invocation ended. */
export type SqsInvocationOutcome = 'success' | 'failure' | 'partial';

/** One invocation of a subscribed handler, kept for assertions. */
export interface SqsInvocation {
  /** The event the handler received. */
  readonly event: SqsEvent;
  /** Virtual time of the invocation. */
  readonly time: Date;
  /** `success`: every record deleted; `failure`: none; `partial`: all but `failedMessageIds`. */
  readonly outcome: SqsInvocationOutcome;
  /** Message ids left on the queue for a retry. */
  readonly failedMessageIds: readonly string[];
  /** Why the batch failed as a whole (a thrown error, a timeout, or the response rule it broke). */
  readonly reason?: string;
  /**
   * On a failure: `"Unhandled"` when the function threw, timed out or could not send its response,
   * `null` when it returned normally but its response failed the batch.
   */
  readonly functionError?: 'Unhandled' | null;
  /** The error the handler threw, or the `FunctionTimeoutError` of a timed-out invocation. */
  readonly error?: unknown;
}

/** A live subscription. */
export interface SqsSubscription {
  /** The ARN of the subscribed queue. */
  readonly queueArn: string;
  /** The latest invocations (up to the `invocationHistory` option, 1000 by default), oldest first. */
  readonly invocations: readonly SqsInvocation[];
  /** Every invocation since subscribing, including those no longer kept in `invocations`. */
  readonly invocationCount: number;
  /** Every invocation since subscribing, by outcome. */
  readonly outcomeCounts: Readonly<Record<SqsInvocationOutcome, number>>;
  /** The latest messages the filters deleted (up to `invocationHistory`), oldest first, with why. */
  readonly filtered: readonly FilteredRecord<SqsRecord>[];
  /** Every message the filters deleted since subscribing. */
  readonly filteredCount: number;
  /** Stops deliveries (records already delivered stay as they are). */
  unsubscribe(): void;
}

type Verdict =
  | { outcome: 'success' }
  | { outcome: 'failure'; reason: string; functionError: 'Unhandled' | null }
  | { outcome: 'partial'; failed: Set<string> };

/**
 * Interprets a handler's response under `ReportBatchItemFailures` with the reader every polled
 * source shares (Lambda developer guide, services-sqs-errorhandling): success for a null or empty
 * response or list; failure for a response that is not a JSON object, a non-list
 * `batchItemFailures`, or an item with a missing, null, empty, non-string, mis-named or unknown
 * `itemIdentifier`; otherwise the message ids to retry.
 */
export function judgeBatchResponse(response: unknown, batchIds: ReadonlySet<string>, report = true): Verdict {
  const verdict = judgeHandlerResponse(response, report, {
    has: (id) => batchIds.has(id),
    describe: 'the messageId of a record in the batch',
  });
  return verdict.outcome === 'partial' ? { outcome: 'partial', failed: new Set(verdict.identifiers) } : verdict;
}

/** Validates subscribe options against Lambda's limits for the queue type. */
export function resolveSubscribeOptions(
  api: string,
  fifo: boolean,
  options: SqsSubscribeOptions | undefined,
): ResolvedSqsSubscribeOptions {
  if (options !== undefined && (options === null || typeof options !== 'object'))
    fail(api, 'options', `must be an object, got ${show(options)}`);
  const batchSize = options?.batchSize ?? 10;
  const window = options?.maximumBatchingWindowInSeconds ?? 0;
  const max = fifo ? SQS_MAX_FIFO_BATCH : SQS_MAX_STANDARD_BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > max) {
    fail(
      api,
      'options.batchSize',
      `${show(batchSize)} is out of range: Lambda allows 1–${max} for a ${fifo ? 'FIFO' : 'standard'} queue`,
    );
  }
  if (!Number.isInteger(window) || window < 0 || window > 300)
    fail(api, 'options.maximumBatchingWindowInSeconds', `${show(window)} is out of range: 0–300 seconds`);
  if (fifo && window > 0)
    fail(
      api,
      'options.maximumBatchingWindowInSeconds',
      'is not supported for FIFO queues (Lambda rejects a batching window on a FIFO event source)',
    );
  if (batchSize > 10 && window < 1)
    fail(
      api,
      'options.batchSize',
      `${batchSize} needs maximumBatchingWindowInSeconds ≥ 1 (Lambda requires a batching window for batches over 10)`,
    );
  const report = options?.reportBatchItemFailures ?? false;
  if (typeof report !== 'boolean')
    fail(api, 'options.reportBatchItemFailures', `must be a boolean, got ${show(report)}`);
  const timeout = resolveTimeout(api, options?.timeout);
  const invocationHistory = resolveHistoryLimit(api, options?.invocationHistory);
  const filter = resolveFilterOption(api, options?.filterCriteria, 'sqs');
  return {
    batchSize,
    maximumBatchingWindowInSeconds: window,
    reportBatchItemFailures: report,
    timeout,
    invocationHistory,
    filter,
  };
}

// Lambda's payload limit, less room for `{"Records":[]}` and separators.
const PAYLOAD_BUDGET = LAMBDA_PAYLOAD_LIMIT - 64;
// A generous bound on a record's fields besides body and attributes (ids, ARN, handle ≤ 432, timestamps).
const RECORD_OVERHEAD = 2048;

/** Upper bound of a record's JSON size, cheap to compute for small messages. */
function recordBytesBound(message: StoredMessage): number {
  // JSON escapes take at most 6 bytes per UTF-16 unit (\uXXXX), so small bodies need no stringify.
  const body = message.body.length * 6 <= 65_536 ? message.body.length * 6 : jsonStringBytes(message.body);
  const attributes = message.size - utf8Length(message.body);
  return body + attributes * 6 + RECORD_OVERHEAD;
}

/** One event source mapping. */
export class QueueSubscription implements SqsSubscription {
  active = true;
  /** False while the mapping is disabled: nothing is received, messages stay on the queue. */
  enabled = true;
  private windowOpenedAt: number | undefined;
  private readonly history: InvocationHistory<SqsInvocation, SqsInvocationOutcome>;
  private readonly dropped: FilteredLog<SqsRecord>;

  constructor(
    readonly queue: MockQueue,
    private handler: SqsHandler,
    private options: ResolvedSqsSubscribeOptions,
    private readonly detach: (subscription: QueueSubscription) => void,
  ) {
    this.history = new InvocationHistory(options.invocationHistory, ['success', 'failure', 'partial']);
    this.dropped = new FilteredLog(options.invocationHistory);
  }

  /** Applies new settings (UpdateEventSourceMapping); what is in flight is unaffected. */
  configure(options: ResolvedSqsSubscribeOptions, handler: SqsHandler = this.handler): void {
    this.options = options;
    this.handler = handler;
    this.windowOpenedAt = undefined;
  }

  get filtered(): readonly FilteredRecord<SqsRecord>[] {
    return this.dropped.items();
  }

  get filteredCount(): number {
    return this.dropped.count();
  }

  get queueArn(): string {
    return this.queue.info.arn;
  }

  get invocations(): readonly SqsInvocation[] {
    return this.history.items();
  }

  get invocationCount(): number {
    return this.history.count();
  }

  get outcomeCounts(): Readonly<Record<SqsInvocationOutcome, number>> {
    return this.history.counts();
  }

  unsubscribe(): void {
    this.active = false;
    this.detach(this);
  }

  /** Whether a batch should be delivered at `now` (window closed, batch full, or no window). */
  private ready(now: number): boolean {
    const window = this.options.maximumBatchingWindowInSeconds;
    if (window === 0) return this.queue.receivable(now, 1) > 0;
    const available = this.queue.receivable(now, this.options.batchSize);
    if (available === 0) {
      this.windowOpenedAt = undefined;
      return false;
    }
    this.windowOpenedAt ??= now;
    return available >= this.options.batchSize || now >= this.windowOpenedAt + window * 1000;
  }

  /** Delivers one batch if one is due; true when it did anything (delivered or moved to a DLQ). */
  async runDue(clock: { nowMs(): number }): Promise<boolean> {
    const now = clock.nowMs();
    if (!this.active || !this.enabled || !this.ready(now)) return false;
    this.windowOpenedAt = undefined;
    let budget = PAYLOAD_BUDGET;
    const received = this.queue.receive(now, this.options.batchSize, this.queue.config.visibilityTimeout, (message) => {
      budget -= recordBytesBound(message);
      return budget >= 0;
    });
    const moved = received.moved;
    let messages = received.messages;
    if (messages.length === 0) return moved > 0;
    const records = messages.map((message) => this.queue.toRecord(message, true));
    if (this.options.filter !== undefined) {
      // Lambda deletes a message no filter matches: it never reaches the function.
      const { kept, dropped } = this.options.filter.filter(records);
      const keptSet = new Set(kept);
      for (const drop of dropped) {
        this.deleteQuietly(drop.record.receiptHandle, now);
        this.dropped.push({
          record: drop.record,
          reason: drop.reason,
          explanation: drop.explanation,
          filter: drop.filter,
          time: new Date(now),
        });
      }
      if (kept.length === 0) return true;
      messages = messages.filter((_, i) => keptSet.has(records[i] as SqsRecord));
      records.splice(0, records.length, ...kept);
    }
    const handles = messages.map((message) => message.receiptHandle as string);
    const event = toSqsEvent(records);
    const ids = new Set(messages.map((message) => message.messageId));
    const result = await invokeHandler(
      this.handler,
      event,
      { timeoutSeconds: this.options.timeout, describe: () => `the SQS subscription to ${this.queueArn}` },
      () => clock.nowMs(),
    );
    let verdict: Verdict;
    let error: unknown;
    if (result.kind === 'returned') {
      verdict = judgeBatchResponse(result.value, ids, this.options.reportBatchItemFailures);
    } else {
      error = result.error;
      const why =
        result.kind === 'threw'
          ? `the handler threw: ${result.error instanceof Error ? result.error.message : String(result.error)}`
          : result.error.message;
      verdict = { outcome: 'failure', functionError: 'Unhandled', reason: why };
    }
    // Lambda deletes what succeeded (DeleteMessageBatch); failed records reappear after the visibility timeout.
    // After the handler: a test may have moved the clock while it ran.
    const deleteAt = clock.nowMs();
    const failedIds: string[] = [];
    messages.forEach((message, i) => {
      const failed =
        verdict.outcome === 'failure' || (verdict.outcome === 'partial' && verdict.failed.has(message.messageId));
      if (failed) failedIds.push(message.messageId);
      else this.deleteQuietly(handles[i] as string, deleteAt);
    });
    const invocation: SqsInvocation = {
      event,
      time: new Date(now),
      outcome: verdict.outcome,
      failedMessageIds: failedIds,
      ...(verdict.outcome === 'failure' ? { reason: verdict.reason, functionError: verdict.functionError } : {}),
      ...(result.kind === 'returned' ? {} : { error }),
    };
    this.history.push(invocation);
    // A stuck handler was booked as a failed invocation (its batch reappears later); now the drain stops.
    if (result.kind === 'stuck') throw result.error;
    return true;
  }

  /** Deletes as Lambda would; a handler that already deleted the message is not an error. */
  private deleteQuietly(handle: string, now: number): void {
    try {
      this.queue.delete(handle, now);
    } catch {
      // e.g. the handler changed the visibility itself and the FIFO handle expired: Lambda logs and moves on.
    }
  }

  /** The next instant this subscription may have work: a message becoming visible or the window closing. */
  nextDueAt(now: number): number | undefined {
    if (!this.active || !this.enabled) return undefined;
    let next = this.queue.nextVisibleAt(now);
    if (this.windowOpenedAt !== undefined) {
      const closes = this.windowOpenedAt + this.options.maximumBatchingWindowInSeconds * 1000;
      if (closes > now && (next === undefined || closes < next)) next = closes;
    }
    return next;
  }
}
