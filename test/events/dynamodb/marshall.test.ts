/**
 * `marshall` / `unmarshall` at their edges: which objects count as numbers (the kit's NumberValue,
 * its subclasses, the SDK's), what a Set may hold, the errors' paths and rules, and what the
 * JavaScript side gets back. The SDK comparison properties live in `codec.test.ts`.
 */
import { NumberValueImpl as SdkNumberValue } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { EventInputError } from '../../../src/_internals/errors.js';
import {
  marshall,
  marshallItem,
  marshallValue,
  NumberValue,
  unmarshall,
  unmarshallValue,
} from '../../../src/events/dynamodb/marshall.js';

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

/** A class with a `value` field, like a money type: not a number to DynamoDB. */
class Money {
  readonly value = '5';
}

describe('NumberValue', () => {
  it('keeps the text of a string, a safe number or a bigint', () => {
    expect(new NumberValue('007.50').value).toBe('007.50');
    expect(new NumberValue(42).value).toBe('42');
    expect(new NumberValue(-0.5).value).toBe('-0.5');
    expect(new NumberValue(2n ** 64n).value).toBe('18446744073709551616');
    expect(new NumberValue('1E+2').toAttributeValue()).toEqual({ N: '1E+2' });
  });

  it('refuses what is not a number DynamoDB accepts, naming the rule', () => {
    expect(() => new NumberValue('abc')).toThrow('NumberValue: value "abc" is not a number DynamoDB accepts');
    expect(() => new NumberValue('1E+126')).toThrow("outside DynamoDB's number range");
    expect(() => new NumberValue(2 ** 53)).toThrow('NumberValue: value 9007199254740992 is an integer beyond ±2^53');
    expect(() => new NumberValue({ value: '1' } as never)).toThrow(
      'NumberValue: value must be a string, number or bigint',
    );
    expect(() => new NumberValue(undefined as never)).toThrow(EventInputError);
  });
});

describe('marshall: what counts as a number', () => {
  it('takes the kit’s NumberValue, its subclasses and the SDK’s NumberValue', () => {
    class Price extends NumberValue {}
    expect(marshall({ a: new NumberValue('1.50'), b: new Price('2'), c: new SdkNumberValue('3') })).toEqual({
      a: { N: '1.50' },
      b: { N: '2' },
      c: { N: '3' },
    });
    expect(marshallValue(new Set([new Price('1'), new SdkNumberValue('2')]))).toEqual({ NS: ['1', '2'] });
  });

  it('refuses look-alikes: a value field, a NumberValue name without toAttributeValue, toAttributeValue alone', () => {
    class NumberValueLike {
      readonly value = '1';
    }
    Object.defineProperty(NumberValueLike, 'name', { value: 'NumberValue' });
    class Convertible {
      toAttributeValue() {
        return { N: '1' };
      }
    }
    for (const [value, name] of [
      [new Money(), 'Money'],
      [new NumberValueLike(), 'NumberValue'],
      [new Convertible(), 'Convertible'],
    ] as const) {
      const error = thrown(() => marshall({ x: value }));
      expect(error.argument).toBe('item.x');
      expect(error.message).toContain(`is a ${name} instance; DynamoDB stores only strings, numbers, bigints`);
      expect(() => marshallValue(new Set([value]))).toThrow('is a Set of');
    }
  });

  it('refuses an object with no constructor at all with an EventInputError', () => {
    const orphan = Object.create(Object.create(null)) as object;
    const error = thrown(() => marshall({ x: orphan }));
    expect(error.argument).toBe('item.x');
    expect(error.message).toContain('item.x is an object of no class; DynamoDB stores only');
    expect(() => marshallValue(new Set([1, orphan]))).toThrow(EventInputError);
  });

  it('refuses, at marshall itself, numbers DynamoDB would refuse', () => {
    expect(() => marshall({ n: 1e-131 })).toThrow("marshall: item.n 1e-131 is outside DynamoDB's number range");
    expect(() => marshall({ n: 10n ** 38n + 1n })).toThrow(
      'marshall: item.n 100000000000000000000000000000000000001 has 39 significant digits',
    );
    expect(() => marshall({ n: new SdkNumberValue('1E+126') })).toThrow('marshall: item.n 1E+126 is outside');
    expect(() => marshall({ n: -(2 ** 53) - 2 })).toThrow('marshall: item.n -9007199254740994 is beyond ±2^53');
  });
});

describe('marshall: Sets', () => {
  it.each<[string, Set<unknown>, string]>([
    ['only undefined', new Set([undefined]), 'value is a Set of undefined; DynamoDB sets hold only strings (SS)'],
    ['only null', new Set([null]), 'value is a Set of null'],
    ['only booleans', new Set([true]), 'value is a Set of true'],
    ['only objects', new Set([{}]), 'value is a Set of {}'],
    ['a number, then undefined', new Set([1, undefined]), 'value[1] is undefined in a Set of numbers'],
    ['a number, then null', new Set([1, null]), 'value[1] is null in a Set of numbers'],
    ['a number, then an object', new Set([1, {}]), 'value[1] is {} in a Set of numbers'],
    ['a number, then a string', new Set([1, '2']), 'value[1] is "2" in a Set of numbers'],
    ['a number, then a money object', new Set([1, new Money()]), 'value[1] is a Money object in a Set of numbers'],
    ['a string, then a number', new Set(['a', 1]), 'value[1] is 1 in a Set of strings'],
    ['bytes, then a string', new Set([new Uint8Array([1]), 'a']), 'value[1] is "a" in a Set of binaries'],
    ['a number twice by value', new Set([1, new NumberValue('1.0')]), 'value holds "1.0" twice'],
  ])('refuses a Set of %s, naming the member', (_name, set, message) => {
    const error = thrown(() => marshallValue(set));
    expect(error.api).toBe('marshallValue');
    expect(error.message).toContain(`marshallValue: ${message}`);
  });
});

