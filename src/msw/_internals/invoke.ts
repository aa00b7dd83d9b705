/**
 * One invocation of a subscribed handler, as Lambda runs it: the function's timeout is measured on
 * the virtual clock, and a real-time guard keeps a handler that never settles from hanging
 * `mocks.drain()`.
 *
 * - The invocation times out (`Task timed out after 3.00 seconds`, a function error) once the
 *   virtual clock reaches its start plus the function's timeout while it runs: whether the handler
 *   moved the clock itself or the test did, and whether or not it ever settles.
 * - A handler that neither settles nor uses the mocks' clock (moving it, or calling a mock
 *   operation, which reads it) for `stuckHandlerMs` of real time cannot be told apart from one
 *   that hangs: the drain stops with a {@link DrainError} naming the subscription instead of
 *   waiting forever.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html
 */
import { AsyncLocalStorage } from 'node:async_hooks';
// The timers module, not the globals: fake timers installed by a test must not stop the guard.
import { clearTimeout as realClearTimeout, setTimeout as realSetTimeout } from 'node:timers';
import type { Context } from 'aws-lambda';
import { fail, show } from '../../_internals/errors.js';
import { runHandler } from '../../lambda/invoke.js';
import { invocationContext } from './lambdaContext.js';
import { DrainError } from './drainError.js';

/** Lambda's default function timeout, in seconds. */
export const LAMBDA_DEFAULT_TIMEOUT_SECONDS = 3;
/** Lambda's largest function timeout, in seconds (15 minutes). */
const LAMBDA_MAX_TIMEOUT_SECONDS = 900;
/** Real milliseconds a handler may stay pending without moving the virtual clock before drain() gives up on it. */
export const DEFAULT_STUCK_HANDLER_MS = 2000;

/**
 * The error an invocation that ran past its function timeout fails with: Lambda stops the
 * function and reports `Task timed out after N.00 seconds` (error type `Sandbox.Timedout`); the
 * event source counts it as a function error and retries it like a thrown error.
 */
export class FunctionTimeoutError extends Error {
  override readonly name = 'FunctionTimeoutError';
  /** Lambda's error type for a timed-out invocation. */
  readonly errorType = 'Sandbox.Timedout';
  constructor(
    /** The function's timeout, in seconds. */
    readonly timeoutSeconds: number,
  ) {
    super(`Task timed out after ${timeoutSeconds.toFixed(2)} seconds`);
  }
}

/** How an invocation ended. */
export type InvocationResult =
  | { readonly kind: 'returned'; readonly value: unknown }
  | { readonly kind: 'threw'; readonly error: unknown }
  | { readonly kind: 'timedOut'; readonly error: FunctionTimeoutError }
  /** Neither settled nor moved the clock within the real-time guard: the caller records it, then throws `error`. */
  | { readonly kind: 'stuck'; readonly error: DrainError };

/** What a drain lends to the invocations it runs. */
export interface DrainGuard {
  /** Reports the virtual clock's moves (without it, moves are only seen when the handler settles) and uses. */
  readonly clock: { watch?(listener: () => void): () => void; uses?(): number };
  /** Real milliseconds of no settlement and no clock move after which a handler is stuck. */
  readonly stuckHandlerMs: number;
}

const guards = new AsyncLocalStorage<DrainGuard>();

/** The guard of the drain running the caller, if any (the Lambda Invoke API lends one when none is). */
export function activeGuard(): DrainGuard | undefined {
  return guards.getStore();
}

/** Runs `work` (a drain) with `guard` applying to every invocation it makes. */
export function runWithGuard<T>(guard: DrainGuard, work: () => Promise<T>): Promise<T> {
  return guards.run(guard, work);
}

/** Validates a subscription's `timeout` option (whole seconds, as Lambda's `Timeout`). */
export function resolveTimeout(api: string, timeout: unknown): number {
  if (timeout === undefined) return LAMBDA_DEFAULT_TIMEOUT_SECONDS;
  if (
    typeof timeout !== 'number' ||
    !Number.isInteger(timeout) ||
    timeout < 1 ||
    timeout > LAMBDA_MAX_TIMEOUT_SECONDS
  ) {
    fail(
      api,
      'options.timeout',
      `${show(timeout)} is out of range: Lambda's function timeout is a whole number of seconds, 1–${LAMBDA_MAX_TIMEOUT_SECONDS}`,
    );
  }
  return timeout;
}

