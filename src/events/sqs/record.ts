/**
 * The one "parts → record" mapper of SQS. Factories, arbitraries and the msw mocks all build
 * records through {@link toSqsRecord}; no other code writes an SQS record's fields.
 */
import { fail } from '../../_internals/errors.js';
import { sqsContentDeduplicationId } from './ids.js';
import { md5OfBody, md5OfMessageAttributes } from './md5.js';
import type { SqsQueue } from './queue.js';
import { sqsFifoIdProblem, sqsSequenceNumberProblem, sqsTraceHeaderProblem } from './validate.js';
import type {
  SqsEmptyMd5OfMessageAttributes,
  SqsEvent,
  SqsMessageAttributes,
  SqsRecord,
  SqsRecordAttributes,
} from './types.js';

/** FIFO-only parts of a message. */
export interface SqsFifoParts {
  /** `MessageGroupId`: 1–128 characters, alphanumeric or ASCII punctuation. */
  messageGroupId: string;
  /** `MessageDeduplicationId` (as `messageGroupId`); when undefined, content-based deduplication: SHA-256 hex of the body. */
  messageDeduplicationId?: string | undefined;
  /** `SequenceNumber`: the decimal of a 128-bit number, e.g. from `sqsSequenceNumber(sentTimestamp, counter)`. */
  sequenceNumber: string;
}

/**
 * Everything that varies between SQS records, as plain data. Values must already be valid
 * (see `normaliseSqsMessageAttributes`, `assertSqsText`, `resolveSqsQueue`): the mapper trusts
 * them, except the FIFO ids, the sequence number and the trace header, which it checks (every
 * caller fills them from a different source: a user's options, a generator, a wire request).
 */
export interface SqsRecordParts<TEmptyMd5 extends SqsEmptyMd5OfMessageAttributes = SqsEmptyMd5OfMessageAttributes> {
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
  /** `AWSTraceHeader` system attribute, when the sender traced: an X-Ray trace header (see `sqsTraceHeaderProblem`). */
  awsTraceHeader?: string | undefined;
  /** `DeadLetterQueueSourceArn`, on messages moved by a DLQ redrive. */
  deadLetterQueueSourceArn?: string | undefined;
  /**
   * The form of `md5OfMessageAttributes` when there are no attributes: `'omit'` leaves the field
   * out (assignable to `@types/aws-lambda`'s `SQSRecord`), `'null'` sets it to `null`. Both are
   * real (recent captures carry `null`, older samples omit it); every caller chooses.
   */
  emptyMd5OfMessageAttributes: TEmptyMd5;
}

/**
 * Maps parts to an SQS record: computes both MD5s, the FIFO attributes, the ARN and every string form.
 * The record's type follows `parts.emptyMd5OfMessageAttributes` (`SqsRecord<'omit'>` never holds `null`).
 */
