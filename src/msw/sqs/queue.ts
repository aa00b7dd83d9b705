/**
 * One in-memory SQS queue: messages, visibility, receive counts, FIFO groups and deduplication,
 * retention and dead-letter redrive. Pure model: times are epoch milliseconds passed in by the
 * caller (the virtual clock); errors are the AWS errors the real queue returns.
 */
import { utf8Length } from '../../_internals/limits.js';
import {
  md5OfBody,
  md5OfMessageAttributes,
  sqsContentDeduplicationId,
  sqsSequenceNumber,
  toSqsRecord,
  type SqsMessageAttributes,
  type SqsQueue,
  type SqsRecord,
} from '../../events/sqs/index.js';
import type { QueueConfig } from './attributes.js';
import { invalidParameter, sqsError } from './errors.js';

/** The five-minute deduplication interval of FIFO queues (SQS developer guide, exactly-once processing). */
const DEDUPLICATION_WINDOW_MS = 5 * 60 * 1000;
/** PurgeQueue may run once per 60 seconds per queue (PurgeQueue API reference). */
const PURGE_INTERVAL_MS = 60 * 1000;

/** A message as the queue stores it. */
export interface StoredMessage {
  readonly messageId: string;
  readonly body: string;
  readonly md5OfBody: string;
  /** Event form (`stringValue`/`binaryValue`/`dataType`), already validated. */
  readonly messageAttributes: SqsMessageAttributes;
  readonly md5OfMessageAttributes: string | null;
  /** Body bytes + attribute bytes, as SQS counts the message size. */
  readonly size: number;
  readonly awsTraceHeader: string | undefined;
  readonly senderId: string;
  /** `SentTimestamp` (epoch ms). */
  readonly sentAt: number;
  /** What retention counts from: the send, or the DLQ move for FIFO queues. */
  enqueuedAt: number;
  /** The message is receivable from this instant (delay, or visibility timeout after a receive). */
  visibleAt: number;
  receiveCount: number;
  firstReceiveAt: number | undefined;
  /** The latest receipt handle; older ones are stale. */
  receiptHandle: string | undefined;
  readonly groupId: string | undefined;
  readonly deduplicationId: string | undefined;
  readonly sequenceNumber: string | undefined;
  readonly deadLetterQueueSourceArn: string | undefined;
}

/** What SendMessage needs, validated by the wire layer. */
export interface SendInput {
  body: string;
  messageAttributes: SqsMessageAttributes;
  /** Σ name + type + value bytes of the attributes. */
  attributeBytes: number;
  awsTraceHeader?: string | undefined;
  /** Per-message delay (standard queues only). */
  delaySeconds?: number | undefined;
  groupId?: string | undefined;
  deduplicationId?: string | undefined;
  senderId: string;
}

/** What SendMessage answers. */
export interface SendResult {
  messageId: string;
  md5OfBody: string;
  md5OfMessageAttributes: string | null;
  sequenceNumber: string | undefined;
}

/** Seeded id sources shared by the queues of one service. */
export interface QueueIds {
  messageId(): string;
  receiptHandle(): string;
}

/** Counts for GetQueueAttributes. */
export interface QueueCounts {
  visible: number;
  notVisible: number;
  delayed: number;
}

/** The state of a message at an instant. */
export type MessageState = 'visible' | 'inFlight' | 'delayed';

/** An in-memory queue. */
export class MockQueue {
  readonly info: SqsQueue;
  config: QueueConfig;
  readonly createdAt: number;
  lastModifiedAt: number;
  private readonly messages = new Map<string, StoredMessage>();
  // Every message the queue ever accepted (sent or redriven here), for "has received" assertions.
  private readonly acceptedLog: StoredMessage[] = [];
  // Every receipt handle ever issued, so a stale or repeated delete is told apart from garbage.
  private readonly handles = new Map<string, StoredMessage>();
  private readonly dedup = new Map<
    string,
    { messageId: string; sequenceNumber: string | undefined; expiresAt: number }
  >();
  private lastPurgeAt: number | undefined;
  private sequenceMs = -1;
  private sequenceCounter = 0;

  constructor(
    info: SqsQueue,
    config: QueueConfig,
    now: number,
    private readonly ids: QueueIds,
    private readonly findQueueByArn: (arn: string) => MockQueue | undefined,
  ) {
    this.info = info;
    this.config = config;
    this.createdAt = now;
    this.lastModifiedAt = now;
  }

  /** Whether the message is past the retention period at `now`. */
  private expired(message: StoredMessage, now: number): boolean {
    return now >= message.enqueuedAt + this.config.messageRetentionPeriod * 1000;
  }

