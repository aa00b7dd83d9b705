import { array, bigInt, constant, integer, tuple, uint8Array, type Arbitrary } from 'fast-check';
import { md5Hex } from '../src/_internals/hash.js';
import { LAMBDA_PAYLOAD_LIMIT } from '../src/_internals/limits.js';
import {
  buildDynamoDBStreamRecord,
  MAX_DYNAMODB_BATCH_RECORDS,
  toDynamoDBStreamEvent,
  type DynamoDBStreamEntryParts,
} from '../src/events/dynamodb/streamRecord.js';
import type { DynamoDBEventName, DynamoDBStreamEvent, DynamoDBStreamRecord } from '../src/events/dynamodb/types.js';
import { EVENT_NAMES, foldOperations, operations } from './_internals/dynamodb.js';
import { firstSequence, itemFor, streamSource } from './_internals/dynamodbSource.js';
import { isArbitrary, pinned } from './_internals/pin.js';
import { followChangeOverrides, marshalChanges, type DynamoDBChange } from '../src/events/dynamodb/changeInput.js';
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
  /**
   * The changes of the batch, in order: an arbitrary of the array (or a fixed array) of changes
   * built with `dynamodbChange.insert/modify/remove`, one record per change, so a property can
   * label each change (e.g. a poison item) and check what the handler did with each record.
   * The items must carry the table's `keys` (default `['id']`, as the factories). Cannot be
   * combined with `minRecords`, `maxRecords`, `eventName` or `item`: the changes decide those.
   * An invalid change is an `EventInputError` naming `changes[i]`, never rewritten.
   * @defaultValue a generated history of operations
   */
  changes?: readonly DynamoDBChange[] | Arbitrary<readonly DynamoDBChange[]>;
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
  if (constraints.changes !== undefined) return dynamoDBStreamEventOfChanges(constraints, constraints.changes);
  const minRecords = constraints.minRecords ?? 1;
  const maxRecords = constraints.maxRecords ?? 10;
  if (!Number.isInteger(minRecords) || minRecords < 1)
    throw new TypeError(
      `dynamoDBStreamEvent: minRecords must be an integer ≥ 1 (Lambda never sends an empty batch), got ${String(minRecords)}`,
    );
  if (!Number.isInteger(maxRecords) || maxRecords < minRecords || maxRecords > MAX_DYNAMODB_BATCH_RECORDS) {
    throw new TypeError(
      `dynamoDBStreamEvent: maxRecords must be an integer from minRecords to ${MAX_DYNAMODB_BATCH_RECORDS}, got ${String(maxRecords)}`,
    );
  }
  const eventName = pinned('dynamoDBStreamEvent', 'eventName', constraints.eventName, EVENT_NAMES);
  return streamSource('dynamoDBStreamEvent', constraints).chain(({ source, time }) =>
    tuple(
      array(
        tuple(
          operations(itemFor(constraints, source.keyNames), eventName),
          bigInt({ min: 1n, max: 10_000_000n }),
          integer({ min: 0, max: 2000 }),
        ),
        { minLength: minRecords, maxLength: maxRecords },
      ),
      firstSequence,
      uint8Array({ minLength: 8, maxLength: 8 }),
    ).map(([steps, first, idSeed]) => {
      const changes = foldOperations(
        steps.map(([op]) => op),
        source.keyNames,
      );
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
        const entry: DynamoDBStreamEntryParts = {
          ...(changes[i] as (typeof changes)[number]),
          sequenceNumber: String(sequence),
          eventId: md5Hex(`${idBase}:${i}`),
          time: new Date(at),
        };
        bound += buildDynamoDBStreamRecord('dynamoDBStreamEvent', { ...source, ...entry }).jsonBound + 1;
        // Keep the batch within Lambda's 6 MB (a map, so shrunk batches fit too); the first record always fits.
        if (i > 0 && bound > LAMBDA_PAYLOAD_LIMIT) break;
        entries.push(entry);
      }
      return toDynamoDBStreamEvent(source, entries, 'dynamoDBStreamEvent');
    }),
  );
}

/** `dynamoDBStreamEvent({ changes })`: one record per change, in order, each change used as given. */
function dynamoDBStreamEventOfChanges(
  constraints: DynamoDBStreamEventConstraints,
  changes: readonly DynamoDBChange[] | Arbitrary<readonly DynamoDBChange[]>,
): Arbitrary<DynamoDBStreamEvent> {
  const api = 'dynamoDBStreamEvent';
  for (const key of ['minRecords', 'maxRecords', 'eventName', 'item'] as const) {
    if (constraints[key] !== undefined)
      throw new TypeError(
        `${api}: ${key} cannot be combined with changes (the changes array gives the records, their kinds and items)`,
      );
  }
  if (!isArbitrary(changes) && !Array.isArray(changes))
    throw new TypeError(
      `${api}: changes must be an array of dynamodbChange.insert/modify/remove changes or an arbitrary of one, got ${String(changes)}`,
    );
  // A fixed array is checked now, so a bad change fails at the call rather than inside a property.
  const given: Arbitrary<readonly DynamoDBChange[]> = isArbitrary(changes)
    ? changes
    : (marshalChanges(api, changes), constant(changes));
  return streamSource(api, { ...constraints, keys: constraints.keys ?? ['id'] }).chain(({ source, time }) =>
    given
      .chain((batch) =>
        tuple(
          constant(batch),
          array(tuple(bigInt({ min: 1n, max: 10_000_000n }), integer({ min: 0, max: 2000 })), {
            minLength: batch.length,
            maxLength: batch.length,
          }),
          firstSequence,
          uint8Array({ minLength: 8, maxLength: 8 }),
        ),
      )
      .map(([batch, gaps, first, idSeed]) => {
        const marshalled = marshalChanges(api, batch);
        const idBase = Buffer.from(idSeed).toString('hex');
        let sequence = first;
        let at = time.getTime();
        const entries: DynamoDBStreamEntryParts[] = marshalled.map((change, i) => {
          const [gap, ms] = gaps[i] as [bigint, number];
          if (i > 0) {
            sequence += gap;
            at += ms;
          }
          return {
            eventName: change.eventName,
            newImage: change.newImage,
            oldImage: change.oldImage,
            ttl: change.ttl,
            sequenceNumber: String(sequence),
            eventId: md5Hex(`${idBase}:${i}`),
            time: new Date(at),
          };
        });
        const event = toDynamoDBStreamEvent(source, entries, api, 'changes');
        batch.forEach((change, i) => {
          if (change.overrides !== undefined)
            event.Records[i] = followChangeOverrides(
              api,
              `changes[${i}]`,
              event.Records[i] as DynamoDBStreamRecord,
              change.overrides,
            );
        });
        return event;
      }),
  );
}
