import {
  marshall as sdkMarshall,
  unmarshall as sdkUnmarshall,
  NumberValueImpl as SdkNumberValue,
} from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventInputError } from '../../../src/_internals/errors.js';
import {
  marshall,
  marshallValue,
  NumberValue,
  unmarshall,
  unmarshallValue,
} from '../../../src/events/dynamodb/marshall.js';
import { parseDynamoDBNumber } from '../../../src/events/dynamodb/number.js';
import { attributeValue } from '../../../arbitraries/attributeValue.js';
import { NUM_RUNS } from '../../_helpers/runs.js';

/** Plain JS values both `marshall`s accept (well-formed strings, safe numbers, bigints within 38 digits, bytes, unique sets, nesting). */
const wellFormed = fc.string({ unit: 'grapheme', maxLength: 20 });
const safeNumber = fc.oneof(
  fc.integer(),
  fc
    .double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 })
    .filter((n) => n === 0 || Math.abs(n) >= 1e-130),
);
const bigint38 = fc.bigInt({ min: -(10n ** 38n) + 1n, max: 10n ** 38n - 1n });
const bytes = fc.uint8Array({ maxLength: 12 });
const key = fc.string({ maxLength: 8 }).filter((k) => k !== '__proto__'); // util-dynamodb's `map[key] =` would set the prototype
const leaf = fc.oneof(
  wellFormed,
  safeNumber,
  bigint38,
  fc.boolean(),
  fc.constant(null),
  bytes,
  fc.uniqueArray(wellFormed, { minLength: 1, maxLength: 4 }).map((a) => new Set(a)),
  fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 4 }).map((a) => new Set(a)),
  fc
    .uniqueArray(bytes, { minLength: 1, maxLength: 3, selector: (b) => Buffer.from(b).toString('hex') })
    .map((a) => new Set(a)),
);
const { value: plainValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
}));
const plainItem = fc.dictionary(
  key.filter((k) => k.length > 0),
  plainValue,
  { maxKeys: 6 },
);

/** The SDK keeps binary as Uint8Array and its JSON protocol base64-encodes it: do the same to compare wire forms. */
function sdkWire(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(sdkWire);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sdkWire(v)]));
  return value;
}

