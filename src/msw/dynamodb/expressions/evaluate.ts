/**
 * Evaluation of parsed expressions against stored items: conditions (comparisons, BETWEEN, IN,
 * the condition functions, `size`) and update actions (SET with `+`/`-`, `if_not_exists`,
 * `list_append`; REMOVE; ADD to numbers and sets; DELETE from sets), with DynamoDB's rules:
 * every operand is read from the item as it was before the update, paths may not overlap, key
 * attributes cannot change.
 */
import type { AttributeMap, AttributeValue } from '../../../events/dynamodb/index.js';
import { validation } from '../errors.js';
import { showPath, type Condition, type DocumentPath, type Operand, type UpdateActions } from './parse.js';
import { addNumbers, cloneValue, compareValues, getPath, removePath, setPath, typeOf, valuesEqual } from './values.js';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  S: 'STRING',
  N: 'NUMBER',
  B: 'BINARY',
  BOOL: 'BOOLEAN',
  NULL: 'NULL',
  SS: 'STRING_SET',
  NS: 'NUMBER_SET',
  BS: 'BINARY_SET',
  L: 'LIST',
  M: 'MAP',
};
const ATTRIBUTE_TYPES = ['B', 'NULL', 'SS', 'BOOL', 'L', 'BS', 'N', 'NS', 'S', 'M'];

function conditionValue(item: AttributeMap, operand: Operand): AttributeValue | undefined {
  switch (operand.kind) {
    case 'path':
      return getPath(item, operand.path);
    case 'value':
      return operand.value;
    case 'size': {
      const value = getPath(item, operand.path);
      if (value === undefined) return undefined;
      if ('S' in value) return { N: String([...value.S].length) };
      if ('B' in value) return { N: String(Buffer.byteLength(value.B, 'base64')) };
      if ('SS' in value) return { N: String(value.SS.length) };
      if ('NS' in value) return { N: String(value.NS.length) };
      if ('BS' in value) return { N: String(value.BS.length) };
      if ('L' in value) return { N: String(value.L.length) };
      if ('M' in value) return { N: String(Object.keys(value.M).length) };
      return undefined;
    }
    default:
      // The parser only lets size() into conditions.
      return undefined;
  }
}

function orderable(kind: string, op: string, operand: Operand): void {
  if (operand.kind === 'value' && !('S' in operand.value || 'N' in operand.value || 'B' in operand.value)) {
    throw validation(
      `Invalid ${kind}: Incorrect operand type for operator or function; operator or function: ${op}, operand type: ${TYPE_NAMES[typeOf(operand.value)]}`,
    );
  }
}

/** Whether `condition` holds for `item` (an absent item is `{}`). `kind` names the expression in errors. */
export function evaluateCondition(condition: Condition, item: AttributeMap, kind: string): boolean {
  switch (condition.kind) {
    case 'and':
      return evaluateCondition(condition.a, item, kind) && evaluateCondition(condition.b, item, kind);
    case 'or':
      return evaluateCondition(condition.a, item, kind) || evaluateCondition(condition.b, item, kind);
    case 'not':
      return !evaluateCondition(condition.c, item, kind);
    case 'compare': {
      const { op } = condition;
      if (op !== '=' && op !== '<>') {
        orderable(kind, op, condition.a);
        orderable(kind, op, condition.b);
      }
      const a = conditionValue(item, condition.a);
      const b = conditionValue(item, condition.b);
      // A missing attribute equals nothing: `=` and the orderings are false, `<>` true.
      if (a === undefined || b === undefined) return op === '<>';
      if (op === '=') return valuesEqual(a, b);
      if (op === '<>') return !valuesEqual(a, b);
      const order = compareValues(a, b);
      if (order === undefined) return false;
      return op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0;
    }
    case 'between': {
      for (const operand of [condition.v, condition.lo, condition.hi]) orderable(kind, 'BETWEEN', operand);
      const v = conditionValue(item, condition.v);
      const lo = conditionValue(item, condition.lo);
      const hi = conditionValue(item, condition.hi);
      if (lo !== undefined && hi !== undefined && condition.lo.kind === 'value' && condition.hi.kind === 'value') {
        const order = compareValues(lo, hi);
        if (order !== undefined && order > 0) {
          throw validation(
            `Invalid ${kind}: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: ${JSON.stringify(lo)}, upper bound operand: AttributeValue: ${JSON.stringify(hi)}`,
          );
        }
      }
      if (v === undefined || lo === undefined || hi === undefined) return false;
      const low = compareValues(lo, v);
      const high = compareValues(v, hi);
      return low !== undefined && high !== undefined && low <= 0 && high <= 0;
    }
    case 'in': {
      const v = conditionValue(item, condition.v);
      if (v === undefined) return false;
      return condition.list.some((operand) => {
        const candidate = conditionValue(item, operand);
        return candidate !== undefined && valuesEqual(v, candidate);
      });
    }
    case 'function':
      return evaluateFunction(condition, item, kind);
  }
}

