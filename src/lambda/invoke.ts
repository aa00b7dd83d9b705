/**
 * Runs a handler the way Lambda's Node.js runtime does: `(event, context, callback)`, the first of
 * the returned promise, the callback and the legacy `context.done`/`succeed`/`fail` to settle wins,
 * failures are reported as `{ errorType, errorMessage, trace }`, and the function times out.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html
 */
import type { Context, Handler } from 'aws-lambda';
// The timers module, not the global: vitest's fake timers must not stop a settlement.
import { setImmediate as realSetImmediate } from 'node:timers';
import { fail, show } from '../_internals/errors.js';
import { isPlainObject } from '../_internals/objects.js';
import { optionKeys } from '../_internals/knownOptions.js';
import {
  assertKnownOptions,
  attachCompletion,
  buildLambdaContext,
  isKitContext,
  resolveLambdaContextOptions,
  seededInvocationIds,
  type LambdaContextOptions,
} from './context.js';
import { LambdaInvocationError, toLambdaErrorPayload } from './errors.js';

/** Options of {@link invokeHandler}. */
export interface InvokeHandlerOptions {
  /**
   * The Context passed to the handler: a Context (e.g. from `makeLambdaContext`, or your own), or
   * the options of `makeLambdaContext`.
   * @defaultValue `makeLambdaContext({ timeout })`
   */
  context?: Context | LambdaContextOptions;
  /**
   * The function's timeout in seconds (see `LambdaContextOptions.timeout`). Enforced with
   * `setTimeout`, so vitest's fake timers can run it out.
   * @defaultValue the context options' `timeout`; for a given Context, its `getRemainingTimeInMillis()`; else 3
   */
  timeout?: number;
  /**
   * The Lambda Node.js runtime whose handler rules apply. Up to `nodejs22.x` the runtime takes
   * callback handlers and the legacy `context.done`/`succeed`/`fail`. `nodejs24.x` removed them:
   * a handler that is not `async` and declares three parameters fails before it runs with
   * `Runtime.CallbackHandlerDeprecated` (the runtime's classification by the handler's declared
   * parameters), and the context has no `done`, `succeed`, `fail` or
   * `callbackWaitsForEmptyEventLoop`.
   * @defaultValue `"nodejs22.x"` (both handler styles)
   * @see https://aws.amazon.com/blogs/compute/node-js-24-runtime-now-available-in-aws-lambda/
   */
  runtime?: LambdaNodeRuntime;
}

/** The Lambda Node.js runtimes whose handler rules differ (see {@link InvokeHandlerOptions.runtime}). */
export type LambdaNodeRuntime = 'nodejs20.x' | 'nodejs22.x' | 'nodejs24.x';
const RUNTIMES: readonly LambdaNodeRuntime[] = ['nodejs20.x', 'nodejs22.x', 'nodejs24.x'];

/** The Node.js 24 runtime's error for a callback handler (errorType `Runtime.CallbackHandlerDeprecated`). */
export const CALLBACK_HANDLER_DEPRECATED_MESSAGE =
  'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';

/** The result type of a handler type: `HandlerResult<SQSHandler>` is `SQSBatchResponse | void`. */
export type HandlerResult<THandler> = THandler extends Handler<never, infer TResult> ? TResult : never;

const API = 'invokeHandler';
const KNOWN_OPTIONS = optionKeys<InvokeHandlerOptions>({ context: true, timeout: true, runtime: true });

function isContext(value: unknown): value is Context {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { getRemainingTimeInMillis?: unknown }).getRemainingTimeInMillis === 'function'
  );
}

/** The context and the timeout (ms) of one invocation. */
function resolveInvocation(options: InvokeHandlerOptions | undefined): { context: Context; timeoutMs: number } {
  if (options !== undefined && !isPlainObject(options)) fail(API, 'options', `must be an object, got ${show(options)}`);
  assertKnownOptions(API, 'options', options, KNOWN_OPTIONS);
  const timeout = options?.timeout;
  if (
    timeout !== undefined &&
    (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout < 0.001 || timeout > 900)
  ) {
    fail(
      API,
      'options.timeout',
      `must be a number of seconds from 0.001 to 900 (Lambda's maximum), got ${show(timeout)}`,
    );
  }
  const given = options?.context;
  if (isContext(given)) {
    const remaining = given.getRemainingTimeInMillis();
    if (timeout === undefined && (typeof remaining !== 'number' || !Number.isFinite(remaining) || remaining <= 0)) {
      fail(
        API,
        'options.context',
        `getRemainingTimeInMillis() returned ${show(remaining)}: give a context with time left, or options.timeout`,
      );
    }
    return { context: given, timeoutMs: timeout === undefined ? remaining : Math.round(timeout * 1000) };
  }
  if (given !== undefined && !isPlainObject(given))
    fail(API, 'options.context', `must be a Context or the options of makeLambdaContext, got ${show(given)}`);
  const contextOptions = given as LambdaContextOptions | undefined;
  if (timeout !== undefined && contextOptions?.timeout !== undefined && contextOptions.timeout !== timeout) {
    fail(
      API,
      'options.timeout',
      `(${show(timeout)}) disagrees with options.context.timeout (${show(contextOptions.timeout)}): give one`,
    );
  }
  const resolved = resolveLambdaContextOptions(
    API,
    timeout === undefined ? contextOptions : { ...contextOptions, timeout },
    'options.context',
  );
  const { awsRequestId, streamHex } = seededInvocationIds(resolved);
  return { context: buildLambdaContext(resolved, awsRequestId, streamHex), timeoutMs: resolved.timeoutMs };
}

