/**
 * The test-side calls of the SNS mock (`mocks.sns.createTopic`, `publish`, `subscribe` …): each
 * checks its arguments, then goes through the same state rules as the wire, so a test-side call
 * and its SDK call behave alike. SNS's rejections surface as `EventInputError` naming the call.
 */
import { EventInputError, fail, show } from '../../_internals/errors.js';
import { partitionOfRegion } from '../../_internals/aws.js';
import { defineReceived, type ReceivedLog } from '../../_internals/received.js';
import { resolveSnsTopic } from '../../events/sns/index.js';
import { AwsServiceError } from '../_internals/awsError.js';
import { InvocationHistory, resolveHistoryLimit } from '../_internals/history.js';
import { resolveAsyncRetries, resolveTimeout } from '../_internals/invoke.js';
import type { MockContext } from '../context.js';
import { readPublishRequest } from './messages.js';
import { publish } from './publishing.js';
import type { SnsPublishedMessage, SubscriptionCounts, TopicState } from './model.js';
import type { SnsFunction, SnsInvocation, SnsState } from './state.js';
import type {
  SnsHandler,
  SnsPublishOptions,
  SnsSubscribeOptions,
  SnsSubscribeQueueOptions,
  SnsSubscription,
  SnsTopicInfo,
} from './service.js';
import { parseQuery, QueryInput } from './query.js';

/** What the test-side calls of one SNS mock work on. */
export interface SnsMock {
  readonly context: MockContext;
  readonly state: SnsState;
  /** The last `n` of the default function names (`sns-subscriber-<n>`); 0 after a reset. */
  functionCount: number;
}

/** `fn()`, with SNS's rejections reported as an EventInputError naming the call and argument. */
function asInputError<T>(api: string, argument: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof AwsServiceError)
      throw new EventInputError(api, argument, `was rejected by SNS: ${error.code}: ${error.message}`);
    throw error;
  }
}

/** The topic a test-side call names (name or ARN), which must exist. */
function topicOf(mock: SnsMock, api: string, topic: unknown): TopicState {
  const resolved = resolveSnsTopic(api, 'topic', topic, {
    defaultRegion: mock.context.region,
    defaultAccount: mock.context.account,
  });
  const found = mock.state.topics.get(resolved.arn);
  if (found === undefined)
    fail(
      api,
      'topic',
      `${show(topic)} is not a topic of these mocks (create it with mocks.sns.createTopic or CreateTopic first)`,
    );
  return found;
}

