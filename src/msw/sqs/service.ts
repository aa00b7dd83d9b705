/**
 * `createSqsService`: the state of one in-memory SQS (its queues, subscriptions and seeded ids),
 * its msw handler and its test-side API.
 */
import { EventInputError, fail, show } from '../../_internals/errors.js';
import { utf8Length } from '../../_internals/limits.js';
import { defineReceived, RECEIVED, type ReceivedLog } from '../../_internals/received.js';
import {
  assertSqsFifoId,
  assertSqsText,
  normaliseSqsMessageAttributes,
  sqsMessageId,
  sqsReceiptHandle,
  sqsSenderId,
  type SqsMessageAttributes,
  type SqsMessageAttributesInput,
} from '../../events/sqs/index.js';
import type { Random } from '../../_internals/random.js';
import { AwsServiceError } from '../_internals/awsError.js';
import { createJsonRpcHandler } from '../_internals/jsonProtocol.js';
import { contextOwnsUrl, contextRandom, type MockContext, type MockService } from '../context.js';
import { sqsCode } from './errors.js';
import { asSqsError, checkFifoId } from './messages.js';
import { copyMessageAttributes, MockQueue, type MessageState, type QueueIds, type StoredMessage } from './queue.js';
import { QueueRegistry } from './registry.js';
import {
  QueueSubscription,
  resolveSubscribeOptions,
  type ResolvedSqsSubscribeOptions,
  type SqsHandler,
  type SqsSubscribeOptions,
  type SqsSubscription,
} from './subscription.js';
import { SQS_PROTOCOL, sqsOperations } from './wire.js';

/** A queue as the test side sees it. */
export interface SqsQueueInfo {
  readonly name: string;
  /** `https://sqs.<region>.amazonaws.com/<account>/<name>`: what the SDK takes as `QueueUrl`. */
  readonly url: string;
  readonly arn: string;
  readonly fifo: boolean;
  /**
   * Every message the queue received, for `toHaveReceived` of `aws-event-kit/vitest`
   * (non-enumerable: invisible to `toEqual` and JSON).
   */
  readonly [RECEIVED]?: () => ReceivedLog<SqsReceivedMessage>;
}

/** A message as `mocks.sqs.messages(queue)` shows it (a copy: editing it changes nothing). */
export interface SqsMessageSnapshot {
  readonly messageId: string;
  readonly body: string;
  /** Event form (`stringValue` / `binaryValue`, `dataType`). */
  readonly messageAttributes: SqsMessageAttributes;
  /** `visible`, `inFlight` (received, visibility timeout running) or `delayed` (never received, delay running). */
  readonly state: MessageState;
  /** `ApproximateReceiveCount`. */
  readonly receiveCount: number;
  readonly sentTimestamp: Date;
  /** When the message is (or became) receivable. */
  readonly visibleAt: Date;
  readonly messageGroupId?: string;
  readonly messageDeduplicationId?: string;
  readonly sequenceNumber?: string;
  /** Set on messages a redrive moved here. */
  readonly deadLetterQueueSourceArn?: string;
}

/**
 * A message a queue received (sent to it, or moved to it by a redrive), as `toHaveReceived`
 * of `aws-event-kit/vitest` sees it; deleted messages included.
 */
export interface SqsReceivedMessage {
  readonly messageId: string;
  readonly body: string;
  /** Event form (`stringValue` / `binaryValue`, `dataType`). */
  readonly messageAttributes: SqsMessageAttributes;
  readonly sentTimestamp: Date;
  readonly messageGroupId?: string;
  readonly messageDeduplicationId?: string;
  /** Set on messages a redrive moved here. */
  readonly deadLetterQueueSourceArn?: string;
}

/** Options of the test-side `mocks.sqs.send`. */
export interface SqsSendOptions {
  /** Attributes in any form the factories accept (`'text'`, `42`, bytes, `{ DataType, StringValue }` …). */
  messageAttributes?: SqsMessageAttributesInput;
  /** Per-message delay (standard queues). */
  delaySeconds?: number;
  /** Required for FIFO queues. */
  messageGroupId?: string;
  /** FIFO queues without content-based deduplication. */
  messageDeduplicationId?: string;
}

