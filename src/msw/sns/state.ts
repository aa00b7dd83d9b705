/**
 * The in-memory SNS state and its rules: topics, subscriptions, the functions `lambda`
 * subscriptions name, failed deliveries and queued invocations (publishing and fan-out are
 * `publishing.ts`). Errors are the AWS errors SNS returns.
 */
import type { Context } from 'aws-lambda';
import { arn as buildArn, parseArn } from '../../_internals/aws.js';
import type { Random } from '../../_internals/random.js';
import {
  snsSubscriptionArn,
  snsSubscriptionId,
  snsTopic,
  type SnsEvent,
  type SnsTopic,
} from '../../events/sns/index.js';
import { AsyncInvocations } from '../_internals/asyncInvoke.js';
import { InvocationHistory } from '../_internals/history.js';
import { applySubscriptionSettings, checkTopicAttribute, resolveSubscriptionAttributes } from './attributes.js';
import { invalidParameter, snsError, subscriptionNotFound, topicNotFound } from './errors.js';
import type { SqsService } from '../sqs/service.js';
import { emptyCounts, type SubscriptionState, type TopicState } from './model.js';

/** Where SNS delivers to SQS: the SQS service of the same mocks (its internal send, with SNS's `SenderId`). */
export type SnsSqsTarget = Pick<SqsService, 'deliver'>;

/** One attempt to invoke a Lambda subscription's handler. */
export interface SnsInvocation {
  readonly event: SnsEvent;
  /** Virtual time of the attempt. */
  readonly time: Date;
  /** 0 for the first attempt, then 1 and 2 for Lambda's retries. */
  readonly attempt: number;
  readonly outcome: 'success' | 'failure';
  /** What a failed attempt failed with (a `FunctionTimeoutError` when it timed out). */
  readonly error?: unknown;
}

/** A function a `lambda` subscription can name: the handler `mocks.sns.subscribe` registered. */
export interface SnsFunction {
  readonly arn: string;
  readonly handler: (event: SnsEvent, context: Context, callback: never) => unknown;
  readonly timeoutSeconds: number;
  readonly retries: number;
  readonly history: InvocationHistory<SnsInvocation, SnsInvocation['outcome']>;
  active: boolean;
}

/** A message no endpoint of a subscription took. */
export interface SnsFailedDelivery {
  readonly subscriptionArn: string;
  readonly messageId: string;
  /** Why: no such queue or function, the queue refused it, or the error of the last Lambda attempt. */
  readonly error: unknown;
}

/** The seeded id sources and identities of one SNS mock. */
export interface SnsIds {
  messageId: Random;
  subscriptionId: Random;
  /** SNS's `SenderId` in the SQS messages it sends. */
  senderId: string;
}

const PAGE = 100;

/** The default access policy AWS gives a new topic. */
function defaultPolicy(topic: SnsTopic): string {
  return JSON.stringify({
    Version: '2008-10-17',
    Id: '__default_policy_ID',
    Statement: [
      {
        Sid: '__default_statement_ID',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'SNS:GetTopicAttributes',
          'SNS:SetTopicAttributes',
          'SNS:AddPermission',
          'SNS:RemovePermission',
          'SNS:DeleteTopic',
          'SNS:Subscribe',
          'SNS:ListSubscriptionsByTopic',
          'SNS:Publish',
        ],
        Resource: topic.arn,
        Condition: { StringEquals: { 'AWS:SourceOwner': topic.account } },
      },
    ],
  });
}

const DEFAULT_DELIVERY_POLICY = JSON.stringify({
  http: {
    defaultHealthyRetryPolicy: {
      minDelayTarget: 20,
      maxDelayTarget: 20,
      numRetries: 3,
      numMaxDelayRetries: 0,
      numNoDelayRetries: 0,
      numMinDelayRetries: 0,
      backoffFunction: 'linear',
    },
    disableSubscriptionOverrides: false,
    defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' },
  },
});

/** The state of one SNS mock. */
export class SnsState {
  readonly topics = new Map<string, TopicState>();
  readonly subscriptions = new Map<string, SubscriptionState>();
  readonly functions = new Map<string, SnsFunction>();
  readonly failed: SnsFailedDelivery[] = [];
  readonly invocations: AsyncInvocations<SnsEvent>;

  constructor(
    readonly account: string,
    readonly ids: () => SnsIds,
    readonly nowMs: () => number,
    /** Where `sqs` subscriptions deliver (undefined: every such delivery fails). */
    readonly sqs: SnsSqsTarget | undefined,
  ) {
    this.invocations = new AsyncInvocations<SnsEvent>(nowMs);
  }

  /** Forgets everything. */
  clear(): void {
    for (const s of this.subscriptions.values()) s.active = false;
    for (const f of this.functions.values()) f.active = false;
    this.topics.clear();
    this.subscriptions.clear();
    this.functions.clear();
    this.failed.length = 0;
    this.invocations.clear();
  }

  // ---- topics ----

