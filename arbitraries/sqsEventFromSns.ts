import {
  array,
  boolean,
  constant,
  constantFrom,
  integer,
  nat,
  oneof,
  record,
  stringMatching,
  tuple,
  uuid,
  type Arbitrary,
} from 'fast-check';
import { sha256Hex } from '../src/_internals/hash.js';
import { toSnsSqsDelivery } from '../src/events/sns/record.js';
import { sqsQueue } from '../src/events/sqs/queue.js';
import type { SqsEmptyMd5OfMessageAttributes, SqsEvent } from '../src/events/sqs/types.js';
import { SQS_MAX_FIFO_BATCH } from '../src/events/sqs/limits.js';
import { isSqsQueueName } from '../src/events/sqs/queue.js';
import { pinned, type Pin } from './_internals/pin.js';
import {
  fifoParts,
  publishChoice,
  SNS_MAX_RAW_SQS_ATTRIBUTES,
  topicChoice,
  toSnsParts,
  type PublishChoice,
} from './_internals/sns.js';
import { toRecords, type MessageChoice } from './_internals/sqs.js';
import type { SnsRecordConstraints } from './snsRecord.js';
import { sqsQueueName } from './sqsQueueName.js';

/** Constraints of {@link sqsEventFromSns}: those of `snsRecord` (applied to every message) plus the subscription and the batch. */
export interface SqsEventFromSnsConstraints extends SnsRecordConstraints {
  /**
   * `true`: FIFO topics (feeding a FIFO queue, sometimes a standard one); `false`: standard topics.
   * @defaultValue either
   */
  fifo?: boolean;
  /**
   * The subscription's RawMessageDelivery.
   * @defaultValue either
   */
  raw?: Pin<boolean>;
  /**
   * The queue name; a `.fifo` queue needs a FIFO topic.
   * @defaultValue `sqsQueueName(…)` of a type the topic can feed
   */
  queueName?: Pin<string>;
  /**
   * Fewest records.
   * @defaultValue `1`
   */
  minRecords?: number;
  /**
   * Most records (at most 10).
   * @defaultValue `10`
   */
  maxRecords?: number;
  /**
   * The form of an empty `md5OfMessageAttributes` (see `sqsRecord`).
   * @defaultValue `'either'`
   */
  emptyMd5OfMessageAttributes?: 'omit' | 'null' | 'either';
}

/**
 * Lambda SQS events of a queue subscribed to an SNS topic: bodies are JSON notifications (raw
 * delivery off) or the messages themselves with the SNS attributes as SQS attributes (raw), FIFO
 * topics keep group and deduplication ids, one subscription and one topic per batch, publish
 * times before SQS's SentTimestamps. Built by the SNS mappers and `toSqsRecord`, as
 * `makeSqsEventFromSns` builds them. Read them back with `unwrapSqsEventFromSns`.
 * @example sqsEventFromSns({ raw: false, message: s3Event().map((e) => JSON.stringify(e)) })
 */
