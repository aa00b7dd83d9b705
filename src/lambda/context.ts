/**
 * The Lambda `Context` object (`@types/aws-lambda`'s `Context`), built the way the Node.js runtime
 * builds it: identity fields from the function's configuration, `awsRequestId` and the log stream
 * from the invocation, and a deadline that `getRemainingTimeInMillis()` counts down to.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html
 */
import type { Context } from 'aws-lambda';
import { arn } from '../_internals/aws.js';
import { fail, show } from '../_internals/errors.js';
import { isPlainObject } from '../_internals/objects.js';
import { resolveCommon, type ResolvedCommon } from '../_internals/options.js';
import { assertKnownOptions as assertKnownKeys, optionKeys } from '../_internals/knownOptions.js';
import { lambdaLogStreamName } from '../events/cloudwatch-logs/ids.js';

/**
 * A clock for {@link makeLambdaContext}: a function returning epoch milliseconds (`Date.now`,
 * `performance.timeOrigin + performance.now()`), or an object whose `now()` returns epoch
 * milliseconds or a Date, such as the msw mocks' `mocks.clock`.
 */
export type LambdaClock = (() => number) | { now(): number | Date };

/** Options of {@link makeLambdaContext}. */
export interface LambdaContextOptions {
  /**
   * The function's name: 1 to 64 letters, digits, `-` and `_`.
   * @defaultValue `"my-function"`
   */
  functionName?: string;
  /**
   * The alias the function was invoked through (1 to 128 of letters, digits, `-` and `_`, not all
   * digits). It becomes the qualifier of `invokedFunctionArn`.
   * @defaultValue `undefined` (an unqualified ARN)
   */
  alias?: string;
  /**
   * The version that ran: `$LATEST` or a published version number. It is `functionVersion` and
   * the bracketed part of `logStreamName`.
   * @defaultValue `"$LATEST"`
   */
  version?: string;
  /**
   * The region of `invokedFunctionArn`.
   * @defaultValue `"us-east-1"`
   */
  region?: string;
  /**
   * The 12-digit account of `invokedFunctionArn`.
   * @defaultValue `"123456789012"`
   */
  account?: string;
  /**
   * The partition of `invokedFunctionArn`; must agree with the region.
   * @defaultValue derived from the region
   */
  partition?: 'aws' | 'aws-cn' | 'aws-us-gov';
  /**
   * The function's timeout in seconds, from which `getRemainingTimeInMillis()` counts down.
   * Lambda takes whole seconds from 1 to 900; fractions (down to a millisecond) are accepted so
   * that tests of a timeout need not wait a whole second.
   * @defaultValue `3` (Lambda's default)
   */
  timeout?: number;
  /**
   * The configured memory, an integer from 128 to 10240; the context reports it as a string.
   * @defaultValue `128` (Lambda's default)
   */
  memoryLimitInMB?: number;
  /**
   * Seed of `awsRequestId` and of the log stream's 32 hex digits: the same options give the same
   * context; vary the seed for a distinct invocation.
   * @defaultValue `0`
   */
  seed?: number | string;
  /**
   * The day of `logStreamName` (`YYYY/MM/DD/…`, UTC): a Date, an ISO-8601 string or epoch ms.
   * @defaultValue `2026-01-15T12:30:45.123Z`, the kit's fixed instant
   */
  time?: Date | string | number;
  /**
   * What `getRemainingTimeInMillis()` measures against. It is read when the context is made (the
   * invocation starts) and at each call: remaining = timeout − elapsed, never below 0.
   * Pass the msw mocks' `mocks.clock` to count virtual time.
   * @defaultValue `Date.now` (read at each call, so vitest's fake timers move it)
   */
  clock?: LambdaClock;
}

/** {@link LambdaContextOptions} after validation and defaults. */
export interface ResolvedLambdaContextOptions {
  functionName: string;
  alias: string | undefined;
  version: string;
  timeoutMs: number;
  memoryLimitInMB: number;
  clock: () => number;
  common: ResolvedCommon;
}

