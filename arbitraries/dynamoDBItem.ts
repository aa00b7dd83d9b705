import {
  constant,
  constantFrom,
  dictionary,
  integer,
  oneof,
  record,
  string,
  tuple,
  uint8Array,
  type Arbitrary,
} from 'fast-check';
import { toBase64 } from '../src/_internals/hash.js';
import { assertKeyNames } from '../src/events/dynamodb/keys.js';
import type { AttributeMap, AttributeValue } from '../src/events/dynamodb/types.js';
import { setOwn } from '../src/_internals/objects.js';
import { fitItem, mergeMaps } from './_internals/dynamodb.js';
import { fakerValue } from './_internals/faker.js';
import { attributeValue, dynamoDBNumberText } from './attributeValue.js';

/** The type of a key attribute. */
export type DynamoDBKeyType = 'S' | 'N' | 'B';

/** Constraints of {@link dynamoDBItem}. */
export interface DynamoDBItemConstraints {
  /**
   * The table's key attribute names: `['pk']` or `['pk', 'sk']`. Every item holds them.
   * @defaultValue `['id']`
   */
  keys?: readonly string[];
  /**
   * The type of each key attribute, in the order of `keys`.
   * @defaultValue `'S'` for every key
   */
  keyTypes?: readonly DynamoDBKeyType[];
  /**
   * The non-key attributes.
   * @defaultValue human-looking product data (name, price, stock, tags, dimensions …) from faker,
   * plus 0 to 3 attributes of any type from {@link attributeValue} (the hard cases)
   */
  attributes?: Arbitrary<AttributeMap>;
}

const NAME_PARTS = ['PRODUCT', 'ORDER', 'USER', 'TENANT', 'SESSION'];

/** Key values: realistic ids for S, integers and edge numbers for N, short bytes for B. Never empty. */
function keyValue(type: DynamoDBKeyType): Arbitrary<AttributeValue> {
  if (type === 'N') return dynamoDBNumberText(true).map((N) => ({ N }));
  if (type === 'B') return uint8Array({ minLength: 1, maxLength: 16 }).map((bytes) => ({ B: toBase64(bytes) }));
  return oneof(
    fakerValue((faker) => faker.string.uuid()),
    tuple(
      constantFrom(...NAME_PARTS),
      fakerValue((faker) => faker.string.alphanumeric({ length: { min: 4, max: 12 } })),
    ).map(([prefix, id]) => `${prefix}#${id}`),
    string({ minLength: 1, maxLength: 24 }),
  ).map((S) => ({ S }));
}

/** Product-catalogue attributes, as a shop's table holds them. */
function productAttributes(): Arbitrary<AttributeMap> {
  return record(
    {
      name: fakerValue((faker) => ({ S: faker.commerce.productName() }) as AttributeValue),
      description: fakerValue((faker) => ({ S: faker.commerce.productDescription() }) as AttributeValue),
      price: fakerValue(
        (faker) =>
          ({ N: faker.commerce.price({ min: 1, max: 2000, dec: 2 }).replace(/\.?0+$/, '') || '0' }) as AttributeValue,
      ),
      stock: integer({ min: 0, max: 5000 }).map((n) => ({ N: String(n) }) as AttributeValue),
      inStock: constantFrom<AttributeValue>({ BOOL: true }, { BOOL: false }),
      tags: fakerValue(
        (faker) =>
          ({
            SS: [
              ...new Set(
                faker.helpers.multiple(() => faker.commerce.productAdjective().toLowerCase(), {
                  count: { min: 1, max: 4 },
                }),
              ),
            ],
          }) as AttributeValue,
      ),
      dimensions: record({
        width: integer({ min: 1, max: 300 }),
        height: integer({ min: 1, max: 300 }),
        unit: constantFrom('cm', 'in'),
      }).map(
        ({ width, height, unit }) =>
          ({ M: { width: { N: String(width) }, height: { N: String(height) }, unit: { S: unit } } }) as AttributeValue,
      ),
      discontinuedAt: constant<AttributeValue>({ NULL: true }),
    },
    { requiredKeys: ['name', 'price'] },
  ) as Arbitrary<AttributeMap>;
}

function anyAttributes(): Arbitrary<AttributeMap> {
  const name = oneof(
    string({ minLength: 1, maxLength: 16 }),
    constantFrom('data', 'payload', 'é', '😀', 'a b', '__proto__'),
  );
  return dictionary(name, attributeValue(), { maxKeys: 3, noNullPrototype: true }) as Arbitrary<AttributeMap>;
}

/** The default non-key attributes: product data plus a few attributes of any type. */
function defaultItemAttributes(): Arbitrary<AttributeMap> {
  return tuple(productAttributes(), anyAttributes()).map(([product, extra]) => mergeMaps(product, extra));
}

/**
 * DynamoDB items (AttributeValue maps, as DynamoDB stores them) of a table with the given key
 * schema: the key attributes always present with S/N/B values, other attributes human-looking
 * product data plus hard cases, the whole within 400 KB.
 * @example dynamoDBItem({ keys: ['pk', 'sk'] })
 */
// @__NO_SIDE_EFFECTS__
export function dynamoDBItem(constraints: DynamoDBItemConstraints = {}): Arbitrary<AttributeMap> {
  let keyNames: readonly string[];
  try {
    keyNames = assertKeyNames('dynamoDBItem', 'keys', constraints.keys ?? ['id']);
  } catch (error) {
    throw new TypeError((error as Error).message);
  }
  const keyTypes = constraints.keyTypes ?? keyNames.map(() => 'S' as const);
  if (
    !Array.isArray(keyTypes) ||
    keyTypes.length !== keyNames.length ||
    keyTypes.some((t) => t !== 'S' && t !== 'N' && t !== 'B')
  ) {
    throw new TypeError(
      `dynamoDBItem: keyTypes must give S, N or B for each of the ${keyNames.length} keys, got ${JSON.stringify(keyTypes)}`,
    );
  }
  const attributes = constraints.attributes ?? defaultItemAttributes();
  return tuple(attributes, tuple(...keyTypes.map(keyValue))).map(([rest, keyValues]) => {
    const keys: AttributeMap = {};
    keyNames.forEach((name, i) => setOwn(keys, name, keyValues[i] as AttributeValue));
    // Keys first (as people write items), and they win over a same-named generated attribute.
    return fitItem(mergeMaps(keys, rest, keys), keyNames);
  });
}