describe('marshall: undefined', () => {
  it('refuses undefined in a list or as the value, saying how to drop it', () => {
    const rule =
      'is undefined; DynamoDB has no undefined (use null, or pass { removeUndefinedValues: true } to drop it)';
    expect(() => marshallValue(undefined)).toThrow(`marshallValue: value ${rule}`);
    expect(() => marshallValue([1, undefined])).toThrow(`marshallValue: value[1] ${rule}`);
    expect(() => marshall({ l: [undefined] })).toThrow(`marshall: item.l[0] ${rule}`);
  });

  it('drops undefined from lists, maps and sets only with removeUndefinedValues', () => {
    expect(marshallValue([1, undefined, 2], { removeUndefinedValues: true })).toEqual({ L: [{ N: '1' }, { N: '2' }] });
    expect(marshallValue({ a: undefined, b: 1 }, { removeUndefinedValues: true })).toEqual({ M: { b: { N: '1' } } });
    expect(marshallValue([1], {})).toEqual({ L: [{ N: '1' }] });
    expect(() => marshallValue({ a: undefined })).toThrow('marshallValue: value.a is undefined');
    expect(() => marshallValue([undefined], { removeUndefinedValues: false })).toThrow('value[0] is undefined');
  });

  it('names functions and symbols', () => {
    expect(() => marshallValue(() => 1)).toThrow('marshallValue: value is a function, which DynamoDB cannot store');
    expect(() => marshallValue([Symbol('s')])).toThrow('marshallValue: value[0] is a symbol (Symbol(s))');
  });
});

describe('marshallItem', () => {
  it('names the API and argument it is given', () => {
    expect(() => marshallItem('makeThing', 'options.item', 'x')).toThrow(
      'makeThing: options.item must be a plain object (an item), got "x"',
    );
    expect(() => marshallItem('makeThing', 'options.item', [{}])).toThrow('makeThing: options.item must be a plain');
    expect(() => marshallItem('makeThing', 'options.item', new Date(0))).toThrow('must be a plain object');
    expect(() => marshallItem('makeThing', 'options.item', { a: 1n ** 0n, b: undefined })).toThrow(
      'makeThing: options.item.b is undefined',
    );
    expect(marshallItem('makeThing', 'options.item', Object.assign(Object.create(null), { a: 'x' }))).toEqual({
      a: { S: 'x' },
    });
  });
});

describe('unmarshall', () => {
  it('gives binaries as Uint8Arrays that own their bytes (not views into a shared pool)', () => {
    const { b, bs } = unmarshall({ b: { B: 'AQID' }, bs: { BS: ['BAU='] } }) as { b: Uint8Array; bs: Set<Uint8Array> };
    expect(b).toEqual(new Uint8Array([1, 2, 3]));
    expect(b.byteOffset).toBe(0);
    expect(b.buffer.byteLength).toBe(3);
    const [member] = [...bs];
    expect(member?.buffer.byteLength).toBe(2);
  });

  it('names the api, the argument and the path in its errors', () => {
    expect(() => unmarshall({ a: { S: 1 } } as never)).toThrow('unmarshall: item.a.S must be a string (S), got 1');
    expect(() => unmarshall({ a: { NS: ['1', '9007199254740993.5'] } })).toThrow(
      'unmarshall: item.a.NS[1] 9007199254740993.5 is a non-integer beyond ±2^53',
    );
    expect(() => unmarshall({ a: { L: [{ N: '1' }, { N: '9007199254740993.5' }] } })).toThrow(
      'unmarshall: item.a.L[1].N 9007199254740993.5 is a non-integer',
    );
    expect(() => unmarshallValue({ S: 1 } as never)).toThrow('unmarshallValue: value.S must be a string (S)');
    expect(() => unmarshallValue({ N: '9007199254740993.5' })).toThrow(
      'unmarshallValue: value.N 9007199254740993.5 is a non-integer beyond ±2^53',
    );
  });

  it('unmarshallValue wraps numbers only when asked', () => {
    expect(unmarshallValue({ N: '1.50' })).toBe(1.5);
    expect(unmarshallValue({ N: '1.50' }, { wrapNumbers: false })).toBe(1.5);
    const wrapped = unmarshallValue({ N: '1.50' }, { wrapNumbers: true });
    expect(wrapped).toBeInstanceOf(NumberValue);
    expect(String(wrapped)).toBe('1.5');
    expect(unmarshallValue({ L: [{ N: '2' }] }, { wrapNumbers: true })).toEqual([new NumberValue('2')]);
  });
});
