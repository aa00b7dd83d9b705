/**
 * The one invocation API of the mocks' Lambda, used by the Invoke operation, the test side and
 * other services' targets (EventBridge rules, Pipes): the request's checks as Invoke makes them
 * (invocation type, payload size and JSON), then a synchronous run now, an asynchronous one queued
 * for `drain()`, or nothing for a dry run.
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
 */
import { fail, show } from '../../_internals/errors.js';
import { activeGuard, DEFAULT_STUCK_HANDLER_MS, runWithGuard, type DrainGuard } from '../_internals/invoke.js';
import { asyncTargetOf } from './asyncInvocations.js';
import { lambdaError } from './errors.js';
import type { FunctionInvokeOutcome, MockFunction } from './functions.js';
import { resolveFunction } from './registry.js';
import { nowMs, type LambdaState } from './state.js';

/** Lambda's request payload limit of a synchronous invocation: 6 MB. */
export const LAMBDA_SYNC_REQUEST_LIMIT = 6 * 1024 * 1024;
/**
 * Lambda's request payload limit of an asynchronous invocation: 1 MB, as the Invoke API reference
 * states it today (it was 256 KB before; the deprecated InvokeAsync keeps 256 KB). A function's
 * `asyncPayloadLimit` option sets the older limit where a test needs it.
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
 */
export const LAMBDA_ASYNC_REQUEST_LIMIT = 1024 * 1024;

/** How `mocks.lambda.invoke` runs the function. */
export type LambdaInvocationType = 'RequestResponse' | 'Event' | 'DryRun';

/** Options of `mocks.lambda.invoke`. */
export interface LambdaInvokeOptions {
  /** @defaultValue `"RequestResponse"` */
  invocationType?: LambdaInvocationType;
  /** The Context's `clientContext` (what `X-Amz-Client-Context` carries, decoded). */
  clientContext?: unknown;
}

/** The answer of `mocks.lambda.invoke`, as the Invoke API gives it. */
export interface LambdaInvokeResult {
  /** 200 (RequestResponse), 202 (Event, queued) or 204 (DryRun). */
  readonly statusCode: 200 | 202 | 204;
  /** RequestResponse: the response payload as JSON text (the result, or Lambda's error payload). */
  readonly payload?: string;
  /** RequestResponse: `Unhandled` when the function failed. */
  readonly functionError?: 'Unhandled';
  /** RequestResponse: the invocation's log (`LogType: Tail` returns its last 4 KB). */
  readonly log?: string;
  /** RequestResponse: the handler's return value, as returned (undefined after an error). */
  readonly value?: unknown;
  /** The request id (the invocation's `awsRequestId` for RequestResponse). */
  readonly requestId: string;
  readonly executedVersion: '$LATEST';
}

/** Invoke's options on the wire: the request's region and `Qualifier` too. */
type WireInvokeOptions = LambdaInvokeOptions & { region?: string; qualifier?: string };

/** The invocation type, or Invoke's ValidationException for any other. */
function invocationTypeOf(type: unknown): LambdaInvocationType {
  if (type !== 'RequestResponse' && type !== 'Event' && type !== 'DryRun') {
    throw lambdaError(
      'ValidationException',
      `1 validation error detected: Value '${String(type)}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`,
    );
  }
  return type;
}

/**
 * The event a payload carries (JSON text, bytes, or a value to serialise), checked against the
 * request limit `limit` first, as Lambda checks it.
 */
function eventOf(payload: unknown, limit: number): unknown {
  let text: string;
  if (typeof payload === 'string') text = payload;
  else if (payload instanceof Uint8Array) text = Buffer.from(payload).toString('utf8');
  else {
    try {
      text = JSON.stringify(payload === undefined ? {} : payload) ?? 'null';
    } catch (error) {
      // A cycle or a BigInt: the caller's value, not a request Lambda could have received.
      fail(
        'mocks.lambda.invoke',
        'payload',
        `must be JSON text, bytes or a value JSON.stringify can write (${(error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ')})`,
      );
    }
  }
  if (Buffer.byteLength(text, 'utf8') > limit)
    throw lambdaError(
      'RequestTooLargeException',
      `Request must be smaller than ${limit} bytes for the InvokeFunction operation`,
      413,
    );
  try {
    // An empty payload reaches the function as {}.
    return text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw lambdaError(
      'InvalidRequestContentException',
      `Could not parse request body into json: Could not parse payload into json: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Runs a synchronous invocation under a real-time guard when no drain lends one. */
async function runSync(
  state: LambdaState,
  fn: MockFunction,
  event: unknown,
  clientContext: unknown,
): Promise<FunctionInvokeOutcome> {
  const startMs = nowMs(state);
  const run = (): Promise<FunctionInvokeOutcome> => fn.invokeSync(event, 'RequestResponse', clientContext);
  const { clock } = state.context;
  const outcome =
    activeGuard() === undefined
      ? await runWithGuard({ clock: clock as DrainGuard['clock'], stuckHandlerMs: DEFAULT_STUCK_HANDLER_MS }, run)
      : await run();
  if (outcome.stuck !== undefined) {
    // The caller waited out the timeout: virtual time passes to the deadline, as it would on Lambda.
    const deadline = startMs + fn.options.timeout * 1000;
    if (nowMs(state) < deadline) clock.set(new Date(deadline));
  }
  return outcome;
}

/** Invokes the function `ref` names with `payload`, as the Invoke API does (see `LambdaService.invoke`). */
export async function invoke(
  state: LambdaState,
  ref: string,
  payload: unknown,
  options: WireInvokeOptions = {},
): Promise<LambdaInvokeResult> {
  if (options === null || typeof options !== 'object')
    fail('mocks.lambda.invoke', 'options', `must be { invocationType?, clientContext? }, got ${show(options)}`);
  const type = invocationTypeOf(options.invocationType ?? 'RequestResponse');
  const fn = resolveFunction(state, ref, options.region, options.qualifier);
  const event = eventOf(payload, type === 'Event' ? fn.options.asyncPayloadLimit : LAMBDA_SYNC_REQUEST_LIMIT);
  if (type === 'DryRun')
    return { statusCode: 204, requestId: state.ids.requestIds.uuidV4(), executedVersion: '$LATEST' };
  if (type === 'Event') {
    state.async.push(asyncTargetOf(state, fn), event, nowMs(state));
    return { statusCode: 202, requestId: state.ids.requestIds.uuidV4(), executedVersion: '$LATEST' };
  }
  const outcome = await runSync(state, fn, event, options.clientContext);
  return {
    statusCode: 200,
    payload: outcome.payload,
    ...(outcome.functionError === undefined ? {} : { functionError: outcome.functionError }),
    log: outcome.log,
    ...(outcome.functionError === undefined ? { value: outcome.value } : {}),
    requestId: outcome.requestId,
    executedVersion: '$LATEST',
  };
}
