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
  /** FIFO queues only: the decimal of a 128-bit number (20 digits in real records), increasing in send order. */
  SequenceNumber?: string;
  /** FIFO queues only: 1–128 characters, alphanumeric or ASCII punctuation. */
  MessageGroupId?: string;
  /** The IAM unique id of the sender (`AIDA…`, `AROA…:session`). */
  SenderId: string;
  /** FIFO queues only (content-based deduplication: SHA-256 hex of the body). */
  MessageDeduplicationId?: string;
  /** Epoch milliseconds, ≥ `SentTimestamp`. */
  ApproximateFirstReceiveTimestamp: string;
}

/**
 * How a record without message attributes carries `md5OfMessageAttributes`: `'omit'` leaves the
 * field out, `'null'` sets it to `null`. Both forms are real and AWS is inconsistent: recent
 * captures carry `null`, older samples (and the AWS docs' examples) omit the field.
 *
 * Typing: `@types/aws-lambda` types the field `md5OfMessageAttributes?: string`, so a `null` in
 * the type would make every event unusable with `SQSHandler`. The kit's choice: the default types
 * (`SqsRecord`, `SqsEvent`: either form) say what `@types/aws-lambda` says, so events from the
 * default arbitraries and the msw mocks (which send `null`, as AWS does) go to a standard handler
 * without a cast, as the real events reach the same handler in Lambda. Only `SqsRecord<'null'>`
 * (a record known to carry `null`) has `null` in its type. Read the field as
 * `record.md5OfMessageAttributes ?? undefined` when the difference matters.
 */
export type SqsEmptyMd5OfMessageAttributes = 'omit' | 'null';

/**
 * One record of a Lambda SQS event. `TEmptyMd5` is the form of `md5OfMessageAttributes` on a
 * record without message attributes (see {@link SqsEmptyMd5OfMessageAttributes}): `SqsRecord`
 * (either form) and `SqsRecord<'omit'>` are assignable to `@types/aws-lambda`'s `SQSRecord`;
 * `SqsRecord<'null'>` types the `null`.
 */
export interface SqsRecord<TEmptyMd5 extends SqsEmptyMd5OfMessageAttributes = SqsEmptyMd5OfMessageAttributes> {
  /** RFC 4122 v4 UUID. */
  messageId: string;
  /** Opaque, base64-like, starts with `AQEB`. */
  receiptHandle: string;
  body: string;
  attributes: SqsRecordAttributes;
  messageAttributes: SqsMessageAttributes;
  /**
   * MD5 of the message attributes (AWS's algorithm, see `md5OfMessageAttributes`). Without
   * attributes: absent (`'omit'`) or `null` (`'null'`), per `TEmptyMd5`.
   */
  md5OfMessageAttributes?: string | ([TEmptyMd5] extends ['null'] ? null : never);
  /** Hex MD5 of the UTF-8 body. */
  md5OfBody: string;
  eventSource: 'aws:sqs';
  /** `arn:<partition>:sqs:<region>:<account>:<queue>`. */
  eventSourceARN: string;
  /** The region of `eventSourceARN`. */
  awsRegion: string;
}

/**
 * A Lambda SQS event: the batch one invocation receives. `SqsEvent` (either form of an empty
 * `md5OfMessageAttributes`, see {@link SqsEmptyMd5OfMessageAttributes}) and `SqsEvent<'omit'>`
 * are assignable to `@types/aws-lambda`'s `SQSEvent`; `SqsEvent<'null'>` types the `null`.
 */
export interface SqsEvent<TEmptyMd5 extends SqsEmptyMd5OfMessageAttributes = SqsEmptyMd5OfMessageAttributes> {
  Records: SqsRecord<TEmptyMd5>[];
}
