/**
 * `createAwsMocks()`: one set of in-memory AWS services sharing a virtual clock, a seed and a
 * catch-all, composed through the {@link MockService} contract.
 */
import type { HttpHandler } from 'msw';
import {
  assertAccount,
  assertRegion,
  DEFAULT_ACCOUNT,
  DEFAULT_REGION,
  partitionOfRegion,
  resolveTime,
} from '../_internals/aws.js';
import { fail, show } from '../_internals/errors.js';
import { createRandom } from '../_internals/random.js';
import { createCatchAllHandler } from './_internals/catchAll.js';
import { createClock } from './_internals/clock.js';
import { createUrlMatcher, endpointOrigin, endpointsFromEnvironment } from './_internals/hosts.js';
import { installHttp2Guard } from './_internals/http2Guard.js';
import { drain, type DrainOptions, type DrainReport } from './_internals/scheduler.js';
import { registerFunctionIdentity } from './_internals/lambdaContext.js';
import type { MockClock, MockContext, MockService } from './context.js';
import { createDynamoDBService, type DynamoDBService } from './dynamodb/index.js';
import { createEventBridgeService, type EventBridgeService } from './eventbridge/index.js';
import { createKinesisService, type KinesisService } from './kinesis/index.js';
import { createPipesService, type PipesService } from './pipes/index.js';
import { createLambdaService, type LambdaService } from './lambda/index.js';
import { createS3Service, type S3Service } from './s3/index.js';
import { createSnsService, type SnsService } from './sns/index.js';
import { createSqsService, type SqsService } from './sqs/index.js';

/** Options of {@link createAwsMocks}. */
export interface AwsMocksOptions {
  /** Default region of queues, events and ARNs (requests signed for another region use theirs). @defaultValue `"us-east-1"` */
  region?: string;
  /** The account of every resource. @defaultValue `"123456789012"` */
  account?: string;
  /** Seed of generated ids: the same seed and the same calls give the same ids. @defaultValue `0` */
  seed?: number | string;
  /**
   * Where the virtual clock starts (Date, ISO string or epoch ms). It moves only in `drain()` or
   * through `mocks.clock`.
   * @defaultValue `2026-01-15T12:30:45.123Z`
   */
  clock?: Date | string | number;
  /**
   * Custom endpoints the mocks also own (`http://localhost:4566`), besides every `*.amazonaws.com`
   * host and the `AWS_ENDPOINT_URL*` environment variables.
   */
  endpoints?: readonly string[];
  /**
   * Fail HTTP/2 connections to hosts the mocks own at once, with a message naming the fix, instead
   * of letting them bypass msw (the default Kinesis client). Process-wide while any mocks with the
   * guard exist; `mocks.dispose()` removes this instance's share.
   * @defaultValue `true`
   */
  guardHttp2?: boolean;
}

/** One set of in-memory AWS services. */
export interface AwsMocks {
  /** Every handler, the catch-all last: `setupServer(...mocks.handlers)`. */
  readonly handlers: readonly HttpHandler[];
  /** In-memory S3 (REST-XML) and its notifications (src/msw/s3). */
  readonly s3: S3Service;
  /** In-memory SQS (JSON protocol) and its event source mappings. */
  readonly sqs: SqsService;
  /** In-memory SNS (query protocol): topics, filter policies, fan-out to the SQS queues and handlers (src/msw/sns). */
  readonly sns: SnsService;
  /** In-memory EventBridge PutEvents and rule-like subscriptions. */
  readonly eventBridge: EventBridgeService;
  /** In-memory EventBridge Pipes (REST JSON): pipes from SQS, Kinesis and DynamoDB streams to the mocks' services (src/msw/pipes). */
  readonly pipes: PipesService;
  /** In-memory Kinesis Data Streams (JSON 1.1) and its stream event source mappings (src/msw/kinesis). */
  readonly kinesis: KinesisService;
  /** In-memory DynamoDB and DynamoDB Streams (JSON 1.0) and stream event source mappings (src/msw/dynamodb). */
  readonly dynamodb: DynamoDBService;
  /** In-memory Lambda: functions, Invoke, event source mappings with filters (src/msw/lambda). */
  readonly lambda: LambdaService;
  /** The default region. */
  readonly region: string;
  /** The account. */
  readonly account: string;
  /** The virtual clock every service reads. */
  readonly clock: MockClock;
  /**
   * Runs every due delivery, moving the virtual clock to the next due time, until nothing is
   * pending (or, with `until`, up to that instant, where the clock is left). Time is virtual; the
   * one real timer is the guard that stops a drain whose handler never settles (`stuckHandlerMs`).
   */
  drain(options?: DrainOptions): Promise<DrainReport>;
  /** A clean slate: no resources, messages, subscriptions or pending deliveries; clock and ids restart. */
  reset(): void;
  /** Removes this instance's HTTP/2 guard (see {@link AwsMocksOptions.guardHttp2}). */
  dispose(): void;
}

/** An asynchronous invocation (`Event`) queued at once; false when there is no such function. */
function lambdaInvokeAsync(lambda: LambdaService, arn: string, event: unknown): boolean {
  if (lambda.getFunction(arn) === undefined) return false;
  // Queued synchronously (no await before the queue in `invoke`); a late rejection is Lambda's to report.
  lambda.invoke(arn, event, { invocationType: 'Event' }).catch(() => undefined);
  return true;
}