describe('marshall', () => {
  it('equals @aws-sdk/util-dynamodb for every value both accept (binary compared as the SDK sends it)', () => {
    fc.assert(
      fc.property(plainItem, (item) => {
        expect(marshall(item)).toEqual(sdkWire(sdkMarshall(item)));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('equals util-dynamodb for single values and NumberValue wrappers', () => {
    fc.assert(
      fc.property(plainValue, (value) => {
        expect(marshallValue(value)).toEqual(sdkWire(sdkMarshall(value, { convertTopLevelContainer: true })));
      }),
      { numRuns: NUM_RUNS },
    );
    for (const text of ['12345678901234567890.12', '-0.000001', '1E+100', '42']) {
      expect(marshall({ n: new NumberValue(text) })).toEqual(sdkMarshall({ n: new SdkNumberValue(text) }));
      // The SDK's own NumberValue is accepted too.
      expect(marshall({ n: new SdkNumberValue(text) })).toEqual({ n: { N: text } });
    }
  });

  it('drops undefined only when asked, like the SDK', () => {
    const item = { a: 1, b: undefined, c: [1, undefined, 2], d: new Set(['x', undefined]) };
    expect(marshall(item, { removeUndefinedValues: true })).toEqual(sdkMarshall(item, { removeUndefinedValues: true }));
  });

  it.each([
    ['undefined in an array', { a: [1, undefined] }, 'item.a[1] is undefined'],
    ['undefined attribute', { a: undefined }, 'item.a is undefined'],
    ['function', { f: () => 1 }, 'item.f is a function'],
    ['symbol', { s: Symbol('x') }, 'item.s is a symbol'],
    ['class instance', { d: new Date(0) }, 'item.d is a Date instance'],
    ['NaN', { n: Number.NaN }, 'item.n is NaN'],
    ['Infinity', { n: Number.POSITIVE_INFINITY }, 'item.n is Infinity'],
    ['unsafe JS number', { n: 2 ** 60 }, 'beyond ±2^53'],
    ['39 significant digits', { n: 10n ** 38n + 1n }, '39 significant digits'],
    ['below 1E-130', { n: 1e-131 }, "outside DynamoDB's number range"],
    ['above 9.99E+125', { n: 10n ** 126n }, "outside DynamoDB's number range"],
    ['empty set', { s: new Set() }, 'empty Set'],
    ['mixed set', { s: new Set(['a', 1]) }, 'Set of strings'],
    ['set of objects', { s: new Set([{}]) }, 'DynamoDB sets hold only'],
    ['duplicate binaries', { s: new Set([new Uint8Array([1]), new Uint8Array([1])]) }, 'twice'],
    ['lone surrogate', { s: '\uD800' }, 'lone UTF-16 surrogate'],
  ])('throws a clear EventInputError on %s', (_name, item, message) => {
    const run = () => {
      const marshalled = marshall(item as Record<string, unknown>);
      // Strings are checked where DynamoDB checks them: when an item is stored or sized.
      unmarshall(marshalled);
    };
    expect(run).toThrow(EventInputError);
    expect(run).toThrow(message);
  });

  // Built inside the test, not in the table above: a table is built while tests are collected.
  it('throws a clear EventInputError on duplicate numbers by value', () => {
    const item = { s: new Set([new NumberValue('1'), new NumberValue('1.0')]) };
    expect(() => marshall(item)).toThrow(EventInputError);
    expect(() => marshall(item)).toThrow('marshall: item.s holds "1.0" twice (as DynamoDB compares members)');
  });

  it('refuses a non-object item and an invalid NumberValue at the call', () => {
    expect(() => marshall([1] as never)).toThrow('marshall: item must be a plain object');
    expect(() => new NumberValue('1.2.3')).toThrow('NumberValue: value "1.2.3" is not a number DynamoDB accepts');
  });
});

describe('unmarshall', () => {
  // No exclusion is needed: bigints beyond ±2^53 come back as the same bigints, and those within it as numbers.
  it('round-trips marshall for every value (safe-range bigints and -0 come back as numbers, as in the SDK)', () => {
    fc.assert(
      fc.property(plainItem, (item) => {
        const expected = sdkUnmarshall(sdkMarshall(item));
        const actual = unmarshall(marshall(item));
        // Numbers come back canonical (DynamoDB's form); compare against the SDK after the same canonicalisation.
        expect(actual).toEqual(normalise(expected));
        // And the round trip gives the input back, up to the same canonicalisation.
        expect(actual).toEqual(normalise(item));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is the inverse of marshall on every generated AttributeValue (with wrapNumbers)', () => {
    fc.assert(
      fc.property(attributeValue(), (value) => {
        expect(marshallValue(unmarshallValue(value, { wrapNumbers: true }))).toEqual(value);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('returns canonical numbers, bigints beyond ±2^53, and refuses imprecise non-integers without wrapNumbers', () => {
    expect(unmarshall({ a: { N: '1.50' }, b: { N: '1E+20' }, c: { NS: ['1', '2'] } })).toEqual({
      a: 1.5,
      b: 100000000000000000000n,
      c: new Set([1, 2]),
    });
    expect(() => unmarshall({ a: { N: '9007199254740993.5' } })).toThrow('pass { wrapNumbers: true }');
    expect(unmarshall({ a: { N: '9007199254740993.5' } }, { wrapNumbers: true }).a).toEqual(
      new NumberValue('9007199254740993.5'),
    );
    expect(() => unmarshall({ a: { X: '1' } } as never)).toThrow('exactly one type key');
  });
});

/** Apply DynamoDB's canonical number form to JS values (the SDK keeps them as they are): safe bigints → numbers, -0 → 0. */
function normalise(value: unknown): unknown {
  if (value instanceof Set) return new Set([...value].map(normalise));
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  if (typeof value === 'bigint' && value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER))
    return Number(value);
  if (Object.is(value, -0)) return 0;
  return value;
}

describe('DynamoDB numbers', () => {
  // Canonical forms as real DynamoDB returns them (captured against DynamoDB by the ExtendDB and dynoxide emulator projects).
  it.each([
    ['00042', '42'],
    ['-0', '0'],
    ['1.5E2', '150'],
    ['1.0', '1'],
    ['+5', '5'],
    ['+1.5', '1.5'],
    ['1e+2', '100'],
    ['1.5E+3', '1500'],
    ['-7', '-7'],
    ['0.000', '0'],
    ['-0.0012300', '-0.00123'],
    ['1E-130', `0.${'0'.repeat(129)}1`],
  ])('canonicalises %s as %s', (input, canonical) => {
    expect(parseDynamoDBNumber(input)).toMatchObject({ canonical });
  });

  it.each([
    ['1.2.3'],
    [''],
    ['.'],
    ['e5'],
    ['1e'],
    [' 5'],
    ['1E-131'],
    ['1E+126'],
    ['123456789012345678901234567890123456789'],
    ['NaN'],
  ])('rejects %j', (input) => {
    expect(typeof parseDynamoDBNumber(input)).toBe('string');
  });

  it('keeps 38 significant digits at both ends of the range', () => {
    expect(parseDynamoDBNumber('9.9999999999999999999999999999999999999E+125')).toMatchObject({
      significantDigits: 38,
    });
    expect(parseDynamoDBNumber('-1E-130')).toMatchObject({ significantDigits: 1 });
    expect(parseDynamoDBNumber('1234567891234560000000000000000000000000')).toMatchObject({ significantDigits: 15 });
  });
});

describe('marshall and unmarshall at the edges of a JS number', () => {
  it('accepts ±(2^53 − 1) and refuses integers beyond either end, below −2^53 included', () => {
    expect(marshall({ max: Number.MAX_SAFE_INTEGER, min: Number.MIN_SAFE_INTEGER })).toEqual({
      max: { N: '9007199254740991' },
      min: { N: '-9007199254740991' },
    });
    expect(() => marshall({ n: Number.MAX_SAFE_INTEGER + 1 })).toThrow(
      'marshall: item.n 9007199254740992 is beyond ±2^53',
    );
    expect(() => marshall({ n: Number.MIN_SAFE_INTEGER - 1 })).toThrow(
      'marshall: item.n -9007199254740992 is beyond ±2^53',
    );
    expect(() => marshall({ n: -(2 ** 60) })).toThrow(EventInputError);
    expect(() => marshallValue(new Set([-(2 ** 60)]))).toThrow(
      'marshallValue: value[0] -1152921504606847000 is beyond ±2^53',
    );
    // Exact digits travel as bigints and NumberValues.
    expect(marshall({ n: -(2n ** 60n), v: new NumberValue(-(2n ** 60n)) })).toEqual({
      n: { N: '-1152921504606846976' },
      v: { N: '-1152921504606846976' },
    });
  });

  it('NumberValue takes strings, numbers and bigints; refuses other types and imprecise integers', () => {
    expect(new NumberValue(1.5).toString()).toBe('1.5');
    expect(new NumberValue(12n).toAttributeValue()).toEqual({ N: '12' });
    expect(() => new NumberValue(2 ** 60)).toThrow('NumberValue: value 1152921504606847000 is an integer beyond ±2^53');
    expect(() => new NumberValue(-(2 ** 60))).toThrow('is an integer beyond ±2^53');
    expect(() => new NumberValue(true as never)).toThrow(
      'NumberValue: value must be a string, number or bigint, got true',
    );
    expect(() => new NumberValue(Number.NaN)).toThrow(EventInputError);
  });

  it('unmarshall gives a number within ±(2^53 − 1) and a bigint beyond, at both ends', () => {
    expect(unmarshall({ a: { N: '9007199254740991' }, b: { N: '-9007199254740991' } })).toEqual({
      a: 9007199254740991,
      b: -9007199254740991,
    });
    expect(unmarshall({ a: { N: '9007199254740993' }, b: { N: '-9007199254740993' } })).toEqual({
      a: 9007199254740993n,
      b: -9007199254740993n,
    });
    expect(unmarshallValue({ NS: ['-9007199254740993', '1'] })).toEqual(new Set([-9007199254740993n, 1]));
    expect(() => unmarshall({ a: { N: '-9007199254740993.5' } })).toThrow(
      'unmarshall: item.a.N -9007199254740993.5 is a non-integer beyond ±2^53',
    );
  });

  it('refuses bad options and non-item inputs, naming them', () => {
    expect(() => marshall({ a: 1 }, null as never)).toThrow('marshall: options must be an object, got null');
    expect(() => marshallValue(1, 'x' as never)).toThrow('marshallValue: options must be an object');
    expect(() => unmarshall({ a: { S: 'x' } }, 5 as never)).toThrow('unmarshall: options must be an object');
    expect(() => unmarshallValue({ S: 'x' }, 5 as never)).toThrow('unmarshallValue: options must be an object');
    expect(() => marshall(null as never)).toThrow('marshall: item must be a plain object (an item), got null');
    expect(() => marshall(new Map([[1, 'x']]) as never)).toThrow(
      'marshall: item has the key 1; attribute names are strings',
    );
    expect(marshall(new Map([['a', new Map([['b', 1]])]]))).toEqual({ a: { M: { b: { N: '1' } } } });
  });

  it('keeps Set kinds apart and names the odd member', () => {
    expect(marshallValue(new Set([1n, new NumberValue('2'), 3]))).toEqual({ NS: ['1', '2', '3'] });
    expect(() => marshallValue(new Set([1, 'a']))).toThrow('marshallValue: value[1] is "a" in a Set of numbers');
    expect(() => marshallValue(new Set([new Uint8Array([1]), 'a']))).toThrow('value[1] is "a" in a Set of binaries');
    expect(() => marshallValue(new Set([null]))).toThrow('is a Set of null; DynamoDB sets hold only');
    expect(() => marshallValue(new Set([1, 1n]))).toThrow('holds "1" twice');
    expect(marshallValue(new Set(['a', undefined]), { removeUndefinedValues: true })).toEqual({ SS: ['a'] });
    expect(() => marshallValue(new Set([undefined]), { removeUndefinedValues: true })).toThrow('is an empty Set');
  });
});
