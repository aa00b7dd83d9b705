/** PutItem, GetItem, UpdateItem and DeleteItem: one item each, with conditions and ReturnValues. */
import type { AttributeMap } from '../../../events/dynamodb/index.js';
import type { JsonOperation } from '../../_internals/jsonProtocol.js';
import {
  checkCondition,
  Expressions,
  itemTableOf,
  planDelete,
  planPut,
  planUpdate,
  readKey,
  returnValues,
  type DynamoDBWireContext,
  type WritePlan,
} from '../common.js';
import { projectPaths } from '../expressions/values.js';

/** Applies a planned single-item write: the condition, then the change (stream record included). */
export function applyWrite(
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

/** The single-item operations. */
export function itemOperations(context: DynamoDBWireContext): Record<string, JsonOperation> {
  const putItem: JsonOperation = (input, info) => {
    const plan = planPut(itemTableOf(input, info, context), input);
    const wanted = returnValues(input, ['NONE', 'ALL_OLD']);
    const { old } = applyWrite(plan, context.nowMs());
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
    const plan = planDelete(itemTableOf(input, info, context), input);
    const wanted = returnValues(input, ['NONE', 'ALL_OLD']);
    const { old } = applyWrite(plan, context.nowMs());
    return wanted === 'ALL_OLD' && old !== undefined ? { Attributes: old } : {};
  };

  const updateItem: JsonOperation = (input, info) => {
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

  return { PutItem: putItem, GetItem: getItem, UpdateItem: updateItem, DeleteItem: deleteItem };
}
