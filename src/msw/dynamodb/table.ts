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
  nextSequenceNumber,
  streamEventId,
  streamLabel,
  type AttributeMap,
  type DynamoDBEventName,
  type DynamoDBStreamEntryParts,
  type DynamoDBStreamRecord,
  type DynamoDBStreamSourceParts,
  type StreamViewType,
} from '../../events/dynamodb/index.js';
import type { StreamEntry } from '../_internals/streamDelivery.js';

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
    this.source = { keyNames: table.keyNames, streamViewType: viewType, table: table.name, streamLabel: this.label, region: table.region, account: table.account, partition: table.partition };
  }

  /** The first sequence number of the shard (DescribeStream's `StartingSequenceNumber`). */
  get startingSequenceNumber(): string | undefined {
    return this.records[0]?.sequenceNumber;
  }

  /** Appends the record of one change. */
  append(eventName: DynamoDBEventName, oldImage: AttributeMap | undefined, newImage: AttributeMap | undefined, nowMs: number): StoredStreamRecord {
    const sequenceNumber = this.lastSequence === undefined ? firstSequenceNumber(this.random) : nextSequenceNumber(this.lastSequence, this.random);
    this.lastSequence = sequenceNumber;
    const entry: DynamoDBStreamEntryParts = { eventName, sequenceNumber, eventId: streamEventId(this.random), time: new Date(nowMs) };
    if (newImage !== undefined) entry.newImage = newImage;
    if (oldImage !== undefined) entry.oldImage = oldImage;
    const built = buildDynamoDBStreamRecord('DynamoDB Streams', { ...this.source, ...entry });
    // Lambda and GetRecords see the change at whole seconds (ApproximateCreationDateTime).
    const stored: StoredStreamRecord = { record: built.record, entry, sequenceNumber, arrivalMs: epochSeconds(new Date(nowMs)) * 1000, jsonBound: built.jsonBound };
    this.records.push(stored);
    return stored;
  }
}

/** One table. */
export class MockTable {
  readonly arn: string;
  readonly keyNames: readonly string[];
  readonly items = new Map<string, AttributeMap>();
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
  }

  /** The map key of an item's key attributes (canonical values, so `1.0` and `1` meet). */
  keyString(key: AttributeMap): string {
    return JSON.stringify(this.keyNames.map((name) => key[name]));
  }

  /**
   * Stores `next` (or deletes when undefined) under `keyString` and appends the stream record:
   * INSERT for a new item, MODIFY only when something changed, REMOVE for a deleted item.
   */
  write(keyString: string, next: AttributeMap | undefined, nowMs: number): void {
    const old = this.items.get(keyString);
    if (next === undefined) this.items.delete(keyString);
    else this.items.set(keyString, next);
    if (this.stream === undefined) return;
    if (old === undefined && next !== undefined) this.stream.append('INSERT', undefined, next, nowMs);
    else if (old !== undefined && next === undefined) this.stream.append('REMOVE', old, undefined, nowMs);
    else if (old !== undefined && next !== undefined && !attributeMapsEqual(old, next)) this.stream.append('MODIFY', old, next, nowMs);
  }
}
