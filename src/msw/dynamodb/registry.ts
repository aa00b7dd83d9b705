/** The tables of one DynamoDB mock: creation rules (CreateTable), lookup, and their descriptions. */
import { partitionOfRegion } from '../../_internals/aws.js';
import type { Random } from '../../_internals/random.js';
import { assertKeyNames, isTableName, parseDynamoDBArn, type StreamViewType } from '../../events/dynamodb/index.js';
import { dynamoError, tableNotFound, validation } from './errors.js';
import { MockTable, TableStream, type KeyAttribute } from './table.js';

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
  create(spec: TableSpec, nowMs: number): MockTable {
    if (!isTableName(spec.name)) throw validation(`1 validation error detected: Value '${spec.name}' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+`);
    try {
      assertKeyNames('CreateTable', 'KeySchema', spec.keySchema.map((k) => k.name));
    } catch (error) {
      throw validation(`One or more parameter values were invalid: ${error instanceof Error ? error.message : String(error)}`);
    }
    const key = `${spec.region}\u0000${spec.name}`;
    if (this.tables.has(key)) throw dynamoError('ResourceInUseException', `Table already exists: ${spec.name}`);
    const ids = this.random(`dynamodb.table:${spec.region}:${spec.name}`);
    const table = new MockTable(spec.name, spec.region, this.account, partitionOfRegion(spec.region), spec.keySchema, nowMs, ids.uuidV4(), spec.billing);
    if (spec.streamViewType !== undefined) table.stream = new TableStream(table, spec.streamViewType, nowMs, this.random(`dynamodb.stream:${table.arn}:${nowMs}`));
    this.tables.set(key, table);
    return table;
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
  for (const item of table.items.values()) size += JSON.stringify(item).length;
  const onDemand = table.billing.mode === 'PAY_PER_REQUEST';
  const throughput = { NumberOfDecreasesToday: 0, ReadCapacityUnits: table.billing.read, WriteCapacityUnits: table.billing.write };
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
    if (onDemand) out['BillingModeSummary'] = { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: table.createdMs / 1000 };
    return out;
  }
  const out: Record<string, unknown> = {
    AttributeDefinitions: table.keySchema.map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
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
    out['BillingModeSummary'] = kind === 'created' ? { BillingMode: 'PAY_PER_REQUEST' } : { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: table.createdMs / 1000 };
  }
  if (table.stream !== undefined) {
    out['StreamSpecification'] = { StreamEnabled: true, StreamViewType: table.stream.viewType };
    out['LatestStreamLabel'] = table.stream.label;
    out['LatestStreamArn'] = table.stream.arn;
  }
  if (kind === 'described') {
    out['WarmThroughput'] = onDemand
      ? { ...ON_DEMAND_WARM_THROUGHPUT, Status: 'ACTIVE' }
      : { ReadUnitsPerSecond: table.billing.read, WriteUnitsPerSecond: table.billing.write, Status: 'ACTIVE' };
  }
  return out;
}
