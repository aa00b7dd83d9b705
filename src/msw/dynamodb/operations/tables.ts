/**
 * The control plane: CreateTable (with global and local secondary indexes), DescribeTable,
 * DeleteTable, ListTables, UpdateTable (add or delete a GSI, turn the stream on or off) and
 * Time to Live (UpdateTimeToLive, DescribeTimeToLive).
 */
import { assertStreamViewType, type StreamViewType } from '../../../events/dynamodb/index.js';
import {
  asStructure,
  readBoolean,
  readInteger,
  readList,
  readObject,
  readString,
  type JsonObject,
} from '../../_internals/input.js';
import { asValidation, I, readAttributeDefinitions, readKeySchema } from '../common.js';
import { regionOf, tableOf, type DynamoDBOperation } from './context.js';
import { dynamoError, validation } from '../errors.js';
import { describeTable } from '../registry.js';
import { SecondaryIndex, type IndexProjection, type KeyAttribute, type MockTable } from '../table.js';

/** DynamoDB's per-table index limits. */
const MAX_GLOBAL_INDEXES = 20;
/** @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html */
const MAX_LOCAL_INDEXES = 5;
/** At most 100 INCLUDE attributes over all of a table's indexes. */
const MAX_PROJECTED_ATTRIBUTES = 100;

/** An index as CreateTable or UpdateTable asks for it. */
interface IndexRequest {
  readonly name: string;
  readonly kind: 'global' | 'local';
  readonly keySchema: readonly KeyAttribute[];
  readonly projection: IndexProjection;
}

function readProjection(entry: JsonObject, indexName: string): IndexProjection {
  const projection = readObject(entry, 'Projection', I, true) as JsonObject;
  const type = readString(projection, 'ProjectionType', I);
  if (type === undefined) throw validation(`One or more parameter values were invalid: Unknown ProjectionType: null`);
  if (type !== 'ALL' && type !== 'KEYS_ONLY' && type !== 'INCLUDE')
    throw validation(
      `1 validation error detected: Value '${type}' at 'projection.projectionType' failed to satisfy constraint: Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]`,
    );
  const nonKey = readList(projection, 'NonKeyAttributes', I) as unknown[] | undefined;
  if (type !== 'INCLUDE' && nonKey !== undefined)
    throw validation(
      `One or more parameter values were invalid: ProjectionType is ${type}, but NonKeyAttributes is specified`,
    );
  if (type === 'INCLUDE' && (nonKey === undefined || nonKey.length === 0))
    throw validation(
      `One or more parameter values were invalid: NonKeyAttributes must be specified when ProjectionType is INCLUDE (index: ${indexName})`,
    );
  const names = (nonKey ?? []).map((n) => {
    if (typeof n !== 'string') throw I.wrongType('NonKeyAttributes', 'string', n);
    return n;
  });
  if (new Set(names).size !== names.length)
    throw validation(
      `One or more parameter values were invalid: Duplicate value in NonKeyAttributes of index ${indexName}`,
    );
  return { type, nonKeyAttributes: names };
}

/** Reads one GSI or LSI definition. */
function readIndex(
  entry: JsonObject,
  kind: 'global' | 'local',
  types: ReadonlyMap<string, KeyAttribute['type']>,
  tableKeys: readonly KeyAttribute[],
): IndexRequest {
  const name = readString(entry, 'IndexName', I, true);
  if (!/^[a-zA-Z0-9_.-]{3,255}$/.test(name))
    throw validation(
      `1 validation error detected: Value '${name}' at 'indexName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+`,
    );
  const keySchema = readKeySchema(entry, types, 'indexKeySchema');
  if (kind === 'local') {
    if (tableKeys.length < 2)
      throw validation(
        'One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex',
      );
    if (keySchema[0]?.name !== tableKeys[0]?.name) {
      throw validation(
        `One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table KeySchema for index: ${name}. index hash key: ${keySchema[0]?.name}, table hash key: ${tableKeys[0]?.name}`,
      );
    }
    if (keySchema.length < 2)
      throw validation(
        `One or more parameter values were invalid: Index KeySchema does not have a range key for index: ${name}`,
      );
  }
  return { name, kind, keySchema, projection: readProjection(entry, name) };
}

