import { array, constant, tuple, type Arbitrary } from 'fast-check';
import type { JsonValue } from '../src/_internals/json.js';
import type { SqsMessageAttributesInput } from '../src/events/sqs/attributes.js';
import type { SqsEvent } from '../src/events/sqs/types.js';
import { SQS_MAX_FIFO_BATCH, SQS_MAX_STANDARD_BATCH } from '../src/events/sqs/limits.js';
import { assertEmptyMd5Constraint, messageChoice, pinnedMessages, queueChoice, toRecords } from './_internals/sqs.js';
import { isArbitrary } from './_internals/pin.js';
import type { SqsRecordConstraints } from './sqsRecord.js';

/**
 * One message of {@link SqsEventConstraints.messages}: its body (a string verbatim, another JSON
 * value serialised) or `{ body, messageAttributes? }`. As in `makeSqsEvent`, a plain object with a
 * `body` key is the second form.
 */
export type SqsEventMessage =
  | string
  | JsonValue
  | { readonly body: string | JsonValue; readonly messageAttributes?: SqsMessageAttributesInput };

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
  /**
   * The messages of the batch, in order: an arbitrary of the array (or a fixed array), e.g.
   * `fc.array(fc.oneof(good, bad), { minLength: 1, maxLength: 10 })` where each message has its own
   * body arbitrary, so a property can say which records the handler must report. Record `i` carries
   * message `i`; ids, handles, times and the other attributes are generated as usual. Every message
   * is used as given: a body SQS would reject, a batch over the queue's batch limit or over
   * Lambda's 6 MB payload is an error naming the message, never rewritten or dropped. Replaces
   * `body`, `messageAttributes`, `minRecords` and `maxRecords`.
   * @defaultValue `undefined` (records from `body`, `messageAttributes`, `minRecords`, `maxRecords`)
   */
  messages?: readonly SqsEventMessage[] | Arbitrary<readonly SqsEventMessage[]>;
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
export function sqsEvent(
  constraints: SqsEventConstraints & { emptyMd5OfMessageAttributes: 'omit' },
): Arbitrary<SqsEvent<'omit'>>;
export function sqsEvent(
  constraints: SqsEventConstraints & { emptyMd5OfMessageAttributes: 'null' },
): Arbitrary<SqsEvent<'null'>>;
export function sqsEvent(constraints?: SqsEventConstraints): Arbitrary<SqsEvent>;
// @__NO_SIDE_EFFECTS__
export function sqsEvent(constraints: SqsEventConstraints = {}): Arbitrary<SqsEvent> {
  if (constraints.messages !== undefined) return sqsEventOfMessages(constraints, constraints.messages);
  const minRecords = constraints.minRecords ?? 1;
  const limit = constraints.fifo === true ? SQS_MAX_FIFO_BATCH : SQS_MAX_STANDARD_BATCH;
  const maxRecords = constraints.maxRecords ?? Math.max(minRecords, Math.min(10, limit));
  if (constraints.fifo !== undefined && typeof constraints.fifo !== 'boolean')
    throw new TypeError(`sqsEvent: fifo must be a boolean or undefined, got ${JSON.stringify(constraints.fifo)}`);
  assertEmptyMd5Constraint('sqsEvent', constraints.emptyMd5OfMessageAttributes);
  if (!Number.isInteger(minRecords) || minRecords < 1)
    throw new TypeError(
      `sqsEvent: minRecords must be an integer ≥ 1 (Lambda never sends an empty batch), got ${String(minRecords)}`,
    );
  if (!Number.isInteger(maxRecords) || maxRecords < minRecords)
    throw new TypeError(
      `sqsEvent: maxRecords must be an integer ≥ minRecords (${minRecords}), got ${String(maxRecords)}`,
    );
  if (maxRecords > limit)
    throw new TypeError(
      `sqsEvent: maxRecords ${maxRecords} is over Lambda's batch size limit for ${constraints.fifo === true ? 'FIFO' : 'standard'} queues (${limit})`,
    );
  if (minRecords > MAX_MIN_RECORDS)
    throw new TypeError(
      `sqsEvent: minRecords ${minRecords} cannot fit in Lambda's 6 MB invocation payload (at most ~${MAX_MIN_RECORDS} records of ~700 bytes)`,
    );
  // Without `fifo: true`, a generated FIFO queue still caps the batch at 10.
  const records = array(messageChoice('sqsEvent', constraints), { minLength: minRecords, maxLength: maxRecords });
  // More than 10 records can only come from a standard queue.
  const fifo = constraints.fifo ?? (minRecords > SQS_MAX_FIFO_BATCH ? false : undefined);
  return tuple(queueChoice('sqsEvent', { ...constraints, fifo }), records).map(([queue, messages]) => {
    const batch = queue.queue.fifo ? messages.slice(0, SQS_MAX_FIFO_BATCH) : messages;
    if (queue.queue.fifo && minRecords > SQS_MAX_FIFO_BATCH)
      throw new TypeError(
        `sqsEvent: minRecords ${minRecords} is over the FIFO batch limit (10) but the queue ${queue.queue.name} is FIFO; pass fifo: false`,
      );
    return { Records: toRecords(queue, batch, minRecords) };
  });
}

/** `sqsEvent({ messages })`: one record per message, in order, each message used as given. */
function sqsEventOfMessages(
  constraints: SqsEventConstraints,
  messages: readonly SqsEventMessage[] | Arbitrary<readonly SqsEventMessage[]>,
): Arbitrary<SqsEvent> {
  const api = 'sqsEvent';
  for (const key of ['body', 'messageAttributes', 'minRecords', 'maxRecords'] as const) {
    if (constraints[key] !== undefined)
      throw new TypeError(
        `${api}: ${key} cannot be combined with messages (each message carries its own body and attributes, and the array its length)`,
      );
  }
  if (constraints.fifo !== undefined && typeof constraints.fifo !== 'boolean')
    throw new TypeError(`${api}: fifo must be a boolean or undefined, got ${JSON.stringify(constraints.fifo)}`);
  assertEmptyMd5Constraint(api, constraints.emptyMd5OfMessageAttributes);
  if (!isArbitrary(messages) && !Array.isArray(messages))
    throw new TypeError(
      `${api}: messages must be an array of messages or an arbitrary of one (e.g. fc.array(message, { minLength: 1, maxLength: 10 })), got ${JSON.stringify(messages) ?? String(messages)}`,
    );
  // A fixed array is checked now; a generated one as each value is drawn (the same checks).
  const given: Arbitrary<readonly SqsEventMessage[]> = isArbitrary(messages)
    ? messages
    : (pinnedMessages(api, messages, constraints.fifo), constant(messages));
  return given.chain((list) => {
    const inputs = pinnedMessages(api, list, constraints.fifo);
    // More than 10 messages can only come from a standard queue.
    const fifo = constraints.fifo ?? (inputs.length > SQS_MAX_FIFO_BATCH ? false : undefined);
    return tuple(
      queueChoice(api, { ...constraints, fifo }),
      array(messageChoice(api, {}), { minLength: inputs.length, maxLength: inputs.length }),
    ).map(([queue, choices]) => ({
      Records: toRecords(
        queue,
        choices.map((choice, i) => ({ ...choice, body: inputs[i]!.body, attributes: inputs[i]!.attributes })),
        inputs.length,
        api,
      ),
    }));
  });
}
