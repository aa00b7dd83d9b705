/**
 * A Lambda function of the mocks: a handler (async or callback style) with its configuration, run
 * as Lambda runs it (a Context, the timeout on the virtual clock, console output captured into the
 * invocation's log), and the one invocation path every caller uses: the Invoke API, event source
 * mappings, and other services' targets (EventBridge rules, Pipes).
 */
import type { Context } from 'aws-lambda';
import { lambdaTimeoutMessage } from '../../lambda/invoke.js';
import { toLambdaErrorPayload, type LambdaErrorPayload } from '../../lambda/errors.js';
import { judgeHandlerResponse } from '../_internals/batchItemFailures.js';
import { invokeHandler, type InvocationResult } from '../_internals/invoke.js';
import type { SubscribedHandler } from '../_internals/lambdaContext.js';
import type { ResolvedFunctionOptions } from './functionOptions.js';
import { captureLogs, endLines, startLine } from './logs.js';

/** A function's handler: `(event, context, callback)` as Lambda's Node.js runtime calls it (any `Handler` of `@types/aws-lambda`). */
export type LambdaHandler = (event: never, context: Context, callback: never) => unknown;

/** Who made an invocation. */
export type LambdaTrigger =
  | 'RequestResponse'
  | 'Event'
  | { readonly eventSourceMappingUUID: string }
  | { readonly subscription: string };

/** One invocation of a function, kept for assertions (the latest `invocationHistory`). */
export interface LambdaInvocationRecord {
  readonly requestId: string;
  /** `RequestResponse` / `Event` (the Invoke API and other services' targets) or the event source mapping. */
  readonly trigger: LambdaTrigger;
  readonly event: unknown;
  /** Virtual time the invocation started. */
  readonly time: Date;
  /** `pending` while running; `success` when it returned; `error` when it threw, timed out or could not send its response. */
  readonly outcome: 'pending' | 'success' | 'error';
  /** What it returned (`success`). */
  readonly result?: unknown;
  /** Lambda's error payload (`error`). */
  readonly error?: LambdaErrorPayload;
  /** The log as CloudWatch Logs would hold it: `START`, console lines, `END`, `REPORT`. */
  readonly logs: string;
}

interface MutableRecord {
  requestId: string;
  trigger: LambdaTrigger;
  event: unknown;
  time: Date;
  outcome: 'pending' | 'success' | 'error';
  result?: unknown;
  error?: LambdaErrorPayload;
  lines: string[];
  ended: boolean;
}

/** A function as `GetFunction` and the test side see it. */
export interface LambdaFunctionInfo {
  readonly name: string;
  readonly arn: string;
  readonly region: string;
  readonly timeout: number;
  readonly memorySize: number;
}

/** How a sync invocation ended, as the Invoke API answers it. */
export interface FunctionInvokeOutcome {
  /** The response payload (JSON text): the result, or Lambda's error payload. */
  readonly payload: string;
  /** `Unhandled` when the function failed. */
  readonly functionError?: 'Unhandled';
  /** The invocation's log. */
  readonly log: string;
  readonly requestId: string;
  /** What the handler returned (undefined after an error). */
  readonly value?: unknown;
  /**
   * Set when a drain's real-time guard gave up on the handler (it neither settled nor moved the
   * clock): the answer is a timeout, and a caller inside `drain()` rethrows this to stop it.
   */
  readonly stuck?: Error;
}

/** Lambda's limit on a synchronous response payload. */
const LAMBDA_RESPONSE_LIMIT = 6 * 1024 * 1024;

/** The log lines of a failed invocation's end, as the runtime prints them. */
function errorLogLine(requestId: string, timeMs: number, payload: LambdaErrorPayload): string {
  return `${new Date(timeMs).toISOString()}\t${requestId}\tERROR\tInvoke Error \t${JSON.stringify(payload)}\n`;
}

/** One function. */
export class MockFunction {
  /** Set by `deleteFunction`: callers still holding the function (mappings) fail to invoke it. */
  deleted = false;
  private readonly records: MutableRecord[] = [];
  private total = 0;

