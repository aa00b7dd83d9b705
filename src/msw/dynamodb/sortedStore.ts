/**
 * The ordered storage behind a table and each of its secondary indexes: items grouped by
 * partition key, each partition a sorted array searched by binary search. A Query touches one
 * partition and the slice its sort-key condition selects, so its cost follows the items it reads,
 * not the table's size.
 */
import type { AttributeMap, AttributeValue } from '../../events/dynamodb/index.js';
import { compareNumbers } from './expressions/values.js';

/** Compares two strings by UTF-8 bytes (= Unicode code points), as DynamoDB orders S keys. */
function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (U+D800–DFFF) starts a code point above U+FFFF, which sorts after every BMP character in UTF-8.
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

function compareBase64(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'base64'), Buffer.from(b, 'base64'));
}

/** The order of two key values of one type (S, N or B); values of other types compare by type name. */
export function compareKeyValues(a: AttributeValue, b: AttributeValue): number {
  if ('S' in a && 'S' in b) return compareStrings(a.S, b.S);
  if ('N' in a && 'N' in b) {
    if (a.N === b.N) return 0;
    // Rounding to a double never reverses an order: different doubles decide; equal ones need the exact decimals.
    const x = Number(a.N);
    const y = Number(b.N);
    if (x !== y) return x < y ? -1 : 1;
    return compareNumbers(a.N, b.N);
  }
  if ('B' in a && 'B' in b) return compareBase64(a.B, b.B);
  const ta = Object.keys(a)[0] as string;
  const tb = Object.keys(b)[0] as string;
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/** One stored entry: the item as this structure holds it, and the table key that identifies it. */
export interface StoreEntry {
  /** The table's primary key string (unique within the table). */
  readonly id: string;
  /** The item (for an index: its projection). */
  readonly item: AttributeMap;
  /** Its size by DynamoDB's item-size formula (for the 1 MB page). */
  readonly size: number;
}

/** Which attributes order a store: its partition key, optional sort key, and the table's keys as tie-breakers. */
export interface StoreKeys {
  readonly partition: string;
  readonly sort: string | undefined;
  /** The table's key names, ordering entries whose own keys are equal (index entries). */
  readonly tieBreak: readonly string[];
}

class Partition {
  readonly entries: StoreEntry[] = [];
  constructor(
    readonly key: AttributeValue,
    readonly position: number,
  ) {}
}

/**
 * Items grouped by partition (partitions in the order they were first written, which is the
 * Scan order) and sorted within each partition by the sort key, then the table key.
 */
export class SortedStore {
  private readonly partitions = new Map<string, Partition>();
  private readonly order: Partition[] = [];
  private count = 0;

  constructor(readonly keys: StoreKeys) {}

  /** How many entries are stored. */
  get size(): number {
    return this.count;
  }

  /** The canonical string of a partition key value. */
  static partitionString(value: AttributeValue): string {
    return JSON.stringify(value);
  }

  /** Compares two entries' items in this store's order (sort key, then the table key). */
  compare(a: AttributeMap, b: AttributeMap): number {
    if (this.keys.sort !== undefined) {
      const c = compareKeyValues(a[this.keys.sort] as AttributeValue, b[this.keys.sort] as AttributeValue);
      if (c !== 0) return c;
    }
    for (const name of this.keys.tieBreak) {
      if (name === this.keys.partition || name === this.keys.sort) continue;
      const c = compareKeyValues(a[name] as AttributeValue, b[name] as AttributeValue);
      if (c !== 0) return c;
    }
    return 0;
  }

  /** The partition holding `value`, if any. */
  partition(value: AttributeValue): readonly StoreEntry[] | undefined {
    return this.partitions.get(SortedStore.partitionString(value))?.entries;
  }

  /** The first index in `entries` whose item is not before `probe` (or after, with `after`). */
  lowerBound(entries: readonly StoreEntry[], probe: (item: AttributeMap) => number): number {
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (probe((entries[mid] as StoreEntry).item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private find(entries: readonly StoreEntry[], item: AttributeMap, id: string): number {
    let at = this.lowerBound(entries, (other) => this.compare(other, item));
    while (
      at < entries.length &&
      (entries[at] as StoreEntry).id !== id &&
      this.compare((entries[at] as StoreEntry).item, item) === 0
    )
      at++;
    return at < entries.length && (entries[at] as StoreEntry).id === id ? at : -1;
  }

  /** Adds an entry (its item must hold this store's key attributes). */
  add(entry: StoreEntry): void {
    const pk = entry.item[this.keys.partition] as AttributeValue;
    const key = SortedStore.partitionString(pk);
    let partition = this.partitions.get(key);
    if (partition === undefined) {
      partition = new Partition(pk, this.order.length);
      this.partitions.set(key, partition);
      this.order.push(partition);
    }
    const at = this.lowerBound(partition.entries, (other) => this.compare(other, entry.item));
    // Appending in order is the common case (ascending sort keys); splice handles the rest.
    if (at === partition.entries.length) partition.entries.push(entry);
    else partition.entries.splice(at, 0, entry);
    this.count++;
  }

  /** Removes the entry of `id` whose stored item is `item`. */
  remove(item: AttributeMap, id: string): void {
    const partition = this.partitions.get(SortedStore.partitionString(item[this.keys.partition] as AttributeValue));
    if (partition === undefined) return;
    const at = this.find(partition.entries, item, id);
    if (at === -1) return;
    partition.entries.splice(at, 1);
    this.count--;
  }

  /** Every partition in Scan order, from the one holding `start` (inclusive) when given. */
  *partitionsFrom(
    start: AttributeValue | undefined,
  ): Generator<{ key: AttributeValue; entries: readonly StoreEntry[] }> {
    let from = 0;
    if (start !== undefined) {
      const partition = this.partitions.get(SortedStore.partitionString(start));
      if (partition === undefined) return;
      from = partition.position;
    }
    for (let i = from; i < this.order.length; i++) {
      const partition = this.order[i] as Partition;
      if (partition.entries.length > 0) yield partition;
    }
  }

  /** Forgets everything. */
  clear(): void {
    this.partitions.clear();
    this.order.length = 0;
    this.count = 0;
  }
}
