/**
 * The AttributeValue walk (`storeAttributeMap`, `storeAttributeValue`, `itemSizeBytes`,
 * `isAttributeValue`, `attributeValuesEqual`): every rule DynamoDB applies on write, each named in
 * its error with the path of the offending value; the canonical form it returns, without touching
 * the input; and the JSON-length bound the Lambda payload check trusts, against the real length.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeValue.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeValue } from '../../../arbitraries/attributeValue.js';
import { EventInputError } from '../../../src/_internals/errors.js';
import {
  attributeMapsEqual,
  attributeValuesEqual,
  childPath,
  isAttributeValue,
  itemSizeBytes,
  storeAttributeMap,
  storeAttributeValue,
} from '../../../src/events/dynamodb/attributeValue.js';
import type { AttributeMap, AttributeValue } from '../../../src/events/dynamodb/types.js';
import { NUM_RUNS } from '../../_helpers/runs.js';
import { mapSize } from './_invariants.js';

/** The EventInputError `call` throws (fails the test if it throws anything else, or nothing). */
function thrown(call: () => unknown): EventInputError {
  try {
    call();
  } catch (error) {
    if (error instanceof EventInputError) return error;
    throw error;
  }
  throw new Error('accepted');
}

/** The error `storeAttributeMap` gives for `item`, as `{ argument, message }`. */
function refusal(item: unknown): { argument: string; message: string } {
  const error = thrown(() => storeAttributeMap('test', 'item', item));
  expect(error.api).toBe('test');
  return { argument: error.argument, message: error.message };
}

/** `levels` nested values built by `wrap`, holding `{ NULL: true }` at the bottom. */
function nest(levels: number, wrap: (inner: AttributeValue) => AttributeValue): AttributeValue {
  let value: AttributeValue = { NULL: true };
  for (let i = 0; i < levels; i++) value = wrap(value);
  return value;
}

