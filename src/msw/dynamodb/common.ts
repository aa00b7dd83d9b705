/**
 * What the DynamoDB operations share: reading and validating request members (keys, items,
 * expressions, ReturnValues), conditions, and the key-schema checks, with DynamoDB's messages.
 */
import { DYNAMODB_ITEM_LIMIT } from '../../_internals/limits.js';
import { EventInputError } from '../../_internals/errors.js';
import {
  MAX_PARTITION_KEY_BYTES,
  MAX_SORT_KEY_BYTES,
  storeAttributeMap,
  storeAttributeValue,
  type AttributeMap,
  type AttributeValue,
} from '../../events/dynamodb/index.js';
import { asStructure, readList, readObject, readString, type JsonObject } from '../_internals/input.js';
import type { JsonRequestInfo } from '../_internals/jsonProtocol.js';
import { DYNAMODB_INPUT_ERRORS, dynamoError, validation } from './errors.js';
import { applyUpdate, evaluateCondition } from './expressions/evaluate.js';
import {
  parseCondition,
  parseProjection,
  parseUpdate,
  Substitutions,
  type Condition,
  type DocumentPath,
} from './expressions/parse.js';
import { cloneValue } from './expressions/values.js';
import type { TableRegistry } from './registry.js';
import type { KeyAttribute, MockTable } from './table.js';

/** What the operations need from the service. */
export interface DynamoDBWireContext {
  readonly registry: TableRegistry;
  readonly defaultRegion: string;
  nowMs(): number;
  /**
   * TransactWriteItems' client request tokens seen, by token: the service's, so that its `reset()`
   * forgets them.
   * @defaultValue a map of the binding's own
   */
  readonly transactTokens?: Map<string, IdempotencyToken>;
}

/** A transaction's `ClientRequestToken` as DynamoDB remembers it: its request's digest, for 10 minutes. */
export interface IdempotencyToken {
  readonly digest: string;
  readonly expiresMs: number;
}

/** What the operations work on: the service's context, with its transaction tokens. */
export interface DynamoDBOperationContext extends DynamoDBWireContext {
  readonly transactTokens: Map<string, IdempotencyToken>;
}

/** One DynamoDB operation: the request's members and signing info, and the state it runs on. */
export type DynamoDBOperation = (
  input: JsonObject,
  info: JsonRequestInfo,
  context: DynamoDBOperationContext,
) => unknown;

/** How DynamoDB reports broken request members (short name: every reader takes it). */
export const I = DYNAMODB_INPUT_ERRORS;

/** The region a request was signed for, or the mocks' region. */
export function regionOf(info: JsonRequestInfo, context: DynamoDBWireContext): string {
  return info.region ?? context.defaultRegion;
}

/** Runs a family validator, turning its EventInputError into DynamoDB's ValidationException. */
export function asValidation<T>(fn: () => T, prefix = 'One or more parameter values were invalid: '): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof EventInputError) throw validation(`${prefix}${error.message.slice(error.api.length + 2)}`);
    throw error;
  }
}

/** An attribute map member, validated and stored as DynamoDB stores it. */
export function readAttributeMap(
  input: JsonObject,
  member: string,
  required: boolean,
): { item: AttributeMap; size: number } | undefined {
  const map = readObject(input, member, I, required);
  if (map === undefined) return undefined;
  return asValidation(() => storeAttributeMap(member, member, map));
}

/** Checks an item's key attributes against the schema (PutItem's wording). */
function checkItemKeys(table: MockTable, item: AttributeMap): void {
  for (const key of table.keySchema) {
    const value = Object.hasOwn(item, key.name) ? item[key.name] : undefined;
    if (value === undefined)
      throw validation(`One or more parameter values were invalid: Missing the key ${key.name} in the item`);
    checkKeyValue(key, value, key === table.keySchema[0]);
  }
}

/** The UTF-8 or raw byte length of a string or binary key value (numbers have no key-size limit). */
function keyBytes(value: AttributeValue): number {
  if ('S' in value) return Buffer.byteLength(value.S, 'utf8');
  if ('B' in value) return Buffer.from(value.B, 'base64').length;
  return 0;
}

/**
 * Checks one key value: its type, not empty, and DynamoDB's key sizes (partition key 2048 bytes,
 * sort key 1024 bytes; the messages, typo included, are DynamoDB's).
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html
 */
function checkKeyValue(key: KeyAttribute, value: AttributeValue, partition: boolean): void {
  const type = Object.keys(value)[0] as string;
  if (type !== key.type)
    throw validation(
      `One or more parameter values were invalid: Type mismatch for key ${key.name} expected: ${key.type} actual: ${type}`,
    );
  if ((type === 'S' && (value as { S: string }).S === '') || (type === 'B' && (value as { B: string }).B === '')) {
    throw validation(
      `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${type === 'S' ? 'string' : 'binary'} value. Key: ${key.name}`,
    );
  }
  const bytes = keyBytes(value);
  if (partition && bytes > MAX_PARTITION_KEY_BYTES)
    throw validation(
      `One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of${MAX_PARTITION_KEY_BYTES} bytes`,
    );
  if (!partition && bytes > MAX_SORT_KEY_BYTES)
    throw validation(
      `One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of ${MAX_SORT_KEY_BYTES} bytes`,
    );
}