/** The SQS member of `createAwsMocks()`. */
export interface SqsService extends MockService {
  /**
   * Creates a queue without the SDK (same rules as CreateQueue; idempotent for equal attributes).
   * `attributes` are CreateQueue's (`{ FifoQueue: 'true', RedrivePolicy: JSON.stringify({ … }) }`).
   */
  createQueue(
    name: string,
    attributes?: Readonly<Record<string, string | undefined>>,
    options?: { region?: string },
  ): SqsQueueInfo;
  /** Sends a message without the SDK (same rules as SendMessage). `queue`: name, URL or ARN. */
  send(queue: string, body: string, options?: SqsSendOptions): { messageId: string; sequenceNumber?: string };
  /** The queue's live messages in queue order, with their state at the current virtual time. */
  messages(queue: string): SqsMessageSnapshot[];
  /**
   * Subscribes `handler` as a Lambda event source mapping would: `mocks.drain()` receives batches
   * with the queue's visibility timeout, invokes the handler with the Lambda SQS event, deletes
   * what succeeded and leaves failures to reappear.
   */
  subscribe(queue: string, handler: SqsHandler, options?: SqsSubscribeOptions): SqsSubscription;
  /**
   * Enqueues a message another service of the mocks sends (SNS's fan-out), with that sender's
   * `SenderId`; false when no queue has this ARN. Throws the AwsServiceError the queue answers
   * with (too large, FIFO ids missing …).
   */
  deliver(
    queueArn: string,
    message: {
      body: string;
      messageAttributes: SqsMessageAttributes;
      groupId?: string | undefined;
      deduplicationId?: string | undefined;
      senderId: string;
    },
  ): boolean;
}

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

/** The handler subscriptions of one SQS mock, run by `mocks.drain()`. */
class QueueSubscriptions {
  private subscriptions: QueueSubscription[] = [];

  constructor(private readonly registry: QueueRegistry) {}

  /** Starts a subscription of `queue`; it leaves the list when unsubscribed. */
  add(queue: MockQueue, handler: SqsHandler, options: ResolvedSqsSubscribeOptions): QueueSubscription {
    const subscription = new QueueSubscription(queue, handler, options, (gone) => {
      this.subscriptions = this.subscriptions.filter((s) => s !== gone);
    });
    this.subscriptions.push(subscription);
    return subscription;
  }

  /** Whether the subscription's queue still exists (a deleted queue's subscriptions idle). */
  private live(subscription: QueueSubscription): boolean {
    return this.registry.findByArn(subscription.queueArn) === subscription.queue;
  }

  /** Runs every subscription's due batches; whether any ran. */
  async runDue(nowMs: () => number): Promise<boolean> {
    let did = false;
    // A snapshot: a handler may subscribe or unsubscribe while it runs.
    for (const subscription of [...this.subscriptions]) {
      if (!this.live(subscription)) continue;
      if (await subscription.runDue({ nowMs })) did = true;
    }
    return did;
  }

  /** The earliest future batch of any subscription. */
  nextDueTime(now: number): Date | undefined {
    let next: number | undefined;
    for (const subscription of this.subscriptions) {
      if (!this.live(subscription)) continue;
      const due = subscription.nextDueAt(now);
      if (due !== undefined && (next === undefined || due < next)) next = due;
    }
    return next === undefined ? undefined : new Date(next);
  }

  /** Stops and forgets every subscription. */
  clear(): void {
    for (const subscription of this.subscriptions) subscription.active = false;
    this.subscriptions = [];
  }
}

