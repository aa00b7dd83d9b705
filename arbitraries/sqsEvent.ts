import { array, tuple, type Arbitrary } from 'fast-check';
import type { SqsEvent } from '../src/events/sqs/types.js';
import { SQS_MAX_FIFO_BATCH, SQS_MAX_STANDARD_BATCH } from '../src/events/sqs/limits.js';
import { assertEmptyMd5Constraint, messageChoice, queueChoice, toRecords } from './_internals/sqs.js';
import type { SqsRecordConstraints } from './sqsRecord.js';

/** Constraints of {@link sqsEvent}: those of `sqsRecord` (applied to every record) plus the batch size. */
export interface SqsEventConstraints extends SqsRecordConstraints {
  /**
   * Fewest records.
   * @defaultValue `1`
   */
  minRecords?: number;
  /**
   * Most records (FIFO queues: at most 10; standard: at most 10,000). A batch also stops
   * before Lambda's 6 MB payload limit, as Lambda's batching does.
   * @defaultValue `10`
   */
  maxRecords?: number;
}

// A record with the shortest body is still ~700 bytes of JSON, so no more than this many ever fit in 6 MB.
const MAX_MIN_RECORDS = 7000;

/**
 * Lambda SQS events: 1–10 records by default, all from one queue (constant ARN and region),
 * unique message ids and receipt handles, FIFO sequence numbers increasing, built by the same
 * mapper as `makeSqsEvent`. Records without message attributes carry `md5OfMessageAttributes`
 * in one form per batch (`emptyMd5OfMessageAttributes`, default `'either'`: batches of both
 * real forms). Typed `Arbitrary<SqsEvent>` (assignable to `@types/aws-lambda`'s `SQSEvent`, see
 * `SqsEmptyMd5OfMessageAttributes`), `Arbitrary<SqsEvent<'omit'>>` with
 * `emptyMd5OfMessageAttributes: 'omit'` and `Arbitrary<SqsEvent<'null'>>` with `'null'`.
 * @example sqsEvent({ body: fc.json(), fifo: true, minRecords: 1, maxRecords: 10 })
 */
export function sqsEvent(constraints: SqsEventConstraints & { emptyMd5OfMessageAttributes: 'omit' }): Arbitrary<SqsEvent<'omit'>>;
export function sqsEvent(constraints: SqsEventConstraints & { emptyMd5OfMessageAttributes: 'null' }): Arbitrary<SqsEvent<'null'>>;
export function sqsEvent(constraints?: SqsEventConstraints): Arbitrary<SqsEvent>;
// @__NO_SIDE_EFFECTS__
export function sqsEvent(constraints: SqsEventConstraints = {}): Arbitrary<SqsEvent> {
  const minRecords = constraints.minRecords ?? 1;
  const limit = constraints.fifo === true ? SQS_MAX_FIFO_BATCH : SQS_MAX_STANDARD_BATCH;
  const maxRecords = constraints.maxRecords ?? Math.max(minRecords, Math.min(10, limit));
  if (constraints.fifo !== undefined && typeof constraints.fifo !== 'boolean') throw new TypeError(`sqsEvent: fifo must be a boolean or undefined, got ${JSON.stringify(constraints.fifo)}`);
  assertEmptyMd5Constraint('sqsEvent', constraints.emptyMd5OfMessageAttributes);
  if (!Number.isInteger(minRecords) || minRecords < 1) throw new TypeError(`sqsEvent: minRecords must be an integer ≥ 1 (Lambda never sends an empty batch), got ${String(minRecords)}`);
  if (!Number.isInteger(maxRecords) || maxRecords < minRecords) throw new TypeError(`sqsEvent: maxRecords must be an integer ≥ minRecords (${minRecords}), got ${String(maxRecords)}`);
  if (maxRecords > limit) throw new TypeError(`sqsEvent: maxRecords ${maxRecords} is over Lambda's batch size limit for ${constraints.fifo === true ? 'FIFO' : 'standard'} queues (${limit})`);
  if (minRecords > MAX_MIN_RECORDS) throw new TypeError(`sqsEvent: minRecords ${minRecords} cannot fit in Lambda's 6 MB invocation payload (at most ~${MAX_MIN_RECORDS} records of ~700 bytes)`);
  // Without `fifo: true`, a generated FIFO queue still caps the batch at 10.
  const records = array(messageChoice('sqsEvent', constraints), { minLength: minRecords, maxLength: maxRecords });
  // More than 10 records can only come from a standard queue.
  const fifo = constraints.fifo ?? (minRecords > SQS_MAX_FIFO_BATCH ? false : undefined);
  return tuple(queueChoice('sqsEvent', { ...constraints, fifo }), records).map(([queue, messages]) => {
    const batch = queue.queue.fifo ? messages.slice(0, SQS_MAX_FIFO_BATCH) : messages;
    if (queue.queue.fifo && minRecords > SQS_MAX_FIFO_BATCH) throw new TypeError(`sqsEvent: minRecords ${minRecords} is over the FIFO batch limit (10) but the queue ${queue.queue.name} is FIFO; pass fifo: false`);
    return { Records: toRecords(queue, batch, minRecords) };
  });
}
