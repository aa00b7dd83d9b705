/**
 * The parts every DynamoDB change record shares (Streams and Kinesis Data Streams): the validated
 * items as DynamoDB stores them, their Keys, sizes and the images a view type keeps.
 */
import { fail } from '../../_internals/errors.js';
import { DYNAMODB_ITEM_LIMIT } from '../../_internals/limits.js';
import { attributeMapsEqual, storeAttributeMap, type StoredAttributeMap } from './attributeValue.js';
import { assertKeyNames, extractKeys } from './keys.js';
import type { AttributeMap, DynamoDBEventName, StreamViewType } from './types.js';

/** The item-level facts of one change. */
export interface DynamoDBChangeParts {
  /** INSERT (a new item), MODIFY (an item changed) or REMOVE (an item deleted). */
  eventName: DynamoDBEventName;
  /** The table's key attribute names: `['pk']` or `['pk', 'sk']`. */
  keyNames: readonly string[];
  /** The whole item after the change: required for INSERT and MODIFY, absent for REMOVE. */
  newImage?: AttributeMap;
  /** The whole item before the change: required for MODIFY and REMOVE, absent for INSERT. */
  oldImage?: AttributeMap;
}

/** Which images a record of `eventName` carries under `viewType` (the matrix of the Streams docs). */
export function imagesFor(
  viewType: StreamViewType,
  eventName: DynamoDBEventName,
): { newImage: boolean; oldImage: boolean } {
  const wantsNew = viewType === 'NEW_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
  const wantsOld = viewType === 'OLD_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
  return { newImage: wantsNew && eventName !== 'REMOVE', oldImage: wantsOld && eventName !== 'INSERT' };
}

/** A change after validation: stored images, Keys, and sizes. */
export interface ResolvedChange {
  keys: StoredAttributeMap;
  newImage?: StoredAttributeMap;
  oldImage?: StoredAttributeMap;
}

function storeImage(
  api: string,
  argument: string,
  image: AttributeMap | undefined,
  eventName: string,
  required: boolean,
): StoredAttributeMap | undefined {
  if (image === undefined) {
    if (required) fail(api, argument, `is required for ${eventName}`);
    return undefined;
  }
  if (!required)
    fail(
      api,
      argument,
      `must be absent for ${eventName} (${eventName === 'INSERT' ? 'an INSERT has no item before it' : 'a REMOVE has no item after it'})`,
    );
  const stored = storeAttributeMap(api, argument, image);
  if (stored.size > DYNAMODB_ITEM_LIMIT) {
    fail(
      api,
      argument,
      `is ${stored.size} bytes by DynamoDB's item-size formula, over the 400 KB (${DYNAMODB_ITEM_LIMIT} bytes) item limit`,
    );
  }
  return stored;
}

/**
 * Validates a change as DynamoDB would (items valid and within 400 KB, key attributes present and
 * S/N/B, the key unchanged by a MODIFY, a MODIFY that changes something) and returns its stored parts.
 */
export function resolveChange(api: string, argument: string, parts: DynamoDBChangeParts): ResolvedChange {
  const { eventName } = parts;
  if (eventName !== 'INSERT' && eventName !== 'MODIFY' && eventName !== 'REMOVE')
    fail(api, `${argument}.eventName`, `must be INSERT, MODIFY or REMOVE, got ${JSON.stringify(eventName)}`);
  const keyNames = assertKeyNames(api, `${argument}.keyNames`, parts.keyNames);
  const newImage = storeImage(api, `${argument}.newImage`, parts.newImage, eventName, eventName !== 'REMOVE');
  const oldImage = storeImage(api, `${argument}.oldImage`, parts.oldImage, eventName, eventName !== 'INSERT');
  const keySource = newImage ?? (oldImage as StoredAttributeMap);
  const keys = extractKeys(api, newImage ? `${argument}.newImage` : `${argument}.oldImage`, keySource.item, keyNames);
  if (newImage && oldImage) {
    const oldKeys = extractKeys(api, `${argument}.oldImage`, oldImage.item, keyNames);
    if (!attributeMapsEqual(keys, oldKeys))
      fail(
        api,
        argument,
        `changes the key (${JSON.stringify(oldKeys)} → ${JSON.stringify(keys)}); an update cannot change key attributes, so this is a REMOVE and an INSERT`,
      );
    if (attributeMapsEqual(newImage.item, oldImage.item))
      fail(
        api,
        argument,
        'is a MODIFY whose old and new items are equal; DynamoDB emits no stream record when an update changes nothing',
      );
  }
  const storedKeys = storeAttributeMap(api, `${argument}.keys`, keys);
  const out: ResolvedChange = { keys: storedKeys };
  if (newImage) out.newImage = newImage;
  if (oldImage) out.oldImage = oldImage;
  return out;
}