/**
 * A context whose legacy methods complete this invocation: a kit context is used as is (its
 * methods are routed here); another Context is wrapped in an object inheriting from it.
 */
function wireContext(context: Context, done: (error: unknown, result: unknown) => void): Context {
  if (isKitContext(context)) {
    attachCompletion(context, { done });
    return context;
  }
  const wired = Object.create(context) as Context;
  wired.done = (error?: unknown, result?: unknown) => done(error, result);
  wired.fail = (error: unknown) => done(error === undefined || error === null ? 'handled' : error, undefined);
  wired.succeed = (result: unknown) => done(null, result);
  return wired;
}

/** The context as Node.js 24 gives it: no `done`, `succeed`, `fail` or `callbackWaitsForEmptyEventLoop`. */
function withoutLegacyMembers(context: Context): Context {
  const legacyless = Object.create(context) as Context;
  for (const member of ['done', 'succeed', 'fail', 'callbackWaitsForEmptyEventLoop']) {
    Object.defineProperty(legacyless, member, {
      value: undefined,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }
  return legacyless;
}

/** Lambda's timeout message, e.g. `Task timed out after 3.00 seconds`. */
export function lambdaTimeoutMessage(awsRequestId: string, timeoutMs: number): string {
  return `RequestId: ${awsRequestId} Error: Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`;
}

/** How a handler run ended, before any timeout: what it returned (resolved, called back) or failed with. */
export type HandlerOutcome =
  | { readonly kind: 'returned'; readonly value: unknown }
  | { readonly kind: 'threw'; readonly error: unknown };

/**
 * Runs `handler(event, context, callback)` as Lambda's Node.js runtime does and reports the first
 * of its promise, its callback and the context's legacy `done`/`succeed`/`fail` to settle; later
 * ones are ignored. No timeout: callers add theirs (`invokeHandler` on real time, the msw mocks on
 * their virtual clock). Internal.
 */
export function runHandler(
  handler: (event: never, context: Context, callback: never) => unknown,
  event: unknown,
  base: Context,
  legacy = true,
): Promise<HandlerOutcome> {
  return new Promise<HandlerOutcome>((resolve) => {
    // One flag for every way to finish: the runtime's "only the first call counts".
    let finished = false;
    const outcome = (error: unknown, value: unknown): HandlerOutcome =>
      error !== undefined && error !== null ? { kind: 'threw', error } : { kind: 'returned', value };
    const finish = (error: unknown, result: unknown, waitsForEventLoop: boolean): void => {
      if (finished) return;
      finished = true;
      const failed = error !== undefined && error !== null;
      // The runtime sends a callback's result once the event loop is empty; a test process's loop
      // never empties, so the next turn of the loop stands for it (real timers: fake ones would never run it).
      if (!failed && waitsForEventLoop && context.callbackWaitsForEmptyEventLoop !== false)
        realSetImmediate(() => resolve(outcome(error, result)));
      else resolve(outcome(error, result));
    };
    // Without legacy (Node.js 24): no callback argument and no done/succeed/fail to route.
    const context = legacy ? wireContext(base, (error, result) => finish(error, result, false)) : base;
    const callback = (error?: unknown, result?: unknown): void => finish(error, result, true);
    let returned: unknown;
    try {
      const call = handler as unknown as (event: unknown, context: Context, callback?: unknown) => unknown;
      returned = legacy ? call(event, context, callback) : call(event, context);
    } catch (thrown) {
      // The runtime passes a synchronous throw to the callback (so `throw undefined` is a success).
      callback(thrown);
      return;
    }
    if ((returned !== null && typeof returned === 'object') || typeof returned === 'function') {
      const then = (returned as { then?: unknown }).then;
      if (typeof then === 'function') {
        try {
          (then as (ok: (value: unknown) => void, ko: (reason: unknown) => void) => unknown).call(
            returned,
            (value) => finish(null, value, false),
            // The runtime's context.fail turns a rejection with nothing into the string 'handled'.
            (reason) => finish(reason === undefined || reason === null ? 'handled' : reason, undefined, false),
          );
        } catch (thrown) {
          finish(thrown ?? 'handled', undefined, false);
        }
        return;
      }
    }
    // Neither a promise nor a callback handler: the runtime sends null once the event loop empties.
    if (handler.length < 3) realSetImmediate(() => finish(null, undefined, false));
  });
}

/**
 * Invokes `handler` with `event`, a Context and a callback, as Lambda's Node.js runtime does, and
 * resolves with its result or rejects with a {@link LambdaInvocationError}.
 *
 * - **Async handlers** settle with their promise; **callback handlers** with `callback(error, result)`;
 *   legacy `context.done`/`succeed`/`fail` also settle. When several happen, the first wins, as
 *   in the runtime (later calls are ignored).
 * - **Failures** carry Lambda's `errorType`/`errorMessage`/`trace`: a thrown `new TypeError('x')`
 *   gives `TypeError`/`x`; a thrown string `'x'` gives `string`/`x` and no trace; a rejection
 *   with `undefined` gives `string`/`handled`. A callback's error of `null` or `undefined` is success.
 * - **Timeout**: after `timeout` seconds the invocation fails with `Sandbox.Timedout` and
 *   `RequestId: <id> Error: Task timed out after 3.00 seconds`. The handler's work is not stopped
 *   (nothing can stop a promise); its later outcome is ignored.
 * - **Results** are returned as the handler produced them (Lambda sends their JSON); a result
 *   JSON cannot encode (a cycle, a BigInt) fails with `Error`/`Unable to stringify response body`.
 * - `callbackWaitsForEmptyEventLoop`: the runtime waits for Node's event loop to empty before a
 *   callback's result is sent; a test process's loop never empties, so the result settles on the
 *   next turn of the loop instead. A handler that neither returns a promise nor takes a callback
 *   settles with `undefined` on that turn too (Lambda sends `null`) unless it completed through
 *   `context`.
 * - `runtime: 'nodejs24.x'` applies Node.js 24's rules (no callback handlers, no legacy context
 *   methods); the default follows `nodejs22.x`, which takes both styles.
 * @example
 * const result = await invokeHandler(handler, makeSqsEvent(['a', 'b']));
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html
 */
export function invokeHandler<TEvent, TResult>(
  handler: Handler<TEvent, TResult>,
  event: TEvent,
  options?: InvokeHandlerOptions,
): Promise<TResult> {
  if (typeof handler !== 'function')
    fail(API, 'handler', `must be a function (event, context, callback?), got ${show(handler)}`);
  const { context: given, timeoutMs } = resolveInvocation(options);
  const runtime = options?.runtime ?? 'nodejs22.x';
  if (!RUNTIMES.includes(runtime))
    fail(
      API,
      'options.runtime',
      `${show(runtime)} is not a Lambda Node.js runtime (${RUNTIMES.map((r) => `"${r}"`).join(', ')})`,
    );
  if (runtime === 'nodejs24.x' && handler.length >= 3 && handler.constructor?.name !== 'AsyncFunction') {
    const error = new Error(CALLBACK_HANDLER_DEPRECATED_MESSAGE);
    error.name = 'Runtime.CallbackHandlerDeprecated';
    return Promise.reject(new LambdaInvocationError(toLambdaErrorPayload(error), error));
  }
  const context = runtime === 'nodejs24.x' ? withoutLegacyMembers(given) : given;
  return new Promise<TResult>((resolve, reject) => {
    let timedOut = false;
    // The global setTimeout, so that vitest's fake timers can run a timeout out.
    const timer = setTimeout(() => {
      timedOut = true;
      reject(
        new LambdaInvocationError({
          errorType: 'Sandbox.Timedout',
          errorMessage: lambdaTimeoutMessage(context.awsRequestId, timeoutMs),
          trace: [],
        }),
      );
    }, timeoutMs);
    void runHandler(handler as never, event, context, runtime !== 'nodejs24.x').then((outcome) => {
      if (timedOut) return;
      clearTimeout(timer);
      if (outcome.kind === 'threw') {
        reject(new LambdaInvocationError(toLambdaErrorPayload(outcome.error), outcome.error));
        return;
      }
      try {
        JSON.stringify(outcome.value === undefined ? null : outcome.value);
      } catch (cause) {
        const unserialisable = new Error('Unable to stringify response body', { cause });
        reject(new LambdaInvocationError(toLambdaErrorPayload(unserialisable), unserialisable));
        return;
      }
      resolve(outcome.value as TResult);
    });
  });
}
