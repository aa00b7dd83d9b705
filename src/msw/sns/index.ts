/**
 * The in-memory SNS service: msw handler for SNS's query protocol (what `@aws-sdk/client-sns`
 * speaks), test-side topics, publishing and Lambda-style subscriptions, fan-out to the SQS
 * queues of the same mocks with filter policies, run deterministically by `mocks.drain()`.
 */
import { EventInputError, fail, show } from '../../_internals/errors.js';
import { defineReceived, RECEIVED, type ReceivedLog } from '../../_internals/received.js';
import { partitionOfRegion } from '../../_internals/aws.js';
import { resolveSnsTopic, type SnsEvent } from '../../events/sns/index.js';
import { sqsSenderId } from '../../events/sqs/index.js';
import type { FilterPolicyScope } from '../../patterns/sns.js';
import { AwsServiceError } from '../_internals/awsError.js';
import { InvocationHistory, resolveHistoryLimit } from '../_internals/history.js';
import { resolveTimeout } from '../_internals/invoke.js';
import type { SubscribedHandler } from '../_internals/lambdaContext.js';
import { contextOwnsUrl, contextRandom, type MockContext, type MockService } from '../context.js';
import { readPublishRequest } from './messages.js';
import type { SnsPublishedMessage, SubscriptionCounts, TopicState } from './model.js';
import { publishOperations } from './operations/publish.js';
import { subscriptionOperations } from './operations/subscriptions.js';
import { tagOperations } from './operations/tags.js';
import { topicOperations } from './operations/topics.js';
import { SnsState, type SnsFailedDelivery, type SnsIds, type SnsInvocation, type SnsSqsTarget } from './service.js';
import { createQueryHandler, parseQuery, QueryInput } from './wire.js';

export type { SnsPublishedMessage, SubscriptionCounts as SnsSubscriptionCounts } from './model.js';
export type { SnsFailedDelivery, SnsInvocation, SnsSqsTarget } from './service.js';

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
export interface SnsServiceOptions {
  /** The SQS service `sqs` subscriptions deliver to (createAwsMocks passes its own). */
  sqs?: SnsSqsTarget;
}