const API = 'makeLambdaContext';
// Checked against LambdaContextOptions by the compiler, so the two cannot drift apart.
const KNOWN_OPTIONS = optionKeys<LambdaContextOptions>({
  functionName: true,
  alias: true,
  version: true,
  region: true,
  account: true,
  partition: true,
  timeout: true,
  memoryLimitInMB: true,
  seed: true,
  time: true,
  clock: true,
});
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const ALIAS = /^[A-Za-z0-9_-]{1,128}$/;
const VERSION = /^(?:\$LATEST|[1-9][0-9]{0,9})$/;
/** Lambda's default timeout and memory. */
const DEFAULT_LAMBDA_TIMEOUT_SECONDS = 3;
const DEFAULT_MEMORY_MB = 128;
const DEFAULT_FUNCTION_NAME = 'my-function';

/**
 * Throws an EventInputError for a key of `options` that is not in `known` (a JavaScript caller's
 * typo, which TypeScript would have caught), suggesting the closest known key: the factories' rule.
 */
export function assertKnownOptions(
  api: string,
  argument: string,
  options: object | undefined,
  known: ReadonlySet<string>,
): void {
  assertKnownKeys(api, options, known, argument);
}

/** `Date.now`, looked up at each call so that a later `vi.useFakeTimers()` is seen. */
const systemNow = (): number => Date.now();

/** Validates {@link LambdaContextOptions}; errors name `api` and the option. */
export function resolveLambdaContextOptions(
  api: string,
  options: LambdaContextOptions | undefined,
  argument = 'options',
): ResolvedLambdaContextOptions {
  if (options !== undefined && !isPlainObject(options)) fail(api, argument, `must be an object, got ${show(options)}`);
  assertKnownOptions(api, argument, options, KNOWN_OPTIONS);
  const o = options ?? {};
  const common = resolveCommon(api, {
    region: o.region,
    account: o.account,
    partition: o.partition,
    seed: o.seed,
    time: o.time,
  } as never);
  const functionName = o.functionName ?? DEFAULT_FUNCTION_NAME;
  if (typeof functionName !== 'string' || !FUNCTION_NAME.test(functionName)) {
    fail(
      api,
      `${argument}.functionName`,
      `${show(functionName)} is not a Lambda function name (1 to 64 letters, digits, '-' or '_')`,
    );
  }
  const alias = o.alias;
  if (alias !== undefined && (typeof alias !== 'string' || !ALIAS.test(alias) || /^[0-9]+$/.test(alias))) {
    fail(
      api,
      `${argument}.alias`,
      `${show(alias)} is not a Lambda alias name (1 to 128 letters, digits, '-' or '_', not only digits)`,
    );
  }
  const version = o.version ?? '$LATEST';
  if (typeof version !== 'string' || !VERSION.test(version))
    fail(
      api,
      `${argument}.version`,
      `${show(version)} is not a Lambda version ("$LATEST" or a version number such as "3")`,
    );
  const timeout = o.timeout ?? DEFAULT_LAMBDA_TIMEOUT_SECONDS;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout < 0.001 || timeout > 900) {
    fail(
      api,
      `${argument}.timeout`,
      `must be a number of seconds from 0.001 to 900 (Lambda's maximum), got ${show(timeout)}`,
    );
  }
  const memory = o.memoryLimitInMB ?? DEFAULT_MEMORY_MB;
  if (typeof memory !== 'number' || !Number.isInteger(memory) || memory < 128 || memory > 10240) {
    fail(api, `${argument}.memoryLimitInMB`, `must be an integer number of MB from 128 to 10240, got ${show(memory)}`);
  }
  return {
    functionName,
    alias,
    version,
    timeoutMs: Math.round(timeout * 1000),
    memoryLimitInMB: memory,
    clock: resolveClock(api, `${argument}.clock`, o.clock),
    common,
  };
}

function resolveClock(api: string, argument: string, clock: unknown): () => number {
  if (clock === undefined) return systemNow;
  const read =
    typeof clock === 'function'
      ? (clock as () => unknown)
      : clock !== null && typeof clock === 'object' && typeof (clock as { now?: unknown }).now === 'function'
        ? () => (clock as { now(): unknown }).now()
        : undefined;
  if (read === undefined)
    fail(api, argument, `must be a function returning epoch milliseconds or an object with now(), got ${show(clock)}`);
  return () => {
    const value = read();
    const ms = value instanceof Date ? value.getTime() : value;
    if (typeof ms !== 'number' || !Number.isFinite(ms))
      fail(api, argument, `returned ${show(value)}, not epoch milliseconds or a valid Date`);
    return ms;
  };
}