/** Validates a subscription's `retries` option (Lambda's `MaximumRetryAttempts` for async invocations, default 2). */
export function resolveAsyncRetries(api: string, retries: unknown): 0 | 1 | 2 {
  if (retries === undefined) return 2;
  if (retries !== 0 && retries !== 1 && retries !== 2)
    fail(
      api,
      'options.retries',
      `must be 0, 1 or 2 (Lambda's MaximumRetryAttempts for async invocations), got ${show(retries)}`,
    );
  return retries;
}

/** What an invoker needs to know about the subscription it invokes for. */
export interface InvocationTarget {
  /** The function timeout, seconds. */
  readonly timeoutSeconds: number;
  /** Names the subscription in a stuck-handler error, e.g. `the SQS subscription to arn:…`. */
  describe(): string;
}

/**
 * Invokes `handler` with `event` under the function timeout of `target`, on the virtual clock read
 * by `nowMs`. Never rejects: a thrown error, a timeout and a stuck handler are results.
 */
export function invokeHandler<TEvent>(
  handler: (event: TEvent, context: Context, callback: never) => unknown,
  event: TEvent,
  target: InvocationTarget,
  nowMs: () => number,
): Promise<InvocationResult> {
  const startMs = nowMs();
  const deadline = startMs + target.timeoutSeconds * 1000;
  // However it ended, an invocation still running at its deadline was stopped there.
  const settle = (result: InvocationResult): InvocationResult =>
    nowMs() >= deadline ? { kind: 'timedOut', error: new FunctionTimeoutError(target.timeoutSeconds) } : result;
  const guard = guards.getStore();
  // As Lambda's Node.js runtime calls it: (event, context, callback), first settlement wins.
  const settled = runHandler(handler, event, invocationContext(guard?.clock, target.timeoutSeconds, nowMs)).then(
    settle,
  );
  if (guard === undefined) return settled;
  return new Promise<InvocationResult>((resolve) => {
    let done = false;
    let timer: ReturnType<typeof realSetTimeout> | undefined;
    const finish = (result: InvocationResult): void => {
      if (done) return;
      done = true;
      if (timer !== undefined) realClearTimeout(timer);
      unwatch();
      resolve(result);
    };
    let uses: number | undefined;
    const arm = (): void => {
      if (timer !== undefined) realClearTimeout(timer);
      uses = guard.clock.uses?.();
      timer = realSetTimeout(() => {
        // Mock operations read the clock: a handler still calling them is slow, not stuck.
        if (guard.clock.uses?.() !== uses) {
          arm();
          return;
        }
        finish({
          kind: 'stuck',
          error: new DrainError(
            `drain: the handler of ${target.describe()} has neither settled nor moved the virtual clock nor called the mocks for ${guard.stuckHandlerMs} ms of real time ` +
              `(invoked at virtual time ${new Date(startMs).toISOString()}; its function timeout is ${target.timeoutSeconds} s of virtual time). ` +
              'Make its promise settle, move mocks.clock past the timeout to let it time out as Lambda would, or raise drain({ stuckHandlerMs }).',
          ),
        });
      }, guard.stuckHandlerMs);
    };
    // A clock move is progress: it re-arms the guard, or ends the invocation at its deadline.
    const unwatch =
      guard.clock.watch?.(() => {
        if (nowMs() >= deadline) finish({ kind: 'timedOut', error: new FunctionTimeoutError(target.timeoutSeconds) });
        else if (!done) arm();
      }) ?? ((): void => undefined);
    // The handler may have moved the clock past its deadline before returning its promise.
    if (nowMs() >= deadline) {
      finish({ kind: 'timedOut', error: new FunctionTimeoutError(target.timeoutSeconds) });
      return;
    }
    arm();
    void settled.then(finish);
  });
}
