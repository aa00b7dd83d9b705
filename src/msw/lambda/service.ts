/**
 * `createLambdaService`: the in-memory Lambda of one `createAwsMocks()` instance (functions
 * registered with `createFunction`, the one invocation API every caller uses, asynchronous
 * invocations with Lambda's retries on the virtual clock, event source mappings polling the SQS,
 * Kinesis and DynamoDB services), its msw handler and its test-side API. The work is done by the
 * modules next to it, on the state `createLambdaState` makes.
 */
import type { MockContext, MockService } from '../context.js';
import type { LambdaAsyncFailure } from './asyncInvocations.js';
import type { LambdaFunctionOptions } from './functionOptions.js';
import type { LambdaFunctionInfo, LambdaHandler, LambdaInvocationRecord } from './functions.js';
import { invoke, type LambdaInvokeOptions, type LambdaInvokeResult } from './invoke.js';
import { mappingInfos, type LambdaEventSourceMapping } from './mappings.js';
import { createFunction, deleteFunction, findFunction, testFunction } from './registry.js';
import { createLambdaState, resetLambdaState, type LambdaSources } from './state.js';
import { createLambdaHandler } from './wire.js';

/** The Lambda member of `createAwsMocks()`. */
export interface LambdaService extends MockService {
  /**
   * Registers `handler` as a function named `name` in the mocks' region and account (or
   * `options.region`), callable through the SDK (`Invoke`, `GetFunction`, event source mappings).
   * Throws when a function of that name exists.
   */
  createFunction(
    name: string,
    handler: LambdaHandler,
    options?: LambdaFunctionOptions & { region?: string },
  ): LambdaFunctionInfo;
  /** Removes a function (its event source mappings stay, as in AWS, and fail to invoke until it exists again). */
  deleteFunction(fn: string): void;
  /** The function a name, ARN or partial ARN names, or undefined. */
  getFunction(fn: string): LambdaFunctionInfo | undefined;
  /**
   * The one invocation API: what the Invoke operation, EventBridge rule targets and Pipes use.
   * `RequestResponse` runs the function now (the real-time guard applies outside `drain()`);
   * `Event` queues it for `drain()`, with Lambda's retries (payload up to 1 MB, or the function's `asyncPayloadLimit`); `DryRun` checks the call only.
   * Rejects with an `AwsServiceError` (`.code`: `ResourceNotFoundException`,
   * `RequestTooLargeException`, `InvalidRequestContentException` …) as the Invoke API would answer.
   * `payload` is JSON text, or a value (serialised with JSON.stringify; one it cannot write, a cycle
   * or a BigInt, is an EventInputError).
   */
  invoke(fn: string, payload: unknown, options?: LambdaInvokeOptions): Promise<LambdaInvokeResult>;
  /** The function's latest invocations (any trigger), oldest first. */
  invocations(fn: string): LambdaInvocationRecord[];
  /** Asynchronous invocations that failed every attempt. */
  readonly asyncFailures: readonly LambdaAsyncFailure[];
  /** Event source mappings, optionally of one function (name or ARN) or one source ARN. */
  eventSourceMappings(filter?: { functionName?: string; eventSourceArn?: string }): LambdaEventSourceMapping[];
}

/** Creates the Lambda service of one `createAwsMocks()` instance. */
export function createLambdaService(context: MockContext, sources: LambdaSources): LambdaService {
  const state = createLambdaState(context, sources);
  return {
    handlers: [createLambdaHandler(state)],
    createFunction: (name, handler, options) => createFunction(state, name, handler, options),
    deleteFunction: (ref) => deleteFunction(state, ref),
    getFunction: (ref) => findFunction(state, ref),
    invoke: (ref, payload, options) => invoke(state, ref, payload, options),
    invocations: (ref) => testFunction(state, 'mocks.lambda.invocations', ref).invocations(),
    get asyncFailures() {
      return [...state.asyncFailures];
    },
    eventSourceMappings: (filter = {}) => mappingInfos(state, filter),
    runDue: () => state.async.runDue(),
    nextDueTime() {
      const next = state.async.nextDueMs();
      return next === undefined ? undefined : new Date(next);
    },
    reset: () => resetLambdaState(state),
  };
}
