/**
 * A Query's KeyConditionExpression: split into per-key conditions and checked against the key
 * schema with DynamoDB's messages, and the slice of a sorted partition a sort-key condition selects.
 */
import type { AttributeMap, AttributeValue } from '../../../events/dynamodb/index.js';
import { validation } from '../errors.js';
import type { Condition, Operand } from '../expressions/parse.js';
import { compareKeyValues, SortedStore, type StoreEntry } from '../sortedStore.js';
import type { KeyAttribute } from '../table.js';

/** The sort-key part of a key condition. */
export interface SortCondition {
  readonly op: '=' | '<' | '<=' | '>' | '>=' | 'between' | 'begins_with';
  readonly values: readonly AttributeValue[];
}

const FLIPPED = { '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const;

const KEY_PREFIX = 'Invalid KeyConditionExpression: ';

/** The attribute a key-condition operand names (a top-level path), or undefined for a value. */
function keyOperand(operand: Operand): string | undefined {
  if (operand.kind === 'value') return undefined;
  if (operand.kind !== 'path')
    throw validation(`${KEY_PREFIX}KeyConditionExpressions cannot contain nested operations`);
  const [first, ...rest] = operand.path.elements;
  if (rest.length > 0 || first === undefined || !('name' in first))
    throw validation(`${KEY_PREFIX}KeyConditionExpressions cannot have conditions on nested attributes`);
  return first.name;
}

function valueOf(operand: Operand): AttributeValue {
  if (operand.kind !== 'value')
    throw validation(
      `${KEY_PREFIX}Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition`,
    );
  return operand.value;
}

/** Splits a KeyConditionExpression into per-attribute conditions, with DynamoDB's messages. */
function keyConditions(condition: Condition): Map<string, SortCondition> {
  const out = new Map<string, SortCondition>();
  const visit = (c: Condition): void => {
    if (c.kind === 'and' || c.kind === 'or') {
      if (c.kind === 'or') throw validation(`${KEY_PREFIX}Invalid operator used in KeyConditionExpression: OR`);
      visit(c.a);
      visit(c.b);
      return;
    }
    if (c.kind === 'not' || c.kind === 'in')
      throw validation(`${KEY_PREFIX}Invalid operator used in KeyConditionExpression: ${c.kind.toUpperCase()}`);
    let name: string | undefined;
    let sort: SortCondition;
    if (c.kind === 'compare') {
      if (c.op === '<>') throw validation(`${KEY_PREFIX}Invalid operator used in KeyConditionExpression: <>`);
      const a = keyOperand(c.a);
      const b = keyOperand(c.b);
      if (a !== undefined && b !== undefined)
        throw validation(
          `${KEY_PREFIX}Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition`,
        );
      if (a === undefined && b === undefined)
        throw validation(`${KEY_PREFIX}Invalid condition in KeyConditionExpression: No key attribute specified`);
      name = a ?? b;
      sort = a !== undefined ? { op: c.op, values: [valueOf(c.b)] } : { op: FLIPPED[c.op], values: [valueOf(c.a)] };
    } else if (c.kind === 'between') {
      name = keyOperand(c.v);
      if (name === undefined)
        throw validation(
          `${KEY_PREFIX}Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand`,
        );
      sort = { op: 'between', values: [valueOf(c.lo), valueOf(c.hi)] };
    } else if (c.kind === 'function') {
      if (c.name !== 'begins_with')
        throw validation(`${KEY_PREFIX}Invalid operator used in KeyConditionExpression: ${c.name}`);
      name = keyOperand(c.args[0] as Operand);
      if (name === undefined)
        throw validation(
          `${KEY_PREFIX}Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand`,
        );
      sort = { op: 'begins_with', values: [valueOf(c.args[1] as Operand)] };
    } else {
      return;
    }
    if (out.has(name as string))
      throw validation(`${KEY_PREFIX}KeyConditionExpressions must only contain one condition per key`);
    out.set(name as string, sort);
  };
  visit(condition);
  if (out.size > 2) throw validation('Conditions can be of length 1 or 2 only');
  return out;
}

/** The partition key value and sort-key condition of a Query, checked against the key schema. */
export function resolveKeyCondition(
  condition: Condition,
  schema: readonly KeyAttribute[],
): { partition: AttributeValue; sort: SortCondition | undefined } {
  const conditions = keyConditions(condition);
  const [hash, range] = schema as [KeyAttribute, KeyAttribute | undefined];
  if (range === undefined && conditions.size > 1) throw validation('Query key condition not supported');
  for (const name of conditions.keys())
    if (name !== hash.name && name !== range?.name)
      throw validation(
        'Query condition missed key schema element: ' +
          (conditions.has(hash.name) ? (range?.name ?? hash.name) : hash.name),
      );
  const partition = conditions.get(hash.name);
  if (partition === undefined) throw validation(`Query condition missed key schema element: ${hash.name}`);
  if (partition.op !== '=') throw validation('Query key condition not supported');
  const sort = range === undefined ? undefined : conditions.get(range.name);
  for (const [name, c] of conditions) {
    const type = name === hash.name ? hash.type : (range as KeyAttribute).type;
    for (const value of c.values)
      if (Object.keys(value)[0] !== type)
        throw validation(
          'One or more parameter values were invalid: Condition parameter type does not match schema type',
        );
    if (c.op === 'begins_with' && type === 'N')
      throw validation(
        `${KEY_PREFIX}Incorrect operand type for operator or function; operator or function: begins_with, operand type: N`,
      );
  }
  if (
    sort?.op === 'between' &&
    compareKeyValues(sort.values[0] as AttributeValue, sort.values[1] as AttributeValue) > 0
  ) {
    throw validation(
      `${KEY_PREFIX}The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: ${JSON.stringify(sort.values[0])}, upper bound operand: AttributeValue: ${JSON.stringify(sort.values[1])}`,
    );
  }
  return { partition: partition.values[0] as AttributeValue, sort };
}

function startsWith(value: AttributeValue, prefix: AttributeValue): boolean {
  if ('S' in value && 'S' in prefix) return value.S.startsWith(prefix.S);
  if ('B' in value && 'B' in prefix) {
    const v = Buffer.from(value.B, 'base64');
    const p = Buffer.from(prefix.B, 'base64');
    return v.length >= p.length && v.subarray(0, p.length).equals(p);
  }
  return false;
}

/** The [from, to) slice of a partition a sort-key condition selects (binary search). */
export function sortRange(
  store: SortedStore,
  entries: readonly StoreEntry[],
  sortName: string | undefined,
  sort: SortCondition | undefined,
): [number, number] {
  if (sort === undefined || sortName === undefined) return [0, entries.length];
  const at = (item: AttributeMap) => item[sortName] as AttributeValue;
  const lower = (v: AttributeValue) => store.lowerBound(entries, (item) => compareKeyValues(at(item), v));
  const upper = (v: AttributeValue) =>
    store.lowerBound(entries, (item) => (compareKeyValues(at(item), v) <= 0 ? -1 : 1));
  const [v, w] = sort.values as [AttributeValue, AttributeValue];
  switch (sort.op) {
    case '=':
      return [lower(v), upper(v)];
    case '<':
      return [0, lower(v)];
    case '<=':
      return [0, upper(v)];
    case '>':
      return [upper(v), entries.length];
    case '>=':
      return [lower(v), entries.length];
    case 'between':
      return [lower(v), upper(w)];
    default: {
      const from = lower(v);
      let to = from;
      while (to < entries.length && startsWith(at((entries[to] as StoreEntry).item), v)) to++;
      return [from, to];
    }
  }
}

/** The top-level attribute names a condition reads. */
export function conditionNames(condition: Condition, out = new Set<string>()): Set<string> {
  const operand = (o: Operand): void => {
    if (o.kind === 'path' || o.kind === 'size') {
      const first = o.path.elements[0];
      if (first !== undefined && 'name' in first) out.add(first.name);
    } else if (o.kind === 'if_not_exists') {
      operand({ kind: 'path', path: o.path });
      operand(o.fallback);
    } else if (o.kind !== 'value') {
      operand(o.a);
      operand(o.b);
    }
  };
  switch (condition.kind) {
    case 'and':
    case 'or':
      conditionNames(condition.a, out);
      conditionNames(condition.b, out);
      break;
    case 'not':
      conditionNames(condition.c, out);
      break;
    case 'compare':
      operand(condition.a);
      operand(condition.b);
      break;
    case 'between':
      operand(condition.v);
      operand(condition.lo);
      operand(condition.hi);
      break;
    case 'in':
      operand(condition.v);
      condition.list.forEach(operand);
      break;
    default:
      condition.args.forEach(operand);
  }
  return out;
}