  constructor(
    readonly name: string,
    readonly region: string,
    readonly arn: string,
    readonly handler: LambdaHandler,
    readonly options: ResolvedFunctionOptions,
    readonly createdMs: number,
    private readonly nowMs: () => number,
  ) {}

  get info(): LambdaFunctionInfo {
    return {
      name: this.name,
      arn: this.arn,
      region: this.region,
      timeout: this.options.timeout,
      memorySize: this.options.memorySize,
    };
  }

  /** The kept invocations, oldest first, as snapshots. */
  invocations(): LambdaInvocationRecord[] {
    return this.records.map((r) => ({
      requestId: r.requestId,
      trigger: r.trigger,
      event: r.event,
      time: r.time,
      outcome: r.outcome,
      ...(r.outcome === 'success' ? { result: r.result } : {}),
      ...(r.error === undefined ? {} : { error: r.error }),
      logs: r.lines.join(''),
    }));
  }

  /** Every invocation since the function was created. */
  get invocationCount(): number {
    return this.total;
  }

  /**
   * The handler as a caller runs it through `invokeHandler`: same arity (callback style is told
   * by it), console output captured, the invocation recorded. `onStart` receives the record.
   */
  handlerFor(trigger: LambdaTrigger, onStart?: (record: MutableRecord) => void): SubscribedHandler<unknown> {
    const fn = this;
    const wrapper = function (
      this: unknown,
      event: unknown,
      context: Context,
      callback: (error?: unknown, result?: unknown) => void,
    ): unknown {
      // Lambda answers a poller's invoke of a deleted function with ResourceNotFoundException: the batch fails.
      if (fn.deleted)
        throw Object.assign(new Error(`Function not found: ${fn.arn}`), { name: 'ResourceNotFoundException' });
      // The context the invoker built knows only the timeout: give it this function's identity.
      for (const [name, value] of Object.entries({
        functionName: fn.name,
        invokedFunctionArn: fn.arn,
        memoryLimitInMB: String(fn.options.memorySize),
        logGroupName: `/aws/lambda/${fn.name}`,
      })) {
        Object.defineProperty(context, name, { value, writable: true, enumerable: true, configurable: true });
      }
      const record = fn.startRecord(trigger, event, context.awsRequestId);
      onStart?.(record);
      const startMs = fn.nowMs();
      const settle = (error: unknown, result: unknown, failed: boolean): void => {
        if (record.ended) return;
        record.ended = true;
        if (failed) {
          record.outcome = 'error';
          record.error = toLambdaErrorPayload(error);
          record.lines.push(errorLogLine(record.requestId, fn.nowMs(), record.error));
        } else {
          record.outcome = 'success';
          record.result = result;
        }
        record.lines.push(endLines(record.requestId, fn.nowMs() - startMs, fn.options.memorySize));
      };
      const wrappedCallback = (error?: unknown, result?: unknown): void => {
        settle(error, result, error !== undefined && error !== null);
        callback(error, result);
      };
      const out = captureLogs(record.lines, record.requestId, fn.nowMs, fn.options.printLogs, () =>
        (fn.handler as SubscribedHandler<unknown>)(event, context, wrappedCallback),
      );
      if (out !== null && typeof out === 'object' && typeof (out as PromiseLike<unknown>).then === 'function') {
        (out as PromiseLike<unknown>).then(
          (value) => settle(undefined, value, false),
          (error: unknown) => settle(error, undefined, true),
        );
      }
      return out;
    };
    Object.defineProperty(wrapper, 'length', { value: this.handler.length });
    return wrapper as SubscribedHandler<unknown>;
  }

  private startRecord(trigger: LambdaTrigger, event: unknown, requestId: string): MutableRecord {
    const record: MutableRecord = {
      requestId,
      trigger,
      event,
      time: new Date(this.nowMs()),
      outcome: 'pending',
      lines: [startLine(requestId)],
      ended: false,
    };
    this.total++;
    if (this.options.invocationHistory > 0) {
      this.records.push(record);
      if (this.records.length > this.options.invocationHistory) this.records.shift();
    }
    return record;
  }

