/** The tables of one DynamoDB mock: creation rules (CreateTable), lookup, and their descriptions. */
import { partitionOfRegion } from '../../_internals/aws.js';
import type { Random } from '../../_internals/random.js';
import { assertKeyNames, isTableName, parseDynamoDBArn, type StreamViewType } from '../../events/dynamodb/index.js';
import { dynamoError, tableNotFound, validation } from './errors.js';
import { MockTable, TableStream, type KeyAttribute, type SecondaryIndex } from './table.js';

/** What CreateTable (or the test side) asks for. */
export interface TableSpec {
  name: string;
  region: string;
  keySchema: readonly KeyAttribute[];
  billing: MockTable['billing'];
  streamViewType: StreamViewType | undefined;
}

/** Every table of one mock. */
export class TableRegistry {
  private readonly tables = new Map<string, MockTable>();

  constructor(
    readonly account: string,
    private readonly random: (stream: string) => Random,
  ) {}

  /** Forgets every table (marking them deleted, so subscriptions stop). */
  clear(): void {
    for (const table of this.tables.values()) table.deleted = true;
    this.tables.clear();
  }

  /** Every table, in creation order. */
  all(): MockTable[] {
    return [...this.tables.values()];
  }

  /** Creates a table; `ResourceInUseException` when it exists. */
  create(spec: TableSpec, nowMs: number, configure?: (table: MockTable) => void): MockTable {
    if (!isTableName(spec.name))
      throw validation(
        `1 validation error detected: Value '${spec.name}' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+`,
      );
    try {
      assertKeyNames(
        'CreateTable',
        'KeySchema',
        spec.keySchema.map((k) => k.name),
      );
    } catch (error) {
      throw validation(
        `One or more parameter values were invalid: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const key = `${spec.region}\u0000${spec.name}`;
    if (this.tables.has(key)) throw dynamoError('ResourceInUseException', `Table already exists: ${spec.name}`);
    const ids = this.random(`dynamodb.table:${spec.region}:${spec.name}`);
    const table = new MockTable(
      spec.name,
      spec.region,
      this.account,
      partitionOfRegion(spec.region),
      spec.keySchema,
      nowMs,
      ids.uuidV4(),
      spec.billing,
    );
    configure?.(table);
    if (spec.streamViewType !== undefined) this.enableStream(table, spec.streamViewType, nowMs);
    this.tables.set(key, table);
    return table;
  }

  /**
   * Turns a table's stream on: a new stream with its own label and ARN (a label is the creation
   * time to the millisecond, so one enabled in the same virtual millisecond as the last moves on by one).
   */
  enableStream(table: MockTable, viewType: StreamViewType, nowMs: number): TableStream {
    const previous = table.oldStreams[table.oldStreams.length - 1];
    const createdMs = previous !== undefined && previous.createdMs >= nowMs ? previous.createdMs + 1 : nowMs;
    table.stream = new TableStream(
      table,
      viewType,
      createdMs,
      this.random(`dynamodb.stream:${table.arn}:${createdMs}`),
    );
    return table.stream;
  }

  /** Turns a table's stream off: it stays readable (DISABLED) as DynamoDB keeps it for 24 hours. */
  disableStream(table: MockTable): void {
    if (table.stream === undefined) return;
    table.oldStreams.push(table.stream);
    table.stream = undefined;
  }

  /** Deletes a table (its stream stops too). */
  delete(table: MockTable): void {
    table.deleted = true;
    this.tables.delete(`${table.region}\u0000${table.name}`);
  }

  /** The table a request names (`TableName` as a name or a table ARN). */
  find(nameOrArn: string, region: string): MockTable | undefined {
    if (nameOrArn.startsWith('arn:')) {
      const parts = parseDynamoDBArn(nameOrArn);
      if (parts === undefined || parts.streamLabel !== undefined || parts.account !== this.account) return undefined;
      return this.tables.get(`${parts.region}\u0000${parts.table}`);
    }
    return this.tables.get(`${region}\u0000${nameOrArn}`);
  }

  /** The table, or `ResourceNotFoundException`. */
  get(nameOrArn: string, region: string): MockTable {
    const table = this.find(nameOrArn, region);
    if (table === undefined) throw tableNotFound(nameOrArn);
    return table;
  }

  /** The stream with this ARN (current or disabled), if any. */
  findStream(arn: string): TableStream | undefined {
    const parts = parseDynamoDBArn(arn);
    if (parts?.streamLabel === undefined || parts.account !== this.account) return undefined;
    const table = this.tables.get(`${parts.region}\u0000${parts.table}`);
    if (table === undefined) return undefined;
    return [table.stream, ...table.oldStreams].find((stream) => stream?.arn === arn);
  }
}

/**
 * Which answer a description is for: CreateTable (`CREATING`), DescribeTable (`ACTIVE`) or
 * DeleteTable (`DELETING`). Each has AWS's own key set.
 */
export type TableDescriptionKind = 'created' | 'described' | 'deleted';

// An on-demand table's warm throughput as DescribeTable reports it for a new table.
const ON_DEMAND_WARM_THROUGHPUT = { ReadUnitsPerSecond: 12_000, WriteUnitsPerSecond: 4_000 } as const;

/**
 * The `TableDescription` of CreateTable / DescribeTable / DeleteTable, with the keys AWS answers
 * (recorded against AWS, localstack tests/aws/services/dynamodb/test_dynamodb.snapshot.json:
 * test_table_crud, test_gsi_with_billing_mode, test_table_warm_throughput):
 * - CreateTable says `CREATING` (the table is usable at once; the next DescribeTable says
 *   `ACTIVE`, so the SDK's `waitUntilTableExists` returns), without `WarmThroughput`, and an
 *   on-demand table's `BillingModeSummary` without `LastUpdateToPayPerRequestDateTime`.
 * - DescribeTable adds `WarmThroughput` (provisioned: the table's capacity; on demand:
 *   12,000 reads and 4,000 writes per second).
 * - DeleteTable says `DELETING` with the reduced set: no attribute definitions, key schema,
 *   creation time or stream members.
 */
export function describeTable(table: MockTable, kind: TableDescriptionKind): Record<string, unknown> {
  let size = 0;
  for (const itemSize of table.sizes.values()) size += itemSize;
  const onDemand = table.billing.mode === 'PAY_PER_REQUEST';
  const throughput = {
    NumberOfDecreasesToday: 0,
    ReadCapacityUnits: table.billing.read,
    WriteCapacityUnits: table.billing.write,
  };
  // An approximation: DynamoDB refreshes TableSizeBytes and ItemCount about every six hours; the mock counts now.
  if (kind === 'deleted') {
    const out: Record<string, unknown> = {
      TableName: table.name,
      TableStatus: 'DELETING',
      ProvisionedThroughput: throughput,
      TableSizeBytes: size,
      ItemCount: table.items.size,
      TableArn: table.arn,
      TableId: table.tableId,
      DeletionProtectionEnabled: false,
    };
    if (onDemand)
      out['BillingModeSummary'] = {
        BillingMode: 'PAY_PER_REQUEST',
        LastUpdateToPayPerRequestDateTime: table.createdMs / 1000,
      };
    return out;
  }
  const out: Record<string, unknown> = {
    AttributeDefinitions: [...table.attributeTypes].map(([name, type]) => ({
      AttributeName: name,
      AttributeType: type,
    })),
    TableName: table.name,
    KeySchema: table.keySchema.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
    TableStatus: kind === 'created' ? 'CREATING' : 'ACTIVE',
    CreationDateTime: table.createdMs / 1000,
    ProvisionedThroughput: throughput,
    TableSizeBytes: size,
    ItemCount: table.items.size,
    TableArn: table.arn,
    TableId: table.tableId,
    DeletionProtectionEnabled: false,
  };
  if (onDemand) {
    out['BillingModeSummary'] =
      kind === 'created'
        ? { BillingMode: 'PAY_PER_REQUEST' }
        : { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: table.createdMs / 1000 };
  }
  const latest = table.stream ?? table.oldStreams[table.oldStreams.length - 1];
  if (table.stream !== undefined)
    out['StreamSpecification'] = { StreamEnabled: true, StreamViewType: table.stream.viewType };
  if (latest !== undefined) {
    out['LatestStreamLabel'] = latest.label;
    out['LatestStreamArn'] = latest.arn;
  }
  const globals = [...table.indexes.values()].filter((index) => index.kind === 'global');
  const locals = [...table.indexes.values()].filter((index) => index.kind === 'local');
  if (locals.length > 0) out['LocalSecondaryIndexes'] = locals.map((index) => describeIndex(table, index, kind));
  if (globals.length > 0) out['GlobalSecondaryIndexes'] = globals.map((index) => describeIndex(table, index, kind));
  if (kind === 'described') {
    out['WarmThroughput'] = onDemand
      ? { ...ON_DEMAND_WARM_THROUGHPUT, Status: 'ACTIVE' }
      : { ReadUnitsPerSecond: table.billing.read, WriteUnitsPerSecond: table.billing.write, Status: 'ACTIVE' };
  }
  return out;
}

/** One index of DescribeTable: key schema, projection, counts, ARN (and a GSI's status and throughput). */
function describeIndex(table: MockTable, index: SecondaryIndex, kind: TableDescriptionKind): Record<string, unknown> {
  let size = 0;
  for (const partition of index.store.partitionsFrom(undefined))
    for (const entry of partition.entries) size += entry.size;
  const out: Record<string, unknown> = {
    IndexName: index.name,
    KeySchema: index.keySchema.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
    Projection:
      index.projection.type === 'INCLUDE'
        ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection.nonKeyAttributes] }
        : { ProjectionType: index.projection.type },
  };
  if (index.kind === 'global') {
    out['IndexStatus'] = kind === 'created' ? 'CREATING' : 'ACTIVE';
    out['ProvisionedThroughput'] = {
      NumberOfDecreasesToday: 0,
      ReadCapacityUnits: table.billing.read,
      WriteCapacityUnits: table.billing.write,
    };
  }
  out['IndexSizeBytes'] = size;
  out['ItemCount'] = index.store.size;
  out['IndexArn'] = `${table.arn}/index/${index.name}`;
  if (index.kind === 'global' && kind === 'described') {
    out['WarmThroughput'] =
      table.billing.mode === 'PAY_PER_REQUEST'
        ? { ...ON_DEMAND_WARM_THROUGHPUT, Status: 'ACTIVE' }
        : { ReadUnitsPerSecond: table.billing.read, WriteUnitsPerSecond: table.billing.write, Status: 'ACTIVE' };
  }
  return out;
}
