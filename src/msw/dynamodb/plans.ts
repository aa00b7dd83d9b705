/**
 * Writes as plans: PutItem, DeleteItem, UpdateItem and a transaction's ConditionCheck read and
 * checked into a `WritePlan` before anything changes, so that a batch or a transaction judges
 * every write first; ReturnValues, conditions and the item-size limit with DynamoDB's messages.
 */
import { DYNAMODB_ITEM_LIMIT } from '../../_internals/limits.js';
import { storeAttributeMap, type AttributeMap } from '../../events/dynamodb/index.js';
import { readString, type JsonObject } from '../_internals/input.js';
import { dynamoError, validation } from './errors.js';
import { applyUpdate, evaluateCondition } from './expressions/evaluate.js';
import { parseUpdate, type Condition, type DocumentPath } from './expressions/parse.js';
import { cloneValue } from './expressions/values.js';
import { asValidation, checkIndexKeys, checkItemKeys, Expressions, I, readAttributeMap, readKey } from './common.js';
import type { MockTable } from './table.js';

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