  /** A topic by ARN: `InvalidParameter` for a malformed ARN or another region, `NotFound` when absent. */
  topic(topicArn: string, region: string | undefined, member = 'TopicArn'): TopicState {
    const parts = topicArn.split(':');
    if (parts.length < 6)
      throw invalidParameter(`${member} Reason: An ARN must have at least 6 elements, not ${parts.length}`);
    const parsed = parseArn(topicArn);
    if (parsed === undefined || parsed.service !== 'sns' || (region !== undefined && parsed.region !== region))
      throw invalidParameter(member);
    const topic = this.topics.get(topicArn);
    if (topic === undefined) throw topicNotFound();
    return topic;
  }

  /** CreateTopic: idempotent for the same attributes and tags. */
  createTopic(
    name: string,
    region: string,
    attributes: ReadonlyMap<string, string>,
    tags: ReadonlyMap<string, string>,
  ): TopicState {
    const fifoName = name.endsWith('.fifo');
    const base = fifoName ? name.slice(0, -5) : name;
    const wantsFifo = attributes.get('FifoTopic') === 'true';
    if (name.length > 256 || !/^[A-Za-z0-9_-]+$/.test(base) || fifoName !== wantsFifo)
      throw invalidParameter('Topic Name');
    for (const [key, value] of attributes) checkTopicAttribute(key, value, wantsFifo, true);
    const topic = snsTopic(name, region, this.account);
    const existing = this.topics.get(topic.arn);
    if (existing !== undefined) {
      for (const [key, value] of attributes) {
        const current = key === 'FifoTopic' ? String(existing.topic.fifo) : existing.attributes.get(key);
        if (current !== value)
          throw invalidParameter('Attributes Reason: Topic already exists with different attributes');
      }
      for (const [key, value] of tags)
        if (existing.tags.get(key) !== value)
          throw invalidParameter('Tags Reason: Topic already exists with different tags');
      return existing;
    }
    checkTags(tags, 0);
    const state: TopicState = {
      topic,
      attributes: new Map([
        ['DisplayName', ''],
        ['Policy', defaultPolicy(topic)],
      ]),
      created: new Map(attributes),
      tags: new Map(tags),
      subscriptions: [],
      deleted: 0,
      published: 0,
      log: [],
      dedup: new Map(),
    };
    if (topic.fifo) state.attributes.set('ContentBasedDeduplication', 'false');
    for (const [key, value] of attributes) if (key !== 'FifoTopic') state.attributes.set(key, value);
    this.topics.set(topic.arn, state);
    return state;
  }

  /** DeleteTopic: its subscriptions go too; deleting a missing topic succeeds. */
  deleteTopic(topic: TopicState): void {
    for (const s of [...topic.subscriptions]) this.unsubscribe(s);
    this.topics.delete(topic.topic.arn);
  }

  /** GetTopicAttributes. */
  topicAttributes(topic: TopicState): Map<string, string> {
    const out = new Map<string, string>();
    out.set('TopicArn', topic.topic.arn);
    out.set('Owner', topic.topic.account);
    for (const [k, v] of topic.attributes) out.set(k, v);
    out.set('SubscriptionsPending', '0');
    out.set('SubscriptionsConfirmed', String(topic.subscriptions.length));
    out.set('SubscriptionsDeleted', String(topic.deleted));
    out.set('EffectiveDeliveryPolicy', topic.attributes.get('DeliveryPolicy') ?? DEFAULT_DELIVERY_POLICY);
    if (topic.topic.fifo) out.set('FifoTopic', 'true');
    return out;
  }

  /** SetTopicAttributes. */
  setTopicAttribute(topic: TopicState, name: string, value: string): void {
    if (name === 'FifoTopic') throw invalidParameter('AttributeName');
    checkTopicAttribute(name, value, topic.topic.fifo, false);
    topic.attributes.set(name, value);
  }

  // ---- subscriptions ----

  /** A subscription by ARN. */
  subscription(subscriptionArn: string): SubscriptionState {
    const parts = subscriptionArn.split(':');
    if (parts.length < 6)
      throw invalidParameter(`SubscriptionArn Reason: An ARN must have at least 6 elements, not ${parts.length}`);
    const found = this.subscriptions.get(subscriptionArn);
    if (found === undefined) throw subscriptionNotFound();
    return found;
  }

