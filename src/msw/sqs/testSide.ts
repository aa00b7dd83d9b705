/**
 * The test-side SQS API (`mocks.sqs.createQueue`, `send` …) and the delivery other services of the
 * mocks use: one function per call, on an explicit state, with the same rules as the SDK operations
 * and `EventInputError`s naming the call.
 */
import { EventInputError, fail, show } from '../../_internals/errors.js';
import { utf8Length } from '../../_internals/limits.js';
import { defineReceived, type ReceivedLog } from '../../_internals/received.js';
import {
  assertSqsFifoId,
  assertSqsText,
  normaliseSqsMessageAttributes,
  type SqsMessageAttributes,
} from '../../events/sqs/index.js';
import { AwsServiceError } from '../_internals/awsError.js';
import { sqsCode } from './errors.js';
import { asSqsError, checkFifoId } from './messages.js';
import { copyMessageAttributes, MockQueue, type StoredMessage } from './queue.js';
import type { SqsMessageSnapshot, SqsQueueInfo, SqsReceivedMessage, SqsSendOptions, SqsService } from './service.js';
import { nowMs, type SqsState } from './state.js';
import {
  resolveSubscribeOptions,
  type SqsHandler,
  type SqsSubscribeOptions,
  type SqsSubscription,
} from './subscription.js';

/**
 * The test-side CreateQueue attributes: an object of strings, where an `undefined` value means
 * the attribute is absent (as an optional property would be).
 */
function queueAttributes(api: string, attributes: unknown): Record<string, string> {
  if (attributes === undefined) return {};
  if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) {
    fail(api, 'attributes', `must be an object of CreateQueue attributes, got ${show(attributes)}`);
  }
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (typeof value !== 'string')
      fail(
        api,
        `attributes.${name}`,
        `must be a string, as CreateQueue takes it (e.g. '30', 'true', JSON text), got ${show(value)}`,
      );
    Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A body as Lambda's event filtering reads it: the JSON value when it parses as JSON, else the text. */
function parseJsonBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** The `mocks.sqs.send` argument a SendMessage rejection is about. */
function sendArgument(error: AwsServiceError): string {
  const message = error.message;
  if (message.includes('MessageGroupId')) return 'options.messageGroupId';
  if (message.includes('MessageDeduplicationId')) return 'options.messageDeduplicationId';
  if (message.includes('DelaySeconds')) return 'options.delaySeconds';
  // The size limit counts the body and the attributes together.
  return message.includes('Message must be shorter') ? 'body' : 'options';
}

/** A received message as `toHaveReceived` sees it (a copy). */
function receivedMessage(message: StoredMessage): SqsReceivedMessage {
  return {
    messageId: message.messageId,
    body: message.body,
    messageAttributes: copyMessageAttributes(message.messageAttributes),
    sentTimestamp: new Date(message.sentAt),
    ...(message.groupId === undefined ? {} : { messageGroupId: message.groupId }),
    ...(message.deduplicationId === undefined ? {} : { messageDeduplicationId: message.deduplicationId }),
    ...(message.deadLetterQueueSourceArn === undefined
      ? {}
      : { deadLetterQueueSourceArn: message.deadLetterQueueSourceArn }),
  };
}

/** A live message as `mocks.sqs.messages` shows it at `now` (a copy). */
function messageSnapshot(message: StoredMessage, now: number): SqsMessageSnapshot {
  return {
    messageId: message.messageId,
    body: message.body,
    messageAttributes: copyMessageAttributes(message.messageAttributes),
    state: MockQueue.stateOf(message, now),
    receiveCount: message.receiveCount,
    sentTimestamp: new Date(message.sentAt),
    visibleAt: new Date(message.visibleAt),
    ...(message.groupId === undefined ? {} : { messageGroupId: message.groupId }),
    ...(message.deduplicationId === undefined ? {} : { messageDeduplicationId: message.deduplicationId }),
    ...(message.sequenceNumber === undefined ? {} : { sequenceNumber: message.sequenceNumber }),
    ...(message.deadLetterQueueSourceArn === undefined
      ? {}
      : { deadLetterQueueSourceArn: message.deadLetterQueueSourceArn }),
  };
}

/** The bytes event-form attributes count towards a message's size: names, data types and values. */
function messageAttributeBytes(attributes: SqsMessageAttributes): number {
  let bytes = 0;
  for (const [name, a] of Object.entries(attributes)) {
    bytes +=
      utf8Length(name) +
      a.dataType.length +
      (a.binaryValue !== undefined ? Buffer.from(a.binaryValue, 'base64').length : utf8Length(a.stringValue ?? ''));
  }
  return bytes;
}

/** The queue a test-side call names; `EventInputError` when it is not a reference or not a queue. */
function queueOf(state: SqsState, api: string, queue: unknown): MockQueue {
  if (typeof queue !== 'string') fail(api, 'queue', `must be a queue name, URL or ARN, got ${show(queue)}`);
  const found = state.registry.resolve(queue, state.context.region);
  if (found === undefined)
    fail(
      api,
      'queue',
      `${show(queue)} is not a queue of these mocks (create it with mocks.sqs.createQueue or CreateQueue first)`,
    );
  return found;
}

/**
 * Runs `fn`, reporting an AWS rejection as an EventInputError naming the call; `argument` names
 * what the rejection is about (a function: chosen from the AWS error).
 */
function rejectedAs<T>(api: string, argument: string | ((error: AwsServiceError) => string), fn: () => T): T {
  try {
    return asSqsError(fn);
  } catch (error) {
    if (error instanceof AwsServiceError) {
      const blamed = typeof argument === 'string' ? argument : argument(error);
      throw new EventInputError(api, blamed, `was rejected by SQS: ${sqsCode(error)}: ${error.message}`);
    }
    throw error;
  }
}

