/**
 * The state of one in-memory Lambda: its functions, event source mappings, queued asynchronous
 * invocations and id streams. Every module of the service works on this one object, passed
 * explicitly, so each can be read (and tested) on its own.
 */
import { arn as buildArn } from '../../_internals/aws.js';
import type { Random } from '../../_internals/random.js';
import { AsyncInvocations, type AsyncTarget } from '../_internals/asyncInvoke.js';
import { contextRandom, type MockContext } from '../context.js';
import type { DynamoDBService } from '../dynamodb/index.js';
import type { KinesisService } from '../kinesis/index.js';
import type { SqsService } from '../sqs/index.js';
import type { LambdaAsyncFailure } from './asyncInvocations.js';
import type { MockFunction } from './functions.js';
import type { MappingConfig, SourceRef } from './mappingConfig.js';
import type { MappingSubscription } from './mappingPollers.js';

/** The services whose queues and streams event source mappings poll (and SQS for on-failure records). */
export interface LambdaSources {
  readonly sqs: SqsService;
  readonly kinesis: KinesisService;
  readonly dynamodb: DynamoDBService;
}

/** The seeded id streams, drawn afresh on reset so a reset instance repeats its ids. */
interface LambdaIds {
  /** Request ids of the API's answers and of queued invocations. */
  readonly requestIds: Random;
  /** Event source mapping UUIDs. */
  readonly uuids: Random;
  /** SenderIds of the on-failure records mappings send to SQS. */
  readonly senderIds: Random;
}

/** One event source mapping: its settings and the source service's poller that runs it. */
export interface Mapping {
  readonly uuid: string;
  readonly source: SourceRef;
  fn: { readonly arn: string; readonly name: string; readonly region: string };
  config: MappingConfig;
  lastModifiedMs: number;
  subscription: MappingSubscription;
}

/** Everything one Lambda service holds. */
export interface LambdaState {
  readonly context: MockContext;
  readonly sources: LambdaSources;
  /** Functions by {@link functionKey}. */
  readonly functions: Map<string, MockFunction>;
  /** Event source mappings by UUID, in creation order (ListEventSourceMappings pages through it). */
  readonly mappings: Map<string, Mapping>;
  /** Queued asynchronous invocations, run by `drain()`. */
  readonly async: AsyncInvocations<unknown>;
  /** Each function's one asynchronous target (its identity tells a deleted function's attempts apart). */
  readonly asyncTargets: Map<MockFunction, AsyncTarget<unknown>>;
  /** Asynchronous invocations that failed every attempt. */
  asyncFailures: LambdaAsyncFailure[];
  ids: LambdaIds;
}

/** The id streams of `context` (drawn in a fixed order: the seeded output depends on it). */
function seededIds(context: MockContext): LambdaIds {
  return {
    requestIds: contextRandom(context, 'lambda.requestId'),
    uuids: contextRandom(context, 'lambda.eventSourceMapping'),
    senderIds: contextRandom(context, 'lambda.senderId'),
  };
}

/** A fresh, empty Lambda. */
export function createLambdaState(context: MockContext, sources: LambdaSources): LambdaState {
  return {
    context,
    sources,
    functions: new Map(),
    mappings: new Map(),
    async: new AsyncInvocations<unknown>(() => nowMs({ context })),
    asyncTargets: new Map(),
    asyncFailures: [],
    ids: seededIds(context),
  };
}

/** Empties the service and reseeds its ids, as a new instance would start. */
export function resetLambdaState(state: LambdaState): void {
  for (const mapping of state.mappings.values()) mapping.subscription.unsubscribe();
  state.mappings.clear();
  state.functions.clear();
  state.asyncTargets.clear();
  state.async.clear();
  state.asyncFailures = [];
  state.ids = seededIds(state.context);
}

/** The virtual time, epoch ms. */
export function nowMs(state: Pick<LambdaState, 'context'>): number {
  return state.context.clock.now().getTime();
}

/** The key of a function in {@link LambdaState.functions}: names are unique per region. */
export function functionKey(region: string, name: string): string {
  return `${region}\u0000${name}`;
}

/** `arn:<partition>:lambda:<region>:<account>:function:<name>`. */
export function functionArn(state: LambdaState, region: string, name: string): string {
  return buildArn(state.context.partition, 'lambda', region, state.context.account, `function:${name}`);
}
