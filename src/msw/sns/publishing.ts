/**
 * Publishing on the SNS mock: FIFO rules and topic-wide deduplication, the topic's log, then the
 * fan-out to every subscription whose filter policy matches. Deliveries are built only by the SNS
 * family's mappers (`toSnsSqsDelivery`, `toSnsRecord`): to SQS queues of the mocks at publish time
 * on the virtual clock, to Lambda subscriptions as asynchronous invocations run by `drain()`.
 */
import { sha256Hex } from '../../_internals/hash.js';
import {
  snsMessageId,
  snsSequenceNumber,
  toSnsEvent,
  toSnsRecord,
  toSnsSqsDelivery,
  type SnsEvent,
  type SnsNotificationParts,
  type SnsSignatureVersion,
} from '../../events/sns/index.js';
import type { AsyncTarget } from '../_internals/asyncInvoke.js';
import { AwsServiceError } from '../_internals/awsError.js';
import { invalidParameter } from './errors.js';
import { messageFor, type PublishRequest } from './messages.js';
import {
  SNS_DEDUPLICATION_WINDOW_MS,
  type SnsPublishedMessage,
  type SubscriptionState,
  type TopicState,
} from './model.js';
import type { SnsFunction, SnsState } from './state.js';

/**
 * A FIFO topic's deduplication key for `request` (FIFO rules checked), and the ids of the first
 * message with that key when it is a duplicate within the window; a standard topic refuses a
 * deduplication id.
 */
function deduplicate(
  topic: TopicState,
  request: PublishRequest,
  now: number,
): { key: string | undefined; duplicateOf?: { messageId: string; sequenceNumber: string } } {
  if (!topic.topic.fifo) {
    if (request.deduplicationId !== undefined)
      throw invalidParameter(
        'MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type',
      );
    return { key: undefined };
  }
  if (request.groupId === undefined) throw invalidParameter('The MessageGroupId parameter is required for FIFO topics');
  if (request.deduplicationId === undefined && topic.attributes.get('ContentBasedDeduplication') !== 'true') {
    throw invalidParameter(
      'The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
    );
  }
  // Content-based deduplication hashes the message body only (attributes are ignored).
  const key = request.deduplicationId ?? sha256Hex(request.message);
  const seen = topic.dedup.get(key);
  // A duplicate within the window is accepted and answered with the first message's ids, not delivered.
  if (seen !== undefined && seen.expiresAt > now)
    return { key, duplicateOf: { messageId: seen.messageId, sequenceNumber: seen.sequenceNumber } };
  return { key };
}

/** Publish to `topic`: FIFO rules and deduplication, then fan-out. */
export function publish(
  state: SnsState,
  topic: TopicState,
  request: PublishRequest,
): { messageId: string; sequenceNumber?: string } {
  const now = state.nowMs();
  const { key: dedupKey, duplicateOf } = deduplicate(topic, request, now);
  if (duplicateOf !== undefined) return duplicateOf;
  const messageId = snsMessageId(state.ids().messageId);
  topic.published++;
  const sequenceNumber = topic.topic.fifo ? snsSequenceNumber(topic.published) : undefined;
  if (dedupKey !== undefined) {
    topic.dedup.set(dedupKey, {
      messageId,
      sequenceNumber: sequenceNumber as string,
      expiresAt: now + SNS_DEDUPLICATION_WINDOW_MS,
    });
    if (topic.dedup.size > 1024) for (const [k, v] of topic.dedup) if (v.expiresAt <= now) topic.dedup.delete(k);
  }
  topic.log.push({
    messageId,
    message: request.message,
    ...(request.subject === undefined ? {} : { subject: request.subject }),
    messageAttributes: structuredClone(request.attributes) as SnsPublishedMessage['messageAttributes'],
    ...(request.groupId === undefined ? {} : { messageGroupId: request.groupId }),
    timestamp: new Date(now),
  });
  for (const subscription of [...topic.subscriptions])
    fanOut(state, subscription, request, messageId, sequenceNumber, now);
  return sequenceNumber === undefined ? { messageId } : { messageId, sequenceNumber };
}

