/**
 * The in-memory Lambda of one `createAwsMocks()` instance: functions registered with
 * `createFunction`, the one invocation API every caller uses (`invoke`: the Invoke operation,
 * EventBridge and Pipes targets), asynchronous invocations with Lambda's retries on the virtual
 * clock, and event source mappings (pollers of the SQS, Kinesis and DynamoDB services).
 */
import type { HttpHandler } from 'msw';
import { arn as buildArn, parseArn } from '../../_internals/aws.js';
import { fail, show } from '../../_internals/errors.js';
import type { Random } from '../../_internals/random.js';
import { AsyncInvocations, type AsyncTarget } from '../_internals/asyncInvoke.js';
import { AwsServiceError } from '../_internals/awsError.js';
import { activeGuard, DEFAULT_STUCK_HANDLER_MS, runWithGuard, type DrainGuard } from '../_internals/invoke.js';
import type { FilteredRecord } from '../_internals/mappingFilter.js';
import {
  resolveStreamOptions,
  type StreamFailureRecord,
  type StreamPoller,
  type StreamSubscribeOptions,
} from '../_internals/streamDelivery.js';
import { contextOwnsUrl, contextRandom, type MockContext, type MockService } from '../context.js';
import type { DynamoDBService } from '../dynamodb/index.js';
import type { KinesisService, KinesisSubscribeOptions } from '../kinesis/index.js';
import type { SqsService } from '../sqs/index.js';
import { resolveSubscribeOptions, type QueueSubscription, type SqsSubscribeOptions } from '../sqs/subscription.js';
import { functionNotFound, invalidParameter, lambdaError, mappingNotFound } from './errors.js';
import {
  MockFunction,
  resolveFunctionOptions,
  type FunctionInvokeOutcome,
  type LambdaFunctionInfo,
  type LambdaFunctionOptions,
  type LambdaHandler,
  type LambdaInvocationRecord,
} from './functions.js';
import {
  asLambdaError,
  mappingConfig,
  sourceOf,
  type MappingConfig,
  type MappingSubscription,
  type SourceRef,
} from './mappings.js';
import { createLambdaHandler } from './wire.js';
import type { JsonObject } from '../_internals/input.js';

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

/** An asynchronous invocation that failed every attempt (Lambda would send it to the on-failure destination or DLQ). */
export interface LambdaAsyncFailure {
  readonly functionArn: string;
  readonly event: unknown;
  /** Attempts made (1 + retries). */
  readonly attempts: number;
  readonly error: unknown;
  readonly time: Date;
}

/** An event source mapping as the test side sees it. */
export interface LambdaEventSourceMapping {
  readonly uuid: string;
  readonly eventSourceArn: string;
  readonly functionArn: string;
  readonly state: 'Enabled' | 'Disabled';
  /** Invocations made by the mapping. */
  readonly invocationCount: number;
  /** The latest records its filters dropped (SQS: deleted; streams: skipped), with why. */
  readonly filtered: readonly FilteredRecord<unknown>[];
  /** Every record its filters dropped. */
  readonly filteredCount: number;
  /** Streams: the on-failure records of discarded batches. */
  readonly failures: readonly StreamFailureRecord[];
}

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
   * `payload` is JSON text, or a value (serialised with JSON.stringify).
   */
  invoke(fn: string, payload: unknown, options?: LambdaInvokeOptions): Promise<LambdaInvokeResult>;
  /** The function's latest invocations (any trigger), oldest first. */
  invocations(fn: string): LambdaInvocationRecord[];
  /** Asynchronous invocations that failed every attempt. */
  readonly asyncFailures: readonly LambdaAsyncFailure[];
  /** Event source mappings, optionally of one function (name or ARN) or one source ARN. */
  eventSourceMappings(filter?: { functionName?: string; eventSourceArn?: string }): LambdaEventSourceMapping[];
}

/** One mapping. */
interface Mapping {
  readonly uuid: string;
  readonly source: SourceRef;
  fn: { readonly arn: string; readonly name: string; readonly region: string };
  config: MappingConfig;
  lastModifiedMs: number;
  subscription: MappingSubscription;
}

