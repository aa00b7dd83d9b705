/**
 * Asynchronous Lambda invocations (`InvocationType: Event`) on the virtual clock: due at once, run
 * by `drain()`; a failed attempt (a throw, a rejection, a timeout, a response the runtime cannot
 * send) is retried as Lambda retries async invocations, one minute and then two minutes after the
 * failed attempt ended; after the last attempt the event is reported as failed.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
 */
import type { Context } from 'aws-lambda';
import { judgeHandlerResponse } from './batchItemFailures.js';
import { invokeHandler, type InvocationResult } from './invoke.js';

/** Lambda's waits before the first and the second retry of an async invocation. */
const ASYNC_RETRY_DELAYS_MS = [60_000, 120_000] as const;

/** Who receives the events of one queue of async invocations. */
export interface AsyncTarget<E> {
  handler(event: E, context: Context, callback: never): unknown;
  /** Function timeout, seconds. */
  readonly timeoutSeconds: number;
  /** Retries after a failed attempt (Lambda's `MaximumRetryAttempts`, 0–2). */
  readonly retries: number;
  /** False once unsubscribed: queued attempts are dropped. */
  readonly active: boolean;
  /** Names the target in a stuck-handler error. */
  describe(): string;
  /** Called after every attempt (`error` undefined on success); `final` when no retry follows. */
  settled(event: E, attempt: number, timeMs: number, error: { error: unknown } | undefined, final: boolean): void;
}

interface Pending<E> {
  readonly target: AsyncTarget<E>;
  readonly event: E;
  attempts: number;
  dueMs: number;
  readonly order: number;
}

/** What a failed asynchronous invocation failed with, or undefined when it succeeded (its response is ignored). */
function asyncFailureOf(result: InvocationResult): { error: unknown } | undefined {
  if (result.kind !== 'returned') return { error: result.error };
  // The runtime still has to send the response as JSON: a BigInt or a cycle fails the invocation.
  const verdict = judgeHandlerResponse(result.value, false, { has: () => false, describe: '' });
  return verdict.outcome === 'failure' ? { error: new Error(verdict.reason) } : undefined;
}

/** A queue of asynchronous invocations, run in due-time then arrival order. */
export class AsyncInvocations<E> {
  #queue: Pending<E>[] = [];
  #order = 0;

  constructor(private readonly nowMs: () => number) {}

  /** Queues `event` for `target`, due at `dueMs`. */
  push(target: AsyncTarget<E>, event: E, dueMs: number): void {
    this.#queue.push({ target, event, attempts: 0, dueMs, order: this.#order++ });
  }

  /** Whether nothing is queued. */
  get size(): number {
    return this.#queue.length;
  }

  /** Invokes every attempt due now; schedules retries. Rethrows a stuck handler's DrainError after booking it. */
  async runDue(): Promise<boolean> {
    const now = this.nowMs();
    let due: Pending<E>[] = [];
    const rest: Pending<E>[] = [];
    for (const p of this.#queue) (p.dueMs <= now ? due : rest).push(p);
    if (due.length === 0) return false;
    due = due.sort((a, b) => a.dueMs - b.dueMs || a.order - b.order);
    this.#queue = rest;
    for (const [index, pending] of due.entries()) {
      const { target } = pending;
      if (!target.active) continue;
      pending.attempts++;
      const result = await invokeHandler(
        target.handler,
        pending.event,
        { timeoutSeconds: target.timeoutSeconds, describe: () => target.describe() },
        this.nowMs,
      );
      const failure = asyncFailureOf(result);
      const retry = failure !== undefined && pending.attempts <= target.retries;
      target.settled(pending.event, pending.attempts - 1, now, failure, !retry);
      if (retry) {
        // Lambda waits from the failed attempt's end (a timeout ends later than it started).
        pending.dueMs = this.nowMs() + (ASYNC_RETRY_DELAYS_MS[pending.attempts - 1] as number);
        this.#queue.push(pending);
      }
      if (result.kind === 'stuck') {
        this.#queue.push(...due.slice(index + 1));
        throw result.error;
      }
    }
    return true;
  }

  /** The earliest due time of a queued attempt. */
  nextDueMs(): number | undefined {
    let next: number | undefined;
    for (const p of this.#queue) if (p.target.active && (next === undefined || p.dueMs < next)) next = p.dueMs;
    return next;
  }

  /** Drops every queued attempt of `target`. */
  drop(target: AsyncTarget<E>): void {
    this.#queue = this.#queue.filter((p) => p.target !== target);
  }

  /** Forgets everything. */
  clear(): void {
    this.#queue = [];
    this.#order = 0;
  }
}
