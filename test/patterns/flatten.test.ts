import { describe, expect, it } from 'vitest';
import { EventPatternInputError } from '../../src/patterns/errors.js';
import { flattenEvent, selectPaths } from '../../src/patterns/flatten.js';
import { isNumberLiteral } from '../../src/patterns/numbers.js';

const values = (event: unknown, path: string, paths?: string[]) =>
  (flattenEvent(event, 'test', paths && selectPaths(paths)).fields.get(path) ?? []).map((leaf) =>
    isNumberLiteral(leaf.value) ? leaf.value.text : leaf.value,
  );

describe('flattenEvent', () => {
  it('joins nested keys and dotted keys into the same path', () => {
    expect(values({ a: { b: 1 } }, 'a.b')).toEqual([1]);
    expect(values({ 'a.b': 1 }, 'a.b')).toEqual([1]);
    expect(values({ a: { 'b.c': 'x' } }, 'a.b.c', ['a.b.c'])).toEqual(['x']);
    expect(values({ 'a.b': { c: 'y' } }, 'a.b.c', ['a.b.c'])).toEqual(['y']);
  });

  it('flattens arrays of scalars without trails and crushes arrays of objects with trails', () => {
    const flat = flattenEvent({ a: [1, 2], b: [{ c: 'x' }, { c: 'y', d: [[{ e: 1 }]] }] }, 'test');
    expect(flat.fields.get('a')!.map((l) => l.arrays)).toEqual([null, null]);
    const c = flat.fields.get('b.c')!;
    expect(c.map((l) => l.value)).toEqual(['x', 'y']);
    expect(c[0]!.arrays!.array).toBe(c[1]!.arrays!.array);
    expect([c[0]!.arrays!.index, c[1]!.arrays!.index]).toEqual([0, 1]);
    const e = flat.fields.get('b.d.e')![0]!.arrays!;
    // Innermost first: inner array element 0, outer nested array element 0, b's element 1.
    expect([e.index, e.parent!.index, e.parent!.parent!.index, e.parent!.parent!.parent]).toEqual([0, 0, 1, null]);
    expect(new Set([e.array, e.parent!.array, e.parent!.parent!.array]).size).toBe(3);
    expect(flat.hasArrays).toBe(true);
  });

  it('has no leaf for objects and empty arrays, and a null leaf for null', () => {
    const flat = flattenEvent({ o: {}, e: [], n: null, u: undefined, arr: [undefined] }, 'test');
    expect(flat.fields.has('o')).toBe(false);
    expect(flat.fields.has('e')).toBe(false);
    expect(flat.fields.has('u')).toBe(false);
    expect(values({ n: null }, 'n')).toEqual([null]);
    expect(values({ arr: [undefined] }, 'arr')).toEqual([null]);
  });

  it('keeps the text of JSON-text numbers where it matters, and reads the others as numbers', () => {
    // Past double precision (or with a long digit run anywhere in the text): the lossless parser.
    expect(values('{"a": 12345678901234567890}', 'a')).toEqual(['12345678901234567890']);
    expect(values('{"a": 3.0e2, "s": "1234567890123456"}', 'a')).toEqual(['3.0e2']);
    expect(values('{"a": 1e400}', 'a')).toEqual(['1e400']);
    expect(values('{"a": 0.1000000000000000055511151231257827}', 'a')).toEqual([
      '0.1000000000000000055511151231257827',
    ]);
    // Up to 15 significant digits and a 2-digit exponent the double is the written decimal.
    expect(values('{"a": 3.0e2, "b": [1.50, -0, 123456789012345]}', 'a')).toEqual([300]);
    expect(values('{"a": 3.0e2, "b": [1.50, -0, 123456789012345]}', 'b')).toEqual([1.5, -0, 123456789012345]);
  });

  it('walks only the selected paths', () => {
    const flat = flattenEvent({ a: { b: 1, c: 2 }, d: 3, big: { x: { y: 1 } } }, 'test', selectPaths(['a.b']));
    expect([...flat.fields.keys()]).toEqual(['a.b']);
    // Walking keys instead of probing (many candidates) gives the same leaves.
    const many = Array.from({ length: 40 }, (_, i) => `k${i}`);
    const flat2 = flattenEvent({ k3: 1, zz: 2, 'k4.q': 3 }, 'test', selectPaths([...many, 'k4.q']));
    expect([...flat2.fields.keys()].sort()).toEqual(['k3', 'k4.q']);
  });

  it('treats an empty key as a path of its own', () => {
    expect(values({ '': { '': 1 } }, '.')).toEqual([1]);
    expect(values({ '': { '': 1 } }, '.', ['.'])).toEqual([1]);
    expect(values({ '': 2 }, '', [''])).toEqual([2]);
  });

  it('rejects events that are not JSON objects with a clear error', () => {
    for (const bad of [[1], 'x', '[1]', 42, null, '5', 'null', undefined]) {
      expect(() => flattenEvent(bad, 'testEventPattern')).toThrow(EventPatternInputError);
    }
    expect(() => flattenEvent([], 'testEventPattern')).toThrow(
      /^testEventPattern: event must be a JSON object.*an array/,
    );
    expect(() => flattenEvent('{"a":', 'testEventPattern')).toThrow(/testEventPattern: event is not valid JSON text/);
    expect(() => flattenEvent({ a: Number.NaN }, 'x')).toThrow(/JSON cannot hold/);
    expect(() => flattenEvent({ a: 1n }, 'x')).toThrow(/bigint/);
    // toJSON is applied once, as JSON.stringify does, even when it returns another such object.
    const odd = { toJSON: () => odd };
    expect(flattenEvent({ a: odd }, 'x', selectPaths(['a'])).fields.size).toBe(0);
    expect(values({ d: new Date(0) }, 'd')).toEqual(['1970-01-01T00:00:00.000Z']);
  });

  it('rejects cyclic events and survives 10,000-deep ones', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => flattenEvent(cyclic, 'test')).toThrow(/cyclic/);
    const arr: unknown[] = [];
    arr.push(arr);
    expect(() => flattenEvent({ a: arr }, 'test', selectPaths(['a']))).toThrow(/cyclic/);
    // The same object twice (not a cycle) is fine.
    const shared = { v: 1 };
    expect(values({ a: [shared, shared] }, 'a.v')).toEqual([1, 1]);
    let deep: unknown = { leaf: 'x' };
    let deepArr: unknown = 'y';
    for (let i = 0; i < 10_000; i++) {
      deep = { n: deep };
      deepArr = [deepArr];
    }
    expect(flattenEvent({ deep }, 'test').fields.size).toBe(1);
    expect(values({ deepArr }, 'deepArr', ['deepArr'])).toEqual(['y']);
    const text = `{"a":${'['.repeat(10_000)}1${']'.repeat(10_000)}}`;
    expect(values(text, 'a', ['a'])).toEqual([1]);
    expect(values(`{"a":${'['.repeat(10_000)}12345678901234567890${']'.repeat(10_000)}}`, 'a', ['a'])).toEqual([
      '12345678901234567890',
    ]);
  });
});
