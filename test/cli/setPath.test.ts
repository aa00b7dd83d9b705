import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/command.js';
import { applyAssignment, parseAssignment, parsePath } from '../../src/cli/setPath.js';

describe('--set paths', () => {
  it('parses names, indexes and quoted keys', () => {
    expect(parsePath('Records[0].body')).toEqual([{ key: 'Records' }, { index: 0 }, { key: 'body' }]);
    expect(parsePath('["detail-type"]')).toEqual([{ key: 'detail-type' }]);
    expect(parsePath('detail-type')).toEqual([{ key: 'detail-type' }]);
    expect(parsePath('detail["a.b"][2]')).toEqual([{ key: 'detail' }, { key: 'a.b' }, { index: 2 }]);
    expect(parsePath('[1].body')).toEqual([{ index: 1 }, { key: 'body' }]);
  });

  it('rejects malformed paths and prototype keys with one-line usage errors', () => {
    for (const bad of ['', 'a..b', 'a.', '.a', 'a[', 'a[x]', 'a[-1]', 'a]b', '["unterminated]']) {
      expect(() => parsePath(bad), bad).toThrow(UsageError);
    }
    for (const bad of ['__proto__.polluted', 'a.constructor.prototype', 'prototype', 'a["__proto__"]']) {
      expect(() => parsePath(bad), bad).toThrow(/is not allowed/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('parses values as JSON when they parse, else as strings', () => {
    expect(parseAssignment('a=1').value).toBe(1);
    expect(parseAssignment('a={"x":[true,null]}').value).toEqual({ x: [true, null] });
    expect(parseAssignment('a="1"').value).toBe('1');
    expect(parseAssignment('a=hello world').value).toBe('hello world');
    expect(parseAssignment('a=').value).toBe('');
    expect(parseAssignment('a=b=c').value).toBe('b=c');
    expect(() => parseAssignment('novalue')).toThrow(/--set needs path=value/);
  });

  it('edits the event: existing fields, new fields, array items and appends', () => {
    const event = { Records: [{ body: 'x', attributes: {} }], detail: {} };
    applyAssignment(event, parseAssignment('Records[0].body=hello'));
    applyAssignment(event, parseAssignment('detail.order.id=7'));
    applyAssignment(event, parseAssignment('Records[1]={"body":"second"}'));
    applyAssignment(event, parseAssignment('list[0].x=1'));
    expect(event).toEqual({
      Records: [{ body: 'hello', attributes: {} }, { body: 'second' }],
      detail: { order: { id: 7 } },
      list: [{ x: 1 }],
    });
  });

  it('refuses to index what is not an array, to walk into scalars, or to skip array slots', () => {
    const event = { Records: [{ body: 'x' }], s: 'text' };
    expect(() => applyAssignment(event, parseAssignment('s.x=1'))).toThrow('--set s.x: s is not an object');
    expect(() => applyAssignment(event, parseAssignment('s[0]=1'))).toThrow('--set s[0]: s is not an array');
    expect(() => applyAssignment(event, parseAssignment('Records.body=1'))).toThrow(
      '--set Records.body: Records is not an object',
    );
    expect(() => applyAssignment(event, parseAssignment('Records[5].body=1'))).toThrow(
      '--set Records[5].body: index 5 is past the end of Records (length 1)',
    );
  });

  it('never walks into inherited properties', () => {
    const event: Record<string, unknown> = {};
    applyAssignment(event, parseAssignment('toString.x=1'));
    expect(Object.hasOwn(event, 'toString')).toBe(true);
    expect(event.toString).toEqual({ x: 1 });
    expect(typeof ({} as { toString: unknown }).toString).toBe('function');
  });
});