export function toSqsRecord<TEmptyMd5 extends SqsEmptyMd5OfMessageAttributes>(
  parts: SqsRecordParts<TEmptyMd5>,
): SqsRecord<TEmptyMd5> {
  const { queue, fifo } = parts;
  if (queue.fifo !== (fifo !== undefined)) {
    throw new TypeError(
      `toSqsRecord: queue ${queue.name} is ${queue.fifo ? 'FIFO, so parts.fifo (messageGroupId, sequenceNumber) is required' : 'a standard queue, so parts.fifo must be absent'}`,
    );
  }
  const empty: unknown = parts.emptyMd5OfMessageAttributes;
  if (empty !== 'omit' && empty !== 'null') {
    throw new TypeError(
      `toSqsRecord: parts.emptyMd5OfMessageAttributes must be 'omit' or 'null', got ${typeof empty === 'string' ? `'${empty}'` : String(empty)}`,
    );
  }
  if (fifo !== undefined) checkFifo(fifo);
  if (parts.awsTraceHeader !== undefined) {
    const problem = sqsTraceHeaderProblem(parts.awsTraceHeader);
    if (problem !== undefined) fail('toSqsRecord', 'parts.awsTraceHeader', problem);
  }
  const receiveCount = String(parts.receiveCount);
  const sent = String(parts.sentTimestamp);
  const firstReceive = String(parts.firstReceiveTimestamp);
  let attributes: SqsRecordAttributes;
  if (fifo === undefined && parts.deadLetterQueueSourceArn === undefined && parts.awsTraceHeader === undefined) {
    // The common case, as one literal (the fastest shape to build).
    attributes = {
      ApproximateReceiveCount: receiveCount,
      SentTimestamp: sent,
      SenderId: parts.senderId,
      ApproximateFirstReceiveTimestamp: firstReceive,
    };
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
    if (fifo !== undefined)
      out.MessageDeduplicationId = fifo.messageDeduplicationId ?? sqsContentDeduplicationId(parts.body);
    out.ApproximateFirstReceiveTimestamp = firstReceive;
    attributes = out as SqsRecordAttributes;
  }
  return build(parts, attributes) as unknown as SqsRecord<TEmptyMd5>;
}

// The FIFO parts SQS would never deliver: a malformed group or deduplication id, or sequence number.
function checkFifo(fifo: SqsFifoParts): void {
  const group = sqsFifoIdProblem(fifo.messageGroupId);
  if (group !== undefined) fail('toSqsRecord', 'parts.fifo.messageGroupId', group);
  if (fifo.messageDeduplicationId !== undefined) {
    const dedup = sqsFifoIdProblem(fifo.messageDeduplicationId);
    if (dedup !== undefined) fail('toSqsRecord', 'parts.fifo.messageDeduplicationId', dedup);
  }
  const sequence = sqsSequenceNumberProblem(fifo.sequenceNumber);
  if (sequence !== undefined) fail('toSqsRecord', 'parts.fifo.sequenceNumber', sequence);
}

// `SqsRecord<'null'>`: the type of every record, with or without the field, with or without null.
function build(parts: SqsRecordParts, attributes: SqsRecordAttributes): SqsRecord<'null'> {
  const md5 = md5OfMessageAttributes(parts.messageAttributes);
  const record: SqsRecord<'null'> =
    md5 === null && parts.emptyMd5OfMessageAttributes === 'omit'
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

/**
 * `record` with `md5OfMessageAttributes` recomputed from its `messageAttributes`, in the form
 * {@link toSqsRecord} gives it (the MD5; without attributes no field or `null`, per `emptyMd5`),
 * the field in its real place (before `md5OfBody`). For callers that replaced a record's attributes.
 */
export function withSqsMd5OfMessageAttributes<TEmptyMd5 extends SqsEmptyMd5OfMessageAttributes>(
  record: SqsRecord<'null'>,
  emptyMd5: TEmptyMd5,
): SqsRecord<TEmptyMd5> {
  const md5 = md5OfMessageAttributes(record.messageAttributes);
  const out: Record<string, unknown> = {};
  // defineProperty: a `__proto__` key (from raw overrides) stays data, never a prototype.
  const put = (key: string, value: unknown) =>
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  let placed = md5 === null && emptyMd5 === 'omit';
  for (const key of Object.keys(record)) {
    if (key === 'md5OfMessageAttributes') continue;
    if (!placed && key === 'md5OfBody') {
      put('md5OfMessageAttributes', md5);
      placed = true;
    }
    put(key, record[key as keyof SqsRecord]);
  }
  if (!placed) put('md5OfMessageAttributes', md5);
  return out as unknown as SqsRecord<TEmptyMd5>;
}

/** Wraps records into the event Lambda delivers. */
export function toSqsEvent<TEmptyMd5 extends SqsEmptyMd5OfMessageAttributes>(
  records: SqsRecord<TEmptyMd5>[],
): SqsEvent<TEmptyMd5> {
  return { Records: records };
}
