import { describe, expect, it } from 'vitest';
import { applyOverrides, isOverridden, REPLACED_WHOLE } from '../../src/_internals/overrides.js';

describe('applyOverrides', () => {
  const base = {
    Records: [{ body: 'a', attributes: { SentTimestamp: '1', ApproximateReceiveCount: '1' } }, { body: 'b', attributes: { SentTimestamp: '2', ApproximateReceiveCount: '1' } }],
    nested: { a: 1, b: { c: 2, d: 3 } },
    messageAttributes: { one: { dataType: 'String', stringValue: '1' }, two: { dataType: 'String', stringValue: '2' } } as Record<string, { dataType: string; stringValue: string }>,
  };

  it('merges plain objects field by field, recursively', () => {
    const out = applyOverrides(base, { nested: { b: { c: 20 } } });
    expect(out.nested).toEqual({ a: 1, b: { c: 20, d: 3 } });
  });

  it('replaces arrays whole: a one-record override leaves one whole record, never a half-built second', () => {
    const replacement = [{ body: 'x', attributes: { SentTimestamp: '9', ApproximateReceiveCount: '3' } }];
    const out = applyOverrides(base, { Records: replacement });
    expect(out.Records).toEqual(replacement);
    expect(out.Records).not.toBe(replacement); // copied, so later edits of the argument do not leak in
  });

  it('replaces map-like objects named in REPLACED_WHOLE whole', () => {
    expect(REPLACED_WHOLE).toContain('messageAttributes');
    const out = applyOverrides(base, { messageAttributes: { three: { dataType: 'Number', stringValue: '3' } } });
    expect(Object.keys(out.messageAttributes)).toEqual(['three']);
  });

  it('never mutates the base or the override', () => {
    const before = structuredClone(base);
    const override = { nested: { b: { c: 5 } } };
    const out = applyOverrides(base, override);
    out.nested.b.d = 99;
    expect(base).toEqual(before);
    expect(override).toEqual({ nested: { b: { c: 5 } } });
  });

  it('sets a field to undefined when asked, so JSON drops it', () => {
    const out = applyOverrides(base, { nested: { a: undefined } });
    expect(JSON.parse(JSON.stringify(out)).nested).toEqual({ b: { c: 2, d: 3 } });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('key %s becomes an own data property and pollutes no prototype', (key) => {
    const hostile = JSON.parse(`{"nested": {"${key}": {"polluted": true}}, "${key}": {"polluted": true}}`);
    const out = applyOverrides(base, hostile) as unknown as Record<string, Record<string, unknown>>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(out.nested)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, key)?.value).toEqual({ polluted: true });
    expect(Object.getOwnPropertyDescriptor(out.nested, key)?.value).toEqual({ polluted: true });
  });

  it('returns the base itself when there are no overrides', () => {
    expect(applyOverrides(base, undefined)).toBe(base);
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