/** Adds the requested indexes to a new table, checking names, limits and projections. */
function addIndexes(table: MockTable, requests: readonly IndexRequest[], nowMs: number): void {
  const names = new Set<string>();
  let projected = 0;
  for (const request of requests) {
    if (names.has(request.name))
      throw validation(`One or more parameter values were invalid: Duplicate index name: ${request.name}`);
    names.add(request.name);
    projected += request.projection.nonKeyAttributes.length;
  }
  if (projected > MAX_PROJECTED_ATTRIBUTES)
    throw validation(
      `One or more parameter values were invalid: Number of projected attributes in all indexes exceeds limit of ${MAX_PROJECTED_ATTRIBUTES}, provided: ${projected}`,
    );
  for (const request of requests) {
    table.indexes.set(
      request.name,
      new SecondaryIndex(request.name, request.kind, request.keySchema, request.projection, table, nowMs),
    );
    for (const k of request.keySchema) table.attributeTypes.set(k.name, k.type);
  }
}

function readStreamSpecification(
  input: JsonObject,
  operation: string,
): { enabled: boolean; viewType: StreamViewType | undefined } | undefined {
  const spec = readObject(input, 'StreamSpecification', I);
  if (spec === undefined) return undefined;
  const enabled = readBoolean(spec, 'StreamEnabled', I);
  if (enabled === undefined) throw I.missing('StreamSpecification.StreamEnabled');
  const view = readString(spec, 'StreamViewType', I);
  if (enabled) {
    if (view === undefined)
      throw validation(
        'One or more parameter values were invalid: You must specify a StreamViewType when StreamEnabled is true',
      );
    return { enabled, viewType: asValidation(() => assertStreamViewType(operation, 'StreamViewType', view), '') };
  }
  if (view !== undefined)
    throw validation(
      'One or more parameter values were invalid: You cannot specify a StreamViewType when StreamEnabled is false',
    );
  return { enabled, viewType: undefined };
}

/** CreateTable's `BillingMode` and the `ProvisionedThroughput` it requires (or forbids). */
function readBilling(input: JsonObject): { mode: 'PROVISIONED' | 'PAY_PER_REQUEST'; read: number; write: number } {
  const mode = readString(input, 'BillingMode', I) ?? 'PROVISIONED';
  if (mode !== 'PROVISIONED' && mode !== 'PAY_PER_REQUEST')
    throw validation(
      `1 validation error detected: Value '${mode}' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]`,
    );
  const throughput = readObject(input, 'ProvisionedThroughput', I);
  let read = 0;
  let write = 0;
  if (mode === 'PROVISIONED') {
    if (throughput === undefined)
      throw validation(
        'One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED',
      );
    read = readInteger(throughput, 'ReadCapacityUnits', I, true) as number;
    write = readInteger(throughput, 'WriteCapacityUnits', I, true) as number;
    if (read < 1 || write < 1)
      throw validation(
        'One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be greater than 0',
      );
  } else if (throughput !== undefined) {
    throw validation(
      'One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST',
    );
  }
  return { mode, read, write };
}

/** CreateTable: key schema, billing, secondary indexes and stream, checked as DynamoDB checks them. */
export const CreateTable: DynamoDBOperation = (input, info, context) => {
  const name = readString(input, 'TableName', I, true);
  const types = readAttributeDefinitions(input, true);
  const keySchema = readKeySchema(input, types);
  const { mode, read, write } = readBilling(input);
  const globals = ((readList(input, 'GlobalSecondaryIndexes', I) as unknown[] | undefined) ?? []).map((e, i) =>
    readIndex(asStructure(e, `GlobalSecondaryIndexes.${i + 1}.member`, I), 'global', types, keySchema),
  );
  const locals = ((readList(input, 'LocalSecondaryIndexes', I) as unknown[] | undefined) ?? []).map((e, i) =>
    readIndex(asStructure(e, `LocalSecondaryIndexes.${i + 1}.member`, I), 'local', types, keySchema),
  );
  if (globals.length > MAX_GLOBAL_INDEXES)
    throw validation(
      `One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of ${MAX_GLOBAL_INDEXES}`,
    );
  if (locals.length > MAX_LOCAL_INDEXES)
    throw validation(
      `One or more parameter values were invalid: Number of LocalSecondaryIndexes exceeds per-table limit of ${MAX_LOCAL_INDEXES}`,
    );
  // Every definition must be used by a key of the table or an index.
  const used = new Set(
    [...keySchema, ...globals.flatMap((g) => g.keySchema), ...locals.flatMap((l) => l.keySchema)].map((k) => k.name),
  );
  if (used.size !== types.size) {
    throw validation(
      globals.length + locals.length === 0
        ? 'One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions'
        : `One or more parameter values were invalid: Some AttributeDefinitions are not used. AttributeDefinitions: [${[...types.keys()].join(', ')}], keys used: [${[...used].join(', ')}]`,
    );
  }
  if (mode === 'PROVISIONED') {
    for (const g of globals) {
      const entry = (readList(input, 'GlobalSecondaryIndexes', I) as JsonObject[]).find(
        (e) => e['IndexName'] === g.name,
      ) as JsonObject;
      if (readObject(entry, 'ProvisionedThroughput', I) === undefined)
        throw validation(
          `One or more parameter values were invalid: ProvisionedThroughput must be specified for index: ${g.name}`,
        );
    }
  }
  const stream = readStreamSpecification(input, 'CreateTable');
  if (stream?.enabled === false)
    throw validation(
      'One or more parameter values were invalid: StreamSpecification.StreamEnabled must be true when creating a table with a StreamSpecification',
    );
  const table = context.registry.create(
    {
      name,
      region: regionOf(info, context),
      keySchema,
      billing: { mode, read, write },
      streamViewType: stream?.viewType,
    },
    context.nowMs(),
    (created) => addIndexes(created, [...globals, ...locals], context.nowMs()),
  );
  return { TableDescription: describeTable(table, 'created') };
};

