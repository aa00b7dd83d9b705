/**
 * `createSnsService`: one in-memory SNS (its state and seeded ids), its msw handler for the query
 * protocol and its test-side API (topics, publishing, Lambda-style and SQS subscriptions).
 */
import type { RECEIVED, ReceivedLog } from '../../_internals/received.js';
import type { Random } from '../../_internals/random.js';
import type { SnsEvent } from '../../events/sns/index.js';
import { sqsSenderId } from '../../events/sqs/index.js';
import type { FilterPolicyScope } from '../../patterns/sns.js';
import type { SubscribedHandler } from '../_internals/lambdaContext.js';
import { contextOwnsUrl, contextRandom, type MockContext, type MockService } from '../context.js';
import type { SnsPublishedMessage, SubscriptionCounts } from './model.js';
import { SnsState, type SnsFailedDelivery, type SnsIds, type SnsInvocation, type SnsSqsTarget } from './state.js';
import * as testSide from './testSide.js';
import { createQueryHandler } from './query.js';
import { snsOperations } from './wire.js';

/** A handler subscribed to a topic, called as Lambda calls it (`(event, context, callback)`). */
export type SnsHandler = SubscribedHandler<SnsEvent>;

/** Options of `mocks.sns.subscribe`. */
export interface SnsSubscribeOptions {
  /** The subscription's `FilterPolicy` (JSON object or its text). */
  filterPolicy?: string | object;
  /** @defaultValue `'MessageAttributes'` */
  filterPolicyScope?: FilterPolicyScope;
  /**
   * The function's name: the subscription's endpoint is its ARN in the topic's region.
   * @defaultValue `'sns-subscriber-<n>'`
   */
  functionName?: string;
  /**
   * Retries after a failed invocation (Lambda's `MaximumRetryAttempts` for async invocations, 0–2).
   * @defaultValue `2`
   */
  retries?: 0 | 1 | 2;
  /** The function's timeout in whole seconds (1–900), on the virtual clock. @defaultValue `3` */
  timeout?: number;
  /** How many of the latest attempts `invocations` keeps. @defaultValue `1000` */
  invocationHistory?: number;
}

/** A handler subscription. */
export interface SnsSubscription {
  readonly subscriptionArn: string;
  readonly functionArn: string;
  /** The function's latest attempts, oldest first (all its subscriptions' when it has several). */
  readonly invocations: readonly SnsInvocation[];
  /** Every attempt of the function since it was registered. */
  readonly invocationCount: number;
  /** Messages matched, filtered out, delivered and failed so far. */
  readonly counts: SubscriptionCounts;
  /** Unsubscribes (queued attempts are dropped). */
  unsubscribe(): void;
}

/** Options of `mocks.sns.subscribeQueue`: the subscription attributes. */
export interface SnsSubscribeQueueOptions {
  filterPolicy?: string | object;
  /** @defaultValue `'MessageAttributes'` */
  filterPolicyScope?: FilterPolicyScope;
  /** The message verbatim, SNS attributes as SQS attributes. @defaultValue `false` */
  rawMessageDelivery?: boolean;
  /** The `deadLetterTargetArn` of the subscription's RedrivePolicy. */
  deadLetterQueueArn?: string;
}

/** Options of the test-side `mocks.sns.publish`. */
export interface SnsPublishOptions {
  subject?: string;
  /** Attributes in the Publish API form (`{ DataType, StringValue | BinaryValue (base64) }`). */
  messageAttributes?: Readonly<Record<string, { DataType: string; StringValue?: string; BinaryValue?: string }>>;
  messageGroupId?: string;
  messageDeduplicationId?: string;
  /** `'json'`: `message` is a JSON object of per-protocol messages with a `default`. */
  messageStructure?: 'json';
}

/** A topic as the test side sees it. */
export interface SnsTopicInfo {
  readonly name: string;
  readonly arn: string;
  readonly fifo: boolean;
  /**
   * Every message the topic accepted, for `toHaveReceived` of `aws-event-kit/vitest`
   * (non-enumerable: invisible to `toEqual` and JSON).
   */
  readonly [RECEIVED]?: () => ReceivedLog<SnsPublishedMessage>;
}