/** A text as a pattern reads it: the JSON value when it parses as JSON, else the text. */
function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `mocks.sns.createTopic`: CreateTopic's rules, and the topic's received log for `toHaveReceived`. */
export function createTopic(
  mock: SnsMock,
  name: string,
  attributes: Readonly<Record<string, string>> = {},
): SnsTopicInfo {
  const api = 'mocks.sns.createTopic';
  if (typeof name !== 'string') fail(api, 'name', `must be a string, got ${show(name)}`);
  if (attributes === null || typeof attributes !== 'object')
    fail(api, 'attributes', `must be an object of CreateTopic attributes, got ${show(attributes)}`);
  for (const [k, v] of Object.entries(attributes))
    if (typeof v !== 'string')
      fail(api, `attributes.${k}`, `must be a string, as CreateTopic takes it (e.g. 'true'), got ${show(v)}`);
  const { state } = mock;
  const topic = asInputError(api, 'name', () =>
    state.createTopic(name, mock.context.region, new Map(Object.entries(attributes)), new Map()),
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
}

/** The Publish form members the test-side options stand for. */
function publishForm(api: string, message: string, options: SnsPublishOptions): URLSearchParams {
  const form = new URLSearchParams({ Message: message });
  if (options.subject !== undefined) form.set('Subject', String(options.subject));
  if (options.messageGroupId !== undefined) form.set('MessageGroupId', String(options.messageGroupId));
  if (options.messageDeduplicationId !== undefined)
    form.set('MessageDeduplicationId', String(options.messageDeduplicationId));
  if (options.messageStructure !== undefined) form.set('MessageStructure', String(options.messageStructure));
  let n = 0;
  for (const [name, value] of Object.entries(options.messageAttributes ?? {})) {
    n++;
    form.set(`MessageAttributes.entry.${n}.Name`, name);
    if (value === null || typeof value !== 'object')
      fail(
        api,
        `options.messageAttributes.${name}`,
        `must be { DataType, StringValue | BinaryValue }, got ${show(value)}`,
      );
    if (value.DataType !== undefined) form.set(`MessageAttributes.entry.${n}.Value.DataType`, String(value.DataType));
    if (value.StringValue !== undefined)
      form.set(`MessageAttributes.entry.${n}.Value.StringValue`, String(value.StringValue));
    if (value.BinaryValue !== undefined)
      form.set(`MessageAttributes.entry.${n}.Value.BinaryValue`, String(value.BinaryValue));
  }
  return form;
}

/** `mocks.sns.publish`: Publish's rules, read back from the form members a Publish request would carry. */
export function publishMessage(
  mock: SnsMock,
  topicRef: string,
  message: string,
  options: SnsPublishOptions = {},
): { messageId: string; sequenceNumber?: string } {
  const api = 'mocks.sns.publish';
  const topic = topicOf(mock, api, topicRef);
  if (typeof message !== 'string')
    fail(api, 'message', `must be a string (JSON.stringify an object), got ${show(message)}`);
  if (options === null || typeof options !== 'object') fail(api, 'options', `must be an object, got ${show(options)}`);
  const form = publishForm(api, message, options);
  return asInputError(api, 'message', () =>
    publish(mock.state, topic, readPublishRequest(new QueryInput(parseQuery(form.toString())))),
  );
}

/** The checked settings of a handler subscription's function. */
interface FunctionSettings {
  readonly name: string;
  readonly retries: 0 | 1 | 2;
  readonly timeoutSeconds: number;
}

/** Checks `mocks.sns.subscribe`'s options that shape the function. */
function functionSettings(mock: SnsMock, api: string, options: SnsSubscribeOptions): FunctionSettings {
  const retries = resolveAsyncRetries(api, options.retries);
  const timeoutSeconds = resolveTimeout(api, options.timeout);
  const name = options.functionName ?? `sns-subscriber-${++mock.functionCount}`;
  if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(name))
    fail(api, 'options.functionName', `must be a Lambda function name (1–64 of A–Z a–z 0–9 _ -), got ${show(name)}`);
  return { name, retries, timeoutSeconds };
}

/** The subscription attributes `mocks.sns.subscribe`'s filter options stand for. */
function handlerAttributes(api: string, options: SnsSubscribeOptions): Map<string, string> {
  const attributes = new Map<string, string>();
  if (options.filterPolicy !== undefined) {
    const policy = options.filterPolicy;
    if (typeof policy !== 'string' && (policy === null || typeof policy !== 'object'))
      fail(api, 'options.filterPolicy', `must be a JSON object or its text, got ${show(policy)}`);
    attributes.set('FilterPolicy', typeof policy === 'string' ? policy : JSON.stringify(policy));
  }
  if (options.filterPolicyScope !== undefined) attributes.set('FilterPolicyScope', String(options.filterPolicyScope));
  return attributes;
}

/** A function already registered under this ARN must be this handler with these settings. */
function assertSameFunction(api: string, existing: SnsFunction, handler: SnsHandler, settings: FunctionSettings): void {
  // One function, one handler: the same function may be subscribed to several topics.
  if (
    existing.handler !== (handler as unknown) ||
    existing.timeoutSeconds !== settings.timeoutSeconds ||
    existing.retries !== settings.retries
  ) {
    fail(
      api,
      'options.functionName',
      `function ${show(settings.name)} is already registered with another handler, timeout or retries; give this handler another functionName`,
    );
  }
}

/** A new function running `handler`, with its invocation history. */
function newFunction(
  api: string,
  functionArn: string,
  handler: SnsHandler,
  settings: FunctionSettings,
  options: SnsSubscribeOptions,
): SnsFunction {
  return {
    arn: functionArn,
    handler: handler as never,
    timeoutSeconds: settings.timeoutSeconds,
    retries: settings.retries,
    history: new InvocationHistory<SnsInvocation, SnsInvocation['outcome']>(
      resolveHistoryLimit(api, options.invocationHistory),
      ['success', 'failure'],
    ),
    active: true,
  };
}