/** DescribeTable: the table as DynamoDB describes it. */
export const DescribeTable: DynamoDBOperation = (input, info, context) => ({
  Table: describeTable(tableOf(input, info, context), 'described'),
});

/** DeleteTable: deletes the table (and its stream) and answers its last description. */
export const DeleteTable: DynamoDBOperation = (input, info, context) => {
  const table = tableOf(input, info, context);
  context.registry.delete(table);
  return { TableDescription: describeTable(table, 'deleted') };
};

/** ListTables: the table names of the request's region, in order, paged. */
export const ListTables: DynamoDBOperation = (input, info, context) => {
  const region = regionOf(info, context);
  const limit = readInteger(input, 'Limit', I) ?? 100;
  if (limit < 1 || limit > 100) {
    throw validation(
      `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value ${limit < 1 ? 'greater than or equal to 1' : 'less than or equal to 100'}`,
    );
  }
  const after = readString(input, 'ExclusiveStartTableName', I);
  const names = context.registry
    .all()
    .filter((t) => t.region === region)
    .map((t) => t.name)
    .sort()
    .filter((n) => after === undefined || n > after);
  const page = names.slice(0, limit);
  return names.length > limit
    ? { TableNames: page, LastEvaluatedTableName: page[page.length - 1] }
    : { TableNames: page };
};

/** UpdateTable's `Create` of a global index, checked against the table. */
function readIndexCreate(input: JsonObject, table: MockTable, update: JsonObject): IndexRequest {
  const create = readObject(update, 'Create', I, true) as JsonObject;
  const types = new Map([...table.attributeTypes, ...readAttributeDefinitions(input, false)]);
  const created = readIndex(create, 'global', types, table.keySchema);
  if (table.indexes.has(created.name))
    throw validation(
      `One or more parameter values were invalid: Attempting to create an index which already exists: ${created.name}`,
    );
  if ([...table.indexes.values()].filter((i) => i.kind === 'global').length >= MAX_GLOBAL_INDEXES)
    throw dynamoError(
      'LimitExceededException',
      `Subscriber limit exceeded: The number of global secondary indexes exceeds the per-table limit of ${MAX_GLOBAL_INDEXES}`,
    );
  for (const k of created.keySchema) {
    const existing = table.attributeTypes.get(k.name);
    if (existing !== undefined && existing !== k.type)
      throw validation(
        `One or more parameter values were invalid: Attribute ${k.name} is already defined with type ${existing}`,
      );
  }
  if (table.billing.mode === 'PROVISIONED' && readObject(create, 'ProvisionedThroughput', I) === undefined) {
    throw validation(
      `One or more parameter values were invalid: ProvisionedThroughput must be specified for index: ${created.name}`,
    );
  }
  return created;
}

/** UpdateTable's `Delete` of a global index: the index's name, which must exist. */
function readIndexDelete(table: MockTable, update: JsonObject): string {
  const deleted = readString(readObject(update, 'Delete', I, true) as JsonObject, 'IndexName', I, true);
  const index = table.indexes.get(deleted);
  if (index === undefined || index.kind !== 'global')
    throw dynamoError('ResourceNotFoundException', `Requested resource not found: Index: ${deleted} not found`);
  return deleted;
}

