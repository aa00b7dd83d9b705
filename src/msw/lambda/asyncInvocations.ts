/**
 * Asynchronous invocations (`InvocationType: Event`) of the functions of one Lambda: each
 * function's target in the shared queue of async invocations (retries on the virtual clock), and
 * the record of the invocations that failed every attempt.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
 */
import type { AsyncTarget } from '../_internals/asyncInvoke.js';
import type { MockFunction } from './functions.js';
import { functionKey, type LambdaState } from './state.js';

/** An asynchronous invocation that failed every attempt (Lambda would send it to the on-failure destination or DLQ). */
export interface LambdaAsyncFailure {
  readonly functionArn: string;
  readonly event: unknown;
  /** Attempts made (1 + retries). */
  readonly attempts: number;
  readonly error: unknown;
  readonly time: Date;
}

/**
 * The async target of `fn`, made once per function: it stays active while `fn` is the function
 * registered under its name (a deleted or replaced function's queued attempts are dropped).
 */
export function asyncTargetOf(state: LambdaState, fn: MockFunction): AsyncTarget<unknown> {
  let target = state.asyncTargets.get(fn);
  if (target === undefined) {
    target = {
      handler: fn.handlerFor('Event'),
      timeoutSeconds: fn.options.timeout,
      retries: fn.options.maximumRetryAttempts,
      get active() {
        return state.functions.get(functionKey(fn.region, fn.name)) === fn;
      },
      describe: () => `the asynchronous invocation of ${fn.arn}`,
      settled(event, attempt, timeMs, error, final) {
        if (error !== undefined && final)
          state.asyncFailures.push({
            functionArn: fn.arn,
            event,
            attempts: attempt + 1,
            error: error.error,
            time: new Date(timeMs),
          });
      },
    };
    state.asyncTargets.set(fn, target);
  }
  return target;
}
