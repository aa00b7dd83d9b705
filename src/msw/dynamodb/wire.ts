/**
 * The DynamoDB operations over JSON 1.0 (`x-amz-target: DynamoDB_20120810.<Operation>`):
 * CreateTable, DescribeTable, DeleteTable, ListTables, PutItem, GetItem, UpdateItem, DeleteItem,
 * Scan and Query, with expressions, `ReturnValues`, the 400 KB item limit and DynamoDB's
 * `ValidationException` / `ConditionalCheckFailedException` wording.
 */
import { DYNAMODB_ITEM_LIMIT } from '../../_internals/limits.js';
import { EventInputError } from '../../_internals/errors.js';
import { assertStreamViewType, storeAttributeMap, storeAttributeValue, type AttributeMap, type AttributeValue, type StreamViewType } from '../../events/dynamodb/index.js';
import { asStructure, readBoolean, readInteger, readList, readObject, readString, type JsonObject } from '../_internals/input.js';
import type { JsonOperation, JsonRequestInfo } from '../_internals/jsonProtocol.js';
import { DYNAMODB_INPUT_ERRORS, dynamoError, validation } from './errors.js';
import { applyUpdate, evaluateCondition } from './expressions/evaluate.js';
import { parseCondition, parseProjection, parseUpdate, Substitutions, type Condition, type DocumentPath } from './expressions/parse.js';
import { cloneValue, compareValues, projectPaths } from './expressions/values.js';
import { describeTable, type TableRegistry } from './registry.js';
import type { KeyAttribute, MockTable } from './table.js';

/** What the operations need from the service. */
export interface DynamoDBWireContext {
  readonly registry: TableRegistry;
  readonly defaultRegion: string;
  nowMs(): number;
}

const I = DYNAMODB_INPUT_ERRORS;

function regionOf(info: JsonRequestInfo, context: DynamoDBWireContext): string {
  return info.region ?? context.defaultRegion;
}

/** Runs a family validator, turning its EventInputError into DynamoDB's ValidationException. */
function asValidation<T>(fn: () => T, prefix = 'One or more parameter values were invalid: '): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof EventInputError) throw validation(`${prefix}${error.message.slice(error.api.length + 2)}`);
    throw error;
  }
}

/** An attribute map member, validated and stored as DynamoDB stores it. */
function readAttributeMap(input: JsonObject, member: string, required: boolean): { item: AttributeMap; size: number } | undefined {
  const map = readObject(input, member, I, required);
  if (map === undefined) return undefined;
  return asValidation(() => storeAttributeMap(member, member, map));
}

/** Checks an item's key attributes against the schema (PutItem's wording). */
function checkItemKeys(table: MockTable, item: AttributeMap): void {
  for (const key of table.keySchema) {
    const value = Object.hasOwn(item, key.name) ? item[key.name] : undefined;
    if (value === undefined) throw validation(`One or more parameter values were invalid: Missing the key ${key.name} in the item`);
    checkKeyValue(key, value);
  }
}

function checkKeyValue(key: KeyAttribute, value: AttributeValue): void {
  const type = Object.keys(value)[0] as string;
  if (type !== key.type) throw validation(`One or more parameter values were invalid: Type mismatch for key ${key.name} expected: ${key.type} actual: ${type}`);
  if ((type === 'S' && (value as { S: string }).S === '') || (type === 'B' && (value as { B: string }).B === '')) {
    throw validation(`One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${type === 'S' ? 'string' : 'binary'} value. Key: ${key.name}`);
  }
}

/** The `Key` member: exactly the schema's key attributes, of their types. */
function readKey(table: MockTable, input: JsonObject): AttributeMap {
  const key = (readAttributeMap(input, 'Key', true) as { item: AttributeMap }).item;
  const names = Object.keys(key);
  if (names.length !== table.keySchema.length || !table.keySchema.every((k) => Object.hasOwn(key, k.name))) throw validation('The provided key element does not match the schema');
  for (const k of table.keySchema) checkKeyValue(k, key[k.name] as AttributeValue);
  return key;
}

/** The table a control-plane request names (DescribeTable, DeleteTable: the message names the table). */
function tableOf(input: JsonObject, info: JsonRequestInfo, context: DynamoDBWireContext): MockTable {
  return context.registry.get(readString(input, 'TableName', I, true), regionOf(info, context));
}

