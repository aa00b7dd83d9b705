import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPayload } from '../../../arbitraries/jsonPayload.js';
import { EventInputError } from '../../../src/_internals/errors.js';
import {
  assertDetailObject,
  assertDetailType,
  assertEntrySize,
  assertEventBridgeId,
  assertResources,
  assertRuleName,
  assertSource,
  eventBridgeEntrySize,
  MAX_ENTRY_SIZE,
  readDetailObject,
} from '../../../src/events/eventbridge/validate.js';
import { NUM_RUNS } from '../../_helpers/runs.js';

const api = 'api';

describe('eventBridgeEntrySize (AWS "Calculating PutEvents event entry size")', () => {
  it('counts 14 bytes for Time and UTF-8 bytes of Source, DetailType, Detail and each resource', () => {
    // "é" is 2 bytes, "😀" 4 bytes in UTF-8.
    const entry = { hasTime: true, source: 'a.é', detailType: '😀', detail: '{"k":"v"}', resources: ['r1', 'é'] };
    expect(eventBridgeEntrySize(entry)).toBe(14 + 4 + 4 + 9 + 2 + 2);
    expect(eventBridgeEntrySize({ ...entry, hasTime: false, detail: undefined, resources: undefined })).toBe(8);
  });

  it('accepts an entry of exactly 1 MiB and rejects one byte more', () => {
    const base = { hasTime: true, source: 's', detailType: 'd' };
    const fill = MAX_ENTRY_SIZE - 16 - 8; // {"x":"…"} has 8 bytes of syntax
    const at = { ...base, detail: `{"x":"${'a'.repeat(fill)}"}` };
    expect(eventBridgeEntrySize(at)).toBe(MAX_ENTRY_SIZE);
    expect(() => assertEntrySize(api, at)).not.toThrow();
    const over = { ...base, detail: `{"x":"${'a'.repeat(fill + 1)}"}` };
    expect(() => assertEntrySize(api, over)).toThrow(/1048577-byte PutEvents entry.*1 MiB \(1048576 bytes\)/);
  });
});

describe('EventBridge input rules', () => {
  it('detail-type: 1 to 128 characters', () => {
    expect(assertDetailType(api, 'detailType', 'x'.repeat(128))).toHaveLength(128);
    expect(() => assertDetailType(api, 'detailType', '')).toThrow(/api: detailType must not be empty/);
    expect(() => assertDetailType(api, 'detailType', 'x'.repeat(129))).toThrow(
      /129 characters long, over the 128-character limit/,
    );
    expect(() => assertDetailType(api, 'detailType', 3)).toThrow(EventInputError);
  });

  it('source: 1 to 256 characters, aws.* allowed (AWS services send it)', () => {
    expect(assertSource(api, 'source', 'aws.events')).toBe('aws.events');
    expect(() => assertSource(api, 'source', '')).toThrow(/must not be empty/);
    expect(() => assertSource(api, 'source', 's'.repeat(257))).toThrow(/over the 256-character limit/);
  });

  it('detail: a JSON object only, with the path of the first non-JSON value', () => {
    expect(assertDetailObject(api, 'detail', { a: [1, null, { b: 'c' }], skipped: undefined })).toBe(
      '{"a":[1,null,{"b":"c"}]}',
    );
    for (const bad of [[], null, 'x', 1, true])
      expect(() => assertDetailObject(api, 'detail', bad)).toThrow(/must be a JSON object/);
    expect(() => assertDetailObject(api, 'detail', { a: { b: Number.NaN } })).toThrow('api: detail.a.b is NaN');
    expect(() => assertDetailObject(api, 'detail', { a: [undefined] })).toThrow('api: detail.a[0] is undefined');
    expect(() => assertDetailObject(api, 'detail', { d: new Date(0) })).toThrow(/detail\.d is a Date object/);
    expect(() => assertDetailObject(api, 'detail', { n: 1n })).toThrow(/detail\.n is a bigint/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => assertDetailObject(api, 'detail', cyclic)).toThrow(/circular/);
    // Shared (non-cyclic) references are plain JSON.
    const shared = { x: 1 };
    expect(assertDetailObject(api, 'detail', { a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('readDetailObject: the JSON round trip of the detail, copied during the check (no shared objects)', () => {
    fc.assert(
      fc.property(jsonPayload({ root: 'object' }), (detail) => {
        const { detail: copy, json } = readDetailObject(api, 'detail', detail);
        expect(json).toBe(JSON.stringify(detail));
        expect(copy).toStrictEqual(JSON.parse(json));
      }),
      { numRuns: NUM_RUNS },
    );
    const shared = { x: 1 };
    const input = JSON.parse('{"__proto__":{"p":1},"z":-0}') as Record<string, unknown>;
    Object.assign(input, { a: shared, b: shared, list: [1, null, 2], skipped: undefined });
    const { detail: copy, json } = readDetailObject(api, 'detail', input);
    expect(copy).toStrictEqual(JSON.parse(json));
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect(Object.is(copy.z, 0)).toBe(true);
    expect(copy.a).not.toBe(shared);
    expect(copy.a).not.toBe(copy.b);
    expect(() => readDetailObject(api, 'detail', { a: [undefined] })).toThrow('api: detail.a[0] is undefined');
    // A hole reads as undefined, and is refused like it (one rule in every family: JSON.stringify would write null).
    // eslint-disable-next-line no-sparse-arrays
    expect(() => readDetailObject(api, 'detail', { a: [1, , 2] })).toThrow('api: detail.a[1] is undefined');
  });

  it('rule names: [.\\-_A-Za-z0-9]{1,64}', () => {
    expect(assertRuleName(api, 'ruleName', 'a.b-c_D9'.padEnd(64, 'x'))).toHaveLength(64);
    for (const bad of ['', 'x'.repeat(65), 'has space', 'slash/', 'ü'])
      expect(() => assertRuleName(api, 'ruleName', bad)).toThrow(/is not an EventBridge rule name/);
  });

  it('ids: lower-case hex 8-4-4-4-12, any version nibble', () => {
    expect(assertEventBridgeId(api, 'id', 'f5f1e65c-dc3a-93ca-0000-000000000000')).toBeTruthy();
    for (const bad of ['fe8d3c65-xmpl-c5c3-2c87-81584709a377', 'F5F1E65C-DC3A-93CA-0000-000000000000', 'abc']) {
      expect(() => assertEventBridgeId(api, 'id', bad)).toThrow(/is not an EventBridge event id/);
    }
  });

  it('resources: strings; ARNs in the partition; events ARNs in the account', () => {
    const context = { partition: 'aws', account: '123456789012' };
    expect(
      assertResources(api, 'resources', ['anything', 'arn:aws:ec2:us-east-1:999999999999:instance/i-1'], context),
    ).toHaveLength(2);
    expect(() => assertResources(api, 'resources', 'x', context)).toThrow(/must be an array/);
    expect(() => assertResources(api, 'resources', [1], context)).toThrow('api: resources[0] must be a string');
    expect(() => assertResources(api, 'resources', ['arn:aws-cn:s3:::b'], context)).toThrow(
      /resources\[0\].*partition "aws-cn".*partition "aws"/,
    );
    expect(() => assertResources(api, 'resources', ['arn:aws:events:us-east-1:999999999999:rule/r'], context)).toThrow(
      /account "999999999999"/,
    );
  });
});