// @__NO_SIDE_EFFECTS__
export function sqsEventFromSns(constraints: SqsEventFromSnsConstraints = {}): Arbitrary<SqsEvent> {
  const api = 'sqsEventFromSns';
  const minRecords = constraints.minRecords ?? 1;
  const maxRecords = constraints.maxRecords ?? Math.max(minRecords, 10);
  if (constraints.fifo !== undefined && typeof constraints.fifo !== 'boolean')
    throw new TypeError(`${api}: fifo must be a boolean or undefined, got ${JSON.stringify(constraints.fifo)}`);
  if (!Number.isInteger(minRecords) || minRecords < 1)
    throw new TypeError(`${api}: minRecords must be an integer ≥ 1, got ${String(minRecords)}`);
  if (!Number.isInteger(maxRecords) || maxRecords < minRecords || maxRecords > 10)
    throw new TypeError(
      `${api}: maxRecords must be an integer from minRecords (${minRecords}) to 10, got ${String(maxRecords)}`,
    );
  const empty = constraints.emptyMd5OfMessageAttributes;
  if (empty !== undefined && empty !== 'omit' && empty !== 'null' && empty !== 'either')
    throw new TypeError(
      `${api}: emptyMd5OfMessageAttributes must be 'omit', 'null' or 'either', got ${JSON.stringify(empty)}`,
    );
  const fifoTopic = constraints.fifo === undefined ? boolean() : constant(constraints.fifo);
  // Every arbitrary is built once, outside `chain` (building them per value costs far more than drawing).
  const checkQueue = (name: string) => {
    if (!isSqsQueueName(name))
      throw new TypeError(`${api}: queueName ${JSON.stringify(name)} is not an SQS queue name`);
  };
  const queueNames = {
    fifo: pinned(
      api,
      'queueName',
      constraints.queueName,
      oneof(
        { arbitrary: sqsQueueName({ fifo: true }), weight: 3 },
        { arbitrary: sqsQueueName({ fifo: false }), weight: 1 },
      ),
      checkQueue,
    ),
    standard: pinned(api, 'queueName', constraints.queueName, sqsQueueName({ fifo: false }), checkQueue),
  };
  const topics = { fifo: topicChoice(api, constraints, true), standard: topicChoice(api, constraints, false) };
  const publishes = (max: number) =>
    array(tuple(publishChoice(api, constraints, max), uuid({ version: 4 }), integer(), nat({ max: 2000 })), {
      minLength: minRecords,
      maxLength: maxRecords,
    });
  const batches = { raw: publishes(SNS_MAX_RAW_SQS_ATTRIBUTES), enveloped: publishes(12) };
  const rest = record({
    lag: integer({ min: 1, max: 1000 }),
    firstReceiveLag: nat({ max: 20_000 }),
    sender: stringMatching(/^AIDA[A-Z2-7]{17}$/),
    sequence: integer({ min: 1, max: 1_000_000 }),
    emptyMd5:
      empty === undefined || empty === 'either'
        ? constantFrom<SqsEmptyMd5OfMessageAttributes>('omit', 'null')
        : constant(empty),
  });
  return tuple(fifoTopic, pinned(api, 'raw', constraints.raw, boolean()))
    .chain(([fifo, raw]) =>
      record({
        topic: fifo ? topics.fifo : topics.standard,
        queueName: fifo ? queueNames.fifo : queueNames.standard,
        raw: constant(raw),
        publishes: raw ? batches.raw : batches.enveloped,
        rest,
      }).map(({ rest: r, ...others }) => ({ ...others, ...r })),
    )
    .map(({ topic, queueName, raw, publishes, lag, firstReceiveLag, sender, sequence, emptyMd5 }) => {
      const { region, account, partition } = topic.topic;
      // A FIFO queue needs a FIFO topic: a pinned arbitrary that gives one for a standard topic is mapped to a standard name.
      const name = queueName.endsWith('.fifo') && !topic.topic.fifo ? queueName.slice(0, -5) || 'queue' : queueName;
      const queue = sqsQueue(name, region, account, partition);
      const batch = queue.fifo ? publishes.slice(0, SQS_MAX_FIFO_BATCH) : publishes;
      const base = (batch[0] as [PublishChoice, string, number, number])[0].time;
      const messageIds = new Set<string>();
      const dedupIds = new Set<string>();
      let publishedAt = base;
      const choices: MessageChoice[] = batch.map(([publish, sqsMessageId, handleSeed, gap], index) => {
        publishedAt += gap;
        let choice = publish;
        // One id per publish, and a FIFO topic delivers each deduplication id once: unique by construction.
        let idHex = choice.idHex;
        for (let k = 0; messageIds.has(idHex); k++)
          idHex = `${idHex.slice(0, 24)}${(k + index).toString(16).padStart(8, '0')}`;
        messageIds.add(idHex);
        if (topic.topic.fifo) {
          let dedup = choice.dedupId ?? sha256Hex(choice.value.message);
          for (let k = 0; dedupIds.has(dedup); k++) dedup = `${dedup.slice(0, 100)}~${k}`;
          dedupIds.add(dedup);
          choice = { ...choice, dedupId: dedup === sha256Hex(choice.value.message) ? choice.dedupId : dedup };
        }
        choice = { ...choice, idHex };
        const parts = toSnsParts(
          api,
          topic,
          choice,
          publishedAt,
          topic.topic.fifo ? fifoParts(choice, sequence, index) : undefined,
        );
        const delivery = toSnsSqsDelivery(parts, { raw, fifoQueue: queue.fifo });
        return {
          body: delivery.body,
          attributes: delivery.messageAttributes,
          messageId: sqsMessageId,
          handleSeed,
          receiveCount: 1,
          gap,
          lag: firstReceiveLag,
          group: delivery.fifo?.messageGroupId ?? 'default',
          dedupId: delivery.fifo?.messageDeduplicationId,
          traceHeader: undefined,
        };
      });
      return { Records: toRecords({ queue, emptyMd5, sender, start: base + lag }, choices, minRecords) };
    });
}