/**
 * How a context's legacy `done`/`succeed`/`fail` complete an invocation: set by `invokeHandler`
 * for the invocation that uses the context.
 */
export interface LegacyCompletion {
  done(error: unknown, result: unknown): void;
}
const completions = new WeakMap<Context, LegacyCompletion>();

/** Routes a context's `done`/`succeed`/`fail` to `completion` (undefined: detach). Internal. */
export function attachCompletion(context: Context, completion: LegacyCompletion | undefined): void {
  if (completion === undefined) completions.delete(context);
  else completions.set(context, completion);
}

/** Whether `context` was made by {@link makeLambdaContext} (its legacy methods can be routed). */
export function isKitContext(context: Context): boolean {
  return kitContexts.has(context);
}
const kitContexts = new WeakSet<Context>();

function complete(context: Context, method: string, error: unknown, result: unknown): void {
  const completion = completions.get(context);
  if (completion === undefined) {
    throw new Error(
      `context.${method}() completes an invocation, and this context is not in one: run the handler with invokeHandler(handler, event, { context })`,
    );
  }
  completion.done(error, result);
}

/** Builds a Context from resolved options, with the given request id and log stream digits. */
export function buildLambdaContext(
  resolved: ResolvedLambdaContextOptions,
  awsRequestId: string,
  streamHex: string,
): Context {
  const { functionName, alias, version, timeoutMs, memoryLimitInMB, clock, common } = resolved;
  const deadline = clock() + timeoutMs;
  const resource = alias === undefined ? `function:${functionName}` : `function:${functionName}:${alias}`;
  const context: Context = {
    // The runtime's default; a handler may set it to false to settle on its callback at once.
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: version,
    invokedFunctionArn: arn(common.partition, 'lambda', common.region, common.account, resource),
    memoryLimitInMB: String(memoryLimitInMB),
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: lambdaLogStreamName(common.time, `[${version}]${streamHex}`),
    // The runtime computes deadline − now and may go below zero after the deadline; by then Lambda
    // has stopped the function, so a handler never sees a negative value.
    getRemainingTimeInMillis: () => Math.max(0, deadline - clock()),
    done(error?: unknown, result?: unknown) {
      complete(context, 'done', error, result);
    },
    fail(error: unknown) {
      // The runtime turns fail() without an error into the string 'handled'.
      complete(context, 'fail', error === undefined || error === null ? 'handled' : error, undefined);
    },
    succeed(result: unknown) {
      complete(context, 'succeed', null, result);
    },
  };
  kitContexts.add(context);
  return context;
}

/** The seeded request id and log stream digits of resolved options. */
export function seededInvocationIds(resolved: ResolvedLambdaContextOptions): {
  awsRequestId: string;
  streamHex: string;
} {
  return {
    awsRequestId: resolved.common.random('lambda.awsRequestId').uuidV4(),
    streamHex: resolved.common.random('lambda.logStream').hex(32),
  };
}

/**
 * A Lambda `Context` for unit tests of a handler, consistent with the kit's events (same default
 * region, account and partition; seeded ids).
 *
 * - `invokedFunctionArn`: `arn:<partition>:lambda:<region>:<account>:function:<name>[:<alias>]`
 * - `awsRequestId`: a seeded UUID; `logStreamName`: `YYYY/MM/DD/[$LATEST]` + 32 seeded hex digits
 * - `getRemainingTimeInMillis()`: `timeout` seconds minus the time elapsed on `clock` since the call
 * - `done`/`succeed`/`fail` (legacy): complete the invocation when the handler runs through
 *   `invokeHandler`; outside one they throw, as there is nothing to complete.
 * @example
 * const context = makeLambdaContext({ functionName: 'thumbnails', alias: 'live', timeout: 30 });
 * context.invokedFunctionArn; // 'arn:aws:lambda:us-east-1:123456789012:function:thumbnails:live'
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html
 */
export function makeLambdaContext(options?: LambdaContextOptions): Context {
  const resolved = resolveLambdaContextOptions(API, options);
  const { awsRequestId, streamHex } = seededInvocationIds(resolved);
  return buildLambdaContext(resolved, awsRequestId, streamHex);
}