/** A text as a pattern reads it: the JSON value when it parses as JSON, else the text. */
function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Creates the SNS service of one `createAwsMocks()` instance. */
export function createSnsService(context: MockContext, options: SnsServiceOptions = {}): SnsService {
  let ids: SnsIds;
  let requestIds = contextRandom(context, 'sns.requestId');
  const seed = (): void => {
    ids = {
      messageId: contextRandom(context, 'sns.messageId'),
      subscriptionId: contextRandom(context, 'sns.subscriptionId'),
      senderId: sqsSenderId(contextRandom(context, 'sns.senderId')),
    };
    requestIds = contextRandom(context, 'sns.requestId');
  };
  seed();
  const nowMs = (): number => context.clock.now().getTime();
  const state = new SnsState(context.account, () => ids, nowMs, options.sqs);
  let functionCount = 0;
  const operationContext = { state, defaultRegion: context.region };
  const handler = createQueryHandler({
    operations: {
      ...topicOperations(operationContext),
      ...subscriptionOperations(operationContext),
      ...publishOperations(operationContext),
      ...tagOperations(operationContext),
    },
    isAwsUrl: (url) => contextOwnsUrl(context, url),
    requestId: () => requestIds.uuidV4(),
  });

  // Test-side calls report SNS's rejections as EventInputError naming the call.
  const testSide = <T>(api: string, argument: string, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof AwsServiceError)
        throw new EventInputError(api, argument, `was rejected by SNS: ${error.code}: ${error.message}`);
      throw error;
    }
  };
  const topicOf = (api: string, topic: unknown): TopicState => {
    const resolved = resolveSnsTopic(api, 'topic', topic, {
      defaultRegion: context.region,
      defaultAccount: context.account,
    });
    const found = state.topics.get(resolved.arn);
    if (found === undefined)
      fail(
        api,
        'topic',
        `${show(topic)} is not a topic of these mocks (create it with mocks.sns.createTopic or CreateTopic first)`,
      );
    return found;
  };

  return {
    handlers: [handler],

    createTopic(name, attributes = {}) {
      const api = 'mocks.sns.createTopic';
      if (typeof name !== 'string') fail(api, 'name', `must be a string, got ${show(name)}`);
      if (attributes === null || typeof attributes !== 'object')
        fail(api, 'attributes', `must be an object of CreateTopic attributes, got ${show(attributes)}`);
      for (const [k, v] of Object.entries(attributes))
        if (typeof v !== 'string')
          fail(api, `attributes.${k}`, `must be a string, as CreateTopic takes it (e.g. 'true'), got ${show(v)}`);
      const topic = testSide(api, 'name', () =>
        state.createTopic(name, context.region, new Map(Object.entries(attributes)), new Map()),
      );
      const info = { name: topic.topic.name, arn: topic.topic.arn, fifo: topic.topic.fifo };
      // What toHaveReceived (aws-event-kit/vitest) reads: the topic of that ARN at the time of the assertion.
      return defineReceived(
        info,
        (): ReceivedLog<SnsPublishedMessage> => ({
          description: `topic ${info.arn}`,
          items: [...(state.topics.get(info.arn)?.log ?? [])],
          // Patterns see a message as a JSON message's value (else its text), with its attributes.
          patternView: (m) => ({ ...m, message: parseJsonText(m.message) }),
        }),
      );
    },

    publish(topicRef, message, publishOptions = {}) {
      const api = 'mocks.sns.publish';
      const topic = topicOf(api, topicRef);
      if (typeof message !== 'string')
        fail(api, 'message', `must be a string (JSON.stringify an object), got ${show(message)}`);
      if (publishOptions === null || typeof publishOptions !== 'object')
        fail(api, 'options', `must be an object, got ${show(publishOptions)}`);
      // The same rules as the wire: build the form members and read them back.
      const form = new URLSearchParams({ Message: message });
      if (publishOptions.subject !== undefined) form.set('Subject', String(publishOptions.subject));
      if (publishOptions.messageGroupId !== undefined)
        form.set('MessageGroupId', String(publishOptions.messageGroupId));
      if (publishOptions.messageDeduplicationId !== undefined)
        form.set('MessageDeduplicationId', String(publishOptions.messageDeduplicationId));
      if (publishOptions.messageStructure !== undefined)
        form.set('MessageStructure', String(publishOptions.messageStructure));
      let n = 0;
      for (const [name, value] of Object.entries(publishOptions.messageAttributes ?? {})) {
        n++;
        form.set(`MessageAttributes.entry.${n}.Name`, name);
        if (value === null || typeof value !== 'object')
          fail(
            api,
            `options.messageAttributes.${name}`,
            `must be { DataType, StringValue | BinaryValue }, got ${show(value)}`,
          );
        if (value.DataType !== undefined)
          form.set(`MessageAttributes.entry.${n}.Value.DataType`, String(value.DataType));
        if (value.StringValue !== undefined)
          form.set(`MessageAttributes.entry.${n}.Value.StringValue`, String(value.StringValue));
        if (value.BinaryValue !== undefined)
          form.set(`MessageAttributes.entry.${n}.Value.BinaryValue`, String(value.BinaryValue));
      }
      return testSide(api, 'message', () =>
        state.publish(topic, readPublishRequest(new QueryInput(parseQuery(form.toString())))),
      );
    },

    subscribe(topicRef, subscriber, subscribeOptions = {}) {
      const api = 'mocks.sns.subscribe';
      const topic = topicOf(api, topicRef);
      if (typeof subscriber !== 'function') fail(api, 'handler', `must be a function, got ${show(subscriber)}`);
      if (subscribeOptions === null || typeof subscribeOptions !== 'object')
        fail(api, 'options', `must be an object, got ${show(subscribeOptions)}`);
      const retries = subscribeOptions.retries ?? 2;
      if (retries !== 0 && retries !== 1 && retries !== 2)
        fail(
          api,
          'options.retries',
          `must be 0, 1 or 2 (Lambda's MaximumRetryAttempts for async invocations), got ${show(retries)}`,
        );
      const timeoutSeconds = resolveTimeout(api, subscribeOptions.timeout);
      const name = subscribeOptions.functionName ?? `sns-subscriber-${++functionCount}`;
      if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(name))
        fail(
          api,
          'options.functionName',
          `must be a Lambda function name (1–64 of A–Z a–z 0–9 _ -), got ${show(name)}`,
        );
      const attributes = new Map<string, string>();
      if (subscribeOptions.filterPolicy !== undefined) {
        const policy = subscribeOptions.filterPolicy;
        if (typeof policy !== 'string' && (policy === null || typeof policy !== 'object'))
          fail(api, 'options.filterPolicy', `must be a JSON object or its text, got ${show(policy)}`);
        attributes.set('FilterPolicy', typeof policy === 'string' ? policy : JSON.stringify(policy));
      }
      if (subscribeOptions.filterPolicyScope !== undefined)
        attributes.set('FilterPolicyScope', String(subscribeOptions.filterPolicyScope));
      const functionArn = state.functionArn(name, topic.topic.region, partitionOfRegion(topic.topic.region));
      // One function, one handler: the same function may be subscribed to several topics.
      const existing = state.functions.get(functionArn);
      if (
        existing !== undefined &&
        (existing.handler !== (subscriber as unknown) ||
          existing.timeoutSeconds !== timeoutSeconds ||
          existing.retries !== retries)
      ) {
        fail(
          api,
          'options.functionName',
          `function ${show(name)} is already registered with another handler, timeout or retries; give this handler another functionName`,
        );
      }
      const subscription = testSide(api, 'options', () => state.subscribe(topic, 'lambda', functionArn, attributes));
      const fn = existing ?? {
        arn: functionArn,
        handler: subscriber as never,
        timeoutSeconds,
        retries,
        history: new InvocationHistory<SnsInvocation, SnsInvocation['outcome']>(
          resolveHistoryLimit(api, subscribeOptions.invocationHistory),
          ['success', 'failure'],
        ),
        active: true,
      };
      state.functions.set(functionArn, fn);
      return {
        subscriptionArn: subscription.arn,
        functionArn,
        get invocations() {
          return fn.history.items();
        },
        get invocationCount() {
          return fn.history.count();
        },
        get counts() {
          return { ...subscription.counts };
        },
        unsubscribe() {
          if (state.subscriptions.get(subscription.arn) === subscription) state.unsubscribe(subscription);
        },
      };
    },

    subscribeQueue(topicRef, queue, queueOptions = {}) {
      const api = 'mocks.sns.subscribeQueue';
      const topic = topicOf(api, topicRef);
      if (typeof queue !== 'string' || queue === '')
        fail(api, 'queue', `must be a queue name or ARN, got ${show(queue)}`);
      if (queueOptions === null || typeof queueOptions !== 'object')
        fail(api, 'options', `must be an object, got ${show(queueOptions)}`);
      const queueArn = queue.startsWith('arn:')
        ? queue
        : `arn:${partitionOfRegion(topic.topic.region)}:sqs:${topic.topic.region}:${context.account}:${queue}`;
      const attributes = new Map<string, string>();
      const { filterPolicy, filterPolicyScope, rawMessageDelivery, deadLetterQueueArn } = queueOptions;
      if (filterPolicy !== undefined)
        attributes.set('FilterPolicy', typeof filterPolicy === 'string' ? filterPolicy : JSON.stringify(filterPolicy));
      if (filterPolicyScope !== undefined) attributes.set('FilterPolicyScope', String(filterPolicyScope));
      if (rawMessageDelivery !== undefined) attributes.set('RawMessageDelivery', String(rawMessageDelivery));
      if (deadLetterQueueArn !== undefined)
        attributes.set('RedrivePolicy', JSON.stringify({ deadLetterTargetArn: deadLetterQueueArn }));
      return testSide(api, 'options', () => state.subscribe(topic, 'sqs', queueArn, attributes)).arn;
    },

    subscriptionCounts(subscriptionArn) {
      const api = 'mocks.sns.subscriptionCounts';
      if (typeof subscriptionArn !== 'string')
        fail(api, 'subscriptionArn', `must be a subscription ARN, got ${show(subscriptionArn)}`);
      const found = state.subscriptions.get(subscriptionArn);
      if (found === undefined)
        fail(api, 'subscriptionArn', `${show(subscriptionArn)} is not a subscription of these mocks`);
      return { ...found.counts };
    },

    failedDeliveries: () => [...state.failed],

    publishFromService(topicArn, message, subject) {
      const topic = state.topics.get(topicArn);
      // AWS services publish to standard topics only (S3 cannot notify a FIFO topic).
      if (topic === undefined || topic.topic.fifo) return false;
      state.publish(topic, {
        message,
        structure: undefined,
        subject,
        attributes: {},
        groupId: undefined,
        deduplicationId: undefined,
        bytes: message.length,
      });
      return true;
    },
    hasTopic: (topicArn) => state.topics.get(topicArn)?.topic.fifo === false,

    runDue: () => state.invocations.runDue(),
    nextDueTime() {
      const next = state.invocations.nextDueMs();
      return next === undefined ? undefined : new Date(next);
    },
    reset() {
      state.clear();
      functionCount = 0;
      seed();
    },
  };
}