/** Creates the SQS service of one `createAwsMocks()` instance. */
export function createSqsService(context: MockContext): SqsService {
  const nowMs = (): number => context.clock.now().getTime();
  let messageIds: Random;
  let handles: Random;
  let senderId: string;
  const ids: QueueIds = { messageId: () => sqsMessageId(messageIds), receiptHandle: () => sqsReceiptHandle(handles) };
  const registry = new QueueRegistry(context.account, ids);
  const subscriptions = new QueueSubscriptions(registry);
  let requestIds: Random;
  const seedIds = (): void => {
    messageIds = contextRandom(context, 'sqs.messageId');
    handles = contextRandom(context, 'sqs.receiptHandle');
    requestIds = contextRandom(context, 'sqs.requestId');
    senderId = sqsSenderId(contextRandom(context, 'sqs.senderId'));
  };
  seedIds();

  const handler = createJsonRpcHandler({
    ...SQS_PROTOCOL,
    operations: sqsOperations({
      registry,
      defaultRegion: context.region,
      account: context.account,
      nowMs,
      senderId: () => senderId,
    }),
    isAwsUrl: (url) => contextOwnsUrl(context, url),
    requestId: () => requestIds.uuidV4(),
  });

  const queueOf = (api: string, queue: unknown): MockQueue => {
    if (typeof queue !== 'string') fail(api, 'queue', `must be a queue name, URL or ARN, got ${show(queue)}`);
    const found = registry.resolve(queue, context.region);
    if (found === undefined)
      fail(
        api,
        'queue',
        `${show(queue)} is not a queue of these mocks (create it with mocks.sqs.createQueue or CreateQueue first)`,
      );
    return found;
  };
  // Test-side calls report AWS rejections as EventInputError naming the call.
  // `argument` names what the rejection is about (a function: chosen from the AWS error).
  const testSide = <T>(api: string, argument: string | ((error: AwsServiceError) => string), fn: () => T): T => {
    try {
      return asSqsError(fn);
    } catch (error) {
      if (error instanceof AwsServiceError) {
        const blamed = typeof argument === 'string' ? argument : argument(error);
        throw new EventInputError(api, blamed, `was rejected by SQS: ${sqsCode(error)}: ${error.message}`);
      }
      throw error;
    }
  };

  const receivedLog = (arn: string): ReceivedLog<SqsReceivedMessage> => {
    const queue = registry.resolve(arn, context.region);
    const items = (queue?.accepted() ?? []).map(receivedMessage);
    // Patterns see a message as Lambda's SQS event filtering does: a JSON body is matched as its value.
    return {
      description: `queue ${arn}`,
      items,
      patternView: (message) => ({ ...message, body: parseJsonBody(message.body) }),
    };
  };

  return {
    handlers: [handler],

    createQueue(name, attributes, options = {}) {
      const api = 'mocks.sqs.createQueue';
      if (typeof name !== 'string') fail(api, 'name', `must be a string, got ${show(name)}`);
      const given = queueAttributes(api, attributes);
      if (options === null || typeof options !== 'object')
        fail(api, 'options', `must be an object, got ${show(options)}`);
      const region = options.region ?? context.region;
      if (typeof region !== 'string') fail(api, 'options.region', `must be a region string, got ${show(region)}`);
      testSide(api, 'name', () => registry.checkName(name, given));
      const queue = testSide(api, 'attributes', () => registry.create(name, given, region, nowMs()));
      const info = { name: queue.info.name, url: queue.info.url, arn: queue.info.arn, fifo: queue.info.fifo };
      // What toHaveReceived (aws-event-kit/vitest) reads: the queue of that ARN at the time of the assertion.
      return defineReceived(info, () => receivedLog(info.arn));
    },

    send(queueRef, body, options = {}) {
      const api = 'mocks.sqs.send';
      const queue = queueOf(api, queueRef);
      // The same body rules as SendMessage: non-empty, only the characters SQS accepts.
      assertSqsText(api, 'body', body);
      if (options === null || typeof options !== 'object')
        fail(api, 'options', `must be an object, got ${show(options)}`);
      const { delaySeconds, messageGroupId, messageDeduplicationId } = options;
      if (delaySeconds !== undefined && !(Number.isInteger(delaySeconds) && delaySeconds >= 0 && delaySeconds <= 900)) {
        fail(api, 'options.delaySeconds', `must be an integer from 0 to 900 seconds, got ${show(delaySeconds)}`);
      }
      if (messageGroupId !== undefined) assertSqsFifoId(api, 'options.messageGroupId', messageGroupId);
      if (messageDeduplicationId !== undefined)
        assertSqsFifoId(api, 'options.messageDeduplicationId', messageDeduplicationId);
      const attributes = normaliseSqsMessageAttributes(api, 'options.messageAttributes', options.messageAttributes);
      const result = testSide(api, sendArgument, () =>
        queue.send(
          {
            body,
            messageAttributes: attributes.attributes,
            attributeBytes: attributes.bytes,
            delaySeconds,
            groupId: messageGroupId,
            deduplicationId: messageDeduplicationId,
            senderId,
          },
          nowMs(),
        ),
      );
      return result.sequenceNumber === undefined
        ? { messageId: result.messageId }
        : { messageId: result.messageId, sequenceNumber: result.sequenceNumber };
    },

    messages(queueRef) {
      const queue = queueOf('mocks.sqs.messages', queueRef);
      const now = nowMs();
      return queue.list(now).map((message) => messageSnapshot(message, now));
    },

    subscribe(queueRef, subscriber, options) {
      const api = 'mocks.sqs.subscribe';
      const queue = queueOf(api, queueRef);
      if (typeof subscriber !== 'function') fail(api, 'handler', `must be a function, got ${show(subscriber)}`);
      const resolved = resolveSubscribeOptions(api, queue.info.fifo, options);
      return subscriptions.add(queue, subscriber, resolved);
    },

    deliver(queueArn, message) {
      const queue = registry.findByArn(queueArn);
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
        nowMs(),
      );
      return true;
    },

    runDue: () => subscriptions.runDue(nowMs),
    nextDueTime: () => subscriptions.nextDueTime(nowMs()),

    reset() {
      subscriptions.clear();
      registry.clear();
      seedIds();
    },
  };
}
