import {
  array,
  bigInt,
  boolean,
  constant,
  constantFrom,
  dictionary,
  integer,
  letrec,
  oneof,
  string,
  tuple,
  uint8Array,
  uniqueArray,
  type Arbitrary,
} from 'fast-check';
import { toBase64 } from '../src/_internals/hash.js';
import { MAX_EXPONENT, MIN_EXPONENT, parseDynamoDBNumber } from '../src/events/dynamodb/number.js';
import {
  ATTRIBUTE_TYPES,
  type AttributeMap,
  type AttributeType,
  type AttributeValue,
} from '../src/events/dynamodb/types.js';
import { fakerValue } from './_internals/faker.js';

/** Constraints of {@link attributeValue}. */
export interface AttributeValueConstraints {
  /**
   * The types that may be generated (nested values inside L and M follow the same list).
   * @defaultValue all ten: `['S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M']`
   */
  types?: readonly AttributeType[];
  /**
   * Deepest nesting of L and M.
   * @defaultValue `2`
   */
  maxDepth?: number;
  /**
   * Most members of a set, list or map.
   * @defaultValue `5`
   */
  maxLength?: number;
  /**
   * Whether to mix in, on purpose, the values that break naive code: numbers with 38 significant
   * digits and at the edges of DynamoDB's range (1E-130, 9.99…E+125, negatives), empty strings and
   * binaries, emoji and combining marks, JSON-looking strings.
   * @defaultValue `true`
   */
  hardCases?: boolean;
}

const ALL_TYPES = ATTRIBUTE_TYPES;
const HARD_STRINGS = [
  '',
  ' ',
  '"',
  '\\',
  '\n',
  '\u0000',
  '😀',
  '👩‍👩‍👧',
  'e\u0301',
  '日本語',
  '\uFEFF',
  '{"S":"x"}',
  'null',
  '1E+2',
];
const EDGE_NUMBERS = [
  '0',
  '1',
  '-1',
  '0.1',
  '1E-130',
  '-1E-130',
  '9.9999999999999999999999999999999999999E+125',
  '-9.9999999999999999999999999999999999999E+125',
  '12345678901234567890123456789012345678',
  '-0.00000000000000000000000000000000000001',
  '9007199254740993',
  '-9007199254740993',
  '9007199254740993.5',
  '1E+125',
];
const MAX_MANTISSA = 10n ** 38n - 1n;

/** Canonical DynamoDB number text of `±mantissa × 10^exponent`, the exponent clamped into range (a map, so shrinking stays valid). */
function numberText([negative, mantissa, exponent]: [boolean, bigint, number]): string {
  const digits = String(mantissa);
  // Adjusted exponent of the first digit must lie in [MIN_EXPONENT, MAX_EXPONENT].
  const adjusted = Math.min(MAX_EXPONENT, Math.max(MIN_EXPONENT, exponent + digits.length - 1));
  const info = parseDynamoDBNumber(`${negative ? '-' : ''}${digits}E${adjusted - digits.length + 1}`);
  return typeof info === 'string' ? '0' : info.canonical;
}

/** Canonical DynamoDB number strings (as DynamoDB stores and sends them). */
// @__NO_SIDE_EFFECTS__
export function dynamoDBNumberText(hardCases = true): Arbitrary<string> {
  const small = integer({ min: -1_000_000, max: 1_000_000 }).map(String);
  const decimal = tuple(integer({ min: -9_999_999, max: 9_999_999 }), integer({ min: 0, max: 4 })).map(([n, scale]) =>
    numberText([n < 0, BigInt(Math.abs(n)), -scale]),
  );
  const wide = tuple(
    boolean(),
    bigInt({ min: 0n, max: MAX_MANTISSA }),
    integer({ min: MIN_EXPONENT - 37, max: MAX_EXPONENT }),
  ).map(numberText);
  if (!hardCases) return oneof(small, decimal);
  const edges = constantFrom(...EDGE_NUMBERS).map(
    (text) => (parseDynamoDBNumber(text) as { canonical: string }).canonical,
  );
  return oneof(
    { arbitrary: small, weight: 4 },
    { arbitrary: decimal, weight: 3 },
    { arbitrary: wide, weight: 2 },
    { arbitrary: edges, weight: 1 },
  );
}

