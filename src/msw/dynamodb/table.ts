/**
 * The data model of the in-memory DynamoDB: tables with their key schema and items (stored as
 * DynamoDB stores them: canonical numbers and base64), and each table's stream, whose records are
 * built by the family's mapper (`buildDynamoDBStreamRecord`) at the moment of the write.
 */
import { epochSeconds, type AwsPartition } from '../../_internals/aws.js';
import type { Random } from '../../_internals/random.js';
import {
  attributeMapsEqual,
  buildDynamoDBStreamRecord,
  dynamoDBStreamArn,
  dynamoDBTableArn,
  firstSequenceNumber,
  itemSizeBytes,
  nextSequenceNumber,
  streamEventId,
  streamLabel,
  type AttributeMap,
  type AttributeValue,
  type DynamoDBEventName,
  type DynamoDBStreamEntryParts,
  type DynamoDBStreamRecord,
  type DynamoDBStreamSourceParts,
  type StreamViewType,
} from '../../events/dynamodb/index.js';
import type { StreamEntry } from '../_internals/streamDelivery.js';
import { SortedStore } from './sortedStore.js';

/** A key attribute of the schema. */
export interface KeyAttribute {
  readonly name: string;
  /** `S`, `N` or `B`. */
  readonly type: 'S' | 'N' | 'B';
}

/** One stream record as kept by the table's stream. */
export interface StoredStreamRecord extends StreamEntry {
  /** The record as Lambda delivers it (the wire form drops `eventSourceARN`). */
  readonly record: DynamoDBStreamRecord;
  /** The parts it was built from (for the batch mapper at delivery). */
  readonly entry: DynamoDBStreamEntryParts;
}

/** A table's stream: one shard holding every change in order. */
export class TableStream {
  readonly arn: string;
  readonly label: string;
  readonly shardId: string;
  readonly records: StoredStreamRecord[] = [];
  readonly source: DynamoDBStreamSourceParts;
  private lastSequence: string | undefined;

  constructor(
    readonly table: MockTable,
    readonly viewType: StreamViewType,
    readonly createdMs: number,
    private readonly random: Random,
  ) {
    this.label = streamLabel(new Date(createdMs));
    this.arn = dynamoDBStreamArn(table.partition, table.region, table.account, table.name, this.label);
    // DynamoDB Streams shard ids: `shardId-` + 20-digit creation time + `-` + 8 hex digits.
    this.shardId = `shardId-${String(createdMs).padStart(20, '0')}-${random.hex(8)}`;
    this.source = {
      keyNames: table.keyNames,
      streamViewType: viewType,
      table: table.name,
      streamLabel: this.label,
      region: table.region,
      account: table.account,
      partition: table.partition,
    };
  }

  /** The first sequence number of the shard (DescribeStream's `StartingSequenceNumber`). */
  get startingSequenceNumber(): string | undefined {
    return this.records[0]?.sequenceNumber;
  }

  /** Appends the record of one change. */
  append(
    eventName: DynamoDBEventName,
    oldImage: AttributeMap | undefined,
    newImage: AttributeMap | undefined,
    nowMs: number,
    ttl = false,
  ): StoredStreamRecord {
    const sequenceNumber =
      this.lastSequence === undefined
        ? firstSequenceNumber(this.random)
        : nextSequenceNumber(this.lastSequence, this.random);
    this.lastSequence = sequenceNumber;
    // A stream turned on again within one virtual millisecond is labelled a millisecond on; its records are never older.
    const at = Math.max(nowMs, this.createdMs);
    const entry: DynamoDBStreamEntryParts = {
      eventName,
      sequenceNumber,
      eventId: streamEventId(this.random),
      time: new Date(at),
    };
    if (newImage !== undefined) entry.newImage = newImage;
    if (oldImage !== undefined) entry.oldImage = oldImage;
    if (ttl) entry.ttl = true;
    const built = buildDynamoDBStreamRecord('DynamoDB Streams', { ...this.source, ...entry });
    // Lambda and GetRecords see the change at whole seconds (ApproximateCreationDateTime).
    const stored: StoredStreamRecord = {
      record: built.record,
      entry,
      sequenceNumber,
      arrivalMs: epochSeconds(new Date(at)) * 1000,
      jsonBound: built.jsonBound,
    };
    this.records.push(stored);
    return stored;
  }
}

/** The projection of a secondary index. */
export interface IndexProjection {
  readonly type: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
  /** INCLUDE's non-key attributes. */
  readonly nonKeyAttributes: readonly string[];
}

/** A global or local secondary index: its keys, projection, and its own ordered store. */
export class SecondaryIndex {
  readonly keyNames: readonly string[];
  readonly store: SortedStore;
  private readonly projected: ReadonlySet<string> | undefined;

  constructor(
    readonly name: string,
    readonly kind: 'global' | 'local',
    readonly keySchema: readonly KeyAttribute[],
    readonly projection: IndexProjection,
    readonly table: MockTable,
    readonly createdMs: number,
  ) {
    this.keyNames = keySchema.map((k) => k.name);
    this.store = new SortedStore({
      partition: keySchema[0]?.name as string,
      sort: keySchema[1]?.name,
      tieBreak: table.keyNames,
    });
    this.projected =
      projection.type === 'ALL'
        ? undefined
        : new Set([
            ...table.keyNames,
            ...this.keyNames,
            ...(projection.type === 'INCLUDE' ? projection.nonKeyAttributes : []),
          ]);
  }