/** The parts of the notification `s` receives, as the family's mappers take them. */
function notificationParts(
  s: SubscriptionState,
  request: PublishRequest,
  message: string,
  messageId: string,
  sequenceNumber: string | undefined,
  now: number,
): SnsNotificationParts {
  return {
    topic: s.topic.topic,
    subscriptionId: s.id,
    messageId,
    subject: request.subject,
    message,
    timestamp: now,
    // "Message attributes are sent only when the message structure is String, not JSON" (SNS developer guide).
    messageAttributes: request.structure === undefined ? request.attributes : {},
    // Lambda events say "1" even when the topic signs with version 2 (LocalStack reproduces this as
    // AWS's behaviour); SQS envelopes follow the topic's SignatureVersion.
    signatureVersion:
      s.protocol === 'lambda' ? '1' : ((s.topic.attributes.get('SignatureVersion') ?? '1') as SnsSignatureVersion),
    fifo:
      sequenceNumber === undefined
        ? undefined
        : {
            sequenceNumber,
            messageGroupId: request.groupId as string,
            messageDeduplicationId: request.deduplicationId,
          },
  };
}

/** Delivers one message to one subscription, when its filter policy matches. */
function fanOut(
  state: SnsState,
  s: SubscriptionState,
  request: PublishRequest,
  messageId: string,
  sequenceNumber: string | undefined,
  now: number,
): void {
  const message = messageFor(request, s.protocol);
  if (s.policy !== undefined && !s.policy.matches({ MessageAttributes: request.attributes, Message: message })) {
    s.counts.filteredOut++;
    return;
  }
  s.counts.matched++;
  const parts = notificationParts(s, request, message, messageId, sequenceNumber, now);
  if (s.protocol === 'sqs') {
    const error = toQueue(state, s.endpoint, parts, s.raw);
    if (error === undefined) s.counts.delivered++;
    else deliveryFailed(state, s, parts, messageId, error);
    return;
  }
  const fn = state.functions.get(s.endpoint);
  if (fn === undefined || !fn.active) {
    // A missing function is a client-side error: SNS does not retry it.
    deliveryFailed(
      state,
      s,
      parts,
      messageId,
      new Error(
        `aws-event-kit/msw: no handler is registered for function ${s.endpoint} (register it with mocks.sns.subscribe)`,
      ),
    );
    return;
  }
  state.invocations.push(targetOf(state, s, fn), toSnsEvent(toSnsRecord(parts)), now);
}

/** Enqueues one delivery; returns why it failed, if it did. */
function toQueue(state: SnsState, queueArn: string, parts: SnsNotificationParts, raw: boolean): unknown {
  if (state.sqs === undefined) return new Error('aws-event-kit/msw: this SNS mock has no SQS service to deliver to');
  try {
    const delivery = toSnsSqsDelivery(parts, { raw, fifoQueue: queueArn.endsWith('.fifo') });
    const ok = state.sqs.deliver(queueArn, {
      body: delivery.body,
      messageAttributes: delivery.messageAttributes,
      groupId: delivery.fifo?.messageGroupId,
      deduplicationId: delivery.fifo?.messageDeduplicationId,
      senderId: state.ids().senderId,
    });
    return ok ? undefined : new Error(`aws-event-kit/msw: queue ${queueArn} does not exist in the mocks`);
  } catch (error) {
    if (error instanceof AwsServiceError || error instanceof TypeError) return error;
    throw error;
  }
}

/** Books a failed delivery; a RedrivePolicy's queue gets the would-be SQS body. */
function deliveryFailed(
  state: SnsState,
  s: SubscriptionState,
  parts: SnsNotificationParts,
  messageId: string,
  error: unknown,
): void {
  s.counts.failed++;
  state.failed.push({ subscriptionArn: s.arn, messageId, error });
  if (s.deadLetterArn !== undefined) toQueue(state, s.deadLetterArn, parts, s.raw);
}

/** A Lambda subscription as an asynchronous invocation target: its attempts go to the function's history. */
function targetOf(state: SnsState, s: SubscriptionState, fn: SnsFunction): AsyncTarget<SnsEvent> {
  return {
    handler: fn.handler,
    timeoutSeconds: fn.timeoutSeconds,
    retries: fn.retries,
    get active() {
      return s.active && fn.active;
    },
    describe: () => `the SNS subscription ${s.arn} (function ${fn.arn})`,
    settled: (event, attempt, timeMs, failure, final) => {
      fn.history.push({
        event,
        time: new Date(timeMs),
        attempt,
        ...(failure === undefined ? { outcome: 'success' } : { outcome: 'failure', error: failure.error }),
      });
      if (failure === undefined) s.counts.delivered++;
      else if (final) {
        s.counts.failed++;
        state.failed.push({
          subscriptionArn: s.arn,
          messageId: event.Records[0]?.Sns.MessageId as string,
          error: failure.error,
        });
      }
    },
  };
}
