/**
 * BatchGetItem (at most 100 keys, 16 MB of items; the rest in `UnprocessedKeys`) and
 * BatchWriteItem (at most 25 put or delete requests, no two on one item). A batch is validated
 * whole before anything is read or written; its writes then apply in request order, each with
 * its stream record.
 */
import type { AttributeMap } from '../../../events/dynamodb/index.js';
import { asStructure, readBoolean, readList, readObject, type JsonObject } from '../../_internals/input.js';
import type { JsonRequestInfo } from '../../_internals/jsonProtocol.js';
import { Expressions, I, readKey } from '../common.js';
import { regionOf, type DynamoDBOperation, type DynamoDBWireContext } from './context.js';
import { planDelete, planPut, type WritePlan } from '../plans.js';
import { dynamoError, validation } from '../errors.js';
import { projectPaths } from '../expressions/values.js';
import type { MockTable } from '../table.js';

/** BatchGetItem's limit on keys per request. */
const BATCH_GET_MAX_KEYS = 100;
/** BatchWriteItem's limit on requests per call. */
const BATCH_WRITE_MAX_REQUESTS = 25;
/** BatchGetItem returns at most 16 MB of items; the other keys come back as UnprocessedKeys. */
const BATCH_GET_MAX_BYTES = 16 * 1024 * 1024;

function requestItems(input: JsonObject): [string, unknown][] {
  const map = readObject(input, 'RequestItems', I, true) as JsonObject;
  const entries = Object.entries(map);
  if (entries.length === 0)
    throw validation(
      `1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1`,
    );
  return entries;
}

function batchTable(context: DynamoDBWireContext, info: JsonRequestInfo, name: string): MockTable {
  const table = context.registry.find(name, regionOf(info, context));
  if (table === undefined) throw dynamoError('ResourceNotFoundException', 'Requested resource not found');
  return table;
}

/** BatchGetItem: up to 100 keys across tables; keys past the 16 MB answer come back as `UnprocessedKeys`. */
export const BatchGetItem: DynamoDBOperation = (input, info, context) => {
  const plans: {
    name: string;
    table: MockTable;
    keys: AttributeMap[];
    request: JsonObject;
    project: (item: AttributeMap) => AttributeMap;
  }[] = [];
  let total = 0;
  for (const [name, raw] of requestItems(input)) {
    const request = asStructure(raw, `RequestItems.${name}`, I);
    const table = batchTable(context, info, name);
    const keysJson = readList(request, 'Keys', I, true) as unknown[];
    if (keysJson.length === 0)
      throw validation(
        `1 validation error detected: Value '[]' at 'requestItems.${name}.member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1`,
      );
    total += keysJson.length;
    if (total > BATCH_GET_MAX_KEYS) throw validation('Too many items requested for the BatchGetItem call');
    const expressions = new Expressions(request, ['ProjectionExpression']);
    const projection = expressions.projection();
    expressions.done();
    readBoolean(request, 'ConsistentRead', I);
    const keys = keysJson.map((key) => readKey(table, { Key: key }));
    const seen = new Set<string>();
    for (const key of keys) {
      const id = table.keyString(key);
      if (seen.has(id)) throw validation('Provided list of item keys contains duplicates');
      seen.add(id);
    }
    plans.push({
      name,
      table,
      keys,
      request,
      project: (item) => (projection === undefined ? item : projectPaths(item, projection)),
    });
  }
  const responses: Record<string, AttributeMap[]> = {};
  const unprocessed: Record<string, JsonObject> = {};
  let bytes = 0;
  for (const plan of plans) {
    const found: AttributeMap[] = [];
    const left: AttributeMap[] = [];
    for (const key of plan.keys) {
      const id = plan.table.keyString(key);
      const item = plan.table.items.get(id);
      if (bytes >= BATCH_GET_MAX_BYTES) {
        left.push(key);
        continue;
      }
      if (item === undefined) continue;
      bytes += plan.table.sizes.get(id) ?? 0;
      found.push(plan.project(item));
    }
    Object.defineProperty(responses, plan.name, {
      value: found,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    if (left.length > 0)
      Object.defineProperty(unprocessed, plan.name, {
        value: { ...plan.request, Keys: left },
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return { Responses: responses, UnprocessedKeys: unprocessed };
};

/** BatchWriteItem: up to 25 puts and deletes across tables, without conditions. */
export const BatchWriteItem: DynamoDBOperation = (input, info, context) => {
  const plans: WritePlan[] = [];
  let total = 0;
  for (const [name, raw] of requestItems(input)) {
    const list = raw;
    if (!Array.isArray(list)) throw I.wrongType(`RequestItems.${name}`, 'list', list);
    if (list.length === 0)
      throw validation(
        `1 validation error detected: Value '[]' at 'requestItems.${name}.member' failed to satisfy constraint: Member must have length greater than or equal to 1`,
      );
    total += list.length;
    if (total > BATCH_WRITE_MAX_REQUESTS) throw validation('Too many items requested for the BatchWriteItem call');
    const table = batchTable(context, info, name);
    const seen = new Set<string>();
    for (const [i, entry] of list.entries()) {
      const request = asStructure(entry, `RequestItems.${name}.${i + 1}.member`, I);
      const put = readObject(request, 'PutRequest', I);
      const del = readObject(request, 'DeleteRequest', I);
      if ((put === undefined) === (del === undefined))
        throw validation(
          'One or more parameter values were invalid: A WriteRequest must contain exactly one of PutRequest or DeleteRequest',
        );
      const plan = put !== undefined ? planPut(table, put, false) : planDelete(table, del as JsonObject, false);
      if (seen.has(plan.keyString)) throw validation('Provided list of item keys contains duplicates');
      seen.add(plan.keyString);
      plans.push(plan);
    }
  }
  const now = context.nowMs();
  for (const plan of plans) {
    const old = plan.table.items.get(plan.keyString);
    const change = plan.change(old);
    if (change.writes)
      plan.table.write(plan.keyString, change.next, now, change.size === undefined ? {} : { size: change.size });
  }
  return { UnprocessedItems: {} };
};