/**
 * The table an item request names. Item operations on a missing table answer the bare
 * `Requested resource not found` (as recorded for BatchWriteItem against AWS).
 */
function itemTableOf(input: JsonObject, info: JsonRequestInfo, context: DynamoDBWireContext): MockTable {
  const table = context.registry.find(readString(input, 'TableName', I, true), regionOf(info, context));
  if (table === undefined) throw dynamoError('ResourceNotFoundException', 'Requested resource not found');
  return table;
}

/** The expression members of a request, parsed; unused substitutions are rejected at the end. */
class Expressions {
  readonly subs: Substitutions;

  constructor(private readonly input: JsonObject, expressionMembers: readonly string[]) {
    const names = readObject(input, 'ExpressionAttributeNames', I);
    const valuesJson = readObject(input, 'ExpressionAttributeValues', I);
    const used = expressionMembers.some((member) => input[member] !== undefined && input[member] !== null);
    if (names !== undefined) {
      if (!used) throw validation('ExpressionAttributeNames can only be specified when using expressions');
      if (Object.keys(names).length === 0) throw validation('ExpressionAttributeNames must not be empty');
      for (const [ref, name] of Object.entries(names)) {
        if (typeof name !== 'string') throw I.wrongType(`ExpressionAttributeNames.${ref}`, 'string', name);
        if (!/^#[A-Za-z0-9_]+$/.test(ref)) throw validation(`ExpressionAttributeNames contains invalid key: Syntax error; key: "${ref}"`);
        if (name === '') throw validation(`ExpressionAttributeNames contains invalid value: Empty attribute name for key ${ref}`);
      }
    }
    let values: Record<string, AttributeValue> | undefined;
    if (valuesJson !== undefined) {
      if (!used) throw validation('ExpressionAttributeValues can only be specified when using expressions');
      if (Object.keys(valuesJson).length === 0) throw validation('ExpressionAttributeValues must not be empty');
      values = {};
      for (const [ref, raw] of Object.entries(valuesJson)) {
        if (!/^:[A-Za-z0-9_]+$/.test(ref)) throw validation(`ExpressionAttributeValues contains invalid key: Syntax error; key: "${ref}"`);
        const stored = asValidation(() => storeAttributeValue(ref, ref, raw).value, 'ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: ');
        Object.defineProperty(values, ref, { value: stored, enumerable: true, writable: true, configurable: true });
      }
    }
    this.subs = new Substitutions(names as Record<string, string> | undefined, values);
  }

  condition(member: 'ConditionExpression' | 'FilterExpression' | 'KeyConditionExpression'): Condition | undefined {
    const text = readString(this.input, member, I);
    return text === undefined ? undefined : parseCondition(text, member, this.subs);
  }

  projection(): DocumentPath[] | undefined {
    const text = readString(this.input, 'ProjectionExpression', I);
    return text === undefined ? undefined : parseProjection(text, this.subs);
  }

  done(): void {
    this.subs.assertAllUsed();
  }
}

function returnValues(input: JsonObject, allowed: readonly string[]): string {
  const value = readString(input, 'ReturnValues', I) ?? 'NONE';
  if (!allowed.includes(value)) {
    throw validation(value === 'NONE' || ['ALL_OLD', 'ALL_NEW', 'UPDATED_OLD', 'UPDATED_NEW'].includes(value) ? `ReturnValues can only be ${allowed.join(' or ')}` : `1 validation error detected: Value '${value}' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]`);
  }
  return value;
}

/** `ReturnValuesOnConditionCheckFailure`: whether a failed condition returns the old item. */
function returnOnConditionFailure(input: JsonObject): boolean {
  const value = readString(input, 'ReturnValuesOnConditionCheckFailure', I) ?? 'NONE';
  if (value !== 'NONE' && value !== 'ALL_OLD') {
    throw validation(`1 validation error detected: Value '${value}' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]`);
  }
  return value === 'ALL_OLD';
}

/**
 * Throws ConditionalCheckFailedException unless the condition holds for the current item. With
 * `ReturnValuesOnConditionCheckFailure: ALL_OLD` the error carries the item as `Item` (absent
 * when there was no item), which the SDK exposes as `error.Item`.
 */
function checkCondition(condition: Condition | undefined, current: AttributeMap | undefined, returnOld: boolean): void {
  if (condition === undefined || evaluateCondition(condition, current ?? {}, 'ConditionExpression')) return;
  throw dynamoError('ConditionalCheckFailedException', 'The conditional request failed', 400, returnOld && current !== undefined ? { Item: current } : {});
}

function checkItemSize(size: number, update: boolean): void {
  if (size > DYNAMODB_ITEM_LIMIT) throw validation(update ? 'Item size to update has exceeded the maximum allowed size' : 'Item size has exceeded the maximum allowed size');
}

function keyOfItem(table: MockTable, item: AttributeMap): AttributeMap {
  const key: AttributeMap = {};
  for (const name of table.keyNames) Object.defineProperty(key, name, { value: item[name], enumerable: true, writable: true, configurable: true });
  return key;
}

function keySchemaOf(input: JsonObject): KeyAttribute[] {
  const schema = (readList(input, 'KeySchema', I, true) as unknown[]).map((entry, i) => asStructure(entry, `KeySchema.${i + 1}.member`, I));
  const definitions = (readList(input, 'AttributeDefinitions', I, true) as unknown[]).map((entry, i) => asStructure(entry, `AttributeDefinitions.${i + 1}.member`, I));
  if (schema.length < 1 || schema.length > 2) throw validation(`1 validation error detected: Value '${JSON.stringify(schema)}' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2`);
  const types = new Map<string, string>();
  for (const definition of definitions) {
    const name = readString(definition, 'AttributeName', I, true);
    const type = readString(definition, 'AttributeType', I, true);
    if (type !== 'S' && type !== 'N' && type !== 'B') throw validation(`1 validation error detected: Value '${type}' at 'attributeDefinitions.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]`);
    types.set(name, type);
  }
  const out: KeyAttribute[] = schema.map((entry, i) => {
    const name = readString(entry, 'AttributeName', I, true);
    const keyType = readString(entry, 'KeyType', I, true);
    if (keyType !== (i === 0 ? 'HASH' : 'RANGE')) throw validation(i === 0 ? 'Invalid KeySchema: The first KeySchemaElement is not a HASH key type' : 'Invalid KeySchema: The second KeySchemaElement is not a RANGE key type');
    const type = types.get(name);
    if (type === undefined) throw validation('One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [' + name + '], AttributeDefinitions: [' + [...types.keys()].join(', ') + ']');
    return { name, type: type as KeyAttribute['type'] };
  });
  const indexes = ['GlobalSecondaryIndexes', 'LocalSecondaryIndexes'].some((member) => input[member] !== undefined && input[member] !== null);
  if (!indexes && types.size !== out.length) {
    throw validation('One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions');
  }
  return out;
}

/** The DynamoDB operations. */
export function dynamoDBOperations(context: DynamoDBWireContext): Record<string, JsonOperation> {
  const { registry } = context;

  const createTable: JsonOperation = (input, info) => {
    const name = readString(input, 'TableName', I, true);
    const keySchema = keySchemaOf(input);
    const mode = readString(input, 'BillingMode', I) ?? 'PROVISIONED';
    if (mode !== 'PROVISIONED' && mode !== 'PAY_PER_REQUEST') throw validation(`1 validation error detected: Value '${mode}' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]`);
    const throughput = readObject(input, 'ProvisionedThroughput', I);
    let read = 0;
    let write = 0;
    if (mode === 'PROVISIONED') {
      if (throughput === undefined) throw validation('One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED');
      read = readInteger(throughput, 'ReadCapacityUnits', I, true) as number;
      write = readInteger(throughput, 'WriteCapacityUnits', I, true) as number;
      if (read < 1 || write < 1) throw validation('One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be greater than 0');
    } else if (throughput !== undefined) {
      throw validation('One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST');
    }
    const spec = readObject(input, 'StreamSpecification', I);
    let streamViewType: StreamViewType | undefined;
    if (spec !== undefined) {
      const enabled = readBoolean(spec, 'StreamEnabled', I);
      if (enabled === undefined) throw I.missing('StreamSpecification.StreamEnabled');
      const view = readString(spec, 'StreamViewType', I);
      if (enabled) {
        if (view === undefined) throw validation('One or more parameter values were invalid: You must specify a StreamViewType when StreamEnabled is true');
        streamViewType = asValidation(() => assertStreamViewType('CreateTable', 'StreamViewType', view), '');
      } else if (view !== undefined) {
        throw validation('One or more parameter values were invalid: You cannot specify a StreamViewType when StreamEnabled is false');
      }
    }
    const table = registry.create({ name, region: regionOf(info, context), keySchema, billing: { mode, read, write }, streamViewType }, context.nowMs());
    return { TableDescription: describeTable(table, 'created') };
  };

  const describe: JsonOperation = (input, info) => ({ Table: describeTable(tableOf(input, info, context), 'described') });

  const deleteTable: JsonOperation = (input, info) => {
    const table = tableOf(input, info, context);
    registry.delete(table);
    return { TableDescription: describeTable(table, 'deleted') };
  };

  const listTables: JsonOperation = (input, info) => {
    const region = regionOf(info, context);
    const limit = readInteger(input, 'Limit', I) ?? 100;
    if (limit < 1 || limit > 100) {
      throw validation(`1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value ${limit < 1 ? 'greater than or equal to 1' : 'less than or equal to 100'}`);
    }
    const after = readString(input, 'ExclusiveStartTableName', I);
    const names = registry.all().filter((t) => t.region === region).map((t) => t.name).sort().filter((n) => after === undefined || n > after);
    const page = names.slice(0, limit);
    return names.length > limit ? { TableNames: page, LastEvaluatedTableName: page[page.length - 1] } : { TableNames: page };
  };

  const putItem: JsonOperation = (input, info) => {
    const table = itemTableOf(input, info, context);
    const expressions = new Expressions(input, ['ConditionExpression']);
    const { item, size } = readAttributeMap(input, 'Item', true) as { item: AttributeMap; size: number };
    checkItemKeys(table, item);
    checkItemSize(size, false);
    const condition = expressions.condition('ConditionExpression');
    expressions.done();
    const wanted = returnValues(input, ['NONE', 'ALL_OLD']);
    const returnOld = returnOnConditionFailure(input);
    const keyString = table.keyString(item);
    const old = table.items.get(keyString);
    checkCondition(condition, old, returnOld);
    table.write(keyString, cloneValue(item), context.nowMs());
    return wanted === 'ALL_OLD' && old !== undefined ? { Attributes: old } : {};
  };

  const getItem: JsonOperation = (input, info) => {
    const table = itemTableOf(input, info, context);
    const expressions = new Expressions(input, ['ProjectionExpression']);
    const key = readKey(table, input);
    const projection = expressions.projection();
    expressions.done();
    const item = table.items.get(table.keyString(key));
    if (item === undefined) return {};
    return { Item: projection === undefined ? item : projectPaths(item, projection) };
  };

  const deleteItem: JsonOperation = (input, info) => {
    const table = itemTableOf(input, info, context);
    const expressions = new Expressions(input, ['ConditionExpression']);
    const key = readKey(table, input);
    const condition = expressions.condition('ConditionExpression');
    expressions.done();
    const wanted = returnValues(input, ['NONE', 'ALL_OLD']);
    const returnOld = returnOnConditionFailure(input);
    const keyString = table.keyString(key);
    const old = table.items.get(keyString);
    checkCondition(condition, old, returnOld);
    // Deleting an item that does not exist changes nothing and writes no stream record.
    if (old !== undefined) table.write(keyString, undefined, context.nowMs());
    return wanted === 'ALL_OLD' && old !== undefined ? { Attributes: old } : {};
  };

  const updateItem: JsonOperation = (input, info) => {
    const table = itemTableOf(input, info, context);
    const expressions = new Expressions(input, ['UpdateExpression', 'ConditionExpression']);
    if (input['AttributeUpdates'] !== undefined && input['AttributeUpdates'] !== null) {
      throw validation('The legacy parameter AttributeUpdates is not supported by the aws-event-kit mocks; use UpdateExpression');
    }
    const key = readKey(table, input);
    const text = readString(input, 'UpdateExpression', I);
    const actions = text === undefined ? { set: [], remove: [], add: [], delete: [] } : parseUpdate(text, expressions.subs);
    const condition = expressions.condition('ConditionExpression');
    expressions.done();
    const wanted = returnValues(input, ['NONE', 'ALL_OLD', 'ALL_NEW', 'UPDATED_OLD', 'UPDATED_NEW']);
    const returnOld = returnOnConditionFailure(input);
    const keyString = table.keyString(key);
    const old = table.items.get(keyString);
    checkCondition(condition, old, returnOld);
    // A missing item starts as its key: UpdateItem then creates it (an INSERT on the stream).
    const { item, paths } = applyUpdate(old ?? cloneValue(key), actions, table.keyNames);
    const stored = asValidation(() => storeAttributeMap('UpdateItem', 'item', item));
    checkItemSize(stored.size, true);
    table.write(keyString, stored.item, context.nowMs());
    switch (wanted) {
      case 'ALL_OLD':
        return old === undefined ? {} : { Attributes: old };
      case 'ALL_NEW':
        return { Attributes: stored.item };
      case 'UPDATED_OLD': {
        const projected = old === undefined ? {} : projectPaths(old, paths);
        return Object.keys(projected).length === 0 ? {} : { Attributes: projected };
      }
      case 'UPDATED_NEW': {
        const projected = projectPaths(stored.item, paths);
        return Object.keys(projected).length === 0 ? {} : { Attributes: projected };
      }
      default:
        return {};
    }
  };

  /** Scan and Query share paging, filtering and projection. */
  const read = (input: JsonObject, info: JsonRequestInfo, query: boolean) => {
    const table = itemTableOf(input, info, context);
    const expressions = new Expressions(input, query ? ['KeyConditionExpression', 'FilterExpression', 'ProjectionExpression'] : ['FilterExpression', 'ProjectionExpression']);
    const keyCondition = query ? expressions.condition('KeyConditionExpression') : undefined;
    if (query && keyCondition === undefined) throw validation('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
    const filter = expressions.condition('FilterExpression');
    const projection = expressions.projection();
    expressions.done();
    if (readString(input, 'IndexName', I) !== undefined) throw validation('The aws-event-kit mocks do not implement secondary indexes');
    const limit = readInteger(input, 'Limit', I);
    if (limit !== undefined && limit < 1) throw validation(`1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1`);
    const forward = readBoolean(input, 'ScanIndexForward', I) ?? true;
    const startKey = readAttributeMap(input, 'ExclusiveStartKey', false)?.item;
    let candidates = [...table.items.values()];
    if (query) {
      candidates = candidates.filter((item) => evaluateCondition(keyCondition as Condition, item, 'KeyConditionExpression'));
      const sortKey = table.keyNames[1];
      if (sortKey !== undefined) candidates.sort((a, b) => (compareValues(a[sortKey] as AttributeValue, b[sortKey] as AttributeValue) ?? 0) * (forward ? 1 : -1));
    }
    if (startKey !== undefined) {
      const at = candidates.findIndex((item) => table.keyString(item) === table.keyString(startKey));
      candidates = at === -1 ? [] : candidates.slice(at + 1);
    }
    // Limit counts items read before the filter, as DynamoDB's does.
    const page = limit === undefined ? candidates : candidates.slice(0, limit);
    const matched = filter === undefined ? page : page.filter((item) => evaluateCondition(filter, item, 'FilterExpression'));
    const out: Record<string, unknown> = {
      Items: matched.map((item) => (projection === undefined ? item : projectPaths(item, projection))),
      Count: matched.length,
      ScannedCount: page.length,
    };
    if (limit !== undefined && candidates.length > limit) out['LastEvaluatedKey'] = keyOfItem(table, page[page.length - 1] as AttributeMap);
    return out;
  };

  return {
    CreateTable: createTable,
    DescribeTable: describe,
    DeleteTable: deleteTable,
    ListTables: listTables,
    PutItem: putItem,
    GetItem: getItem,
    UpdateItem: updateItem,
    DeleteItem: deleteItem,
    Scan: (input, info) => read(input, info, false),
    Query: (input, info) => read(input, info, true),
  };
}
