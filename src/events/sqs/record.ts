/**
 * The one "parts → record" mapper of SQS. Factories, arbitraries and the msw mocks all build
 * records through {@link toSqsRecord}; no other code writes an SQS record's fields.
 */
import { sha256Hex } from '../../_internals/hash.js';
import { md5OfBody, md5OfMessageAttributes } from './md5.js';
import type { SqsQueue } from './queue.js';
import type { SqsEvent, SqsMessageAttributes, SqsRecord, SqsRecordAttributes } from './types.js';

/** FIFO-only parts of a message. */
export interface SqsFifoParts {
  /** `MessageGroupId` (1–128 characters). */
  messageGroupId: string;
  /** `MessageDeduplicationId`; when undefined, content-based deduplication: SHA-256 hex of the body. */
  messageDeduplicationId?: string | undefined;
  /** `SequenceNumber`, e.g. from `sqsSequenceNumber(sentTimestamp, counter)`. */
  sequenceNumber: string;
}

/**
 * Everything that varies between SQS records, as plain data. Values must already be valid
 * (see `normaliseSqsMessageAttributes`, `assertSqsText`, `resolveSqsQueue`): the mapper trusts them.
 */
export interface SqsRecordParts {
  /** The queue the message was received from; its name decides standard vs FIFO. */
  queue: SqsQueue;
  messageId: string;
  receiptHandle: string;
  body: string;
  /** Message attributes in the event form (normalised). */
  messageAttributes: SqsMessageAttributes;
  /** Epoch milliseconds. */
  sentTimestamp: number;
  /** Epoch milliseconds, ≥ `sentTimestamp`. */
  firstReceiveTimestamp: number;
  /** ≥ 1. */
  receiveCount: number;
  /** The sender's IAM unique id (`AIDA…`, `AROA…:session`, or an account id). */
  senderId: string;
  /** Required for a FIFO queue, absent for a standard queue. */
  fifo?: SqsFifoParts | undefined;
  /** `AWSTraceHeader` system attribute, when the sender traced. */
  awsTraceHeader?: string | undefined;
  /** `DeadLetterQueueSourceArn`, on messages moved by a DLQ redrive. */
  deadLetterQueueSourceArn?: string | undefined;
  /**
   * Whether to leave `md5OfMessageAttributes` out (instead of `null`) when there are no
   * attributes. Recent captures carry `null`; some older samples omit the field.
   * @defaultValue `false`
   */
  omitNullMd5OfMessageAttributes?: boolean | undefined;
}

/** Maps parts to an SQS record: computes both MD5s, the FIFO attributes, the ARN and every string form. */
export function toSqsRecord(parts: SqsRecordParts): SqsRecord {
  const { queue, fifo } = parts;
  if (queue.fifo !== (fifo !== undefined)) {
    throw new TypeError(`toSqsRecord: queue ${queue.name} is ${queue.fifo ? 'FIFO, so parts.fifo (messageGroupId, sequenceNumber) is required' : 'a standard queue, so parts.fifo must be absent'}`);
  }
  const receiveCount = String(parts.receiveCount);
  const sent = String(parts.sentTimestamp);
  const firstReceive = String(parts.firstReceiveTimestamp);
  let attributes: SqsRecordAttributes;
  if (fifo === undefined && parts.deadLetterQueueSourceArn === undefined && parts.awsTraceHeader === undefined) {
    // The common case, as one literal (the fastest shape to build).
    attributes = { ApproximateReceiveCount: receiveCount, SentTimestamp: sent, SenderId: parts.senderId, ApproximateFirstReceiveTimestamp: firstReceive };
  } else {
    // Key order as in real records: DLQ source first, FIFO ids around SenderId.
    const out: Partial<SqsRecordAttributes> = {};
    if (parts.deadLetterQueueSourceArn !== undefined) out.DeadLetterQueueSourceArn = parts.deadLetterQueueSourceArn;
    out.ApproximateReceiveCount = receiveCount;
    if (parts.awsTraceHeader !== undefined) out.AWSTraceHeader = parts.awsTraceHeader;
    out.SentTimestamp = sent;
    if (fifo !== undefined) {
      out.SequenceNumber = fifo.sequenceNumber;
      out.MessageGroupId = fifo.messageGroupId;
    }
    out.SenderId = parts.senderId;
    // Content-based deduplication: SHA-256 hex of the body (not the attributes).
    if (fifo !== undefined) out.MessageDeduplicationId = fifo.messageDeduplicationId ?? sha256Hex(parts.body);
    out.ApproximateFirstReceiveTimestamp = firstReceive;
    attributes = out as SqsRecordAttributes;
  }
  return build(parts, attributes);
}

function build(parts: SqsRecordParts, attributes: SqsRecordAttributes): SqsRecord {
  const md5 = md5OfMessageAttributes(parts.messageAttributes);
  const record: SqsRecord = md5 === null && parts.omitNullMd5OfMessageAttributes === true
    ? {
        messageId: parts.messageId,
        receiptHandle: parts.receiptHandle,
        body: parts.body,
        attributes,
        messageAttributes: parts.messageAttributes,
        md5OfBody: md5OfBody(parts.body),
        eventSource: 'aws:sqs',
        eventSourceARN: parts.queue.arn,
        awsRegion: parts.queue.region,
      }
    : {
        messageId: parts.messageId,
        receiptHandle: parts.receiptHandle,
        body: parts.body,
        attributes,
        messageAttributes: parts.messageAttributes,
        md5OfMessageAttributes: md5,
        md5OfBody: md5OfBody(parts.body),
        eventSource: 'aws:sqs',
        eventSourceARN: parts.queue.arn,
        awsRegion: parts.queue.region,
      };
  return record;
}

/** Wraps records into the event Lambda delivers. */
export function toSqsEvent(records: SqsRecord[]): SqsEvent {
  return { Records: records };
}
