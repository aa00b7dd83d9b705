import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compareDoubles,
  decimalEquals,
  isComparable,
  isNumberLiteral,
  numberLiteral,
} from '../../src/patterns/numbers.js';
import { NUM_RUNS } from '../_helpers/runs.js';

// AWS's rule (aws/event-ruler ComparableNumber.generate): a number is compared by value only if its
// double, written back as the shortest decimal, equals the written decimal exactly.
describe('numberLiteral', () => {
  it.each([
    ['0.1', true],
    ['3.0e2', true],
    ['300.000', true],
    ['301.8', true],
    ['-4e-6', true],
    ['1E-320', true],
    ['0.30000000000000004', true],
    ['9007199254740992', true],
    ['9007199254740993', false],
    ['12345678901234567890', false],
    ['123456789012345678', false],
    ['2.0e422', false],
    ['1E309', false],
    ['1E-325', false],
    ['-1e-400', false],
    ['0.1000000000000000055511151231257827', false],
  ])('%s comparable: %s', (text, comparable) => {
    const n = numberLiteral(text);
    expect(n.text).toBe(text);
    expect(n.comparable).toBe(comparable);
    expect(isComparable(text)).toBe(comparable);
  });

  it('keeps the value of the text, with no negative zero', () => {
    expect(numberLiteral('3.0e2').value).toBe(300);
    expect(Object.is(numberLiteral('-0').value, 0)).toBe(true);
    expect(numberLiteral('-0').comparable).toBe(true);
  });

  it('makes frozen literals that isNumberLiteral recognises and JSON writes as numbers', () => {
    const n = numberLiteral('1.50');
    expect(Object.isFrozen(n)).toBe(true);
    expect(isNumberLiteral(n)).toBe(true);
    expect(isNumberLiteral({ text: '1', value: 1, comparable: true })).toBe(false);
    expect(JSON.stringify({ n })).toBe('{"n":1.5}');
  });

  it.each(['', '01', '+1', '1.', '.5', 'NaN', '1e', '0x10', ' 1'])('rejects %j, which is not a JSON number', (text) => {
    expect(() => numberLiteral(text)).toThrow(TypeError);
  });

  it('agrees with the shortest round trip for every finite double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
        expect(numberLiteral(JSON.stringify(d)).comparable).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('decimalEquals and compareDoubles', () => {
  it('compares decimal texts exactly', () => {
    expect(decimalEquals('1.50', '15e-1')).toBe(true);
    expect(decimalEquals('-0', '0.000')).toBe(true);
    expect(decimalEquals('100', '1e2')).toBe(true);
    expect(decimalEquals('0.1', '0.10000000000000001')).toBe(false);
    expect(decimalEquals('-1', '1')).toBe(false);
  });

  it('orders values', () => {
    expect(compareDoubles(1, 2)).toBe(-1);
    expect(compareDoubles(2, 1)).toBe(1);
    expect(compareDoubles(numberLiteral('-0').value, 0)).toBe(0);
  });
});