/** The `Key` member: exactly the schema's key attributes, of their types. */
export function readKey(table: MockTable, input: JsonObject): AttributeMap {
  const key = (readAttributeMap(input, 'Key', true) as { item: AttributeMap }).item;
  const names = Object.keys(key);
  if (names.length !== table.keySchema.length || !table.keySchema.every((k) => Object.hasOwn(key, k.name)))
    throw validation('The provided key element does not match the schema');
  table.keySchema.forEach((k, i) => checkKeyValue(k, key[k.name] as AttributeValue, i === 0));
  return key;
}

/** The table a control-plane request names (DescribeTable, DeleteTable: the message names the table). */
export function tableOf(input: JsonObject, info: JsonRequestInfo, context: DynamoDBWireContext): MockTable {
  return context.registry.get(readString(input, 'TableName', I, true), regionOf(info, context));
}

/**
 * The table an item request names. Item operations on a missing table answer the bare
 * `Requested resource not found` (as recorded for BatchWriteItem against AWS).
 */
export function itemTableOf(input: JsonObject, info: JsonRequestInfo, context: DynamoDBWireContext): MockTable {
  const table = context.registry.find(readString(input, 'TableName', I, true), regionOf(info, context));
  if (table === undefined) throw dynamoError('ResourceNotFoundException', 'Requested resource not found');
  return table;
}

/** The expression members of a request, parsed; unused substitutions are rejected at the end. */
export class Expressions {
  readonly subs: Substitutions;

