/**
 * The Lambda event source mapping for SQS, played against a {@link MockQueue}: batch size,
 * batching window, 6 MB payload, deletion on success, whole-batch retry on error and
 * `ReportBatchItemFailures` (Lambda developer guide: services-sqs-configure,
 * services-sqs-errorhandling, services-sqs-parameters; aws-sdk-wire.md §3).
 */
import { fail, show } from '../../_internals/errors.js';
import { LAMBDA_PAYLOAD_LIMIT, utf8Length } from '../../_internals/limits.js';
import { readBatchItemFailures } from '../_internals/batchItemFailures.js';
import { jsonStringBytes, SQS_MAX_FIFO_BATCH, SQS_MAX_STANDARD_BATCH, toSqsEvent, type SqsEvent } from '../../events/sqs/index.js';
import type { MockQueue, StoredMessage } from './queue.js';

/** A function subscribed to a queue: receives the Lambda SQS event. */
export type SqsHandler = (event: SqsEvent) => unknown;

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
  /** Why the batch failed as a whole (a thrown error, or the response rule it broke). */
  readonly reason?: string;
  /** The error the handler threw, if it threw. */
  readonly error?: unknown;
}

/** A live subscription. */
export interface SqsSubscription {
  /** The ARN of the subscribed queue. */
  readonly queueArn: string;
  /** Every invocation so far, in order. */
  readonly invocations: readonly SqsInvocation[];
  /** Stops deliveries (records already delivered stay as they are). */
  unsubscribe(): void;
}

type Verdict = { outcome: 'success' } | { outcome: 'failure'; reason: string } | { outcome: 'partial'; failed: Set<string> };


/**
 * Interprets a handler's response under `ReportBatchItemFailures` (Lambda developer guide,
 * services-sqs-errorhandling): success for a null/empty response or a null/empty list; failure
 * for a response that is not JSON or not an object, a non-list `batchItemFailures`, or an item
 * with a missing, null, empty, mis-named or unknown `itemIdentifier`.
 */
export function judgeBatchResponse(response: unknown, batchIds: ReadonlySet<string>): Verdict {
  const reading = readBatchItemFailures(response);
  if (!reading.ok) return { outcome: 'failure', reason: reading.reason };
  const failed = new Set<string>();
  for (const id of reading.identifiers) {
    if (!batchIds.has(id)) return { outcome: 'failure', reason: `itemIdentifier ${show(id)} is not the messageId of a record in the batch` };
    failed.add(id);
  }
  return failed.size === 0 ? { outcome: 'success' } : { outcome: 'partial', failed };
}

/** Validates subscribe options against Lambda's limits for the queue type. */
export function resolveSubscribeOptions(api: string, fifo: boolean, options: SqsSubscribeOptions | undefined): Required<SqsSubscribeOptions> {
  if (options !== undefined && (options === null || typeof options !== 'object')) fail(api, 'options', `must be an object, got ${show(options)}`);
  const batchSize = options?.batchSize ?? 10;
  const window = options?.maximumBatchingWindowInSeconds ?? 0;
  const max = fifo ? SQS_MAX_FIFO_BATCH : SQS_MAX_STANDARD_BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > max) {
    fail(api, 'options.batchSize', `${show(batchSize)} is out of range: Lambda allows 1–${max} for a ${fifo ? 'FIFO' : 'standard'} queue`);
  }
  if (!Number.isInteger(window) || window < 0 || window > 300) fail(api, 'options.maximumBatchingWindowInSeconds', `${show(window)} is out of range: 0–300 seconds`);
  if (fifo && window > 0) fail(api, 'options.maximumBatchingWindowInSeconds', 'is not supported for FIFO queues (Lambda rejects a batching window on a FIFO event source)');
  if (batchSize > 10 && window < 1) fail(api, 'options.batchSize', `${batchSize} needs maximumBatchingWindowInSeconds ≥ 1 (Lambda requires a batching window for batches over 10)`);
  const report = options?.reportBatchItemFailures ?? false;
  if (typeof report !== 'boolean') fail(api, 'options.reportBatchItemFailures', `must be a boolean, got ${show(report)}`);
  return { batchSize, maximumBatchingWindowInSeconds: window, reportBatchItemFailures: report };
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
  readonly invocations: SqsInvocation[] = [];
  active = true;
  private windowOpenedAt: number | undefined;

  constructor(
    readonly queue: MockQueue,
    private readonly handler: SqsHandler,
    private readonly options: Required<SqsSubscribeOptions>,
    private readonly detach: (subscription: QueueSubscription) => void,
  ) {}

  get queueArn(): string {
    return this.queue.info.arn;
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
    if (!this.active || !this.ready(now)) return false;
    this.windowOpenedAt = undefined;
    let budget = PAYLOAD_BUDGET;
    const { messages, moved } = this.queue.receive(now, this.options.batchSize, this.queue.config.visibilityTimeout, (message) => {
      budget -= recordBytesBound(message);
      return budget >= 0;
    });
    if (messages.length === 0) return moved > 0;
    const handles = messages.map((message) => message.receiptHandle as string);
    const event = toSqsEvent(messages.map((message) => this.queue.toRecord(message, true)));
    const ids = new Set(messages.map((message) => message.messageId));
    let verdict: Verdict;
    let error: unknown;
    let threw = false;
    try {
      const response = await this.handler(event);
      verdict = this.options.reportBatchItemFailures ? judgeBatchResponse(response, ids) : { outcome: 'success' };
    } catch (thrown) {
      threw = true;
      error = thrown;
      verdict = { outcome: 'failure', reason: `the handler threw: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
    }
    // Lambda deletes what succeeded (DeleteMessageBatch); failed records reappear after the visibility timeout.
    // After the handler: a test may have moved the clock while it ran.
    const deleteAt = clock.nowMs();
    const failedIds: string[] = [];
    messages.forEach((message, i) => {
      const failed = verdict.outcome === 'failure' || (verdict.outcome === 'partial' && verdict.failed.has(message.messageId));
      if (failed) failedIds.push(message.messageId);
      else this.deleteQuietly(handles[i] as string, deleteAt);
    });
    const invocation: SqsInvocation = {
      event,
      time: new Date(now),
      outcome: verdict.outcome,
      failedMessageIds: failedIds,
      ...(verdict.outcome === 'failure' ? { reason: verdict.reason } : {}),
      ...(threw ? { error } : {}),
    };
    this.invocations.push(invocation);
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
    if (!this.active) return undefined;
    let next = this.queue.nextVisibleAt(now);
    if (this.windowOpenedAt !== undefined) {
      const closes = this.windowOpenedAt + this.options.maximumBatchingWindowInSeconds * 1000;
      if (closes > now && (next === undefined || closes < next)) next = closes;
    }
    return next;
  }
}
