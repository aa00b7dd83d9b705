import {
  array,
  boolean,
  constant,
  constantFrom,
  dictionary,
  double,
  integer,
  letrec,
  nat,
  oneof,
  string,
  tuple,
  type Arbitrary,
} from 'fast-check';
import type { JsonValue } from '../src/_internals/json.js';
import { fakerValue } from './_internals/faker.js';

/** Constraints of {@link jsonPayload}. */
export interface JsonPayloadConstraints {
  /**
   * The top-level shape: `'object'` (as an EventBridge `detail` must be), `'array'`, or `'any'` JSON value.
   * @defaultValue `'any'`
   */
  root?: 'object' | 'array' | 'any';
  /**
   * Maximum nesting depth of ordinary values.
   * @defaultValue `3`
   */
  maxDepth?: number;
  /**
   * Whether to mix in, on purpose, the values that break naive code: strings with quotes,
   * backslashes, control characters, emoji, lone `<`/`>`, empty strings; numbers at the edges of
   * IEEE-754; and occasional deeply nested values (up to `deepNesting` levels).
   * @defaultValue `true`
   */
  hardCases?: boolean;
  /**
   * Depth of the occasional deeply nested value when `hardCases` is on.
   * @defaultValue `64`
   */
  deepNesting?: number;
}

/** Strings that break code which forgets to escape or decode. */
const HARD_STRINGS = [
  '',
  ' ',
  '"',
  '\\',
  '\\"',
  '""',
  "'",
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u2028\u2029',
  '😀',
  '👩‍👩‍👧',
  'é',
  'e\u0301',
  '日本語',
  '\uFEFF',
  '<',
  '>',
  '<$.body>',
  '{"nested":"json"}',
  '[1,2]',
  'null',
  'true',
  '1e400',
  '%2F',
  '+',
  'a+b c',
  '</script>',
  '${x}',
  'C:\\path\\to',
];

// @__NO_SIDE_EFFECTS__
function hardString(): Arbitrary<string> {
  return oneof(
    constantFrom(...HARD_STRINGS),
    tuple(string({ maxLength: 8 }), constantFrom(...HARD_STRINGS), string({ maxLength: 8 })).map(
      ([a, b, c]) => a + b + c,
    ),
  );
}

// @__NO_SIDE_EFFECTS__
function humanString(): Arbitrary<string> {
  return fakerValue((faker) =>
    faker.helpers.arrayElement([
      () => faker.person.fullName(),
      () => faker.commerce.productName(),
      () => faker.system.fileName(),
      () => faker.lorem.sentence(),
      () => faker.internet.email(),
      () => faker.location.city(),
      () => faker.string.uuid(),
    ])(),
  );
}

const HARD_NUMBERS = [
  0,
  1,
  -1,
  0.1,
  1e21,
  1e-7,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  2 ** 53 + 2,
];

/**
 * JSON values for message bodies, event details and record data, with the hard cases on purpose.
 * Every value survives `JSON.parse(JSON.stringify(value))` unchanged (no `-0`, `NaN` or `Infinity`).
 * @example jsonPayload({ root: 'object' })
 */
// @__NO_SIDE_EFFECTS__
export function jsonPayload(constraints: JsonPayloadConstraints = {}): Arbitrary<JsonValue> {
  const root = constraints.root ?? 'any';
  const maxDepth = constraints.maxDepth ?? 3;
  const hardCases = constraints.hardCases ?? true;
  const deepNesting = constraints.deepNesting ?? 64;
  if (root !== 'object' && root !== 'array' && root !== 'any')
    throw new TypeError(`jsonPayload: root must be 'object', 'array' or 'any', got ${JSON.stringify(root)}`);
  if (!Number.isInteger(maxDepth) || maxDepth < 0)
    throw new TypeError(`jsonPayload: maxDepth must be a non-negative integer, got ${String(maxDepth)}`);
  if (!Number.isInteger(deepNesting) || deepNesting < 1)
    throw new TypeError(`jsonPayload: deepNesting must be a positive integer, got ${String(deepNesting)}`);

  const text = hardCases
    ? oneof(
        { arbitrary: string(), weight: 2 },
        { arbitrary: humanString(), weight: 2 },
        { arbitrary: hardString(), weight: 2 },
      )
    : oneof(string(), humanString());
  const key = hardCases
    ? oneof(
        { arbitrary: string({ maxLength: 12 }), weight: 4 },
        { arbitrary: constantFrom('', 'a b', '"', '\\', 'é', '😀', 'detail-type', '$'), weight: 1 },
      )
    : string({ maxLength: 12 });
  const finite = double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
  const number = hardCases ? oneof(integer(), finite, constantFrom(...HARD_NUMBERS)) : oneof(integer(), finite);
  const leaf: Arbitrary<JsonValue> = oneof(constant(null), boolean(), number, text);

  const { value } = letrec<{ value: JsonValue }>((tie) => ({
    value: oneof(
      { depthSize: 'small', maxDepth, withCrossShrink: true },
      { arbitrary: leaf, weight: 4 },
      { arbitrary: array(tie('value'), { maxLength: 5 }), weight: 1 },
      { arbitrary: dictionary(key, tie('value'), { maxKeys: 5 }), weight: 1 },
    ),
  }));

  const deep: Arbitrary<JsonValue> = tuple(nat({ max: deepNesting }), leaf, boolean()).map(
    ([depth, inner, useArrays]) => {
      let nested: JsonValue = inner;
      for (let i = 0; i < depth; i++) nested = useArrays ? [nested] : { n: nested };
      return nested;
    },
  );
  const any = hardCases ? oneof({ arbitrary: value, weight: 9 }, { arbitrary: deep, weight: 1 }) : value;

  if (root === 'object') return dictionary(key, any, { maxKeys: 6 });
  if (root === 'array') return array(any, { maxLength: 6 });
  return any;
}