  constructor(
    private readonly input: JsonObject,
    expressionMembers: readonly string[],
  ) {
    const names = readObject(input, 'ExpressionAttributeNames', I);
    const valuesJson = readObject(input, 'ExpressionAttributeValues', I);
    const used = expressionMembers.some((member) => input[member] !== undefined && input[member] !== null);
    if (names !== undefined) {
      if (!used) throw validation('ExpressionAttributeNames can only be specified when using expressions');
      if (Object.keys(names).length === 0) throw validation('ExpressionAttributeNames must not be empty');
      for (const [ref, name] of Object.entries(names)) {
        if (typeof name !== 'string') throw I.wrongType(`ExpressionAttributeNames.${ref}`, 'string', name);
        if (!/^#[A-Za-z0-9_]+$/.test(ref))
          throw validation(`ExpressionAttributeNames contains invalid key: Syntax error; key: "${ref}"`);
        if (name === '')
          throw validation(`ExpressionAttributeNames contains invalid value: Empty attribute name for key ${ref}`);
      }
    }
    let values: Record<string, AttributeValue> | undefined;
    if (valuesJson !== undefined) {
      if (!used) throw validation('ExpressionAttributeValues can only be specified when using expressions');
      if (Object.keys(valuesJson).length === 0) throw validation('ExpressionAttributeValues must not be empty');
      values = {};
      for (const [ref, raw] of Object.entries(valuesJson)) {
        if (!/^:[A-Za-z0-9_]+$/.test(ref))
          throw validation(`ExpressionAttributeValues contains invalid key: Syntax error; key: "${ref}"`);
        const stored = asValidation(
          () => storeAttributeValue(ref, ref, raw).value,
          'ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: ',
        );
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

/** The `ReturnValues` member, checked against what the operation allows. */
export function returnValues(input: JsonObject, allowed: readonly string[]): string {
  const value = readString(input, 'ReturnValues', I) ?? 'NONE';
  if (!allowed.includes(value)) {
    throw validation(
      value === 'NONE' || ['ALL_OLD', 'ALL_NEW', 'UPDATED_OLD', 'UPDATED_NEW'].includes(value)
        ? `ReturnValues can only be ${allowed.join(' or ')}`
        : `1 validation error detected: Value '${value}' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]`,
    );
  }
  return value;
}

/** `ReturnValuesOnConditionCheckFailure`: whether a failed condition returns the old item. */
function returnOnConditionFailure(input: JsonObject): boolean {
  const value = readString(input, 'ReturnValuesOnConditionCheckFailure', I) ?? 'NONE';
  if (value !== 'NONE' && value !== 'ALL_OLD') {
    throw validation(
      `1 validation error detected: Value '${value}' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]`,
    );
  }
  return value === 'ALL_OLD';
}

/**
 * Throws ConditionalCheckFailedException unless the condition holds for the current item. With
 * `ReturnValuesOnConditionCheckFailure: ALL_OLD` the error carries the item as `Item` (absent
 * when there was no item), which the SDK exposes as `error.Item`.
 */
export function checkCondition(
  condition: Condition | undefined,
  current: AttributeMap | undefined,
  returnOld: boolean,
): void {
  if (condition === undefined || evaluateCondition(condition, current ?? {}, 'ConditionExpression')) return;
  throw dynamoError(
    'ConditionalCheckFailedException',
    'The conditional request failed',
    400,
    returnOld && current !== undefined ? { Item: current } : {},
  );
}

/** The 400 KB item limit (DynamoDB's item-size formula), with PutItem's or UpdateItem's message. */
function checkItemSize(size: number, update: boolean): void {
  if (size > DYNAMODB_ITEM_LIMIT)
    throw validation(
      update
        ? 'Item size to update has exceeded the maximum allowed size'
        : 'Item size has exceeded the maximum allowed size',
    );
}

/** The table-key attributes of an item. */
function keyOfItem(table: MockTable, item: AttributeMap): AttributeMap {
  const key: AttributeMap = {};
  for (const name of table.keyNames)
    Object.defineProperty(key, name, { value: item[name], enumerable: true, writable: true, configurable: true });
  return key;
}

/** The `AttributeDefinitions` member: attribute name → key type. */
export function readAttributeDefinitions(input: JsonObject, required: boolean): Map<string, KeyAttribute['type']> {
  const list = readList(input, 'AttributeDefinitions', I, required) as unknown[] | undefined;
  const types = new Map<string, KeyAttribute['type']>();
  for (const [i, entry] of (list ?? []).entries()) {
    const definition = asStructure(entry, `AttributeDefinitions.${i + 1}.member`, I);
    const name = readString(definition, 'AttributeName', I, true);
    const type = readString(definition, 'AttributeType', I, true);
    if (type !== 'S' && type !== 'N' && type !== 'B')
      throw validation(
        `1 validation error detected: Value '${type}' at 'attributeDefinitions.${i + 1}.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]`,
      );
    types.set(name, type);
  }
  return types;
}

/** A `KeySchema` member (of the table or an index), typed by the attribute definitions. */
export function readKeySchema(
  input: JsonObject,
  types: ReadonlyMap<string, KeyAttribute['type']>,
  at = 'keySchema',
): KeyAttribute[] {
  const schema = (readList(input, 'KeySchema', I, true) as unknown[]).map((entry, i) =>
    asStructure(entry, `KeySchema.${i + 1}.member`, I),
  );
  if (schema.length < 1 || schema.length > 2)
    throw validation(
      `1 validation error detected: Value '${JSON.stringify(schema)}' at '${at}' failed to satisfy constraint: Member must have length ${schema.length < 1 ? 'greater than or equal to 1' : 'less than or equal to 2'}`,
    );
  return schema.map((entry, i) => {
    const name = readString(entry, 'AttributeName', I, true);
    const keyType = readString(entry, 'KeyType', I, true);
    if (keyType !== (i === 0 ? 'HASH' : 'RANGE'))
      throw validation(
        i === 0
          ? 'Invalid KeySchema: The first KeySchemaElement is not a HASH key type'
          : 'Invalid KeySchema: The second KeySchemaElement is not a RANGE key type',
      );
    const type = types.get(name);
    if (type === undefined)
      throw validation(
        'One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [' +
          name +
          '], AttributeDefinitions: [' +
          [...types.keys()].join(', ') +
          ']',
      );
    return { name, type };
  });
}

/**
 * Checks an item's secondary-index key attributes: an item may lack them (it is then not in the
 * index), but one it has must be of the index's key type and not empty.
 */
export function checkIndexKeys(table: MockTable, item: AttributeMap): void {
  for (const index of table.indexes.values()) {
    for (const key of index.keySchema) {
      if (!Object.hasOwn(item, key.name) || table.keyNames.includes(key.name)) continue;
      const value = item[key.name] as AttributeValue;
      const type = Object.keys(value)[0] as string;
      if (type !== key.type)
        throw validation(
          `One or more parameter values were invalid: Type mismatch for Index Key ${key.name} Expected: ${key.type} Actual: ${type} IndexName: ${index.name}`,
        );
      if ((type === 'S' && (value as { S: string }).S === '') || (type === 'B' && (value as { B: string }).B === '')) {
        throw validation(
          `One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty ${type === 'S' ? 'string' : 'binary'} value. IndexName: ${index.name}, IndexKey: ${key.name}`,
        );
      }
      checkKeyValue(key, value, key === index.keySchema[0]);
    }
  }
}

/** The outcome of applying a planned write to the current item. */
interface PlannedChange {
  /** The item afterwards (undefined: no item). */
  readonly next: AttributeMap | undefined;
  /** Whether the table is written (ConditionCheck and deleting a missing item write nothing). */
  readonly writes: boolean;
  /** The item's size, when computed. */
  readonly size?: number;
  /** UpdateItem's updated paths (for UPDATED_OLD / UPDATED_NEW). */
  readonly paths?: readonly DocumentPath[];
}

/** One validated write (PutItem, DeleteItem, UpdateItem or a transaction's ConditionCheck), not yet applied. */
export interface WritePlan {
  readonly kind: 'Put' | 'Delete' | 'Update' | 'ConditionCheck';
  readonly table: MockTable;
  readonly key: AttributeMap;
  readonly keyString: string;
  readonly condition: Condition | undefined;
  /** `ReturnValuesOnConditionCheckFailure: ALL_OLD`. */
  readonly returnOld: boolean;
  /** The change this write makes to `old` (throws ValidationException for an item it cannot make). */
  change(old: AttributeMap | undefined): PlannedChange;
}

/** Plans a Put of `input.Item` (PutItem, a batch PutRequest, a transaction's Put). */
export function planPut(table: MockTable, input: JsonObject, withExpressions = true): WritePlan {
  const expressions = withExpressions ? new Expressions(input, ['ConditionExpression']) : undefined;
  const { item, size } = readAttributeMap(input, 'Item', true) as { item: AttributeMap; size: number };
  checkItemKeys(table, item);
  checkItemSize(size, false);
  checkIndexKeys(table, item);
  const condition = expressions?.condition('ConditionExpression');
  expressions?.done();
  const returnOld = withExpressions ? returnOnConditionFailure(input) : false;
  const key = keyOfItem(table, item);
  return {
    kind: 'Put',
    table,
    key,
    keyString: table.keyString(item),
    condition,
    returnOld,
    change: () => ({ next: cloneValue(item), writes: true, size }),
  };
}

/** Plans a Delete of `input.Key`. */
export function planDelete(table: MockTable, input: JsonObject, withExpressions = true): WritePlan {
  const expressions = withExpressions ? new Expressions(input, ['ConditionExpression']) : undefined;
  const key = readKey(table, input);
  const condition = expressions?.condition('ConditionExpression');
  expressions?.done();
  const returnOld = withExpressions ? returnOnConditionFailure(input) : false;
  // Deleting an item that does not exist changes nothing and writes no stream record.
  return {
    kind: 'Delete',
    table,
    key,
    keyString: table.keyString(key),
    condition,
    returnOld,
    change: (old) => ({ next: undefined, writes: old !== undefined }),
  };
}

/** Plans an Update of `input.Key` by `input.UpdateExpression`. */
export function planUpdate(table: MockTable, input: JsonObject): WritePlan {
  const expressions = new Expressions(input, ['UpdateExpression', 'ConditionExpression']);
  if (input['AttributeUpdates'] !== undefined && input['AttributeUpdates'] !== null) {
    throw validation(
      'The legacy parameter AttributeUpdates is not supported by the aws-event-kit mocks; use UpdateExpression',
    );
  }
  const key = readKey(table, input);
  const text = readString(input, 'UpdateExpression', I);
  const actions =
    text === undefined ? { set: [], remove: [], add: [], delete: [] } : parseUpdate(text, expressions.subs);
  const condition = expressions.condition('ConditionExpression');
  expressions.done();
  const returnOld = returnOnConditionFailure(input);
  return {
    kind: 'Update',
    table,
    key,
    keyString: table.keyString(key),
    condition,
    returnOld,
    change: (old) => {
      // A missing item starts as its key: UpdateItem then creates it (an INSERT on the stream).
      const { item, paths } = applyUpdate(old ?? cloneValue(key), actions, table.keyNames);
      const stored = asValidation(() => storeAttributeMap('UpdateItem', 'item', item));
      checkItemSize(stored.size, true);
      checkIndexKeys(table, stored.item);
      return { next: stored.item, writes: true, size: stored.size, paths };
    },
  };
}

/** Plans a transaction's ConditionCheck (its ConditionExpression is required). */
export function planConditionCheck(table: MockTable, input: JsonObject): WritePlan {
  const expressions = new Expressions(input, ['ConditionExpression']);
  const key = readKey(table, input);
  const condition = expressions.condition('ConditionExpression');
  if (condition === undefined) throw I.missing('ConditionExpression');
  expressions.done();
  return {
    kind: 'ConditionCheck',
    table,
    key,
    keyString: table.keyString(key),
    condition,
    returnOld: returnOnConditionFailure(input),
    change: (old) => ({ next: old, writes: false }),
  };
}

/** Whether a plan's condition holds for the current item. */
export function conditionHolds(plan: WritePlan, current: AttributeMap | undefined): boolean {
  return plan.condition === undefined || evaluateCondition(plan.condition, current ?? {}, 'ConditionExpression');
}