  /** Whether `item` appears in the index: it holds every index key attribute with the schema's type (sparse indexes). */
  covers(item: AttributeMap): boolean {
    return this.keySchema.every(
      (k) => Object.hasOwn(item, k.name) && Object.keys(item[k.name] as AttributeValue)[0] === k.type,
    );
  }

  /** The item as the index holds it (its projected attributes). */
  project(item: AttributeMap): AttributeMap {
    if (this.projected === undefined) return item;
    const out: AttributeMap = {};
    for (const name of Object.keys(item)) {
      if (this.projected.has(name))
        Object.defineProperty(out, name, { value: item[name], enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  /** Fills the index from the table's items (a new GSI backfills at once). */
  backfill(): void {
    for (const [id, item] of this.table.items) if (this.covers(item)) this.add(id, item);
  }

  /** Adds `item` (stored under `id`) to the index. */
  add(id: string, item: AttributeMap): void {
    const projected = this.project(item);
    this.store.add({
      id,
      item: projected,
      size: projected === item ? (this.table.sizes.get(id) ?? itemSizeBytes(item)) : itemSizeBytes(projected),
    });
  }

  /** Removes `item` (stored under `id`) from the index. */
  remove(id: string, item: AttributeMap): void {
    this.store.remove(this.project(item), id);
  }
}

/** A table's Time to Live setting. */
export interface TableTtl {
  /** The attribute holding each item's expiry (epoch seconds, type N). */
  readonly attribute: string;
}

/** One table. */
export class MockTable {
  readonly arn: string;
  readonly keyNames: readonly string[];
  readonly items = new Map<string, AttributeMap>();
  /** Each item's size by DynamoDB's formula, by key string. */
  readonly sizes = new Map<string, number>();
  /** The items in key order (partitions, then sort key): what Query and Scan read. */
  readonly store: SortedStore;
  /** Secondary indexes by name (GSIs and LSIs). */
  readonly indexes = new Map<string, SecondaryIndex>();
  /** Attribute definitions: the table's and its indexes' key attributes. */
  readonly attributeTypes = new Map<string, KeyAttribute['type']>();
  /** Time to Live, when enabled. */
  ttl: TableTtl | undefined;
  stream: TableStream | undefined;
  /** Streams of this table that were disabled (still readable, as in DynamoDB Streams for 24 h). */
  readonly oldStreams: TableStream[] = [];
  deleted = false;

  constructor(
    readonly name: string,
    readonly region: string,
    readonly account: string,
    readonly partition: AwsPartition,
    readonly keySchema: readonly KeyAttribute[],
    readonly createdMs: number,
    readonly tableId: string,
    readonly billing: { mode: 'PAY_PER_REQUEST' | 'PROVISIONED'; read: number; write: number },
  ) {
    this.arn = dynamoDBTableArn(partition, region, account, name);
    this.keyNames = keySchema.map((k) => k.name);
    this.store = new SortedStore({ partition: keySchema[0]?.name as string, sort: keySchema[1]?.name, tieBreak: [] });
    for (const k of keySchema) this.attributeTypes.set(k.name, k.type);
  }

  /** The map key of an item's key attributes (canonical values, so `1.0` and `1` meet). */
  keyString(key: AttributeMap): string {
    return JSON.stringify(this.keyNames.map((name) => key[name]));
  }

  /**
   * Stores `next` (or deletes when undefined) under `keyString`, keeps the indexes in step and
   * appends the stream record: INSERT for a new item, MODIFY only when something changed, REMOVE
   * for a deleted item (marked as a Time to Live deletion with `ttl`).
   */
  write(
    keyString: string,
    next: AttributeMap | undefined,
    nowMs: number,
    options: { ttl?: boolean; size?: number } = {},
  ): void {
    const old = this.items.get(keyString);
    if (old !== undefined) {
      this.store.remove(old, keyString);
      for (const index of this.indexes.values()) if (index.covers(old)) index.remove(keyString, old);
    }
    if (next === undefined) {
      this.items.delete(keyString);
      this.sizes.delete(keyString);
    } else {
      const size = options.size ?? itemSizeBytes(next);
      this.items.set(keyString, next);
      this.sizes.set(keyString, size);
      this.store.add({ id: keyString, item: next, size });
      for (const index of this.indexes.values()) if (index.covers(next)) index.add(keyString, next);
    }
    if (this.stream === undefined) return;
    if (old === undefined && next !== undefined) this.stream.append('INSERT', undefined, next, nowMs);
    else if (old !== undefined && next === undefined)
      this.stream.append('REMOVE', old, undefined, nowMs, options.ttl === true);
    else if (old !== undefined && next !== undefined && !attributeMapsEqual(old, next))
      this.stream.append('MODIFY', old, next, nowMs);
  }
}
