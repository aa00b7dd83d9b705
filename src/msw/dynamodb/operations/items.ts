/** PutItem, GetItem, UpdateItem and DeleteItem: one item each, with conditions and ReturnValues. */
import type { AttributeMap } from '../../../events/dynamodb/index.js';
import { Expressions, readKey } from '../common.js';
import { itemTableOf, type DynamoDBOperation } from './context.js';
import { checkCondition, planDelete, planPut, planUpdate, returnValues, type WritePlan } from '../plans.js';
import { projectPaths } from '../expressions/values.js';

/** Applies a planned single-item write: the condition, then the change (stream record included). */
function applyWrite(
  plan: WritePlan,
  nowMs: number,
): {
  old: AttributeMap | undefined;
  next: AttributeMap | undefined;
  paths: readonly import('../expressions/parse.js').DocumentPath[];
} {
  const old = plan.table.items.get(plan.keyString);
  checkCondition(plan.condition, old, plan.returnOld);
  const change = plan.change(old);
  if (change.writes)
    plan.table.write(plan.keyString, change.next, nowMs, change.size === undefined ? {} : { size: change.size });
  return { old, next: change.next, paths: change.paths ?? [] };
}

/** PutItem: writes one item under its condition; `ALL_OLD` returns the item it replaced. */
export const PutItem: DynamoDBOperation = (input, info, context) => {
  const plan = planPut(itemTableOf(input, info, context), input);
  const wanted = returnValues(input, ['NONE', 'ALL_OLD']);
  const { old } = applyWrite(plan, context.nowMs());
  return wanted === 'ALL_OLD' && old !== undefined ? { Attributes: old } : {};
};

/** GetItem: one item by its full key, projected when asked. */
export const GetItem: DynamoDBOperation = (input, info, context) => {
  const table = itemTableOf(input, info, context);
  const expressions = new Expressions(input, ['ProjectionExpression']);
  const key = readKey(table, input);
  const projection = expressions.projection();
  expressions.done();
  const item = table.items.get(table.keyString(key));
  if (item === undefined) return {};
  return { Item: projection === undefined ? item : projectPaths(item, projection) };
};

/** DeleteItem: deletes one item under its condition; `ALL_OLD` returns it. */
export const DeleteItem: DynamoDBOperation = (input, info, context) => {
  const plan = planDelete(itemTableOf(input, info, context), input);
  const wanted = returnValues(input, ['NONE', 'ALL_OLD']);
  const { old } = applyWrite(plan, context.nowMs());
  return wanted === 'ALL_OLD' && old !== undefined ? { Attributes: old } : {};
};

/** UpdateItem: applies an UpdateExpression to one item (creating it when absent) under its condition. */
export const UpdateItem: DynamoDBOperation = (input, info, context) => {
  const plan = planUpdate(itemTableOf(input, info, context), input);
  const wanted = returnValues(input, ['NONE', 'ALL_OLD', 'ALL_NEW', 'UPDATED_OLD', 'UPDATED_NEW']);
  const { old, next, paths } = applyWrite(plan, context.nowMs());
  switch (wanted) {
    case 'ALL_OLD':
      return old === undefined ? {} : { Attributes: old };
    case 'ALL_NEW':
      return { Attributes: next };
    case 'UPDATED_OLD': {
      const projected = old === undefined ? {} : projectPaths(old, paths);
      return Object.keys(projected).length === 0 ? {} : { Attributes: projected };
    }
    case 'UPDATED_NEW': {
      const projected = projectPaths(next as AttributeMap, paths);
      return Object.keys(projected).length === 0 ? {} : { Attributes: projected };
    }
    default:
      return {};
  }
};
