/**
 * DynamoDB changes as plain JavaScript items (what `dynamodbChange.insert/modify/remove` build)
 * and their conversion to record parts: the one place both the factories and the arbitraries
 * turn a change into a stream record.
 */
import { fail, show } from '../../_internals/errors.js';
import { applyOverrides, isOverridden, type DeepPartial } from '../../_internals/overrides.js';
import { storeAttributeMap } from './attributeValue.js';
import { marshallItem } from './marshall.js';
import { dynamoDBStreamSizeBytes, MAX_DYNAMODB_BATCH_RECORDS } from './streamRecord.js';
import type { AttributeMap, DynamoDBStreamRecord } from './types.js';

/** An item as plain JavaScript values (see `marshall` for what each becomes). */
export type DynamoDBItemInput = Record<string, unknown>;

/** One change to the table, as built by `dynamodbChange.insert`, `.modify` or `.remove`. */
export type DynamoDBChange =
  | {
      readonly eventName: 'INSERT';
      readonly newItem: DynamoDBItemInput;
      readonly overrides?: DeepPartial<DynamoDBStreamRecord>;
    }
  | {
      readonly eventName: 'MODIFY';
      readonly oldItem: DynamoDBItemInput;
      readonly newItem: DynamoDBItemInput;
      readonly overrides?: DeepPartial<DynamoDBStreamRecord>;
    }
  | {
      readonly eventName: 'REMOVE';
      readonly oldItem: DynamoDBItemInput;
      readonly ttl: boolean;
      readonly overrides?: DeepPartial<DynamoDBStreamRecord>;
    };

/** A change with its items marshalled to DynamoDB JSON. */
export interface MarshalledChange {
  eventName: DynamoDBChange['eventName'];
  newImage?: AttributeMap;
  oldImage?: AttributeMap;
  ttl: boolean;
}

/**
 * Checks a batch of changes (non-empty, within Lambda's batch maximum, each built by a change
 * helper) and marshalls their items; errors name `api` and `changes[i]`.
 */
export function marshalChanges(api: string, changes: readonly DynamoDBChange[]): MarshalledChange[] {
  if (!Array.isArray(changes) || changes.length === 0)
    fail(
      api,
      'changes',
      `must be a non-empty array of insert(…), modify(…) and remove(…) changes, got ${show(changes)}`,
    );
  if (changes.length > MAX_DYNAMODB_BATCH_RECORDS)
    fail(
      api,
      'changes',
      `holds ${changes.length} changes, over Lambda's batch maximum of ${MAX_DYNAMODB_BATCH_RECORDS}`,
    );
  // Array.from, not map: a hole is read as undefined (and refused), not skipped.
  return Array.from(changes, (change: DynamoDBChange, i: number): MarshalledChange => {
    const at = `changes[${i}]`;
    if (change === null || typeof change !== 'object')
      fail(api, at, `must be built with insert(…), modify(…) or remove(…), got ${show(change)}`);
    switch (change.eventName) {
      case 'INSERT':
        return { eventName: 'INSERT', newImage: marshallItem(api, `${at}.newItem`, change.newItem), ttl: false };
      case 'MODIFY':
        return {
          eventName: 'MODIFY',
          oldImage: marshallItem(api, `${at}.oldItem`, change.oldItem),
          newImage: marshallItem(api, `${at}.newItem`, change.newItem),
          ttl: false,
        };
      case 'REMOVE':
        return {
          eventName: 'REMOVE',
          oldImage: marshallItem(api, `${at}.oldItem`, change.oldItem),
          ttl: change.ttl === true,
        };
      default:
        fail(
          api,
          `${at}.eventName`,
          `must be INSERT, MODIFY or REMOVE (build changes with insert, modify and remove), got ${show((change as { eventName?: unknown }).eventName)}`,
        );
    }
  });
}

/** Applies a change's record overrides, re-deriving SizeBytes after a record override replaced Keys or an image (unless SizeBytes is overridden too). */
export function followChangeOverrides(
  api: string,
  at: string,
  record: DynamoDBStreamRecord,
  overrides: DeepPartial<DynamoDBStreamRecord>,
): DynamoDBStreamRecord {
  const result = applyOverrides<DynamoDBStreamRecord>(record, overrides, api, `${at}.overrides`);
  const touched = ['Keys', 'NewImage', 'OldImage'].some((key) => isOverridden(overrides, 'dynamodb', key));
  if (!touched || isOverridden(overrides, 'dynamodb', 'SizeBytes')) return result;
  const { dynamodb } = result;
  const stored = (key: 'Keys' | 'NewImage' | 'OldImage') => {
    const map = dynamodb[key];
    return map === undefined
      ? undefined
      : storeAttributeMap(
          api,
          `${at}.overrides.dynamodb.${key} (override dynamodb.SizeBytes too to send an invalid image)`,
          map,
        );
  };
  // Stored in this order, so a broken Keys is reported before a broken image.
  const keys = stored('Keys');
  const newImage = stored('NewImage');
  const oldImage = stored('OldImage');
  return { ...result, dynamodb: { ...dynamodb, SizeBytes: dynamoDBStreamSizeBytes(keys, newImage, oldImage) } };
}