/** UpdateTable: one global index created or deleted, and the stream turned on or off, all checked before any change. */
export const UpdateTable: DynamoDBOperation = (input, info, context) => {
  const table = tableOf(input, info, context);
  const updates = ((readList(input, 'GlobalSecondaryIndexUpdates', I) as unknown[] | undefined) ?? []).map((e, i) =>
    asStructure(e, `GlobalSecondaryIndexUpdates.${i + 1}.member`, I),
  );
  const stream = readStreamSpecification(input, 'UpdateTable');
  const billing = readString(input, 'BillingMode', I);
  const throughput = readObject(input, 'ProvisionedThroughput', I);
  if (updates.length === 0 && stream === undefined && billing === undefined && throughput === undefined) {
    throw validation(
      'At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required',
    );
  }
  const creates = updates.filter((u) => u['Create'] !== undefined && u['Create'] !== null);
  const deletes = updates.filter((u) => u['Delete'] !== undefined && u['Delete'] !== null);
  for (const u of updates) {
    if ((u['Create'] ?? u['Delete'] ?? u['Update']) === undefined)
      throw validation(
        'One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null',
      );
  }
  if (creates.length + deletes.length > 1)
    throw dynamoError(
      'LimitExceededException',
      'Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table',
    );
  // Validate everything before changing anything.
  const created = creates.length === 1 ? readIndexCreate(input, table, creates[0] as JsonObject) : undefined;
  const deleted = deletes.length === 1 ? readIndexDelete(table, deletes[0] as JsonObject) : undefined;
  if (stream !== undefined) {
    if (stream.enabled && table.stream !== undefined)
      throw validation(`Table already has an enabled stream: ${table.stream.arn}`);
    if (!stream.enabled && table.stream === undefined) throw validation('Table does not have a stream to disable');
  }
  const now = context.nowMs();
  if (created !== undefined) {
    const index = new SecondaryIndex(created.name, 'global', created.keySchema, created.projection, table, now);
    // The index backfills at once from the table's items (DynamoDB backfills in the background).
    index.backfill();
    table.indexes.set(created.name, index);
    for (const k of created.keySchema) table.attributeTypes.set(k.name, k.type);
  }
  if (deleted !== undefined) table.indexes.delete(deleted);
  if (stream !== undefined) {
    if (stream.enabled) context.registry.enableStream(table, stream.viewType as StreamViewType, now);
    else context.registry.disableStream(table);
  }
  const description = describeTable(table, 'described');
  delete description['WarmThroughput'];
  return { TableDescription: { ...description, TableStatus: 'UPDATING' } };
};

/** UpdateTimeToLive: turns the table's TTL attribute on or off. */
export const UpdateTimeToLive: DynamoDBOperation = (input, info, context) => {
  const table = tableOf(input, info, context);
  const spec = readObject(input, 'TimeToLiveSpecification', I, true) as JsonObject;
  const enabled = readBoolean(spec, 'Enabled', I);
  if (enabled === undefined) throw I.missing('TimeToLiveSpecification.Enabled');
  const attribute = readString(spec, 'AttributeName', I, true);
  if (attribute === '' || attribute.length > 255)
    throw validation(
      `1 validation error detected: Value '${attribute}' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length ${attribute === '' ? 'greater than or equal to 1' : 'less than or equal to 255'}`,
    );
  if (enabled && table.ttl !== undefined) throw validation('TimeToLive is already enabled');
  if (!enabled && table.ttl === undefined) throw validation('TimeToLive is already disabled');
  if (!enabled && table.ttl !== undefined && table.ttl.attribute !== attribute)
    throw validation(
      `TimeToLive is active on a different AttributeName: current AttributeName is ${table.ttl.attribute}`,
    );
  table.ttl = enabled ? { attribute } : undefined;
  return { TimeToLiveSpecification: { Enabled: enabled, AttributeName: attribute } };
};

/** DescribeTimeToLive: the table's TTL status and attribute. */
export const DescribeTimeToLive: DynamoDBOperation = (input, info, context) => {
  const table = tableOf(input, info, context);
  return {
    TimeToLiveDescription:
      table.ttl === undefined
        ? { TimeToLiveStatus: 'DISABLED' }
        : { TimeToLiveStatus: 'ENABLED', AttributeName: table.ttl.attribute },
  };
};
