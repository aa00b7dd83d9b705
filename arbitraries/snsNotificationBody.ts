import { integer, tuple, type Arbitrary } from 'fast-check';
import { formatSnsNotificationBody, toSnsNotificationBody } from '../src/events/sns/record.js';
import { fifoParts, publishChoice, topicChoice, toSnsParts } from './_internals/sns.js';
import type { SnsRecordConstraints } from './snsRecord.js';

/** Constraints of {@link snsNotificationBody}: those of `snsRecord` plus the topic type. */
export interface SnsNotificationBodyConstraints extends Omit<SnsRecordConstraints, 'topicName'> {
  /**
   * `true`: FIFO topics (SequenceNumber, no signature); `false`: standard topics.
   * @defaultValue `false`
   */
  fifo?: boolean;
  /**
   * The topic name (ends in `.fifo` exactly when `fifo`).
   * @defaultValue names of 1–40 characters and hard cases
   */
  topicName?: SnsRecordConstraints['topicName'];
}

/**
 * The text of the JSON notification SNS sends an SQS queue (raw delivery off) or an HTTP/S
 * endpoint, byte for byte as SNS formats it, built by the same mappers as `makeSnsNotificationBody`.
 * @example snsNotificationBody({ fifo: true })
 */
// @__NO_SIDE_EFFECTS__
export function snsNotificationBody(constraints: SnsNotificationBodyConstraints = {}): Arbitrary<string> {
  if (constraints.fifo !== undefined && typeof constraints.fifo !== 'boolean')
    throw new TypeError(
      `snsNotificationBody: fifo must be a boolean or undefined, got ${JSON.stringify(constraints.fifo)}`,
    );
  const fifo = constraints.fifo ?? false;
  return tuple(
    topicChoice('snsNotificationBody', constraints, fifo),
    publishChoice('snsNotificationBody', constraints, 64),
    integer({ min: 1, max: 1_000_000 }),
  ).map(([topic, publish, sequence]) =>
    formatSnsNotificationBody(
      toSnsNotificationBody(
        toSnsParts(
          'snsNotificationBody',
          topic,
          publish,
          publish.time,
          fifo ? fifoParts(publish, sequence, 0) : undefined,
        ),
      ),
    ),
  );
}