/** What `toHaveReceived` reads of the queue `arn`, at the time of the assertion. */
function receivedLog(state: SqsState, arn: string): ReceivedLog<SqsReceivedMessage> {
  const queue = state.registry.resolve(arn, state.context.region);
  const items = (queue?.accepted() ?? []).map(receivedMessage);
  // Patterns see a message as Lambda's SQS event filtering does: a JSON body is matched as its value.
  return {
    description: `queue ${arn}`,
    items,
    patternView: (message) => ({ ...message, body: parseJsonBody(message.body) }),
  };
}

/** `mocks.sqs.createQueue`. */
export function createQueue(
  state: SqsState,
  name: string,
  attributes?: Readonly<Record<string, string | undefined>>,
  options: { region?: string } = {},
): SqsQueueInfo {
  const api = 'mocks.sqs.createQueue';
  if (typeof name !== 'string') fail(api, 'name', `must be a string, got ${show(name)}`);
  const given = queueAttributes(api, attributes);
  if (options === null || typeof options !== 'object') fail(api, 'options', `must be an object, got ${show(options)}`);
  const region = options.region ?? state.context.region;
  if (typeof region !== 'string') fail(api, 'options.region', `must be a region string, got ${show(region)}`);
  rejectedAs(api, 'name', () => state.registry.checkName(name, given));
  const queue = rejectedAs(api, 'attributes', () => state.registry.create(name, given, region, nowMs(state)));
  const info = { name: queue.info.name, url: queue.info.url, arn: queue.info.arn, fifo: queue.info.fifo };
  // What toHaveReceived (aws-event-kit/vitest) reads: the queue of that ARN at the time of the assertion.
  return defineReceived(info, () => receivedLog(state, info.arn));
}

/** `mocks.sqs.send`: SendMessage's rules, checked as the test-side arguments. */
export function send(
  state: SqsState,
  queueRef: string,
  body: string,
  options: SqsSendOptions = {},
): { messageId: string; sequenceNumber?: string } {
  const api = 'mocks.sqs.send';
  const queue = queueOf(state, api, queueRef);
  // The same body rules as SendMessage: non-empty, only the characters SQS accepts.
  assertSqsText(api, 'body', body);
  if (options === null || typeof options !== 'object') fail(api, 'options', `must be an object, got ${show(options)}`);
  const { delaySeconds, messageGroupId, messageDeduplicationId } = options;
  if (delaySeconds !== undefined && !(Number.isInteger(delaySeconds) && delaySeconds >= 0 && delaySeconds <= 900)) {
    fail(api, 'options.delaySeconds', `must be an integer from 0 to 900 seconds, got ${show(delaySeconds)}`);
  }
  if (messageGroupId !== undefined) assertSqsFifoId(api, 'options.messageGroupId', messageGroupId);
  if (messageDeduplicationId !== undefined)
    assertSqsFifoId(api, 'options.messageDeduplicationId', messageDeduplicationId);
  const attributes = normaliseSqsMessageAttributes(api, 'options.messageAttributes', options.messageAttributes);
  const result = rejectedAs(api, sendArgument, () =>
    queue.send(
      {
        body,
        messageAttributes: attributes.attributes,
        attributeBytes: attributes.bytes,
        delaySeconds,
        groupId: messageGroupId,
        deduplicationId: messageDeduplicationId,
        senderId: state.seeds.senderId,
      },
      nowMs(state),
    ),
  );
  return result.sequenceNumber === undefined
    ? { messageId: result.messageId }
    : { messageId: result.messageId, sequenceNumber: result.sequenceNumber };
}

/** `mocks.sqs.messages`: the live messages with their state now. */
export function messages(state: SqsState, queueRef: string): SqsMessageSnapshot[] {
  const queue = queueOf(state, 'mocks.sqs.messages', queueRef);
  const now = nowMs(state);
  return queue.list(now).map((message) => messageSnapshot(message, now));
}

/** `mocks.sqs.subscribe`. */
export function subscribe(
  state: SqsState,
  queueRef: string,
  subscriber: SqsHandler,
  options?: SqsSubscribeOptions,
): SqsSubscription {
  const api = 'mocks.sqs.subscribe';
  const queue = queueOf(state, api, queueRef);
  if (typeof subscriber !== 'function') fail(api, 'handler', `must be a function, got ${show(subscriber)}`);
  const resolved = resolveSubscribeOptions(api, queue.info.fifo, options);
  return state.subscriptions.add(queue, subscriber, resolved);
}

/** `sqs.deliver`: a message another service of the mocks sends; false when no queue has this ARN. */
export function deliver(state: SqsState, queueArn: string, message: Parameters<SqsService['deliver']>[1]): boolean {
  const queue = state.registry.findByArn(queueArn);
  if (queue === undefined) return false;
  const attributeBytes = messageAttributeBytes(message.messageAttributes);
  // Another service's ids (an EventBridge target's MessageGroupId) meet SendMessage's rule.
  if (message.groupId !== undefined) checkFifoId('MessageGroupId', message.groupId);
  if (message.deduplicationId !== undefined) checkFifoId('MessageDeduplicationId', message.deduplicationId);
  queue.send(
    {
      body: message.body,
      messageAttributes: message.messageAttributes,
      attributeBytes,
      groupId: message.groupId,
      deduplicationId: message.deduplicationId,
      senderId: message.senderId,
    },
    nowMs(state),
  );
  return true;
}
