import { describe, expect, it } from 'vitest';
import { EventInputError } from '../../src/_internals/errors.js';
import { applyOverrides, isOverridden, REPLACED_WHOLE } from '../../src/_internals/overrides.js';

describe('applyOverrides', () => {
  const base = {
    Records: [
      { body: 'a', attributes: { SentTimestamp: '1', ApproximateReceiveCount: '1' } },
      { body: 'b', attributes: { SentTimestamp: '2', ApproximateReceiveCount: '1' } },
    ],
    nested: { a: 1, b: { c: 2, d: 3 } },
    messageAttributes: {
      one: { dataType: 'String', stringValue: '1' },
      two: { dataType: 'String', stringValue: '2' },
    } as Record<string, { dataType: string; stringValue: string }>,
  };

  it('merges plain objects field by field, recursively', () => {
    const out = applyOverrides(base, { nested: { b: { c: 20 } } }, 'test');
    expect(out.nested).toEqual({ a: 1, b: { c: 20, d: 3 } });
  });

  it('replaces arrays whole: a one-record override leaves one whole record, never a half-built second', () => {
    const replacement = [{ body: 'x', attributes: { SentTimestamp: '9', ApproximateReceiveCount: '3' } }];
    const out = applyOverrides(base, { Records: replacement }, 'test');
    expect(out.Records).toEqual(replacement);
    expect(out.Records).not.toBe(replacement); // copied, so later edits of the argument do not leak in
  });

  it('replaces map-like objects named in REPLACED_WHOLE whole', () => {
    expect(REPLACED_WHOLE).toContain('messageAttributes');
    const out = applyOverrides(
      base,
      { messageAttributes: { three: { dataType: 'Number', stringValue: '3' } } },
      'test',
    );
    expect(Object.keys(out.messageAttributes)).toEqual(['three']);
  });

  it('never mutates the base or the override', () => {
    const before = structuredClone(base);
    const override = { nested: { b: { c: 5 } } };
    const out = applyOverrides(base, override, 'test');
    out.nested.b.d = 99;
    expect(base).toEqual(before);
    expect(override).toEqual({ nested: { b: { c: 5 } } });
  });

  it('sets a field to undefined when asked, so JSON drops it', () => {
    const out = applyOverrides(base, { nested: { a: undefined } }, 'test');
    expect(JSON.parse(JSON.stringify(out)).nested).toEqual({ b: { c: 2, d: 3 } });
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'key %s becomes an own data property and pollutes no prototype',
    (key) => {
      const hostile = JSON.parse(`{"nested": {"${key}": {"polluted": true}}, "${key}": {"polluted": true}}`);
      const out = applyOverrides(base, hostile, 'test') as unknown as Record<string, Record<string, unknown>>;
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((Object.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(out.nested)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(out, key)?.value).toEqual({ polluted: true });
      expect(Object.getOwnPropertyDescriptor(out.nested, key)?.value).toEqual({ polluted: true });
    },
  );

  it('returns the base itself when there are no overrides', () => {
    expect(applyOverrides(base, undefined, 'test')).toBe(base);
  });
});

describe('applyOverrides refuses overrides that are not a plain object of JSON values', () => {
  const base = { Records: [{ body: 'a' }] };
  const thrown = (overrides: unknown): EventInputError => {
    try {
      applyOverrides(base, overrides as never, 'makeTest');
    } catch (error) {
      if (error instanceof EventInputError) return error;
      throw error;
    }
    throw new Error(`accepted ${String(overrides)}`);
  };

  it.each([
    ['null', null],
    ['a string', 'x'],
    ['a number', 42],
    ['an array', [{ body: 'b' }]],
    ['a boolean', false],
    ['a Map', new Map([['Records', []]])],
  ])('%s would replace the whole event: EventInputError', (_name, overrides) => {
    const error = thrown(overrides);
    expect(error.api).toBe('makeTest');
    expect(error.argument).toBe('options.overrides');
    expect(error.message).toMatch(/^makeTest: options\.overrides must be a plain object of the fields to replace/);
  });

  it.each([
    ['NaN', { Records: [{ n: Number.NaN }] }, 'options.overrides.Records[0].n', /is NaN/],
    ['Infinity', { x: { y: -Infinity } }, 'options.overrides.x.y', /is -Infinity/],
    ['a Map', { x: new Map() }, 'options.overrides.x', /is a Map object/],
    ['a Set', { x: new Set([1]) }, 'options.overrides.x', /is a Set object/],
    ['a function', { x: () => 1 }, 'options.overrides.x', /is a function/],
    ['a symbol', { x: Symbol('s') }, 'options.overrides.x', /is a symbol/],
    ['a bigint', { x: 1n }, 'options.overrides.x', /is a bigint/],
    ['a Date', { x: new Date(0) }, 'options.overrides.x', /is a Date object/],
  ])('a value JSON cannot carry (%s) names its path', (_name, overrides, argument, rule) => {
    const error = thrown(overrides);
    expect(error.argument).toBe(argument);
    expect(error.message).toMatch(rule);
  });

  it('a cycle or 5,000-deep nesting is an EventInputError, not a stack overflow', () => {
    const cyclic: Record<string, unknown> = { a: {} };
    (cyclic.a as Record<string, unknown>).self = cyclic;
    expect(thrown(cyclic).message).toMatch(/circular reference/);
    let deep: unknown = 1;
    for (let i = 0; i < 5_000; i++) deep = { n: deep };
    expect(thrown({ x: deep }).message).toMatch(/is nested more than 1,000 levels deep/);
    let deepArrays: unknown = 1;
    for (let i = 0; i < 100_000; i++) deepArrays = [deepArrays];
    expect(thrown({ x: deepArrays }).message).toMatch(/is nested more than 1,000 levels deep/);
  });

  it('nesting up to the limit is merged as before', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 999; i++) deep = { n: deep };
    const out = applyOverrides(base, { x: deep } as never, 'makeTest') as unknown as { x: unknown };
    expect(out.x).toEqual(deep);
  });
});

describe('isOverridden', () => {
  it('tells whether a path (or something inside it) is set', () => {
    const overrides = { a: { b: { c: 1 } }, d: undefined };
    expect(isOverridden(overrides, 'a')).toBe(true);
    expect(isOverridden(overrides, 'a', 'b', 'c')).toBe(true);
    expect(isOverridden(overrides, 'a', 'x')).toBe(false);
    expect(isOverridden(overrides, 'd')).toBe(true);
    expect(isOverridden(undefined, 'a')).toBe(false);
    expect(isOverridden(overrides, 'a', 'b', 'c', 'deeper')).toBe(false);
  });
});