  /** Ends a record the handler never ended itself (a timeout, a stuck handler, a response that cannot be sent). */
  static endRecord(
    record: MutableRecord,
    payload: LambdaErrorPayload,
    nowMs: number,
    startMs: number,
    memorySize: number,
    timedOut: boolean,
  ): void {
    record.outcome = 'error';
    record.error = payload;
    if (record.ended) return;
    record.ended = true;
    // The runtime's own line for a timeout, then END and REPORT.
    if (timedOut)
      record.lines.push(
        `${new Date(nowMs).toISOString()} ${record.requestId} ${payload.errorMessage.replace(/^RequestId: \S+ Error: /, '')}\n`,
      );
    record.lines.push(endLines(record.requestId, nowMs - startMs, memorySize));
  }

  /**
   * Runs one synchronous invocation (`RequestResponse`) of `event` and answers as Invoke does:
   * the result as JSON, or Lambda's error payload with `Unhandled`.
   */
  async invokeSync(event: unknown, trigger: LambdaTrigger, clientContext?: unknown): Promise<FunctionInvokeOutcome> {
    let record: MutableRecord | undefined;
    const startMs = this.nowMs();
    const handler = this.handlerFor(trigger, (r) => (record = r));
    const withContext: SubscribedHandler<unknown> =
      clientContext === undefined
        ? handler
        : (Object.defineProperty(
            function (this: unknown, e: unknown, context: Context, callback: never) {
              (context as { clientContext?: unknown }).clientContext = clientContext;
              return (handler as SubscribedHandler<unknown>).call(this, e, context, callback);
            },
            'length',
            { value: handler.length },
          ) as SubscribedHandler<unknown>);
    const result = await invokeHandler(
      withContext,
      event,
      { timeoutSeconds: this.options.timeout, describe: () => `the Lambda function ${this.arn}` },
      this.nowMs,
    );
    return this.outcomeOf(result, record, startMs);
  }

  /** The Invoke answer for a finished invocation; ends the record when the handler did not. */
  outcomeOf(result: InvocationResult, record: MutableRecord | undefined, startMs: number): FunctionInvokeOutcome {
    const requestId = record?.requestId ?? '';
    const fail = (payload: LambdaErrorPayload, timedOut: boolean): FunctionInvokeOutcome => {
      if (record !== undefined)
        MockFunction.endRecord(record, payload, this.nowMs(), startMs, this.options.memorySize, timedOut);
      return {
        payload: JSON.stringify(payload),
        functionError: 'Unhandled',
        log: record?.lines.join('') ?? '',
        requestId,
      };
    };
    if (result.kind === 'timedOut' || result.kind === 'stuck') {
      // Lambda's timeout payload has no trace.
      const answer = fail(
        {
          errorType: 'Sandbox.Timedout',
          errorMessage: lambdaTimeoutMessage(requestId, this.options.timeout * 1000),
        } as LambdaErrorPayload,
        true,
      );
      const parsed = JSON.parse(answer.payload) as Record<string, unknown>;
      delete parsed['trace'];
      return {
        ...answer,
        payload: JSON.stringify(parsed),
        ...(result.kind === 'stuck' ? { stuck: result.error } : {}),
      };
    }
    if (result.kind === 'threw') return fail(toLambdaErrorPayload(result.error), false);
    const verdict = judgeHandlerResponse(result.value, false, { has: () => false, describe: '' });
    if (verdict.outcome === 'failure')
      return fail({ errorType: 'Runtime.UnmarshalError', errorMessage: verdict.reason, trace: [] }, false);
    const payload = JSON.stringify(result.value === undefined ? null : result.value) ?? 'null';
    if (Buffer.byteLength(payload, 'utf8') > LAMBDA_RESPONSE_LIMIT) {
      return fail(
        {
          errorType: 'Function.ResponseSizeTooLarge',
          errorMessage: `Response payload size exceeded maximum allowed payload size (${LAMBDA_RESPONSE_LIMIT} bytes).`,
          trace: [],
        },
        false,
      );
    }
    return { payload, log: record?.lines.join('') ?? '', requestId, value: result.value };
  }
}

export type { MutableRecord };
