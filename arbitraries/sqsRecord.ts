import { tuple, type Arbitrary } from 'fast-check';
import type { JsonValue } from '../src/_internals/json.js';
import type { SqsMessageAttributesInput } from '../src/events/sqs/attributes.js';
import type { SqsRecord } from '../src/events/sqs/types.js';
import { assertEmptyMd5Constraint, messageChoice, queueChoice, toRecords } from './_internals/sqs.js';
import type { Pin } from './_internals/pin.js';

/** Constraints of {@link sqsRecord}. Each field pins a part to a value or to an arbitrary. */
export interface SqsRecordConstraints {
  /**
   * The body: a string (used verbatim) or a JSON value (serialised). Characters SQS rejects
   * become U+FFFD and an empty string becomes `" "` (SQS rejects empty bodies).
   * @defaultValue a mix of serialised `jsonPayload()` values, hard strings (quotes, backslashes, allowed control characters, emoji), any text and human-looking text
   */
  body?: Pin<string | JsonValue>;
  /**
   * `true`: FIFO queues only; `false`: standard queues only.
   * @defaultValue `undefined` (both)
   */
  fifo?: boolean;
  /**
   * The queue name (its `.fifo` suffix decides the queue type, overriding `fifo`).
   * @defaultValue `sqsQueueName({ fifo })`
   */
  queueName?: Pin<string>;
  /**
   * The region.
   * @defaultValue `awsRegion({ partitions: ['aws', 'aws-cn', 'aws-us-gov'] })`
   */
  region?: Pin<string>;
  /**
   * The 12-digit account id.
   * @defaultValue `awsAccountId()`
   */
  account?: Pin<string>;
  /**
   * Message attributes in any form `makeSqsEvent` accepts (they are validated: invalid ones throw).
   * @defaultValue none a third of the time, else 1–10 String/Number/Binary attributes with hard names and custom labels
   */
  messageAttributes?: Pin<SqsMessageAttributesInput>;
  /**
   * `ApproximateReceiveCount`.
   * @defaultValue usually `1`, sometimes 2–1000 (redelivered)
   */
  receiveCount?: Pin<number>;
  /**
   * When the message was sent.
   * @defaultValue a time between 2006-07-13 (SQS GA) and 2040
   */
  time?: Pin<Date>;
  /**
   * The form of `md5OfMessageAttributes` on records without message attributes: `'omit'` (no
   * field; typed `SqsRecord<'omit'>`, assignable to `@types/aws-lambda`'s `SQSRecord`), `'null'`,
   * or `'either'`. Both forms are real and AWS is inconsistent (recent captures carry `null`,
   * older samples omit the field), so by default properties see both; `sqsEvent` picks one form
   * per batch. Records with attributes always carry the MD5.
   * @defaultValue `'either'`
   */
  emptyMd5OfMessageAttributes?: 'omit' | 'null' | 'either';
}

/**
 * One SQS record of a Lambda event, built by the same mapper as `makeSqsRecord`: every
 * invariant holds (MD5s, FIFO attributes iff `.fifo`, region = ARN region, timestamps …).
 * Typed `Arbitrary<SqsRecord>` (assignable to `@types/aws-lambda`'s `SQSRecord`, though
 * `md5OfMessageAttributes` may be `null`, as from AWS: see `SqsEmptyMd5OfMessageAttributes`),
 * `Arbitrary<SqsRecord<'omit'>>` with `emptyMd5OfMessageAttributes: 'omit'` and
 * `Arbitrary<SqsRecord<'null'>>` with `'null'`.
 * @example sqsRecord({ body: jsonPayload({ root: 'object' }), fifo: true })
 */
export function sqsRecord(
  constraints: SqsRecordConstraints & { emptyMd5OfMessageAttributes: 'omit' },
): Arbitrary<SqsRecord<'omit'>>;
export function sqsRecord(
  constraints: SqsRecordConstraints & { emptyMd5OfMessageAttributes: 'null' },
): Arbitrary<SqsRecord<'null'>>;
export function sqsRecord(constraints?: SqsRecordConstraints): Arbitrary<SqsRecord>;
// @__NO_SIDE_EFFECTS__
export function sqsRecord(constraints: SqsRecordConstraints = {}): Arbitrary<SqsRecord> {
  if (constraints.fifo !== undefined && typeof constraints.fifo !== 'boolean')
    throw new TypeError(`sqsRecord: fifo must be a boolean or undefined, got ${JSON.stringify(constraints.fifo)}`);
  assertEmptyMd5Constraint('sqsRecord', constraints.emptyMd5OfMessageAttributes);
  return tuple(queueChoice('sqsRecord', constraints), messageChoice('sqsRecord', constraints)).map(
    ([queue, message]) => toRecords(queue, [message], 1)[0] as SqsRecord,
  );
}
