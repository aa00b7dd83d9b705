/**
 * What the DynamoDB operations share: reading and validating request members (keys, items,
 * expressions, key schemas and attribute definitions) and the key checks, with DynamoDB's messages.
 */
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
import { DYNAMODB_INPUT_ERRORS, validation } from './errors.js';
import {
  parseCondition,
  parseProjection,
  Substitutions,
  type Condition,
  type DocumentPath,
} from './expressions/parse.js';
import type { KeyAttribute, MockTable } from './table.js';

/** How DynamoDB reports broken request members (short name: every reader takes it). */
export const I = DYNAMODB_INPUT_ERRORS;

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
export function checkItemKeys(table: MockTable, item: AttributeMap): void {
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