  /** The next FIFO sequence number: increasing even when many messages share one virtual millisecond. */
  private nextSequenceNumber(now: number): string {
    if (now > this.sequenceMs) {
      this.sequenceMs = now;
      this.sequenceCounter = 0;
    } else if (++this.sequenceCounter > 999) {
      this.sequenceMs += 1;
      this.sequenceCounter = 0;
    }
    return sqsSequenceNumber(this.sequenceMs, this.sequenceCounter);
  }

  /**
   * SendMessage (or one SendMessageBatch entry, `batchEntry`: AWS words an oversized entry
   * differently). Throws the AWS error for a request the queue rejects.
   */
  send(input: SendInput, now: number, batchEntry = false): SendResult {
    const fifo = this.info.fifo;
    const size = utf8Length(input.body) + input.attributeBytes;
    if (size > this.config.maximumMessageSize) {
      const verdict = batchEntry ? 'cannot be validated' : 'are invalid';
      throw sqsError(
        'InvalidParameterValue',
        `One or more parameters ${verdict}. Reason: Message must be shorter than ${this.config.maximumMessageSize} bytes.`,
      );
    }
    let deduplicationId: string | undefined;
    if (fifo) {
      if (input.groupId === undefined)
        throw sqsError('MissingParameter', 'The request must contain the parameter MessageGroupId.');
      // FIFO queues delay per queue only; an explicit 0 is accepted.
      if (input.delaySeconds !== undefined && input.delaySeconds !== 0) {
        throw invalidParameter(
          'DelaySeconds',
          'The request include parameter that is not valid for this queue type.',
          input.delaySeconds,
        );
      }
      deduplicationId = input.deduplicationId;
      if (deduplicationId === undefined) {
        if (!this.config.contentBasedDeduplication) {
          throw sqsError(
            'InvalidParameterValue',
            'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
          );
        }
        deduplicationId = sqsContentDeduplicationId(input.body);
      }
      const key =
        this.config.deduplicationScope === 'messageGroup'
          ? `${input.groupId}\u0000${deduplicationId}`
          : deduplicationId;
      const seen = this.dedup.get(key);
      if (seen !== undefined && seen.expiresAt > now) {
        // A duplicate inside the window is accepted but not enqueued: SQS answers with the first message's ids.
        return {
          messageId: seen.messageId,
          md5OfBody: md5OfBody(input.body),
          md5OfMessageAttributes: md5OfMessageAttributes(input.messageAttributes),
          sequenceNumber: seen.sequenceNumber,
        };
      }
      const messageId = this.ids.messageId();
      const sequenceNumber = this.nextSequenceNumber(now);
      this.dedup.set(key, { messageId, sequenceNumber, expiresAt: now + DEDUPLICATION_WINDOW_MS });
      if (this.dedup.size > 1024) this.pruneDedup(now);
      return this.enqueue(input, now, size, messageId, deduplicationId, sequenceNumber, this.config.delaySeconds);
    }
    if (input.deduplicationId !== undefined) {
      throw invalidParameter(
        'MessageDeduplicationId',
        'The request includes a parameter that is not valid for this queue type.',
        input.deduplicationId,
      );
    }
    return this.enqueue(
      input,
      now,
      size,
      this.ids.messageId(),
      undefined,
      undefined,
      input.delaySeconds ?? this.config.delaySeconds,
    );
  }

  private enqueue(
    input: SendInput,
    now: number,
    size: number,
    messageId: string,
    deduplicationId: string | undefined,
    sequenceNumber: string | undefined,
    delaySeconds: number,
  ): SendResult {
    const message: StoredMessage = {
      messageId,
      body: input.body,
      md5OfBody: md5OfBody(input.body),
      messageAttributes: input.messageAttributes,
      md5OfMessageAttributes: md5OfMessageAttributes(input.messageAttributes),
      size,
      awsTraceHeader: input.awsTraceHeader,
      senderId: input.senderId,
      sentAt: now,
      enqueuedAt: now,
      visibleAt: now + delaySeconds * 1000,
      receiveCount: 0,
      firstReceiveAt: undefined,
      receiptHandle: undefined,
      // Standard queues accept a MessageGroupId (fair queues) without FIFO semantics.
      groupId: this.info.fifo ? input.groupId : undefined,
      deduplicationId,
      sequenceNumber,
      deadLetterQueueSourceArn: undefined,
    };
    this.messages.set(messageId, message);
    this.acceptedLog.push(message);
    return {
      messageId,
      md5OfBody: message.md5OfBody,
      md5OfMessageAttributes: message.md5OfMessageAttributes,
      sequenceNumber,
    };
  }