/** Well-formed strings (DynamoDB strings are UTF-8, so never a lone surrogate). */
function text(hardCases: boolean, maxLength: number): Arbitrary<string> {
  const plain = string({ maxLength });
  const unicode = string({ unit: 'grapheme', maxLength });
  const human = fakerValue((faker) =>
    faker.helpers.arrayElement([
      () => faker.commerce.productName(),
      () => faker.person.fullName(),
      () => faker.lorem.sentence(),
      () => faker.internet.email(),
    ])(),
  );
  if (!hardCases) return oneof(plain, human);
  return oneof(plain, unicode, human, constantFrom(...HARD_STRINGS));
}

/**
 * DynamoDB AttributeValues in their JSON wire form, as DynamoDB stores and sends them: every type,
 * sets with unique members, nested L and M, numbers canonical (up to 38 significant digits,
 * magnitude 1E-130 … 9.99…E+125), binary as base64.
 * @example attributeValue({ types: ['S', 'N', 'M'], maxDepth: 1 })
 */
// @__NO_SIDE_EFFECTS__
export function attributeValue(constraints: AttributeValueConstraints = {}): Arbitrary<AttributeValue> {
  const types = constraints.types ?? ALL_TYPES;
  const maxDepth = constraints.maxDepth ?? 2;
  const maxLength = constraints.maxLength ?? 5;
  const hardCases = constraints.hardCases ?? true;
  if (!Array.isArray(types) || types.length === 0 || types.some((t) => !ALL_TYPES.includes(t)))
    throw new TypeError(
      `attributeValue: types must be a non-empty list of ${ALL_TYPES.join(', ')}, got ${JSON.stringify(types)}`,
    );
  if (!Number.isInteger(maxDepth) || maxDepth < 0 || maxDepth > 32)
    throw new TypeError(
      `attributeValue: maxDepth must be an integer from 0 to 32 (DynamoDB nests at most 32 levels), got ${String(maxDepth)}`,
    );
  if (!Number.isInteger(maxLength) || maxLength < 1)
    throw new TypeError(`attributeValue: maxLength must be a positive integer, got ${String(maxLength)}`);
  const scalarTypes = types.filter((t) => t !== 'L' && t !== 'M');
  if (scalarTypes.length === 0)
    throw new TypeError('attributeValue: types must include at least one non-container type (L and M need leaves)');

  const s = text(hardCases, 40);
  const n = dynamoDBNumberText(hardCases);
  const bytes = uint8Array({ maxLength: 24 });
  const leafBy: Record<string, Arbitrary<AttributeValue>> = {
    S: s.map((S) => ({ S })),
    N: n.map((N) => ({ N })),
    B: bytes.map((b) => ({ B: toBase64(b) })),
    BOOL: boolean().map((BOOL) => ({ BOOL })),
    NULL: constant({ NULL: true as const }),
    SS: uniqueArray(s, { minLength: 1, maxLength }).map((SS) => ({ SS })),
    NS: uniqueArray(n, { minLength: 1, maxLength }).map((NS) => ({ NS })),
    BS: uniqueArray(bytes.map(toBase64), { minLength: 1, maxLength }).map((BS) => ({ BS })),
  };
  const leaf = oneof(...scalarTypes.map((t) => leafBy[t] as Arbitrary<AttributeValue>));
  const hasL = types.includes('L');
  const hasM = types.includes('M');
  if ((!hasL && !hasM) || maxDepth === 0) return leaf;
  const key = hardCases
    ? oneof(
        { arbitrary: string({ maxLength: 12 }), weight: 4 },
        { arbitrary: constantFrom('', 'a b', 'é', '😀', '__proto__', 'S', 'M'), weight: 1 },
      )
    : string({ maxLength: 12 });
  const { value } = letrec<{ value: AttributeValue }>((tie) => {
    const nested: { arbitrary: Arbitrary<AttributeValue>; weight: number }[] = [{ arbitrary: leaf, weight: 4 }];
    if (hasL) nested.push({ arbitrary: array(tie('value'), { maxLength }).map((L) => ({ L })), weight: 1 });
    if (hasM)
      nested.push({
        arbitrary: dictionary(key, tie('value'), { maxKeys: maxLength, noNullPrototype: true }).map((M) => ({
          M: M as AttributeMap,
        })),
        weight: 1,
      });
    return { value: oneof({ depthSize: 'small', maxDepth, withCrossShrink: true }, ...nested) };
  });
  return value;
}