describe('storeAttributeMap: what DynamoDB refuses, named by path and rule', () => {
  it.each<[string, unknown, string, string]>([
    ['a non-string S', { a: { S: 1 } }, 'item.a.S', 'must be a string (S), got 1'],
    ['a non-string SS member', { a: { SS: ['x', 2] } }, 'item.a.SS[1]', 'must be a string (SS member), got 2'],
    ['a lone surrogate', { a: { S: 'x\uD800' } }, 'item.a.S', 'holds a lone UTF-16 surrogate'],
    ['a non-string N', { a: { N: 5 } }, 'item.a.N', 'must be a number string, got 5'],
    ['an N that is not a number', { a: { N: '1.2.3' } }, 'item.a.N', '"1.2.3" is not a number DynamoDB accepts'],
    ['an N out of range', { a: { N: '1E+126' } }, 'item.a.N', "outside DynamoDB's number range"],
    ['an NS member that is not a number', { a: { NS: ['1', 'x'] } }, 'item.a.NS[1]', '"x" is not a number'],
    ['invalid base64', { a: { B: 'not base64!' } }, 'item.a.B', 'must be standard base64'],
    ['base64 in an array', { a: { B: ['QQ=='] } }, 'item.a.B', 'must be standard base64'],
    ['a non-string B', { a: { B: 7 } }, 'item.a.B', 'must be standard base64'],
    ['a BS member that is not base64', { a: { BS: ['QQ==', 'Q'] } }, 'item.a.BS[1]', 'must be standard base64'],
    ['an SS that is not an array', { a: { SS: 'x' } }, 'item.a.SS', 'SS must be an array, got "x"'],
    ['an NS that is not an array', { a: { NS: { 0: '1' } } }, 'item.a.NS', 'NS must be an array'],
    ['an empty SS', { a: { SS: [] } }, 'item.a.SS', 'SS is empty; DynamoDB sets hold at least one member'],
    ['a duplicate SS member', { a: { SS: ['x', 'y', 'x'] } }, 'item.a.SS', 'SS holds "x" twice'],
    ['a duplicate NS member by value', { a: { NS: ['1', '1.0'] } }, 'item.a.NS', 'NS holds "1" twice'],
    ['a duplicate BS member', { a: { BS: ['AQ==', 'AQ=='] } }, 'item.a.BS', 'BS holds "AQ==" twice'],
    ['a non-boolean BOOL', { a: { BOOL: 'true' } }, 'item.a.BOOL', 'must be true or false, got "true"'],
    ['a NULL that is not true', { a: { NULL: false } }, 'item.a.NULL', 'must be true (DynamoDB sends {"NULL":true})'],
    ['an L that is not an array', { a: { L: { 0: { S: 'x' } } } }, 'item.a.L', 'must be an array'],
    ['an M that is not an object', { a: { M: [{ S: 'x' }] } }, 'item.a.M', 'must be an object of attribute values'],
    ['an M that is null', { a: { M: null } }, 'item.a.M', 'must be an object of attribute values, got null'],
    ['a value that is not an object', { a: null }, 'item.a', 'must be an AttributeValue object such as {"S":"text"}'],
    ['a value that is a string', { a: 'x' }, 'item.a', 'must be an AttributeValue object'],
    ['two type keys', { a: { S: 'x', N: '1' } }, 'item.a', 'must have exactly one type key'],
    ['no type key', { a: {} }, 'item.a', 'must have exactly one type key'],
    ['an unknown type key', { a: { X: '1' } }, 'item.a', 'must have exactly one type key'],
    ['a bad value in a list', { a: { L: [{ S: 'x' }, { N: 'x' }] } }, 'item.a.L[1].N', '"x" is not a number'],
    ['a bad value in a map', { a: { M: { 'b c': { BOOL: 1 } } } }, 'item.a.M["b c"].BOOL', 'must be true or false'],
    ['an empty top-level name', { '': { S: 'x' } }, 'item[""]', 'is an empty attribute name'],
    ['an item that is an array', [{ S: 'x' }], 'item', 'must be an object of attribute values'],
    ['an item that is null', null, 'item', 'must be an object of attribute values'],
  ])('refuses %s', (_name, item, argument, rule) => {
    const error = refusal(item);
    expect(error.argument).toBe(argument);
    expect(error.message).toContain(`test: ${argument} `);
    expect(error.message).toContain(rule);
  });

  it('accepts an empty name inside a map (only top-level attribute names must be non-empty)', () => {
    expect(storeAttributeMap('test', 'item', { a: { M: { '': { S: 'x' } } } }).size).toBe(1 + 3 + 1 + 0 + 1);
  });

  it('accepts a name of 65,535 UTF-8 bytes and refuses one of 65,536, counting bytes, not characters', () => {
    expect(storeAttributeMap('test', 'item', { ['a'.repeat(65_535)]: { NULL: true } }).size).toBe(65_535 + 1);
    expect(refusal({ ['a'.repeat(65_536)]: { NULL: true } }).message).toContain(
      'is a 65536-byte attribute name; DynamoDB allows at most 65535',
    );
    // 32,768 two-byte characters: short as text, too long as UTF-8.
    expect(refusal({ ['é'.repeat(32_768)]: { NULL: true } }).message).toContain('is a 65536-byte attribute name');
  });

  it.each<[string, (inner: AttributeValue) => AttributeValue]>([
    ['lists', (inner) => ({ L: [inner] })],
    ['maps', (inner) => ({ M: { x: inner } })],
    ['lists and maps', (inner) => ('L' in inner ? { M: { x: inner } } : { L: [inner] })],
  ])('nests %s 32 levels deep, and not 33', (_name, wrap) => {
    const at32 = storeAttributeMap('test', 'item', { a: nest(32, wrap) });
    expect(at32.size).toBeGreaterThan(32 * 3);
    const error = refusal({ a: nest(33, wrap) });
    expect(error.message).toContain("nests lists and maps deeper than DynamoDB's 32 levels");
    // The value named is the 33rd container, 32 levels down.
    expect(error.argument.match(/\.(L|M)/g)).toHaveLength(33);
    expect(() => storeAttributeValue('test', 'value', nest(32, wrap))).not.toThrow();
    expect(() => storeAttributeValue('test', 'value', nest(33, wrap))).toThrow(/deeper than DynamoDB's 32 levels/);
  });
});

describe('childPath', () => {
  it('writes identifier-like keys with a dot and any other key in brackets', () => {
    expect(childPath('item', 'a')).toBe('item.a');
    expect(childPath('item', '_a$1')).toBe('item._a$1');
    expect(childPath('item', '$')).toBe('item.$');
    expect(childPath('item', 'a b')).toBe('item["a b"]');
    expect(childPath('item', '1a')).toBe('item["1a"]');
    expect(childPath('item', 'a-b')).toBe('item["a-b"]');
    expect(childPath('item', '')).toBe('item[""]');
    expect(childPath('item', 'say "hi"')).toBe('item["say \\"hi\\""]');
    expect(childPath('item', 'é')).toBe('item["é"]');
  });

  it('is the path errors name', () => {
    expect(refusal({ 'order id': { N: 'x' } }).argument).toBe('item["order id"].N');
    expect(refusal({ '2nd': { N: 'x' } }).argument).toBe('item["2nd"].N');
  });
});

describe('storeAttributeMap: the form DynamoDB stores', () => {
  it('returns the input itself when it is already canonical', () => {
    const item: AttributeMap = {
      s: { S: 'x' },
      n: { N: '-1.5' },
      b: { B: 'AQI=' },
      t: { BOOL: false },
      z: { NULL: true },
      ss: { SS: ['a', 'b'] },
      ns: { NS: ['1', '2'] },
      bs: { BS: ['AQ==', 'Ag=='] },
      l: { L: [{ N: '1' }, { L: [] }] },
      m: { M: { a: { N: '1' }, b: { M: {} } } },
    };
    const before = structuredClone(item);
    expect(storeAttributeMap('test', 'item', item).item).toBe(item);
    expect(storeAttributeValue('test', 'value', item.l as AttributeValue).value).toBe(item.l);
    expect(storeAttributeValue('test', 'value', item.ns as AttributeValue).value).toBe(item.ns);
    expect(item).toEqual(before);
  });

  it('canonicalises numbers and base64 at any depth, in a copy, leaving the input untouched', () => {
    const item = {
      n: { N: '01.50' },
      b: { B: 'AR==' },
      ns: { NS: ['1', '2.0'] },
      bs: { BS: ['AR==', 'Ag=='] },
      l: { L: [{ S: 'x' }, { N: '+3' }] },
      m: { M: { k: { N: '1e2' }, keep: { S: 'y' } } },
      s: { S: 'unchanged' },
    } as AttributeMap;
    const before = structuredClone(item);
    const stored = storeAttributeMap('test', 'item', item);
    expect(stored.item).toEqual({
      n: { N: '1.5' },
      // Non-zero padding bits decode to the same byte; DynamoDB sends the canonical text back.
      b: { B: 'AQ==' },
      ns: { NS: ['1', '2'] },
      bs: { BS: ['AQ==', 'Ag=='] },
      l: { L: [{ S: 'x' }, { N: '3' }] },
      m: { M: { k: { N: '100' }, keep: { S: 'y' } } },
      s: { S: 'unchanged' },
    });
    expect(item).toEqual(before);
    expect(Object.keys(stored.item)).toEqual(Object.keys(item));
    // The copy is an ordinary object: every attribute an own, writable, enumerable, configurable property.
    for (const key of Object.keys(item)) {
      expect(Object.getOwnPropertyDescriptor(stored.item, key)).toMatchObject({
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  });

  it('keeps an own "__proto__" attribute an attribute when it copies', () => {
    const item = JSON.parse('{"__proto__":{"N":"1.0"},"a":{"S":"x"}}') as AttributeMap;
    const stored = storeAttributeMap('test', 'item', item).item;
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(Object.hasOwn(stored, '__proto__')).toBe(true);
    expect(JSON.stringify(stored)).toBe('{"__proto__":{"N":"1"},"a":{"S":"x"}}');
  });

  it('canonicalises base64 with non-zero padding bits, one or two padding characters', () => {
    expect(storeAttributeValue('test', 'value', { B: 'AR==' }).value).toEqual({ B: 'AQ==' });
    expect(storeAttributeValue('test', 'value', { B: 'AQN=' }).value).toEqual({ B: 'AQM=' });
    expect(storeAttributeValue('test', 'value', { BS: ['AQN='] }).value).toEqual({ BS: ['AQM='] });
  });
});

describe('sizes by the item-size formula', () => {
  it('counts the decoded bytes of binaries, padded or not', () => {
    expect(itemSizeBytes({ b: { B: '' } })).toBe(1);
    expect(itemSizeBytes({ b: { B: 'AQ==' } })).toBe(1 + 1);
    expect(itemSizeBytes({ b: { B: 'AQI=' } })).toBe(1 + 2);
    expect(itemSizeBytes({ b: { B: 'AQID' } })).toBe(1 + 3);
    expect(itemSizeBytes({ b: { BS: ['AQ==', 'AQI=', 'AQID', 'AQIDBA=='] } })).toBe(1 + 1 + 2 + 3 + 4);
  });

  it('counts string set members in UTF-8 bytes, and each value type', () => {
    expect(itemSizeBytes({ s: { SS: ['a', 'é', '😀'] } })).toBe(1 + 1 + 2 + 4);
    expect(itemSizeBytes({ t: { BOOL: true }, z: { NULL: true } })).toBe(2 + 2);
    expect(itemSizeBytes({ é: { S: 'ab' } })).toBe(2 + 2);
  });

  it('sizes a single value without a name (storeAttributeValue)', () => {
    expect(storeAttributeValue('test', 'value', { S: 'abc' }).size).toBe(3);
    expect(storeAttributeValue('test', 'value', { N: '123' }).size).toBe(3);
    expect(storeAttributeValue('test', 'value', { L: [{ BOOL: true }] }).size).toBe(3 + 1 + 1);
    expect(storeAttributeValue('test', 'value', { M: { ab: { NULL: true } } }).size).toBe(3 + 1 + 2 + 1);
  });

  it('agrees with the independent formula on every generated map', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), attributeValue()), (item) => {
        expect(itemSizeBytes(item as AttributeMap)).toBe(mapSize(item as never));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('names itemSizeBytes and its item in errors', () => {
    expect(() => itemSizeBytes({ a: { N: 'x' } })).toThrow('itemSizeBytes: item.a.N "x" is not a number');
  });
});

describe('isAttributeValue', () => {
  it('is true for what DynamoDB accepts and false for the rest, without throwing', () => {
    for (const value of [{ S: '' }, { N: '1' }, { NULL: true }, { L: [] }, { M: {} }, { SS: ['a'] }])
      expect(isAttributeValue(value)).toBe(true);
    for (const value of [null, 'x', {}, { S: 1 }, { N: '1', S: 'x' }, { NULL: false }, { SS: [] }, { X: 1 }])
      expect(isAttributeValue(value)).toBe(false);
  });
});

describe('attributeValuesEqual and attributeMapsEqual', () => {
  it.each<[string, AttributeValue, AttributeValue, boolean]>([
    ['equal strings', { S: 'a' }, { S: 'a' }, true],
    ['different strings', { S: 'a' }, { S: 'b' }, false],
    ['different types', { S: '1' }, { N: '1' }, false],
    ['string sets in another order', { SS: ['a', 'b'] }, { SS: ['b', 'a'] }, true],
    ['number sets in another order', { NS: ['1', '2'] }, { NS: ['2', '1'] }, true],
    ['binary sets in another order', { BS: ['AQ==', 'Ag=='] }, { BS: ['Ag==', 'AQ=='] }, true],
    ['number sets with one member changed', { NS: ['1', '2'] }, { NS: ['1', '3'] }, false],
    ['sets of different sizes', { SS: ['a'] }, { SS: ['a', 'b'] }, false],
    ['equal lists', { L: [{ S: 'a' }, { N: '1' }] }, { L: [{ S: 'a' }, { N: '1' }] }, true],
    ['lists with their last element changed', { L: [{ S: 'a' }, { S: 'b' }] }, { L: [{ S: 'a' }, { S: 'c' }] }, false],
    ['lists in another order', { L: [{ S: 'a' }, { S: 'b' }] }, { L: [{ S: 'b' }, { S: 'a' }] }, false],
    ['lists of different lengths', { L: [{ S: 'a' }] }, { L: [{ S: 'a' }, { S: 'a' }] }, false],
    [
      'maps in another key order',
      { M: { a: { S: 'x' }, b: { N: '1' } } },
      { M: { b: { N: '1' }, a: { S: 'x' } } },
      true,
    ],
    ['maps with a value changed', { M: { a: { S: 'x' } } }, { M: { a: { S: 'y' } } }, false],
    ['maps with another key', { M: { a: { S: 'x' } } }, { M: { b: { S: 'x' } } }, false],
    ['maps with one more key', { M: { a: { S: 'x' } } }, { M: { a: { S: 'x' }, b: { NULL: true } } }, false],
  ])('%s', (_name, a, b, equal) => {
    expect(attributeValuesEqual(a, b)).toBe(equal);
    expect(attributeValuesEqual(b, a)).toBe(equal);
    expect(attributeMapsEqual({ v: a }, { v: b })).toBe(equal);
  });
});

/** Strings JSON must escape, or whose UTF-8 is longer than their UTF-16. */
const hostileText = fc.string({
  unit: fc.constantFrom('a', '"', '\\', '\u0000', '\u001f', '\n', '\u007f', 'é', '€', '😀', '\u2028'),
  maxLength: 12,
});
/** Any valid attribute value, from the kit's arbitrary and from hostile, non-canonical and repetitive shapes. */
const { value: anyValue } = fc.letrec<{ value: AttributeValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    attributeValue(),
    hostileText.map((S) => ({ S })),
    fc.uniqueArray(hostileText, { minLength: 1, maxLength: 5 }).map((SS) => ({ SS })),
    fc.constantFrom<AttributeValue>({ N: '0001.500' }, { B: 'AR==' }, { NS: ['+1', '2.0'] }, { BS: ['AR=='] }),
    fc
      .array(fc.constantFrom<AttributeValue>({ BOOL: false }, { BOOL: true }, { NULL: true }), { maxLength: 40 })
      .map((L) => ({ L })),
    fc.array(tie('value'), { maxLength: 4 }).map((L) => ({ L })),
    fc.dictionary(hostileText, tie('value'), { maxKeys: 4 }).map((M) => ({ M: M as AttributeMap })),
  ),
}));
const anyMap = fc.dictionary(
  hostileText.filter((name) => name.length > 0),
  anyValue,
  { maxKeys: 6 },
);

describe('jsonBound: the bound the Lambda payload check trusts', () => {
  it("is never below the map's real JSON length (UTF-8 bytes), and at most 6 times it", () => {
    fc.assert(
      fc.property(anyMap, (map) => {
        const stored = storeAttributeMap('test', 'item', map);
        const bytes = Buffer.byteLength(JSON.stringify(stored.item));
        expect(stored.jsonBound).toBeGreaterThanOrEqual(bytes);
        // Each character JSON writes is counted at most 6 times (a \u00XX escape per byte).
        expect(stored.jsonBound).toBeLessThanOrEqual(6 * bytes);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it.each<[string, AttributeMap]>([
    ['an empty map', {}],
    ['an empty string', { a: { S: '' } }],
    ['a one-digit number', { a: { N: '1' } }],
    ['an empty binary', { a: { B: '' } }],
    ['a list of false', { a: { L: Array.from({ length: 1000 }, () => ({ BOOL: false })) } }],
    ['a list of NULL', { a: { L: Array.from({ length: 1000 }, () => ({ NULL: true })) } }],
    ['a list of empty lists', { a: { L: Array.from({ length: 1000 }, () => ({ L: [] })) } }],
    ['a list of empty maps', { a: { L: Array.from({ length: 1000 }, () => ({ M: {} })) } }],
    ['a set of empty strings and one-digit numbers', { a: { SS: ['', 'x'] }, b: { NS: ['1', '2'] }, c: { BS: [''] } }],
    ['a set of ten one-digit numbers', { a: { NS: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] } }],
    ['a set of short binaries', { a: { BS: ['', 'AA==', 'AQ==', 'Ag==', 'Aw==', 'BA==', 'BQ==', 'Bg=='] } }],
    ['control characters everywhere', { '\u0000\u0001': { SS: ['\u0000'.repeat(100), '\u001f'] }, b: { S: '\u0001' } }],
    ['nested empty names', { a: { M: { '': { M: { '': { S: '' } } } } } }],
  ])('holds for %s', (_name, map) => {
    const stored = storeAttributeMap('test', 'item', map);
    expect(stored.jsonBound).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(map)));
  });
});