/** A synchronous invocation: the function's value, its error payload, or undefined when there is no such function. */
async function lambdaInvokeSync(
  lambda: LambdaService,
  arn: string,
  event: unknown,
): Promise<{ ok: true; value: unknown } | { ok: false; error: string } | undefined> {
  if (lambda.getFunction(arn) === undefined) return undefined;
  const result = await lambda.invoke(arn, event);
  return result.functionError === undefined
    ? { ok: true, value: result.value }
    : { ok: false, error: result.payload ?? 'Unhandled' };
}

/** Creates in-memory AWS services for msw. Two instances never share state. */
export function createAwsMocks(options: AwsMocksOptions = {}): AwsMocks {
  const api = 'createAwsMocks';
  if (options === null || typeof options !== 'object') fail(api, 'options', `must be an object, got ${show(options)}`);
  const region = options.region === undefined ? DEFAULT_REGION : assertRegion(api, 'options.region', options.region);
  const account =
    options.account === undefined ? DEFAULT_ACCOUNT : assertAccount(api, 'options.account', options.account);
  const seed = options.seed ?? 0;
  if (typeof seed !== 'number' && typeof seed !== 'string')
    fail(api, 'options.seed', `must be a number or a string, got ${show(seed)}`);
  const clock = createClock(resolveTime(api, 'options.clock', options.clock));
  registerFunctionIdentity(clock, { region, account, seed });
  if (options.endpoints !== undefined && !Array.isArray(options.endpoints))
    fail(api, 'options.endpoints', `must be an array of URLs, got ${show(options.endpoints)}`);
  const endpoints = [
    ...(options.endpoints ?? []).map((endpoint, i) => endpointOrigin(api, `options.endpoints[${i}]`, endpoint)),
    ...endpointsFromEnvironment(process.env),
  ];
  const isAwsUrl = createUrlMatcher(endpoints);
  const context: MockContext = {
    region,
    account,
    partition: partitionOfRegion(region),
    seed,
    clock,
    endpoints,
    isAwsUrl,
    random: (stream) => createRandom(seed, stream),
  };
  const sqs = createSqsService(context);
  const sns = createSnsService(context, { sqs });
  const kinesis = createKinesisService(context);
  // Rule targets live in the other services of this instance.
  const eventBridge = createEventBridgeService(context, {
    sqs,
    sns: { publishFromService: (arn, message) => sns.publishFromService(arn, message) },
    kinesis,
    lambda: { invokeAsync: (arn, event) => lambdaInvokeAsync(lambda, arn, event) },
  });
  // S3's EventBridge notifications go onto this instance's default bus, as AWS sends them; its
  // TopicConfigurations publish to this instance's SNS.
  const s3 = createS3Service(context, {
    eventBridge: (event) => eventBridge.publish(event as unknown as Parameters<EventBridgeService['publish']>[0]),
    sns: {
      publish: (topicArn, message, subject) => sns.publishFromService(topicArn, message, subject),
      exists: (topicArn) => sns.hasTopic(topicArn),
    },
    // QueueConfigurations enqueue on this instance's SQS; CloudFunctionConfigurations invoke its Lambda functions.
    sqs,
    lambda: {
      exists: (arn) => lambda.getFunction(arn) !== undefined,
      invokeAsync: (arn, event) => void lambdaInvokeAsync(lambda, arn, event),
    },
  });
  const dynamodb = createDynamoDBService(context);
  const lambda = createLambdaService(context, { sqs, kinesis, dynamodb });
  // Pipes poll their sources through the sources' own pollers and deliver to this instance's services.
  const pipes = createPipesService(context, {
    sqs,
    kinesis,
    dynamodb,
    sns: { publishFromService: (arn, message) => sns.publishFromService(arn, message) },
    eventBridge: {
      putEntry: (busArn, entry) => eventBridge.putEntry({ eventBusName: busArn, ...entry }) !== undefined,
    },
    lambda: {
      invokeAsync: (arn, event) => lambdaInvokeAsync(lambda, arn, event),
      invokeSync: (arn, event) => lambdaInvokeSync(lambda, arn, event),
    },
  });
  const services: readonly MockService[] = [s3, sns, sqs, eventBridge, kinesis, dynamodb, lambda, pipes];
  let requestIds = createRandom(seed, 'catchAll.requestId');
  // JSON-RPC services match on x-amz-target, so they go first: S3's REST routes on a custom
  // endpoint (path-style `POST /`) would otherwise take their requests. The catch-all goes last.
  const handlers = [
    ...sqs.handlers,
    ...eventBridge.handlers,
    ...kinesis.handlers,
    ...dynamodb.handlers,
    ...sns.handlers,
    ...lambda.handlers,
    ...pipes.handlers,
    ...s3.handlers,
    createCatchAllHandler(isAwsUrl, () => requestIds.uuidV4()),
  ];
  let removeGuard = options.guardHttp2 === false ? undefined : installHttp2Guard(isAwsUrl);

  return {
    handlers,
    s3,
    sqs,
    sns,
    eventBridge,
    kinesis,
    dynamodb,
    lambda,
    pipes,
    region,
    account,
    clock,
    drain: (drainOptions) => drain(() => services, clock, drainOptions),
    reset() {
      for (const service of services) service.reset();
      clock.reset();
      requestIds = createRandom(seed, 'catchAll.requestId');
    },
    dispose() {
      removeGuard?.();
      removeGuard = undefined;
    },
  };
}
