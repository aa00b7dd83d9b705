/**
 * Private builders of the DynamoDB arbitraries: item fitting, MODIFY images, and the fold that
 * turns generated operations into a consistent change history (a MODIFY's or REMOVE's old item is
 * the item as the batch left it). Every image comes from the item arbitrary. Everything here is a
 * pure map, so shrunk values stay valid.
 */
import { boolean, constantFrom, integer, record, type Arbitrary } from 'fast-check';
import { DYNAMODB_ITEM_LIMIT } from '../../src/_internals/limits.js';
import { setOwn } from '../../src/_internals/objects.js';
import { attributeMapsEqual, storeAttributeMap } from '../../src/events/dynamodb/attributeValue.js';
import type { AttributeMap, AttributeValue, DynamoDBEventName } from '../../src/events/dynamodb/types.js';

/** Merges maps left to right into a new map. */
export function mergeMaps(...maps: AttributeMap[]): AttributeMap {
  const out: AttributeMap = {};
  for (const map of maps) for (const key of Object.keys(map)) setOwn(out, key, map[key] as AttributeValue);
  return out;
}

/** Drops the largest non-key attributes until the item fits DynamoDB's 400 KB. */
export function fitItem(item: AttributeMap, keyNames: readonly string[]): AttributeMap {
  let size = storeAttributeMap('dynamoDBItem', 'item', item).size;
  if (size <= DYNAMODB_ITEM_LIMIT) return item;
  const out = mergeMaps(item);
  const sized = Object.keys(out)
    .filter((name) => !keyNames.includes(name))
    .map((name) => {
      const single: AttributeMap = {};
      setOwn(single, name, out[name] as AttributeValue);
      return { name, size: storeAttributeMap('dynamoDBItem', 'item', single).size };
    })
    .sort((a, b) => b.size - a.size);
  for (const { name, size: attributeSize } of sized) {
    if (size <= DYNAMODB_ITEM_LIMIT) break;
    delete out[name];
    size -= attributeSize;
  }
  return out;
}

/** `item` with the key attributes of `old`: an item of the same key, as an update or a replacing PutItem leaves it. */
function withKeysOf(item: AttributeMap, old: AttributeMap, keyNames: readonly string[]): AttributeMap {
  const out = mergeMaps(item);
  for (const name of keyNames) setOwn(out, name, old[name] as AttributeValue);
  return out;
}

/**
 * The item after an update of `old`: the first of `candidates` (items drawn from the item
 * arbitrary) that differs from `old` once given `old`'s keys, so the new image has the shape the
 * item arbitrary gives (attribute names and types), and keys never change. DynamoDB emits MODIFY
 * only for a real change: when every candidate equals `old` (a constant item arbitrary, items of
 * key attributes only), `version` is set, the one attribute not from the arbitrary.
 */
function updatedItem(
  old: AttributeMap,
  keyNames: readonly string[],
  candidates: readonly AttributeMap[],
): AttributeMap {
  for (const candidate of candidates) {
    const next = fitItem(withKeysOf(candidate, old, keyNames), keyNames);
    if (!attributeMapsEqual(next, old)) return next;
  }
  const out = mergeMaps(old);
  const name = keyNames.includes('version') ? '_version' : 'version';
  const previous = old[name];
  setOwn(out, name, previous !== undefined && 'N' in previous && previous.N === '1' ? { N: '2' } : { N: '1' });
  return fitItem(out, keyNames);
}

/** A generated operation on the table. */
export interface Operation {
  kind: DynamoDBEventName;
  /** Which live item a MODIFY or REMOVE targets, when it targets one this batch touched. */
  pick: number;
  /** Whether a MODIFY or REMOVE targets an item that existed before the batch (`item`). */
  preexisting: boolean;
  item: AttributeMap;
  /** The item an update (MODIFY) leaves, before it is given the target's keys; from the item arbitrary too. */
  next: AttributeMap;
  ttl: boolean;
}

/** Operations on a table of items from `item`. */
export function operations(
  item: Arbitrary<AttributeMap>,
  kind: Arbitrary<DynamoDBEventName>,
  ttl: Arbitrary<boolean> = boolean(),
): Arbitrary<Operation> {
  return record({ kind, pick: integer({ min: 0, max: 1000 }), preexisting: boolean(), item, next: item, ttl });
}

/** The item-level part of a change. */
export interface FoldedChange {
  eventName: DynamoDBEventName;
  newImage?: AttributeMap;
  oldImage?: AttributeMap;
  ttl: boolean;
}

function keyOf(item: AttributeMap, keyNames: readonly string[]): string {
  return JSON.stringify(keyNames.map((name) => item[name]));
}

/**
 * Replays operations against an in-memory table and returns the changes DynamoDB would stream:
 * an INSERT of an existing key becomes a MODIFY (a PutItem that replaces), MODIFY and REMOVE take
 * their old item from the table when this batch wrote it, and REMOVE forgets the item.
 */
export function foldOperations(ops: readonly Operation[], keyNames: readonly string[]): FoldedChange[] {
  const table = new Map<string, AttributeMap>();
  const out: FoldedChange[] = [];
  for (const op of ops) {
    const live = [...table.values()];
    const target =
      op.kind !== 'INSERT' && !op.preexisting && live.length > 0
        ? (live[op.pick % live.length] as AttributeMap)
        : op.item;
    const key = keyOf(target, keyNames);
    const current = table.get(key);
    if (op.kind === 'INSERT') {
      if (current === undefined) out.push({ eventName: 'INSERT', newImage: op.item, ttl: false });
      else
        out.push({
          eventName: 'MODIFY',
          oldImage: current,
          newImage: updatedItem(current, keyNames, [op.item, op.next]),
          ttl: false,
        });
      table.set(key, (out[out.length - 1] as FoldedChange).newImage as AttributeMap);
    } else if (op.kind === 'MODIFY') {
      const old = current ?? target;
      const next = updatedItem(old, keyNames, [op.next, op.item]);
      out.push({ eventName: 'MODIFY', oldImage: old, newImage: next, ttl: false });
      table.set(key, next);
    } else {
      out.push({ eventName: 'REMOVE', oldImage: current ?? target, ttl: op.ttl });
      table.delete(key);
    }
  }
  return out;
}

/** Key schemas seen in real tables. */
export const KEY_SCHEMAS: readonly (readonly string[])[] = [
  ['id'],
  ['pk', 'sk'],
  ['PK', 'SK'],
  ['userId'],
  ['Id'],
  ['tenantId', 'createdAt'],
];

/** Event names, INSERT/MODIFY/REMOVE. */
export const EVENT_NAMES = constantFrom<DynamoDBEventName>('INSERT', 'MODIFY', 'REMOVE');
