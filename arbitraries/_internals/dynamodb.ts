/**
 * Private builders of the DynamoDB arbitraries: item fitting, MODIFY edits, and the fold that
 * turns generated operations into a consistent change history (a MODIFY's or REMOVE's old item is
 * the item as the batch left it). Everything here is a pure map, so shrunk values stay valid.
 */
import { array, boolean, constant, constantFrom, integer, oneof, record, tuple, type Arbitrary } from 'fast-check';
import { DYNAMODB_ITEM_LIMIT } from '../../src/_internals/limits.js';
import { setOwn } from '../../src/_internals/objects.js';
import { attributeMapsEqual, storeAttributeMap } from '../../src/events/dynamodb/attributeValue.js';
import type { AttributeMap, AttributeValue, DynamoDBEventName } from '../../src/events/dynamodb/types.js';
import { attributeValue } from '../attributeValue.js';

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

/** One edit of an update: set (value) or remove (null) the attribute picked by `slot`. */
export type Edit = [slot: number, value: AttributeValue | null];

const EDIT_NAMES = ['status', 'updatedAt', 'price', 'stock', 'note'];

/** 1 to 3 edits. */
export function edits(): Arbitrary<Edit[]> {
  return array(tuple(integer({ min: 0, max: 15 }), oneof({ arbitrary: attributeValue({ maxDepth: 1 }), weight: 4 }, { arbitrary: constant(null), weight: 1 })), { minLength: 1, maxLength: 3 });
}

/**
 * The item after an update: the edits applied to the non-key attributes of `old` (keys never
 * change). When the edits change nothing, `version` is set so that old ≠ new, as DynamoDB
 * emits MODIFY only for real changes.
 */
export function applyEdits(old: AttributeMap, keyNames: readonly string[], list: readonly Edit[]): AttributeMap {
  const out = mergeMaps(old);
  const existing = Object.keys(old).filter((name) => !keyNames.includes(name));
  const names = [...existing, ...EDIT_NAMES.filter((name) => !existing.includes(name) && !keyNames.includes(name))];
  for (const [slot, value] of list) {
    const name = names[slot % names.length] as string;
    if (value === null) delete out[name];
    else setOwn(out, name, value);
  }
  if (attributeMapsEqual(out, old) && !keyNames.includes('version')) {
    setOwn(out, 'version', old.version !== undefined && 'N' in old.version && old.version.N === '1' ? { N: '2' } : { N: '1' });
  }
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
  edits: Edit[];
  ttl: boolean;
}

/** Operations on a table of items from `item`. */
export function operations(item: Arbitrary<AttributeMap>, kind: Arbitrary<DynamoDBEventName>, ttl: Arbitrary<boolean> = boolean()): Arbitrary<Operation> {
  return record({ kind, pick: integer({ min: 0, max: 1000 }), preexisting: boolean(), item, edits: edits(), ttl });
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
    const target = op.kind !== 'INSERT' && !op.preexisting && live.length > 0 ? (live[op.pick % live.length] as AttributeMap) : op.item;
    const key = keyOf(target, keyNames);
    const current = table.get(key);
    if (op.kind === 'INSERT') {
      if (current === undefined) out.push({ eventName: 'INSERT', newImage: op.item, ttl: false });
      else out.push({ eventName: 'MODIFY', oldImage: current, newImage: attributeMapsEqual(current, op.item) ? applyEdits(current, keyNames, []) : op.item, ttl: false });
      table.set(key, (out[out.length - 1] as FoldedChange).newImage as AttributeMap);
    } else if (op.kind === 'MODIFY') {
      const old = current ?? target;
      const next = applyEdits(old, keyNames, op.edits);
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
export const KEY_SCHEMAS: readonly (readonly string[])[] = [['id'], ['pk', 'sk'], ['PK', 'SK'], ['userId'], ['Id'], ['tenantId', 'createdAt']];

/** Event names, INSERT/MODIFY/REMOVE. */
export const EVENT_NAMES = constantFrom<DynamoDBEventName>('INSERT', 'MODIFY', 'REMOVE');
