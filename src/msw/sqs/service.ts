/**
 * `createSqsService`: the public interface of the in-memory SQS and a short factory wiring its
 * state (`state.ts`), JSON protocol handler (`wire.ts`) and test side (`testSide.ts`).
 */
import { RECEIVED, type ReceivedLog } from '../../_internals/received.js';
import type { SqsMessageAttributes, SqsMessageAttributesInput } from '../../events/sqs/index.js';
import { createJsonRpcHandler } from '../_internals/jsonProtocol.js';
import { contextOwnsUrl, type MockContext, type MockService } from '../context.js';
import type { MessageState } from './queue.js';
import { createSqsState, nowMs, resetSqsState } from './state.js';
import type { SqsHandler, SqsSubscribeOptions, SqsSubscription } from './subscription.js';
import * as testSide from './testSide.js';
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

/** Creates the SQS service of one `createAwsMocks()` instance. */
export function createSqsService(context: MockContext): SqsService {
  const state = createSqsState(context);
  const handler = createJsonRpcHandler({
    ...SQS_PROTOCOL,
    operations: sqsOperations({
      registry: state.registry,
      defaultRegion: context.region,
      account: context.account,
      nowMs: () => nowMs(state),
      senderId: () => state.seeds.senderId,
    }),
    isAwsUrl: (url) => contextOwnsUrl(context, url),
    requestId: () => state.seeds.requestIds.uuidV4(),
  });
  return {
    handlers: [handler],
    createQueue: (name, attributes, options) => testSide.createQueue(state, name, attributes, options),
    send: (queue, body, options) => testSide.send(state, queue, body, options),
    messages: (queue) => testSide.messages(state, queue),
    subscribe: (queue, subscriber, options) => testSide.subscribe(state, queue, subscriber, options),
    deliver: (queueArn, message) => testSide.deliver(state, queueArn, message),
    runDue: () => state.subscriptions.runDue(() => nowMs(state)),
    nextDueTime: () => state.subscriptions.nextDueTime(nowMs(state)),
    reset: () => resetSqsState(state),
  };
}