function evaluateFunction(
  condition: Extract<Condition, { kind: 'function' }>,
  item: AttributeMap,
  kind: string,
): boolean {
  const path = (condition.args[0] as Operand & { kind: 'path' }).path;
  const target = getPath(item, path);
  const operand = condition.args[1];
  switch (condition.name) {
    case 'attribute_exists':
      return target !== undefined;
    case 'attribute_not_exists':
      return target === undefined;
    case 'attribute_type': {
      const wanted = operand === undefined ? undefined : conditionValue(item, operand);
      if (wanted === undefined || !('S' in wanted) || !ATTRIBUTE_TYPES.includes(wanted.S)) {
        throw validation(
          `Invalid ${kind}: Invalid attribute type name found; type: ${wanted !== undefined && 'S' in wanted ? wanted.S : String(wanted && TYPE_NAMES[typeOf(wanted)])}, valid types: {${ATTRIBUTE_TYPES.join(',')}}`,
        );
      }
      return target !== undefined && typeOf(target) === wanted.S;
    }
    case 'begins_with': {
      const prefix = operand === undefined ? undefined : conditionValue(item, operand);
      if (operand?.kind === 'value' && !('S' in operand.value || 'B' in operand.value)) {
        throw validation(
          `Invalid ${kind}: Incorrect operand type for operator or function; operator or function: begins_with, operand type: ${TYPE_NAMES[typeOf(operand.value)]}`,
        );
      }
      if (target === undefined || prefix === undefined) return false;
      if ('S' in target && 'S' in prefix) return target.S.startsWith(prefix.S);
      if ('B' in target && 'B' in prefix) {
        const t = Buffer.from(target.B, 'base64');
        const p = Buffer.from(prefix.B, 'base64');
        return t.subarray(0, p.length).equals(p);
      }
      return false;
    }
    case 'contains': {
      const needle = operand === undefined ? undefined : conditionValue(item, operand);
      if (target === undefined || needle === undefined) return false;
      if ('S' in target) return 'S' in needle && target.S.includes(needle.S);
      if ('SS' in target) return 'S' in needle && target.SS.includes(needle.S);
      if ('NS' in target) return 'N' in needle && target.NS.some((n) => valuesEqual({ N: n }, needle));
      if ('BS' in target)
        return 'B' in needle && target.BS.some((b) => Buffer.from(b, 'base64').equals(Buffer.from(needle.B, 'base64')));
      if ('L' in target) return target.L.some((element) => valuesEqual(element, needle));
      return false;
    }
  }
}

const MISSING = 'The provided expression refers to an attribute that does not exist in the item';
const WRONG_TYPE = 'An operand in the update expression has an incorrect data type';

/** The value of a SET operand, read from the item before the update. */
function updateValue(item: AttributeMap, operand: Operand): AttributeValue {
  switch (operand.kind) {
    case 'value':
      return operand.value;
    case 'path': {
      const value = getPath(item, operand.path);
      if (value === undefined) throw validation(MISSING);
      return value;
    }
    case 'if_not_exists':
      return getPath(item, operand.path) ?? updateValue(item, operand.fallback);
    case 'list_append': {
      const a = updateValue(item, operand.a);
      const b = updateValue(item, operand.b);
      if (!('L' in a) || !('L' in b)) throw validation(WRONG_TYPE);
      return { L: [...a.L, ...b.L] };
    }
    case '+':
    case '-': {
      const a = updateValue(item, operand.a);
      const b = updateValue(item, operand.b);
      if (!('N' in a) || !('N' in b)) throw validation(WRONG_TYPE);
      return { N: addNumbers(a.N, b.N, operand.kind === '-') };
    }
    default:
      throw validation(
        `Invalid UpdateExpression: The function is not allowed in an update expression; function: ${operand.kind}`,
      );
  }
}