const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/** Creates the Lambda service of one `createAwsMocks()` instance. */
export function createLambdaService(
  context: MockContext,
  sources: { sqs: SqsService; kinesis: KinesisService; dynamodb: DynamoDBService },
): LambdaService {
  const nowMs = (): number => context.clock.now().getTime();
  const functions = new Map<string, MockFunction>();
  const mappings = new Map<string, Mapping>();
  const async = new AsyncInvocations<unknown>(nowMs);
  const asyncTargets = new Map<MockFunction, AsyncTarget<unknown>>();
  let asyncFailures: LambdaAsyncFailure[] = [];
  let requestIds: Random;
  let uuids: Random;
  let senderIds: Random;
  const seedIds = (): void => {
    requestIds = contextRandom(context, 'lambda.requestId');
    uuids = contextRandom(context, 'lambda.eventSourceMapping');
    senderIds = contextRandom(context, 'lambda.senderId');
  };
  seedIds();
  const key = (region: string, name: string): string => `${region}\u0000${name}`;
  const functionArn = (region: string, name: string): string =>
    buildArn(context.partition, 'lambda', region, context.account, `function:${name}`);

  /** Parses a FunctionName (name, ARN, partial ARN; optional qualifier) into region, name and qualifier. */
  const parseRef = (
    ref: string,
    region: string,
  ): { region: string; name: string; qualifier: string | undefined; account: string } => {
    if (ref.startsWith('arn:')) {
      const parsed = parseArn(ref);
      const m = parsed === undefined ? null : /^function:([^:]+)(?::([^:]+))?$/.exec(parsed.resource);
      if (parsed === undefined || parsed.service !== 'lambda' || m === null)
        throw lambdaError(
          'ValidationException',
          `1 validation error detected: Value '${ref}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`,
        );
      return { region: parsed.region, name: m[1] as string, qualifier: m[2], account: parsed.account };
    }
    const partial = /^(\d{12}):function:([^:]+)(?::([^:]+))?$/.exec(ref);
    if (partial !== null)
      return { region, name: partial[2] as string, qualifier: partial[3], account: partial[1] as string };
    const [name, qualifier] = ref.split(':') as [string, string | undefined];
    return { region, name, qualifier, account: context.account };
  };

  /** The function `ref` names (with an optional separate qualifier), or ResourceNotFoundException. */
  const resolveFunction = (ref: unknown, region: string = context.region, qualifier?: string): MockFunction => {
    if (typeof ref !== 'string' || ref === '')
      throw lambdaError(
        'ValidationException',
        "1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null",
      );
    const parsed = parseRef(ref, region);
    const q = qualifier ?? parsed.qualifier;
    const arn = functionArn(parsed.region, parsed.name);
    const fn = parsed.account === context.account ? functions.get(key(parsed.region, parsed.name)) : undefined;
    // Only $LATEST exists: the mocks publish no versions or aliases.
    if (fn === undefined || (q !== undefined && q !== '$LATEST'))
      throw functionNotFound(q === undefined ? arn : `${arn}:${q}`);
    return fn;
  };

  const asyncTargetOf = (fn: MockFunction): AsyncTarget<unknown> => {
    let target = asyncTargets.get(fn);
    if (target === undefined) {
      target = {
        handler: fn.handlerFor('Event'),
        timeoutSeconds: fn.options.timeout,
        retries: fn.options.maximumRetryAttempts,
        get active() {
          return functions.get(key(fn.region, fn.name)) === fn;
        },
        describe: () => `the asynchronous invocation of ${fn.arn}`,
        settled(event, attempt, timeMs, error, final) {
          if (error !== undefined && final)
            asyncFailures.push({
              functionArn: fn.arn,
              event,
              attempts: attempt + 1,
              error: error.error,
              time: new Date(timeMs),
            });
        },
      };
      asyncTargets.set(fn, target);
    }
    return target;
  };

  /** Runs a synchronous invocation under a real-time guard when no drain lends one. */
  const runSync = async (fn: MockFunction, event: unknown, clientContext: unknown): Promise<FunctionInvokeOutcome> => {
    const startMs = nowMs();
    const run = (): Promise<FunctionInvokeOutcome> => fn.invokeSync(event, 'RequestResponse', clientContext);
    const guard = activeGuard();
    const outcome =
      guard === undefined
        ? await runWithGuard(
            { clock: context.clock as DrainGuard['clock'], stuckHandlerMs: DEFAULT_STUCK_HANDLER_MS },
            run,
          )
        : await run();
    if (outcome.stuck !== undefined) {
      // The caller waited out the timeout: virtual time passes to the deadline, as it would on Lambda.
      const deadline = startMs + fn.options.timeout * 1000;
      if (nowMs() < deadline) context.clock.set(new Date(deadline));
    }
    return outcome;
  };

  const invoke = async (
    ref: string,
    payload: unknown,
    options: LambdaInvokeOptions & { region?: string; qualifier?: string } = {},
  ): Promise<LambdaInvokeResult> => {
    const type = options.invocationType ?? 'RequestResponse';
    if (type !== 'RequestResponse' && type !== 'Event' && type !== 'DryRun') {
      throw lambdaError(
        'ValidationException',
        `1 validation error detected: Value '${String(type)}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`,
      );
    }
    const fn = resolveFunction(ref, options.region, options.qualifier);
    let text: string;
    if (typeof payload === 'string') text = payload;
    else if (payload instanceof Uint8Array) text = Buffer.from(payload).toString('utf8');
    else text = JSON.stringify(payload === undefined ? {} : payload) ?? 'null';
    const bytes = Buffer.byteLength(text, 'utf8');
    const limit = type === 'Event' ? fn.options.asyncPayloadLimit : LAMBDA_SYNC_REQUEST_LIMIT;
    if (bytes > limit)
      throw lambdaError(
        'RequestTooLargeException',
        `Request must be smaller than ${limit} bytes for the InvokeFunction operation`,
        413,
      );
    let event: unknown;
    try {
      // An empty payload reaches the function as {}.
      event = text.trim() === '' ? {} : JSON.parse(text);
    } catch (error) {
      throw lambdaError(
        'InvalidRequestContentException',
        `Could not parse request body into json: Could not parse payload into json: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (type === 'DryRun') return { statusCode: 204, requestId: requestIds.uuidV4(), executedVersion: '$LATEST' };
    if (type === 'Event') {
      async.push(asyncTargetOf(fn), event, nowMs());
      return { statusCode: 202, requestId: requestIds.uuidV4(), executedVersion: '$LATEST' };
    }
    const outcome = await runSync(fn, event, options.clientContext);
    return {
      statusCode: 200,
      payload: outcome.payload,
      ...(outcome.functionError === undefined ? {} : { functionError: outcome.functionError }),
      log: outcome.log,
      ...(outcome.functionError === undefined ? { value: outcome.value } : {}),
      requestId: outcome.requestId,
      executedVersion: '$LATEST',
    };
  };

  // --- event source mappings ---------------------------------------------------------------

  const sqsOptions = (config: MappingConfig, fn: MockFunction): SqsSubscribeOptions => ({
    batchSize: config.BatchSize,
    maximumBatchingWindowInSeconds: config.MaximumBatchingWindowInSeconds,
    reportBatchItemFailures: config.FunctionResponseTypes.includes('ReportBatchItemFailures'),
    timeout: fn.options.timeout,
    ...(config.FilterCriteria === undefined ? {} : { filterCriteria: config.FilterCriteria }),
  });
  const streamOptions = (config: MappingConfig, fn: MockFunction): StreamSubscribeOptions => ({
    batchSize: config.BatchSize,
    maximumBatchingWindowInSeconds: config.MaximumBatchingWindowInSeconds,
    startingPosition: config.StartingPosition as 'TRIM_HORIZON',
    ...(config.StartingPositionTimestamp === undefined
      ? {}
      : { startingPositionTimestamp: config.StartingPositionTimestamp * 1000 }),
    bisectBatchOnFunctionError: config.BisectBatchOnFunctionError ?? false,
    maximumRetryAttempts: config.MaximumRetryAttempts ?? -1,
    maximumRecordAgeInSeconds: config.MaximumRecordAgeInSeconds ?? -1,
    tumblingWindowInSeconds: config.TumblingWindowInSeconds ?? 0,
    parallelizationFactor: config.ParallelizationFactor ?? 1,
    reportBatchItemFailures: config.FunctionResponseTypes.includes('ReportBatchItemFailures'),
    functionName: fn.name,
    timeout: fn.options.timeout,
    ...(config.FilterCriteria === undefined ? {} : { filterCriteria: config.FilterCriteria }),
    ...(config.OnFailure === undefined ? {} : { onFailure: onFailureSender(config.OnFailure) }),
  });
  /** Sends an on-failure record to an SQS queue of the mocks, as Lambda's poller does. */
  const onFailureSender = (queueArn: string) => {
    const senderId = `AROA${senderIds.hex(16).toUpperCase().slice(0, 17)}:awslambda_${senderIds.int(100, 999)}`;
    return (record: StreamFailureRecord): void => {
      sources.sqs.deliver(queueArn, { body: JSON.stringify(record), messageAttributes: {}, senderId });
    };
  };
  const checkDestination = (config: MappingConfig): void => {
    if (config.OnFailure === undefined) return;
    const parsed = parseArn(config.OnFailure);
    if (parsed?.service !== 'sqs')
      throw invalidParameter(
        `aws-event-kit/msw: the on-failure destination ${config.OnFailure} is not an SQS queue; the mocks send on-failure records to SQS queues only (SNS topics and S3 buckets are not emulated as destinations).`,
      );
    try {
      sources.sqs.messages(config.OnFailure);
    } catch {
      throw invalidParameter(
        `The provided destination config DestinationConfig(onSuccess=null, onFailure=OnFailure(destination=${config.OnFailure})) is invalid: the queue does not exist.`,
      );
    }
  };

  const subscribe = (source: SourceRef, config: MappingConfig, fn: MockFunction, uuid: string): MappingSubscription => {
    const handler = fn.handlerFor({ eventSourceMappingUUID: uuid });
    try {
      let sub: MappingSubscription;
      if (source.kind === 'sqs')
        sub = sources.sqs.subscribe(source.arn, handler, sqsOptions(config, fn)) as unknown as MappingSubscription;
      else if (source.kind === 'kinesis')
        sub = sources.kinesis.subscribe(source.arn, handler, {
          ...streamOptions(config, fn),
          role: fn.options.role,
        } as KinesisSubscribeOptions) as unknown as MappingSubscription;
      else
        sub = sources.dynamodb.subscribe(
          source.arn,
          handler,
          streamOptions(config, fn),
        ) as unknown as MappingSubscription;
      sub.enabled = config.Enabled;
      return sub;
    } catch (error) {
      if (error instanceof AwsServiceError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      if (/is not a (queue|stream|table) of these mocks|has no stream/.test(message)) {
        throw invalidParameter(
          source.kind === 'sqs'
            ? `Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist for this wsdl version. (${source.arn})`
            : `Stream not found: ${source.arn}`,
        );
      }
      throw asLambdaError(error) ?? error;
    }
  };

  const reconfigure = (mapping: Mapping, fn: MockFunction): void => {
    const api = 'UpdateEventSourceMapping';
    const handler = fn.handlerFor({ eventSourceMappingUUID: mapping.uuid });
    try {
      if (mapping.source.kind === 'sqs') {
        (mapping.subscription as unknown as QueueSubscription).configure(
          resolveSubscribeOptions(api, mapping.source.fifo, sqsOptions(mapping.config, fn)),
          handler,
        );
      } else {
        (mapping.subscription as unknown as StreamPoller<never, unknown>).configure(
          resolveStreamOptions(api, streamOptions(mapping.config, fn), mapping.source.kind === 'kinesis'),
          handler,
        );
      }
    } catch (error) {
      throw asLambdaError(error) ?? error;
    }
    mapping.subscription.enabled = mapping.config.Enabled;
  };

  const describeMapping = (mapping: Mapping, state?: string): Record<string, unknown> => {
    const c = mapping.config;
    const stream = mapping.source.kind !== 'sqs';
    return {
      UUID: mapping.uuid,
      ...(c.StartingPosition === undefined ? {} : { StartingPosition: c.StartingPosition }),
      ...(c.StartingPositionTimestamp === undefined ? {} : { StartingPositionTimestamp: c.StartingPositionTimestamp }),
      BatchSize: c.BatchSize,
      MaximumBatchingWindowInSeconds: c.MaximumBatchingWindowInSeconds,
      ...(stream ? { ParallelizationFactor: c.ParallelizationFactor } : {}),
      EventSourceArn: mapping.source.arn,
      ...(c.FilterCriteria === undefined ? {} : { FilterCriteria: c.FilterCriteria }),
      FunctionArn: mapping.fn.arn,
      LastModified: mapping.lastModifiedMs / 1000,
      ...(stream
        ? { LastProcessingResult: mapping.subscription.invocationCount > 0 ? 'OK' : 'No records processed' }
        : {}),
      State: state ?? (c.Enabled ? 'Enabled' : 'Disabled'),
      StateTransitionReason: 'USER_INITIATED',
      ...(stream
        ? {
            DestinationConfig: { OnFailure: c.OnFailure === undefined ? {} : { Destination: c.OnFailure } },
            MaximumRecordAgeInSeconds: c.MaximumRecordAgeInSeconds,
            BisectBatchOnFunctionError: c.BisectBatchOnFunctionError,
            MaximumRetryAttempts: c.MaximumRetryAttempts,
            TumblingWindowInSeconds: c.TumblingWindowInSeconds ?? 0,
          }
        : {}),
      ...(c.MaximumConcurrency === undefined ? {} : { ScalingConfig: { MaximumConcurrency: c.MaximumConcurrency } }),
      FunctionResponseTypes: c.FunctionResponseTypes,
      EventSourceMappingArn: buildArn(
        context.partition,
        'lambda',
        parseArn(mapping.fn.arn)?.region ?? context.region,
        context.account,
        `event-source-mapping:${mapping.uuid}`,
      ),
    };
  };

  /** The function a mapping names: a missing one is InvalidParameterValueException `Function does not exist` (not Invoke's 404). */
  const functionOfMapping = (ref: unknown, region: string): MockFunction => {
    try {
      return resolveFunction(ref, region);
    } catch (error) {
      if (error instanceof AwsServiceError && error.code === 'ResourceNotFoundException')
        throw invalidParameter('Function does not exist');
      throw error;
    }
  };

  const mappingOf = (uuid: unknown): Mapping => {
    const mapping = typeof uuid === 'string' ? mappings.get(uuid) : undefined;
    if (mapping === undefined) throw mappingNotFound();
    return mapping;
  };

  const esm = {
    create(input: JsonObject, region: string): Record<string, unknown> {
      const source = sourceOf(input['EventSourceArn']);
      const config = mappingConfig(input, source, undefined);
      const fn = functionOfMapping(input['FunctionName'], region);
      for (const other of mappings.values()) {
        if (other.source.arn === source.arn && other.fn.arn === fn.arn) {
          throw lambdaError(
            'ResourceConflictException',
            source.kind === 'sqs'
              ? `An event source mapping with SQS arn (" ${source.arn} ") and function (" ${fn.name} ") already exists. Please update or delete the existing mapping with UUID ${other.uuid}`
              : `The event source arn (" ${source.arn} ") and function (" ${fn.name} ") provided mapping already exists. Please update or delete the existing mapping with UUID ${other.uuid}`,
            409,
          );
        }
      }
      checkDestination(config);
      const uuid = uuids.uuidV4();
      const subscription = subscribe(source, config, fn, uuid);
      const mapping: Mapping = {
        uuid,
        source,
        fn: { arn: fn.arn, name: fn.name, region: fn.region },
        config,
        lastModifiedMs: nowMs(),
        subscription,
      };
      mappings.set(uuid, mapping);
      // Lambda answers while the mapping is being created; the next read shows it Enabled (or Disabled).
      return describeMapping(mapping, 'Creating');
    },
    update(uuid: unknown, input: JsonObject, region: string): Record<string, unknown> {
      const mapping = mappingOf(uuid);
      const config = mappingConfig(input, mapping.source, mapping.config);
      const fn =
        input['FunctionName'] === undefined || input['FunctionName'] === null
          ? functionOfMapping(mapping.fn.arn, region)
          : functionOfMapping(input['FunctionName'], region);
      checkDestination(config);
      const wasEnabled = mapping.config.Enabled;
      mapping.config = config;
      mapping.fn = { arn: fn.arn, name: fn.name, region: fn.region };
      mapping.lastModifiedMs = nowMs();
      reconfigure(mapping, fn);
      const state = config.Enabled === wasEnabled ? 'Updating' : config.Enabled ? 'Enabling' : 'Disabling';
      return describeMapping(mapping, state);
    },
    delete(uuid: unknown): Record<string, unknown> {
      const mapping = mappingOf(uuid);
      mapping.subscription.unsubscribe();
      mappings.delete(mapping.uuid);
      return describeMapping(mapping, 'Deleting');
    },
    get(uuid: unknown): Record<string, unknown> {
      return describeMapping(mappingOf(uuid));
    },
    list(query: URLSearchParams, region: string): Record<string, unknown> {
      const sourceArn = query.get('EventSourceArn');
      const functionName = query.get('FunctionName');
      const fnArn =
        functionName === null
          ? undefined
          : (() => {
              const p = parseRef(functionName, region);
              return functionArn(p.region, p.name);
            })();
      const maxItems = query.has('MaxItems') ? Number(query.get('MaxItems')) : 100;
      if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 10_000)
        throw lambdaError(
          'ValidationException',
          `1 validation error detected: Value '${query.get('MaxItems')}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000`,
        );
      const all = [...mappings.values()].filter(
        (m) => (sourceArn === null || m.source.arn === sourceArn) && (fnArn === undefined || m.fn.arn === fnArn),
      );
      const marker = query.get('Marker');
      let start = 0;
      if (marker !== null) {
        start = all.findIndex((m) => m.uuid === marker);
        if (start === -1) throw invalidParameter('Invalid marker.');
      }
      const page = all.slice(start, start + maxItems);
      const next = all[start + maxItems];
      return {
        EventSourceMappings: page.map((m) => describeMapping(m)),
        ...(next === undefined ? {} : { NextMarker: next.uuid }),
      };
    },
  };

  // --- functions on the wire -------------------------------------------------------------------

  const describeFunction = (fn: MockFunction): Record<string, unknown> => ({
    FunctionName: fn.name,
    FunctionArn: fn.arn,
    Runtime: fn.options.runtime,
    Role: fn.options.role,
    Handler: fn.options.handlerName,
    CodeSize: 0,
    Description: fn.options.description,
    Timeout: fn.options.timeout,
    MemorySize: fn.options.memorySize,
    // Lambda writes LastModified as `2026-01-15T12:30:45.123+0000`.
    LastModified: new Date(fn.createdMs).toISOString().replace('Z', '+0000'),
    CodeSha256: '',
    Version: '$LATEST',
    ...(Object.keys(fn.options.environment).length === 0
      ? {}
      : { Environment: { Variables: { ...fn.options.environment } } }),
    TracingConfig: { Mode: 'PassThrough' },
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: ['x86_64'],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${fn.name}` },
  });

  const wireHandler = createLambdaHandler({
    isAwsUrl: (url) => contextOwnsUrl(context, url),
    requestId: () => requestIds.uuidV4(),
    defaultRegion: context.region,
    invoke: (ref, payload, options) => invoke(ref, payload, options),
    getFunction: (ref, region, qualifier) => {
      const fn = resolveFunction(ref, region, qualifier ?? undefined);
      return {
        Configuration: describeFunction(fn),
        Code: {
          RepositoryType: 'S3',
          Location: `https://awslambda-${fn.region}-tasks.s3.${fn.region}.amazonaws.com/snapshots/${context.account}/${fn.name}`,
        },
      };
    },
    listFunctions: (query, region) => {
      const maxItems = query.has('MaxItems') ? Number(query.get('MaxItems')) : 50;
      if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 10_000)
        throw lambdaError(
          'ValidationException',
          `1 validation error detected: Value '${query.get('MaxItems')}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000`,
        );
      const all = [...functions.values()]
        .filter((fn) => fn.region === region)
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const marker = query.get('Marker');
      const start = marker === null ? 0 : all.findIndex((fn) => fn.name === marker);
      if (start === -1) throw invalidParameter('Invalid marker.');
      const next = all[start + maxItems];
      return {
        Functions: all.slice(start, start + maxItems).map(describeFunction),
        ...(next === undefined ? {} : { NextMarker: next.name }),
      };
    },
    esm,
  });

  const handlers: HttpHandler[] = [wireHandler];

  const testFunction = (api: string, ref: unknown): MockFunction => {
    if (typeof ref !== 'string') fail(api, 'fn', `must be a function name or ARN, got ${show(ref)}`);
    try {
      return resolveFunction(ref);
    } catch {
      fail(
        api,
        'fn',
        `${show(ref)} is not a function of these mocks (create it with mocks.lambda.createFunction first)`,
      );
    }
  };

  return {
    handlers,

    createFunction(name, handler, options) {
      const api = 'mocks.lambda.createFunction';
      if (typeof name !== 'string' || !FUNCTION_NAME.test(name))
        fail(api, 'name', `${show(name)} is not a Lambda function name (1–64 of letters, digits, '-' and '_')`);
      if (typeof handler !== 'function')
        fail(api, 'handler', `must be a function (event, context, callback?), got ${show(handler)}`);
      const region = (options as { region?: unknown } | undefined)?.region ?? context.region;
      if (typeof region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
        fail(api, 'options.region', `${show(region)} is not a region`);
      const { region: _r, ...rest } = (options ?? {}) as LambdaFunctionOptions & { region?: string };
      void _r;
      const resolved = resolveFunctionOptions(api, name, context.account, context.partition, rest);
      if (functions.has(key(region, name)))
        fail(
          api,
          'name',
          `a function named ${show(name)} already exists in ${region} (Lambda answers ResourceConflictException: Function already exist: ${name})`,
        );
      const fn = new MockFunction(name, region, functionArn(region, name), handler, resolved, nowMs(), nowMs);
      functions.set(key(region, name), fn);
      return fn.info;
    },

    deleteFunction(ref) {
      const fn = testFunction('mocks.lambda.deleteFunction', ref);
      functions.delete(key(fn.region, fn.name));
      fn.deleted = true;
      async.drop(asyncTargetOf(fn));
    },

    getFunction(ref) {
      if (typeof ref !== 'string') return undefined;
      try {
        return resolveFunction(ref).info;
      } catch {
        return undefined;
      }
    },

    invoke: (ref, payload, options) => invoke(ref, payload, options),

    invocations(ref) {
      return testFunction('mocks.lambda.invocations', ref).invocations();
    },

    get asyncFailures() {
      return [...asyncFailures];
    },

    eventSourceMappings(filter = {}) {
      const fnArn =
        filter.functionName === undefined
          ? undefined
          : testFunction('mocks.lambda.eventSourceMappings', filter.functionName).arn;
      return [...mappings.values()]
        .filter(
          (m) =>
            (fnArn === undefined || m.fn.arn === fnArn) &&
            (filter.eventSourceArn === undefined || m.source.arn === filter.eventSourceArn),
        )
        .map((m) => ({
          uuid: m.uuid,
          eventSourceArn: m.source.arn,
          functionArn: m.fn.arn,
          state: m.config.Enabled ? ('Enabled' as const) : ('Disabled' as const),
          invocationCount: m.subscription.invocationCount,
          filtered: m.subscription.filtered,
          filteredCount: m.subscription.filteredCount,
          failures: [...(m.subscription.failures ?? [])],
        }));
    },

    runDue: () => async.runDue(),
    nextDueTime() {
      const next = async.nextDueMs();
      return next === undefined ? undefined : new Date(next);
    },

    reset() {
      for (const mapping of mappings.values()) mapping.subscription.unsubscribe();
      mappings.clear();
      functions.clear();
      asyncTargets.clear();
      async.clear();
      asyncFailures = [];
      seedIds();
    },
  };
}