/** `mocks.sns.subscribe`: a `lambda` subscription whose function runs `handler`. */
export function subscribe(
  mock: SnsMock,
  topicRef: string,
  handler: SnsHandler,
  options: SnsSubscribeOptions = {},
): SnsSubscription {
  const api = 'mocks.sns.subscribe';
  const { state } = mock;
  const topic = topicOf(mock, api, topicRef);
  if (typeof handler !== 'function') fail(api, 'handler', `must be a function, got ${show(handler)}`);
  if (options === null || typeof options !== 'object') fail(api, 'options', `must be an object, got ${show(options)}`);
  const settings = functionSettings(mock, api, options);
  const attributes = handlerAttributes(api, options);
  const functionArn = state.functionArn(settings.name, topic.topic.region, partitionOfRegion(topic.topic.region));
  const existing = state.functions.get(functionArn);
  if (existing !== undefined) assertSameFunction(api, existing, handler, settings);
  // Every option is checked before the subscription is made: a refused call leaves none behind.
  const fn = existing ?? newFunction(api, functionArn, handler, settings, options);
  const subscription = asInputError(api, 'options', () => state.subscribe(topic, 'lambda', functionArn, attributes));
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
}

/** `mocks.sns.subscribeQueue`: Subscribe with protocol `sqs`; returns the subscription ARN. */
export function subscribeQueue(
  mock: SnsMock,
  topicRef: string,
  queue: string,
  options: SnsSubscribeQueueOptions = {},
): string {
  const api = 'mocks.sns.subscribeQueue';
  const topic = topicOf(mock, api, topicRef);
  if (typeof queue !== 'string' || queue === '') fail(api, 'queue', `must be a queue name or ARN, got ${show(queue)}`);
  if (options === null || typeof options !== 'object') fail(api, 'options', `must be an object, got ${show(options)}`);
  const { region } = topic.topic;
  const queueArn = queue.startsWith('arn:')
    ? queue
    : `arn:${partitionOfRegion(region)}:sqs:${region}:${mock.context.account}:${queue}`;
  const attributes = new Map<string, string>();
  const { filterPolicy, filterPolicyScope, rawMessageDelivery, deadLetterQueueArn } = options;
  if (filterPolicy !== undefined)
    attributes.set('FilterPolicy', typeof filterPolicy === 'string' ? filterPolicy : JSON.stringify(filterPolicy));
  if (filterPolicyScope !== undefined) attributes.set('FilterPolicyScope', String(filterPolicyScope));
  if (rawMessageDelivery !== undefined) attributes.set('RawMessageDelivery', String(rawMessageDelivery));
  if (deadLetterQueueArn !== undefined)
    attributes.set('RedrivePolicy', JSON.stringify({ deadLetterTargetArn: deadLetterQueueArn }));
  return asInputError(api, 'options', () => mock.state.subscribe(topic, 'sqs', queueArn, attributes)).arn;
}

/** `mocks.sns.subscriptionCounts`: any subscription's counts (SDK-made ones included), by ARN. */
export function subscriptionCounts(mock: SnsMock, subscriptionArn: string): SubscriptionCounts {
  const api = 'mocks.sns.subscriptionCounts';
  if (typeof subscriptionArn !== 'string')
    fail(api, 'subscriptionArn', `must be a subscription ARN, got ${show(subscriptionArn)}`);
  const found = mock.state.subscriptions.get(subscriptionArn);
  if (found === undefined)
    fail(api, 'subscriptionArn', `${show(subscriptionArn)} is not a subscription of these mocks`);
  return { ...found.counts };
}

/** A publish by another AWS service of the mocks: no attributes; false when no standard topic has the ARN. */
export function publishFromService(state: SnsState, topicArn: string, message: string, subject?: string): boolean {
  const topic = state.topics.get(topicArn);
  // AWS services publish to standard topics only (S3 cannot notify a FIFO topic).
  if (topic === undefined || topic.topic.fifo) return false;
  publish(state, topic, {
    message,
    structure: undefined,
    subject,
    attributes: {},
    groupId: undefined,
    deduplicationId: undefined,
    bytes: message.length,
  });
  return true;
}