/** The SNS member of `createAwsMocks()`. */
export interface SnsService extends MockService {
  /** Creates a topic without the SDK (CreateTopic's rules; idempotent for equal attributes). */
  createTopic(name: string, attributes?: Readonly<Record<string, string>>): SnsTopicInfo;
  /** Publishes without the SDK (Publish's rules). `topic`: name or ARN. */
  publish(topic: string, message: string, options?: SnsPublishOptions): { messageId: string; sequenceNumber?: string };
  /**
   * Subscribes `handler` as a `lambda` subscription: each matching message invokes it
   * asynchronously (run by `drain()`) with the Lambda SNS event, retried twice on failure.
   */
  subscribe(topic: string, handler: SnsHandler, options?: SnsSubscribeOptions): SnsSubscription;
  /**
   * Subscribes an SQS queue (name in the mocks' region, or ARN) as Subscribe with protocol `sqs`
   * would; returns the subscription ARN.
   */
  subscribeQueue(topic: string, queue: string, options?: SnsSubscribeQueueOptions): string;
  /** The counts of any subscription (SDK-made ones included), by ARN. */
  subscriptionCounts(subscriptionArn: string): SubscriptionCounts;
  /** Messages some subscription could not take, oldest first. */
  failedDeliveries(): SnsFailedDelivery[];
  /**
   * Publishes on behalf of another AWS service of the mocks (S3's TopicConfigurations), with no
   * attributes, as the service does; false when no topic has this ARN.
   */
  publishFromService(topicArn: string, message: string, subject?: string): boolean;
  /** Whether a standard topic with this ARN exists (one another service can publish to). */
  hasTopic(topicArn: string): boolean;
}

/** What the SNS service is composed with. */
interface SnsServiceOptions {
  /** The SQS service `sqs` subscriptions deliver to (createAwsMocks passes its own). */
  sqs?: SnsSqsTarget;
}

/** The seeded id sources of one SNS mock; `reseed()` restarts them (on `reset()`). */
interface SnsSeeds {
  ids: SnsIds;
  requestIds: Random;
}

function reseed(context: MockContext, seeds: SnsSeeds): void {
  seeds.ids = {
    messageId: contextRandom(context, 'sns.messageId'),
    subscriptionId: contextRandom(context, 'sns.subscriptionId'),
    senderId: sqsSenderId(contextRandom(context, 'sns.senderId')),
  };
  seeds.requestIds = contextRandom(context, 'sns.requestId');
}

/** Creates the SNS service of one `createAwsMocks()` instance. */
export function createSnsService(context: MockContext, options: SnsServiceOptions = {}): SnsService {
  const seeds = { requestIds: contextRandom(context, 'sns.requestId') } as SnsSeeds;
  reseed(context, seeds);
  const nowMs = (): number => context.clock.now().getTime();
  const state = new SnsState(context.account, () => seeds.ids, nowMs, options.sqs);
  const mock: testSide.SnsMock = { context, state, functionCount: 0 };
  const handler = createQueryHandler({
    operations: snsOperations({ state, defaultRegion: context.region }),
    isAwsUrl: (url) => contextOwnsUrl(context, url),
    requestId: () => seeds.requestIds.uuidV4(),
  });
  return {
    handlers: [handler],
    createTopic: (name, attributes) => testSide.createTopic(mock, name, attributes),
    publish: (topic, message, publishOptions) => testSide.publishMessage(mock, topic, message, publishOptions),
    subscribe: (topic, subscriber, subscribeOptions) => testSide.subscribe(mock, topic, subscriber, subscribeOptions),
    subscribeQueue: (topic, queue, queueOptions) => testSide.subscribeQueue(mock, topic, queue, queueOptions),
    subscriptionCounts: (subscriptionArn) => testSide.subscriptionCounts(mock, subscriptionArn),
    failedDeliveries: () => [...state.failed],
    publishFromService: (topicArn, message, subject) => testSide.publishFromService(state, topicArn, message, subject),
    hasTopic: (topicArn) => state.topics.get(topicArn)?.topic.fifo === false,
    runDue: () => state.invocations.runDue(),
    nextDueTime() {
      const next = state.invocations.nextDueMs();
      return next === undefined ? undefined : new Date(next);
    },
    reset() {
      state.clear();
      mock.functionCount = 0;
      reseed(context, seeds);
    },
  };
}
