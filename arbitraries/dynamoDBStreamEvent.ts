import { array, bigInt, integer, tuple, uint8Array, type Arbitrary } from 'fast-check';
import { md5Hex } from '../src/_internals/hash.js';
import { LAMBDA_PAYLOAD_LIMIT } from '../src/_internals/limits.js';
import { buildDynamoDBStreamRecord, MAX_DYNAMODB_BATCH_RECORDS, toDynamoDBStreamEvent, type DynamoDBStreamEntryParts } from '../src/events/dynamodb/streamRecord.js';
import type { DynamoDBEventName, DynamoDBStreamEvent } from '../src/events/dynamodb/types.js';
import { EVENT_NAMES, foldOperations, operations } from './_internals/dynamodb.js';
import { firstSequence, itemFor, streamSource } from './_internals/dynamodbSource.js';
import { pinned } from './_internals/pin.js';
import type { DynamoDBStreamSourceConstraints } from './dynamoDBStreamRecord.js';

/** Constraints of {@link dynamoDBStreamEvent}. */
export interface DynamoDBStreamEventConstraints extends DynamoDBStreamSourceConstraints {
  /**
   * Fewest records.
   * @defaultValue `1`
   */
  minRecords?: number;
  /**
   * Most records (Lambda's batch maximum is 10,000).
   * @defaultValue `10`
   */
  maxRecords?: number;
  /**
   * The kind of each change (a MODIFY or REMOVE of an item the batch wrote takes its old item from the batch).
   * @defaultValue any of INSERT, MODIFY, REMOVE
   */
  eventName?: DynamoDBEventName | Arbitrary<DynamoDBEventName>;
}

/**
 * DynamoDB Streams events: one batch of one shard, generated as a history of operations on a
 * table and mapped through the one event mapper. View type, ARN and region are constant per
 * batch, SequenceNumbers strictly increase, eventIDs are unique, a MODIFY's or REMOVE's old item
 * is the item as earlier records left it, and the event fits Lambda's 6 MB payload. Every image
 * (NewImage and OldImage, MODIFY included) comes from the `item` arbitrary with the item's keys
 * kept (see {@link DynamoDBStreamSourceConstraints.item}).
 * @example dynamoDBStreamEvent({ keys: ['pk', 'sk'], streamViewType: 'NEW_IMAGE', maxRecords: 5 })
 */
// @__NO_SIDE_EFFECTS__
export function dynamoDBStreamEvent(constraints: DynamoDBStreamEventConstraints = {}): Arbitrary<DynamoDBStreamEvent> {
  const minRecords = constraints.minRecords ?? 1;
  const maxRecords = constraints.maxRecords ?? 10;
  if (!Number.isInteger(minRecords) || minRecords < 1) throw new TypeError(`dynamoDBStreamEvent: minRecords must be an integer ≥ 1 (Lambda never sends an empty batch), got ${String(minRecords)}`);
  if (!Number.isInteger(maxRecords) || maxRecords < minRecords || maxRecords > MAX_DYNAMODB_BATCH_RECORDS) {
    throw new TypeError(`dynamoDBStreamEvent: maxRecords must be an integer from minRecords to ${MAX_DYNAMODB_BATCH_RECORDS}, got ${String(maxRecords)}`);
  }
  const eventName = pinned('dynamoDBStreamEvent', 'eventName', constraints.eventName, EVENT_NAMES);
  return streamSource('dynamoDBStreamEvent', constraints).chain(({ source, time }) =>
    tuple(
      array(tuple(operations(itemFor(constraints, source.keyNames), eventName), bigInt({ min: 1n, max: 10_000_000n }), integer({ min: 0, max: 2000 })), { minLength: minRecords, maxLength: maxRecords }),
      firstSequence,
      uint8Array({ minLength: 8, maxLength: 8 }),
    ).map(([steps, first, idSeed]) => {
      const changes = foldOperations(steps.map(([op]) => op), source.keyNames);
      const idBase = Buffer.from(idSeed).toString('hex');
      let sequence = first;
      let at = time.getTime();
      let bound = 16;
      const entries: DynamoDBStreamEntryParts[] = [];
      for (let i = 0; i < changes.length; i++) {
        const [, gap, ms] = steps[i] as (typeof steps)[number];
        if (i > 0) {
          sequence += gap;
          at += ms;
        }
        // md5 of a per-event seed and the index: unique within the batch, shrinks with the batch.
        const entry: DynamoDBStreamEntryParts = { ...(changes[i] as (typeof changes)[number]), sequenceNumber: String(sequence), eventId: md5Hex(`${idBase}:${i}`), time: new Date(at) };
        bound += buildDynamoDBStreamRecord('dynamoDBStreamEvent', { ...source, ...entry }).jsonBound + 1;
        // Keep the batch within Lambda's 6 MB (a map, so shrunk batches fit too); the first record always fits.
        if (i > 0 && bound > LAMBDA_PAYLOAD_LIMIT) break;
        entries.push(entry);
      }
      return toDynamoDBStreamEvent(source, entries, 'dynamoDBStreamEvent');
    }),
  );
}