function overlaps(a: DocumentPath, b: DocumentPath): boolean {
  const n = Math.min(a.elements.length, b.elements.length);
  for (let i = 0; i < n; i++) {
    const x = a.elements[i] as { name?: string; index?: number };
    const y = b.elements[i] as { name?: string; index?: number };
    if (x.name !== y.name || x.index !== y.index) return false;
  }
  return true;
}

function mergeSets(
  type: string,
  existing: AttributeValue,
  operand: AttributeValue,
  remove: boolean,
): AttributeValue | undefined {
  const members = (existing as Record<string, string[]>)[type] as string[];
  const given = (operand as Record<string, string[]>)[type] as string[];
  const same = (m: string, g: string) =>
    type === 'NS'
      ? valuesEqual({ N: m }, { N: g })
      : type === 'BS'
        ? Buffer.from(m, 'base64').equals(Buffer.from(g, 'base64'))
        : m === g;
  if (remove) {
    const left = members.filter((m) => !given.some((g) => same(m, g)));
    return left.length === 0 ? undefined : ({ [type]: left } as AttributeValue);
  }
  const out = [...members];
  for (const g of given) if (!out.some((m) => same(m, g))) out.push(g);
  return { [type]: out } as AttributeValue;
}

/** What an update did: the new item and the paths it touched (for UPDATED_OLD / UPDATED_NEW). */
export interface UpdateResult {
  item: AttributeMap;
  paths: DocumentPath[];
}

/**
 * Applies `actions` to a copy of `old` (which already holds the key when the item is new).
 * Throws ValidationException for overlapping paths, key attributes, missing operands and types.
 */
export function applyUpdate(old: AttributeMap, actions: UpdateActions, keyNames: readonly string[]): UpdateResult {
  const paths: DocumentPath[] = [
    ...actions.set.map((a) => a.path),
    ...actions.remove,
    ...actions.add.map((a) => a.path),
    ...actions.delete.map((a) => a.path),
  ];
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      if (overlaps(paths[i] as DocumentPath, paths[j] as DocumentPath)) {
        throw validation(
          `Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: ${showPath(paths[i] as DocumentPath)}, path two: ${showPath(paths[j] as DocumentPath)}`,
        );
      }
    }
  }
  for (const path of paths) {
    const first = path.elements[0] as { name: string };
    if (keyNames.includes(first.name))
      throw validation(
        `One or more parameter values were invalid: Cannot update attribute ${first.name}. This attribute is part of the key`,
      );
  }
  for (const { value } of actions.add) {
    const type = typeOf(value.value);
    if (type !== 'N' && type !== 'SS' && type !== 'NS' && type !== 'BS')
      throw validation(
        `Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: ${TYPE_NAMES[type]}`,
      );
  }
  for (const { value } of actions.delete) {
    const type = typeOf(value.value);
    if (type !== 'SS' && type !== 'NS' && type !== 'BS')
      throw validation(
        `Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: ${TYPE_NAMES[type]}`,
      );
  }
  // Every operand is read from the item before the update.
  const setValues = actions.set.map((action) => cloneValue(updateValue(old, action.value)));
  const item = cloneValue(old);
  actions.set.forEach((action, i) => setPath(item, action.path, setValues[i] as AttributeValue));
  for (const { path, value } of actions.add) {
    const existing = getPath(old, path);
    const type = typeOf(value.value);
    if (existing === undefined) setPath(item, path, cloneValue(value.value));
    else if (typeOf(existing) !== type) throw validation(WRONG_TYPE);
    else if (type === 'N')
      setPath(item, path, { N: addNumbers((existing as { N: string }).N, (value.value as { N: string }).N) });
    else setPath(item, path, mergeSets(type, existing, value.value, false) as AttributeValue);
  }
  for (const { path, value } of actions.delete) {
    const existing = getPath(old, path);
    if (existing === undefined) continue;
    const type = typeOf(value.value);
    if (typeOf(existing) !== type) throw validation(WRONG_TYPE);
    const left = mergeSets(type, existing, value.value, true);
    if (left === undefined) removePath(item, path);
    else setPath(item, path, left);
  }
  // List elements are removed from the highest index down, so indexes refer to the old list.
  const removals = [...actions.remove].sort((a, b) => {
    const x = a.elements[a.elements.length - 1] as { index?: number };
    const y = b.elements[b.elements.length - 1] as { index?: number };
    return (y.index ?? -1) - (x.index ?? -1);
  });
  for (const path of removals) removePath(item, path);
  return { item, paths };
}
