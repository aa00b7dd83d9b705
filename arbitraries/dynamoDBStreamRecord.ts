import { tuple, type Arbitrary } from 'fast-check';
import { toDynamoDBStreamRecord } from '../src/events/dynamodb/streamRecord.js';
import type {
  AttributeMap,
  DynamoDBEventName,
  DynamoDBEventVersion,
  DynamoDBStreamRecord,
  StreamViewType,
} from '../src/events/dynamodb/types.js';
import { EVENT_NAMES, foldOperations, operations } from './_internals/dynamodb.js';
import { eventIdHex, firstSequence, itemFor, streamSource } from './_internals/dynamodbSource.js';
import { pinned } from './_internals/pin.js';

/** Constraints shared by {@link dynamoDBStreamRecord} and `dynamoDBStreamEvent`. Each field pins a part to a value or to an arbitrary. */
export interface DynamoDBStreamSourceConstraints {
  /**
   * The table's key attribute names.
   * @defaultValue one of `['id']`, `['pk','sk']`, `['PK','SK']`, `['userId']`, `['Id']`, `['tenantId','createdAt']`
   */
  keys?: readonly string[] | Arbitrary<readonly string[]>;
  /**
   * Items of the table (must hold the key attributes as S, N or B). Every image comes from it:
   * INSERT and REMOVE images are its items, and a MODIFY's new image is another of its items
   * given the old item's key attributes (keys never change), so images keep the attribute names
   * and types it gives. DynamoDB streams a MODIFY only for a real change: when the arbitrary gives
   * no item that differs from the old one for that key (a constant item, key attributes only),
   * the new image gets a `version` number attribute (`_version` if `version` is a key).
   * @defaultValue `dynamoDBItem({ keys })`
   */
  item?: (keys: readonly string[]) => Arbitrary<AttributeMap>;
  /**
   * The stream's view type.
   * @defaultValue any of the four
   */
  streamViewType?: StreamViewType | Arbitrary<StreamViewType>;
  /**
   * The table name.
   * @defaultValue human names (`Orders`, `ProductCatalog`), stack-generated names, and hard cases (255 characters, dots)
   */
  table?: string | Arbitrary<string>;
  /**
   * The region.
   * @defaultValue `awsRegion({ partitions: ['aws', 'aws-cn', 'aws-us-gov'] })`
   */
  region?: string | Arbitrary<string>;
  /**
   * The account.
   * @defaultValue `awsAccountId()`
   */
  account?: string | Arbitrary<string>;
  /**
   * `eventVersion`.
   * @defaultValue `"1.1"` (as in real events)
   */
  eventVersion?: DynamoDBEventVersion | Arbitrary<DynamoDBEventVersion>;
  /**
   * When the (first) change happened.
   * @defaultValue a Date from 2016 to 2035
   */
  time?: Date | Arbitrary<Date>;
}

/** Constraints of {@link dynamoDBStreamRecord}. */
export interface DynamoDBStreamRecordConstraints extends DynamoDBStreamSourceConstraints {
  /**
   * The change.
   * @defaultValue any of INSERT, MODIFY, REMOVE
   */
  eventName?: DynamoDBEventName | Arbitrary<DynamoDBEventName>;
}

/**
 * DynamoDB Streams records exactly as Lambda receives them, generated as parts and mapped through
 * the one stream-record mapper: images per the view type, every image from the `item` arbitrary
 * (keys kept), Keys equal in each image, MODIFY with old ≠ new, SizeBytes by the item-size
 * formula, TTL identity only on REMOVE.
 * @example dynamoDBStreamRecord({ eventName: 'MODIFY', streamViewType: 'NEW_AND_OLD_IMAGES' })
 */
// @__NO_SIDE_EFFECTS__
export function dynamoDBStreamRecord(
  constraints: DynamoDBStreamRecordConstraints = {},
): Arbitrary<DynamoDBStreamRecord> {
  const eventName = pinned('dynamoDBStreamRecord', 'eventName', constraints.eventName, EVENT_NAMES);
  return streamSource('dynamoDBStreamRecord', constraints).chain(({ source, time }) =>
    tuple(operations(itemFor(constraints, source.keyNames), eventName), firstSequence, eventIdHex).map(
      ([op, sequence, eventId]) => {
        const [change] = foldOperations([op], source.keyNames) as [ReturnType<typeof foldOperations>[number]];
        return toDynamoDBStreamRecord(
          { ...source, ...change, sequenceNumber: String(sequence), eventId, time },
          'dynamoDBStreamRecord',
        );
      },
    ),
  );
}