  private pruneDedup(now: number): void {
    for (const [key, entry] of this.dedup) if (entry.expiresAt <= now) this.dedup.delete(key);
  }

  /** Takes a message moved from a source queue's redrive. */
  private acceptDeadLetter(message: StoredMessage, sourceArn: string, now: number): void {
    const moved: StoredMessage = {
      ...message,
      // FIFO queues reset the enqueue time on a DLQ move; standard queues keep the original.
      enqueuedAt: this.info.fifo ? now : message.enqueuedAt,
      visibleAt: now,
      receiptHandle: undefined,
      groupId: this.info.fifo ? message.groupId : undefined,
      deduplicationId: this.info.fifo ? message.deduplicationId : undefined,
      sequenceNumber: this.info.fifo ? (message.sequenceNumber ?? this.nextSequenceNumber(now)) : undefined,
      deadLetterQueueSourceArn: sourceArn,
    };
    this.messages.set(moved.messageId, moved);
    this.acceptedLog.push(moved);
  }

  /** Every message this queue accepted (sent, or moved here by a redrive), oldest first. */
  accepted(): readonly StoredMessage[] {
    return this.acceptedLog;
  }

  /**
   * ReceiveMessage: up to `max` messages, each hidden for `visibilityTimeout` seconds with a new
   * receipt handle and a higher receive count. A visible message that has already been received
   * `maxReceiveCount` times moves to the dead-letter queue instead. FIFO: messages in send order
   * per group, and no message of a group that has one in flight. `accept` (optional) can stop the
   * batch before a message is taken (Lambda's 6 MB payload limit).
   */
  receive(
    now: number,
    max: number,
    visibilityTimeout: number,
    accept?: (message: StoredMessage) => boolean,
  ): { messages: StoredMessage[]; moved: number } {
    const out: StoredMessage[] = [];
    let moved = 0;
    const fifo = this.info.fifo;
    const blocked = fifo ? new Set<string>() : undefined;
    const redrive = this.config.redrivePolicy;
    for (const message of this.messages.values()) {
      if (out.length >= max) break;
      if (this.expired(message, now)) {
        this.messages.delete(message.messageId);
        continue;
      }
      const group = message.groupId;
      if (blocked !== undefined && group !== undefined && blocked.has(group)) continue;
      if (message.visibleAt > now) {
        // In flight or delayed: in a FIFO queue, the rest of its group waits behind it.
        if (blocked !== undefined && group !== undefined) blocked.add(group);
        continue;
      }
      if (redrive !== undefined && message.receiveCount >= redrive.maxReceiveCount) {
        const target = this.findQueueByArn(redrive.deadLetterTargetArn);
        if (target !== undefined && target !== this) {
          this.messages.delete(message.messageId);
          target.acceptDeadLetter(message, this.info.arn, now);
          moved++;
          continue;
        }
      }
      // The first message is always taken, even alone over the budget (Lambda still invokes).
      if (accept !== undefined && !accept(message) && out.length > 0) break;
      const handle = this.ids.receiptHandle();
      message.receiveCount += 1;
      message.firstReceiveAt ??= now;
      message.visibleAt = now + visibilityTimeout * 1000;
      message.receiptHandle = handle;
      this.handles.set(handle, message);
      out.push(message);
    }
    return { messages: out, moved };
  }

