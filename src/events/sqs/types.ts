/** The Lambda SQS event shape, field by field as AWS sends it (camelCase, every attribute a string). */

/**
 * One message attribute as Lambda delivers it. Exactly one of `stringValue` (String, Number)
 * or `binaryValue` (Binary, base64) is present; the two list arrays are always there and empty
 * (SQS reserves them: "Not implemented").
 */
export interface SqsMessageAttribute {
  /** The value of a String or Number attribute (also of custom `String.x` / `Number.x` types). */
  stringValue?: string;
  /** The value of a Binary attribute, standard base64. */
  binaryValue?: string;
  /** Always `[]` in real events. */
  stringListValues: string[];
  /** Always `[]` in real events. */
  binaryListValues: string[];
  /** `String`, `Number` or `Binary`, optionally followed by `.customLabel`. */
  dataType: string;
}

/** Message attributes by name. */
export type SqsMessageAttributes = Record<string, SqsMessageAttribute>;

/** The `attributes` of an SQS record: system attributes, every value a string. */
export interface SqsRecordAttributes {
  /** Present on messages moved by a dead-letter-queue redrive: the source queue's ARN. */
  DeadLetterQueueSourceArn?: string;
  /** ≥ `"1"`. */
  ApproximateReceiveCount: string;
  /** The X-Ray trace header, when the sender traced. */
  AWSTraceHeader?: string;
  /** Epoch milliseconds, 13 digits. */
  SentTimestamp: string;
  /** FIFO queues only: 20-digit decimal, increasing in send order. */
  SequenceNumber?: string;
  /** FIFO queues only. */
  MessageGroupId?: string;
  /** The IAM unique id of the sender (`AIDA…`, `AROA…:session`). */
  SenderId: string;
  /** FIFO queues only (content-based deduplication: SHA-256 hex of the body). */
  MessageDeduplicationId?: string;
  /** Epoch milliseconds, ≥ `SentTimestamp`. */
  ApproximateFirstReceiveTimestamp: string;
}

/** One record of a Lambda SQS event. */
export interface SqsRecord {
  /** RFC 4122 v4 UUID. */
  messageId: string;
  /** Opaque, base64-like, starts with `AQEB`. */
  receiptHandle: string;
  body: string;
  attributes: SqsRecordAttributes;
  messageAttributes: SqsMessageAttributes;
  /**
   * MD5 of the message attributes (AWS's algorithm, see `md5OfMessageAttributes`), or `null`
   * when there are none. Absent instead of `null` only when a factory is asked to omit it.
   */
  md5OfMessageAttributes?: string | null;
  /** Hex MD5 of the UTF-8 body. */
  md5OfBody: string;
  eventSource: 'aws:sqs';
  /** `arn:<partition>:sqs:<region>:<account>:<queue>`. */
  eventSourceARN: string;
  /** The region of `eventSourceARN`. */
  awsRegion: string;
}

/** A Lambda SQS event: the batch one invocation receives. */
export interface SqsEvent {
  Records: SqsRecord[];
}
