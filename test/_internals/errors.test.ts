import { describe, expect, it } from 'vitest';
import { show } from '../../src/_internals/errors.js';

class Point {
  x = 1;
}

describe('show: a user value in an error message', () => {
  it("writes what JSON cannot as itself, never as JSON's null or {}", () => {
    expect(show(Number.NaN)).toBe('NaN');
    expect(show(Infinity)).toBe('Infinity');
    expect(show(-Infinity)).toBe('-Infinity');
    expect(show({ n: Number.NaN, m: [Infinity, 1n, undefined] })).toBe('{"n":NaN,"m":[Infinity,1n,undefined]}');
    expect(show(new Map([['a', 1]]))).toBe('a Map of 1');
    expect(show(new Set())).toBe('a Set of 0');
    expect(show({ s: new Set([1, 2]) })).toBe('{"s":a Set of 2}');
    expect(show(new Point())).toBe('a Point object');
    expect(show(() => 1)).toBe('a function');
    expect(show(Symbol('q'))).toBe('Symbol(q)');
    expect(show(2n)).toBe('2n');
    expect(show(undefined)).toBe('undefined');
  });

  it('JSON values as JSON (strings quoted), long text shortened, cycles named', () => {
    expect(show('a"b')).toBe('"a\\"b"');
    expect(show(null)).toBe('null');
    expect(show([1, 'x'])).toBe('[1,"x"]');
    expect(show(new Date(0))).toBe('"1970-01-01T00:00:00.000Z"');
    expect(show('\u0000NaN\u0000')).toBe('"\\u0000NaN\\u0000"');
    expect(show(-0)).toBe('0');
    expect(show('x'.repeat(100))).toBe(`"${'x'.repeat(76)}...`);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(show(cyclic)).toBe('{"self":[Circular]}');
    expect(show(new Date(Number.NaN))).toBe('an invalid Date');
    // A huge value is cut short without writing all of it.
    expect(show(Array.from({ length: 1_000_000 }, (_, i) => i))).toMatch(/^\[0,1,2,.*\.\.\.$/);
  });
});