  /** Looks a receipt handle up, or throws `ReceiptHandleIsInvalid`. */
  private byHandle(handle: string): StoredMessage {
    const message = this.handles.get(handle);
    if (message === undefined)
      throw sqsError('ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not a valid receipt handle.`);
    return message;
  }

  /**
   * DeleteMessage. The latest receipt handle deletes the message; a stale handle of a standard
   * queue succeeds without deleting ("you must provide the most recently received receipt handle
   * … otherwise, the request succeeds, but the message will not be deleted"); a FIFO queue rejects
   * a handle whose visibility timeout has expired. Deleting a deleted message succeeds.
   */
  delete(handle: string, now: number): void {
    const message = this.byHandle(handle);
    if (this.messages.get(message.messageId) !== message) return;
    // Expired once the clock has passed the timeout: at the same virtual instant (a zero timeout,
    // a handler that takes no virtual time) the handle still deletes.
    if (this.info.fifo && (message.receiptHandle !== handle || message.visibleAt < now)) {
      throw invalidParameter('ReceiptHandle', 'The receipt handle has expired.', handle);
    }
    if (message.receiptHandle !== handle) return;
    this.messages.delete(message.messageId);
  }

  /** ChangeMessageVisibility: a new timeout, counted from now, for a message in flight. */
  changeVisibility(handle: string, visibilityTimeout: number, now: number): void {
    const message = this.byHandle(handle);
    if (this.messages.get(message.messageId) !== message || message.receiptHandle !== handle) {
      throw invalidParameter(
        'ReceiptHandle',
        'Message does not exist or is not available for visibility timeout change.',
        handle,
      );
    }
    if (message.visibleAt <= now) throw sqsError('MessageNotInflight', "The message referred to isn't in flight.");
    message.visibleAt = now + visibilityTimeout * 1000;
  }

  /** PurgeQueue: deletes every message; once per 60 seconds. */
  purge(now: number): void {
    if (this.lastPurgeAt !== undefined && now - this.lastPurgeAt < PURGE_INTERVAL_MS) {
      throw sqsError(
        'PurgeQueueInProgress',
        `Only one PurgeQueue operation on ${this.info.name} is allowed every 60 seconds.`,
      );
    }
    this.lastPurgeAt = now;
    this.messages.clear();
  }

  /** The state of a message at `now`. */
  static stateOf(message: StoredMessage, now: number): MessageState {
    if (message.visibleAt <= now) return 'visible';
    return message.receiveCount > 0 ? 'inFlight' : 'delayed';
  }

  /** Visible / in-flight / delayed counts (expired messages excluded). */
  counts(now: number): QueueCounts {
    const counts: QueueCounts = { visible: 0, notVisible: 0, delayed: 0 };
    for (const message of this.messages.values()) {
      if (this.expired(message, now)) continue;
      const state = MockQueue.stateOf(message, now);
      if (state === 'visible') counts.visible++;
      else if (state === 'inFlight') counts.notVisible++;
      else counts.delayed++;
    }
    return counts;
  }

  /** The live messages in queue order (expired ones excluded). */
  list(now: number): StoredMessage[] {
    const out: StoredMessage[] = [];
    for (const message of this.messages.values()) if (!this.expired(message, now)) out.push(message);
    return out;
  }

  /**
   * How many messages a receive at `now` could return (up to `limit`), without side effects.
   * Messages due for the dead-letter queue count too: a receive moves them, which is work.
   */
  receivable(now: number, limit: number): number {
    let count = 0;
    const blocked = this.info.fifo ? new Set<string>() : undefined;
    for (const message of this.messages.values()) {
      if (count >= limit) break;
      if (this.expired(message, now)) continue;
      const group = message.groupId;
      if (blocked !== undefined && group !== undefined && blocked.has(group)) continue;
      if (message.visibleAt > now) {
        if (blocked !== undefined && group !== undefined) blocked.add(group);
        continue;
      }
      count++;
    }
    return count;
  }

  /** The earliest instant after `now` at which a hidden message becomes visible. */
  nextVisibleAt(now: number): number | undefined {
    let next: number | undefined;
    for (const message of this.messages.values()) {
      if (
        message.visibleAt > now &&
        (next === undefined || message.visibleAt < next) &&
        !this.expired(message, message.visibleAt)
      )
        next = message.visibleAt;
    }
    return next;
  }

  /** The Lambda record of a just-received message, through the one SQS mapper. */
  toRecord(message: StoredMessage, copyAttributes: boolean): SqsRecord {
    return toSqsRecord({
      queue: this.info,
      messageId: message.messageId,
      receiptHandle: message.receiptHandle as string,
      body: message.body,
      messageAttributes: copyAttributes ? copyMessageAttributes(message.messageAttributes) : message.messageAttributes,
      sentTimestamp: message.sentAt,
      firstReceiveTimestamp: message.firstReceiveAt as number,
      receiveCount: message.receiveCount,
      senderId: message.senderId,
      fifo: this.info.fifo
        ? {
            messageGroupId: message.groupId as string,
            messageDeduplicationId: message.deduplicationId,
            sequenceNumber: message.sequenceNumber as string,
          }
        : undefined,
      awsTraceHeader: message.awsTraceHeader,
      deadLetterQueueSourceArn: message.deadLetterQueueSourceArn,
      // Lambda's SQS poller today: recent captures carry null on messages without attributes.
      emptyMd5OfMessageAttributes: 'null',
    });
  }
}

/** A copy of stored attributes, so a handler that edits its event cannot edit the queue. */
export function copyMessageAttributes(attributes: SqsMessageAttributes): SqsMessageAttributes {
  const names = Object.keys(attributes);
  if (names.length === 0) return {};
  const out: SqsMessageAttributes = {};
  for (const name of names) {
    const attribute = attributes[name] as SqsMessageAttributes[string];
    Object.defineProperty(out, name, {
      value: { ...attribute, stringListValues: [], binaryListValues: [] },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