  /** Subscribe: sqs and lambda endpoints (confirmed at once, as same-account ones are). */
  subscribe(
    topic: TopicState,
    protocol: string,
    endpoint: string | undefined,
    attributes: ReadonlyMap<string, string>,
  ): SubscriptionState {
    if (protocol !== 'sqs' && protocol !== 'lambda') {
      if (['http', 'https', 'email', 'email-json', 'sms', 'application', 'firehose'].includes(protocol)) {
        throw invalidParameter(
          `aws-event-kit/msw: the mocks deliver to protocols sqs and lambda only, not ${protocol}`,
        );
      }
      throw invalidParameter(`Amazon SNS does not support this protocol string: ${protocol}`);
    }
    const parsed = endpoint === undefined ? undefined : parseArn(endpoint);
    if (protocol === 'sqs') {
      if (parsed === undefined || parsed.service !== 'sqs' || parsed.resource === '' || parsed.resource.includes(':'))
        throw invalidParameter('SQS endpoint ARN');
      if (parsed.resource.endsWith('.fifo') && !topic.topic.fifo)
        throw invalidParameter(
          'Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics',
        );
    } else {
      if (parsed === undefined || parsed.service !== 'lambda' || !parsed.resource.startsWith('function:'))
        throw invalidParameter('Lambda endpoint ARN');
      if (topic.topic.fifo)
        throw invalidParameter('Invalid protocol type: lambda. FIFO topics deliver to SQS queues only');
    }
    const target = endpoint as string;
    const { attributes: resolved, settings } = resolveSubscriptionAttributes(
      'Subscribe',
      protocol,
      topic.topic.fifo,
      new Map(),
      attributes,
    );
    const existing = topic.subscriptions.find((s) => s.protocol === protocol && s.endpoint === target);
    if (existing !== undefined) {
      const same =
        resolved.size === existing.attributes.size && [...resolved].every(([k, v]) => existing.attributes.get(k) === v);
      if (!same) throw invalidParameter('Attributes Reason: Subscription already exists with different attributes');
      return existing;
    }
    const id = snsSubscriptionId(this.ids().subscriptionId);
    const subscription: SubscriptionState = {
      arn: snsSubscriptionArn(topic.topic.arn, id),
      id,
      topic,
      protocol,
      endpoint: target,
      attributes: new Map(),
      policy: undefined,
      scope: 'MessageAttributes',
      raw: false,
      deadLetterArn: undefined,
      counts: emptyCounts(),
      active: true,
    };
    applySubscriptionSettings(subscription, resolved, settings);
    topic.subscriptions.push(subscription);
    this.subscriptions.set(subscription.arn, subscription);
    return subscription;
  }

  /** Unsubscribe. */
  unsubscribe(subscription: SubscriptionState): void {
    subscription.active = false;
    const list = subscription.topic.subscriptions;
    const index = list.indexOf(subscription);
    if (index !== -1) list.splice(index, 1);
    subscription.topic.deleted++;
    this.subscriptions.delete(subscription.arn);
  }

  /** GetSubscriptionAttributes. */
  subscriptionAttributes(s: SubscriptionState): Map<string, string> {
    const out = new Map<string, string>([
      ['ConfirmationWasAuthenticated', 'true'],
      ['Endpoint', s.endpoint],
      ['Owner', s.topic.topic.account],
      ['PendingConfirmation', 'false'],
      ['Protocol', s.protocol],
      ['RawMessageDelivery', s.raw ? 'true' : 'false'],
      ['SubscriptionArn', s.arn],
      ['TopicArn', s.topic.topic.arn],
    ]);
    for (const [k, v] of s.attributes) if (k !== 'RawMessageDelivery' && k !== 'FilterPolicyScope') out.set(k, v);
    // SNS shows the scope only alongside a policy.
    if (s.policy !== undefined) out.set('FilterPolicyScope', s.scope);
    return out;
  }

  /** SetSubscriptionAttributes. */
  setSubscriptionAttribute(s: SubscriptionState, name: string, value: string): void {
    const { attributes, settings } = resolveSubscriptionAttributes(
      'SetSubscriptionAttributes',
      s.protocol,
      s.topic.topic.fifo,
      s.attributes,
      new Map([[name, value]]),
    );
    applySubscriptionSettings(s, attributes, settings);
  }

  // ---- paging ----

  /** One page of `items` after `token` (an index), and the next token. */
  page<T>(items: readonly T[], token: string | undefined): { items: T[]; next: string | undefined } {
    let start = 0;
    if (token !== undefined) {
      start = /^\d+$/.test(token) ? Number(token) : Number.NaN;
      if (!Number.isSafeInteger(start) || start > items.length) throw invalidParameter('NextToken');
    }
    const end = start + PAGE;
    return { items: items.slice(start, end), next: end < items.length ? String(end) : undefined };
  }

  /** The ARN of a function named `name` in `region`. */
  functionArn(name: string, region: string, partition: string): string {
    return buildArn(partition, 'lambda', region, this.account, `function:${name}`);
  }
}

/** TagResource's limits: 50 tags, keys 1–128 and values 0–256 characters. */
export function checkTags(tags: ReadonlyMap<string, string>, existing: number): void {
  for (const [key, value] of tags) {
    if (key.length < 1 || key.length > 128 || value.length > 256)
      throw snsError(
        'InvalidParameter',
        `Invalid parameter: Tags Reason: tag key or value is out of range (key ${JSON.stringify(key)})`,
      );
  }
  if (existing + tags.size > 50)
    throw snsError('TagLimitExceeded', 'Could not complete request: tag quota of per resource exceeded');
}
