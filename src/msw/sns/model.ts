/**
 * The state of one SNS mock: topics, subscriptions, the FIFO deduplication window and the
 * counters tests read. Pure data plus lookups; the operations and the publisher change it.
 */
import type { SnsTopic } from '../../events/sns/index.js';
import type { CompiledFilterPolicy, FilterPolicyScope } from '../../patterns/sns.js';

/** The five-minute deduplication window of FIFO topics (topic-wide). */
export const SNS_DEDUPLICATION_WINDOW_MS = 5 * 60 * 1000;

/** A topic. */
export interface TopicState {
  readonly topic: SnsTopic;
  /** Settable attributes as last set (DisplayName, Policy, SignatureVersion, ContentBasedDeduplication …). */
  readonly attributes: Map<string, string>;
  /** The attributes CreateTopic was given, for CreateTopic's idempotency check. */
  readonly created: ReadonlyMap<string, string>;
  readonly tags: Map<string, string>;
  readonly subscriptions: SubscriptionState[];
  /** Subscriptions removed so far (`SubscriptionsDeleted`). */
  deleted: number;
  /** Messages published (FIFO sequence numbers count from it). */
  published: number;
  /** Every message the topic accepted, oldest first (duplicates a FIFO topic dropped excluded), for `toHaveReceived`. */
  readonly log: SnsPublishedMessage[];
  readonly dedup: Map<string, { messageId: string; sequenceNumber: string; expiresAt: number }>;
}

/** A message a topic accepted, as `toHaveReceived` of `aws-event-kit/vitest` sees it. */
export interface SnsPublishedMessage {
  readonly messageId: string;
  /** The `Message` as published (for MessageStructure=json, the JSON text). */
  readonly message: string;
  readonly subject?: string;
  /** In the delivered form (`{ Type, Value }`). */
  readonly messageAttributes: Readonly<Record<string, { Type: string; Value: string }>>;
  readonly messageGroupId?: string;
  readonly timestamp: Date;
}

/** How many messages a subscription saw, by fate. */
export interface SubscriptionCounts {
  /** Messages whose filter policy matched (or with no policy): delivery was attempted. */
  matched: number;
  /** Messages the filter policy rejected: not delivered. */
  filteredOut: number;
  /** Messages handed to the endpoint (enqueued in the queue, or an invocation that succeeded). */
  delivered: number;
  /** Messages that could not be delivered (no such queue or function, or every Lambda attempt failed). */
  failed: number;
}

/** A subscription. */
export interface SubscriptionState {
  readonly arn: string;
  /** The UUID ending the ARN. */
  readonly id: string;
  readonly topic: TopicState;
  readonly protocol: 'sqs' | 'lambda';
  readonly endpoint: string;
  /** Attributes as set (RawMessageDelivery, FilterPolicy, FilterPolicyScope, RedrivePolicy, DeliveryPolicy, SubscriptionRoleArn). */
  readonly attributes: Map<string, string>;
  /** The compiled FilterPolicy (undefined: every message passes). */
  policy: CompiledFilterPolicy | undefined;
  scope: FilterPolicyScope;
  raw: boolean;
  /** The DLQ of RedrivePolicy, if any. */
  deadLetterArn: string | undefined;
  readonly counts: SubscriptionCounts;
  active: boolean;
}

/** A new, empty count set. */
export function emptyCounts(): SubscriptionCounts {
  return { matched: 0, filteredOut: 0, delivered: 0, failed: 0 };
}
