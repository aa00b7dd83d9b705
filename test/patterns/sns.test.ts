import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NUM_RUNS } from '../_helpers/runs.js';
import { testEventPattern } from '../../src/patterns/compile.js';
import { EventPatternInputError } from '../../src/patterns/errors.js';
import {
  compileFilterPolicy,
  FilterPolicyError,
  matchesFilterPolicy,
  validateFilterPolicy,
  type FilterPolicyOptions,
} from '../../src/patterns/sns.js';
import { snsNumber } from '../../src/patterns/snsAttributes.js';
import {
  SNS_ATTRIBUTE_CASES,
  SNS_BODY_CASES,
  SNS_POLICY_ACCEPTED_CASES,
  SNS_POLICY_CASES,
  SNS_POLICY_ERROR_CASES,
} from './cases/sns.js';

function errorOf(fn: () => unknown): FilterPolicyError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FilterPolicyError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

const sdk = (attributes: Record<string, [string, string]>) => ({
  MessageAttributes: Object.fromEntries(
    Object.entries(attributes).map(([k, [DataType, StringValue]]) => [k, { DataType, StringValue }]),
  ),
});

describe('the documented cases', () => {
  it.each([...SNS_POLICY_CASES, ...SNS_BODY_CASES, ...SNS_ATTRIBUTE_CASES].map((c) => [c.id, c] as const))(
    '%s',
    (_id, c) => {
      const message =
        c.scope === 'MessageBody' ? { Message: JSON.stringify(c.message) } : { MessageAttributes: c.attributes };
      if (typeof c.expected === 'boolean') {
        expect(matchesFilterPolicy(c.policy, message, { scope: c.scope })).toBe(c.expected);
      } else {
        const e = errorOf(() => matchesFilterPolicy(c.policy, message, { scope: c.scope }));
        expect(e.reason).toBe(c.expected.error);
        expect(e.message).toBe(`Invalid parameter: FilterPolicy: ${c.expected.error}`);
      }
    },
  );
});

describe('SNS texts recorded against AWS', () => {
  it.each(SNS_POLICY_ERROR_CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const e = errorOf(() => validateFilterPolicy(c.policy, { scope: c.scope, api: c.api }));
    expect(e.message).toBe(c.message);
    expect(e.code).toBe('InvalidParameter');
  });

  it.each(SNS_POLICY_ACCEPTED_CASES.map((c) => [c.id, c] as const))(
    '%s is accepted with its combination count',
    (_id, c) => {
      expect(validateFilterPolicy(c.policy, { scope: c.scope })).toEqual({
        active: true,
        keys: Object.keys(c.policy).length,
        combinations: c.combinations,
      });
    },
  );

  it('a policy text that is not JSON; a bad scope; the 256 KB limit', () => {
    expect(errorOf(() => validateFilterPolicy('{"a": [1]')).message).toBe(
      'Invalid parameter: FilterPolicy: failed to parse JSON.',
    );
    expect(errorOf(() => validateFilterPolicy({ a: ['x'] }, { scope: 'Body' as never })).message).toBe(
      'Invalid parameter: FilterPolicyScope: Invalid value [Body]. Please use either MessageBody or MessageAttributes',
    );
    const big = JSON.stringify({ a: ['x'.repeat(256 * 1024)] });
    expect(errorOf(() => validateFilterPolicy(big)).reason).toBe('Filter policy is too large');
  });

  it('"" and {} remove the policy: every message passes', () => {
    expect(validateFilterPolicy('')).toEqual({ active: false, keys: 0, combinations: 0 });
    expect(matchesFilterPolicy('{}', {})).toBe(true);
    expect(matchesFilterPolicy({}, { Message: 'x' }, { scope: 'MessageBody' })).toBe(true);
  });

  it("operators SNS lacks, and the 'eventbridge' operator set", () => {
    expect(errorOf(() => validateFilterPolicy({ k: [{ wildcard: 'a*' }] })).message).toBe(
      'Invalid parameter: FilterPolicy: Unrecognized match type wildcard',
    );
    expect(errorOf(() => validateFilterPolicy({ k: [{ 'anything-but': { 'equals-ignore-case': 'a' } }] })).reason).toBe(
      'Unsupported anything-but pattern: equals-ignore-case',
    );
    expect(validateFilterPolicy({ k: [{ wildcard: 'a*' }] }, { operators: 'eventbridge' }).active).toBe(true);
    expect(
      matchesFilterPolicy({ k: [{ wildcard: 'a*c' }] }, sdk({ k: ['String', 'abc'] }), { operators: 'eventbridge' }),
    ).toBe(true);
    // Documented SNS operators are accepted.
    for (const p of [
      { k: [{ suffix: '.png' }] },
      { k: [{ 'equals-ignore-case': 'A' }] },
      { k: [{ cidr: '10.0.0.0/24' }] },
      { k: [{ numeric: ['>', 0, '<=', 5] }] },
      { k: [{ exists: false }] },
    ]) {
      expect(validateFilterPolicy(p).active).toBe(true);
    }
  });
});

describe('message attributes', () => {
  it('SDK (DataType/StringValue) and Lambda event (Type/Value) forms, and a whole Lambda SNS record', () => {
    const policy = { store: ['example_corp'], price: [{ numeric: ['>=', 100] }] };
    expect(matchesFilterPolicy(policy, sdk({ store: ['String', 'example_corp'], price: ['Number', '210.75'] }))).toBe(
      true,
    );
    const sns = {
      Message: 'x',
      MessageAttributes: { store: { Type: 'String', Value: 'example_corp' }, price: { Type: 'Number', Value: '99.5' } },
    };
    expect(matchesFilterPolicy(policy, sns)).toBe(false);
    expect(
      matchesFilterPolicy(policy, {
        EventSource: 'aws:sns',
        Sns: { ...sns, MessageAttributes: { ...sns.MessageAttributes, price: { Type: 'Number', Value: '100' } } },
      }),
    ).toBe(true);
  });

  it('Number attributes compare by value; a String attribute holding digits does not', () => {
    expect(matchesFilterPolicy({ p: [301.5] }, sdk({ p: ['Number', '3.015e2'] }))).toBe(true);
    expect(matchesFilterPolicy({ p: [{ numeric: ['=', 301.5] }] }, sdk({ p: ['Number', '+301.50'] }))).toBe(true);
    expect(matchesFilterPolicy({ p: [{ numeric: ['=', 301.5] }] }, sdk({ p: ['String', '301.5'] }))).toBe(false);
    expect(matchesFilterPolicy({ p: ['301.5'] }, sdk({ p: ['String', '301.5'] }))).toBe(true);
    expect(matchesFilterPolicy({ p: [{ numeric: ['>', 0] }] }, sdk({ p: ['Number.float', '.5'] }))).toBe(true);
  });

  it('String.Array: each element is tested; anything-but has a documented option', () => {
    const m = sdk({ interests: ['String.Array', '["rugby", "baseball"]'] });
    expect(matchesFilterPolicy({ interests: ['baseball'] }, m)).toBe(true);
    expect(matchesFilterPolicy({ interests: [{ prefix: 'rug' }] }, m)).toBe(true);
    const ab = { interests: [{ 'anything-but': ['rugby', 'tennis'] }] };
    expect(matchesFilterPolicy(ab, m)).toBe(true);
    const noElement: FilterPolicyOptions = { stringArrayAnythingBut: 'no-element' };
    expect(matchesFilterPolicy(ab, m, noElement)).toBe(false);
    expect(matchesFilterPolicy(ab, sdk({ interests: ['String.Array', '["golf", "baseball"]'] }), noElement)).toBe(true);
    expect(matchesFilterPolicy({ n: [{ numeric: ['>', 60] }] }, sdk({ n: ['String.Array', '[50, 70]'] }))).toBe(true);
    expect(matchesFilterPolicy({ n: [{ exists: true }] }, sdk({ n: ['String.Array', '[]'] }))).toBe(false);
  });

  it('Binary attributes are ignored; a missing attribute matches only exists:false (anything-but included)', () => {
    const m = { MessageAttributes: { blob: { DataType: 'Binary', BinaryValue: new Uint8Array([1]) } } };
    expect(matchesFilterPolicy({ blob: [{ exists: true }] }, m)).toBe(false);
    expect(matchesFilterPolicy({ blob: [{ exists: false }] }, m)).toBe(true);
    expect(matchesFilterPolicy({ other: [{ 'anything-but': 'x' }] }, m)).toBe(false);
    expect(matchesFilterPolicy({ other: [{ 'anything-but': 'x' }] }, {})).toBe(false);
    expect(matchesFilterPolicy({ other: [{ exists: false }] }, {})).toBe(true);
  });

  it('$or across attributes', () => {
    const policy = { source: ['shop'], $or: [{ kind: ['order'] }, { amount: [{ numeric: ['>', 100] }] }] };
    expect(matchesFilterPolicy(policy, sdk({ source: ['String', 'shop'], kind: ['String', 'order'] }))).toBe(true);
    expect(matchesFilterPolicy(policy, sdk({ source: ['String', 'shop'], amount: ['Number', '150'] }))).toBe(true);
    expect(matchesFilterPolicy(policy, sdk({ source: ['String', 'shop'], amount: ['Number', '50'] }))).toBe(false);
  });

  it('attributes SNS would not publish get a clear error', () => {
    expect(() => matchesFilterPolicy({ a: ['x'] }, sdk({ a: ['Strin', 'x'] }))).toThrow(
      "The message attribute 'a' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.",
    );
    expect(() => matchesFilterPolicy({ a: ['x'] }, sdk({ a: ['Number', 'ten'] }))).toThrow(/is not a number/);
    expect(() => matchesFilterPolicy({ a: ['x'] }, sdk({ a: ['String.Array', 'rugby'] }))).toThrow(/not a JSON array/);
    expect(() => matchesFilterPolicy({ a: ['x'] }, { MessageAttributes: { a: { StringValue: 'x' } } })).toThrow(
      EventPatternInputError,
    );
    expect(() => matchesFilterPolicy({ a: ['x'] }, 'message')).toThrow(/message must be an object/);
  });

  it('SNS number texts', () => {
    expect(snsNumber('007')?.text).toBe('7');
    expect(snsNumber('-.5')?.text).toBe('-0.5');
    expect(snsNumber('1.')?.text).toBe('1');
    expect(snsNumber('1e3')?.value).toBe(1000);
    for (const bad of ['', '.', 'e5', '1,5', 'NaN', '0x10']) expect(snsNumber(bad)).toBeUndefined();
  });
});

describe('message body', () => {
  it('nested policies on a JSON object body; anything else never matches', () => {
    const policy = { order: { status: ['paid'], total: [{ numeric: ['>', 10] }] } };
    const compiled = compileFilterPolicy(policy, { scope: 'MessageBody' });
    expect(compiled.matches({ Message: '{"order": {"status": "paid", "total": 12}}' })).toBe(true);
    expect(compiled.matches({ Message: '{"order": {"status": "paid", "total": 9}}' })).toBe(false);
    expect(compiled.matches({ Message: 'paid' })).toBe(false);
    expect(compiled.matches({ Message: '[{"order": {"status": "paid"}}]' })).toBe(false);
    expect(compiled.matches({ Message: '{"order": ' })).toBe(false);
    expect(compiled.matches({})).toBe(false);
    expect(() => compiled.matches({ Message: { order: { status: 'paid' } } })).toThrow(
      /message.Message must be the message text/,
    );
    expect(
      compileFilterPolicy({ order: [{ exists: false }] }, { scope: 'MessageBody' }).matches({ Message: '{"x": 1}' }),
    ).toBe(true);
  });

  it('a nested policy is refused for attributes, allowed for the body', () => {
    expect(errorOf(() => validateFilterPolicy({ a: { b: ['x'] } })).message).toBe(
      'Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy',
    );
    expect(errorOf(() => validateFilterPolicy({ a: { b: ['x'] } }, { api: 'Subscribe' })).message).toBe(
      'Invalid parameter: Attributes Reason: Filter policy scope MessageAttributes does not support nested filter policy',
    );
    expect(validateFilterPolicy({ a: { b: ['x'] } }, { scope: 'MessageBody' }).combinations).toBe(2);
    // A dotted key is a plain attribute name, not nesting.
    expect(matchesFilterPolicy({ 'a.b': ['x'] }, sdk({ 'a.b': ['String', 'x'] }))).toBe(true);
  });
});

describe('property: attribute matching is the event pattern on the attributes as JSON', () => {
  const words = ['rugby', 'tennis', 'Rugby', 'ru', '10.0.0.1'];
  const attribute = fc.oneof(
    fc.constantFrom(...words).map((w) => ({ json: JSON.stringify(w), attr: { DataType: 'String', StringValue: w } })),
    fc
      .integer({ min: -3, max: 3 })
      .map((n) => ({ json: String(n), attr: { DataType: 'Number', StringValue: String(n) } })),
    fc
      .array(fc.oneof(fc.constantFrom(...words), fc.integer({ min: -3, max: 3 })), { maxLength: 3 })
      .map((a) => ({ json: JSON.stringify(a), attr: { DataType: 'String.Array', StringValue: JSON.stringify(a) } })),
    fc.constant({ json: undefined, attr: { DataType: 'Binary', BinaryValue: 'AAE=' } }),
  );
  const matcher = fc.oneof(
    fc.constantFrom<unknown>(...words, 1, -2),
    fc.constantFrom(...words).map((w) => ({ prefix: w })),
    fc.integer({ min: -3, max: 3 }).map((n) => ({ numeric: ['>=', n] })),
    fc.boolean().map((b) => ({ exists: b })),
    fc.constantFrom(...words).map((w) => ({ 'anything-but': [w] })),
    fc.constant({ cidr: '10.0.0.0/24' }),
  );
  const names = fc.constantFrom('a', 'b', 'c');

  it('any-element mode agrees with testEventPattern', () => {
    fc.assert(
      fc.property(
        fc.dictionary(names, attribute, { maxKeys: 3 }),
        fc.dictionary(names, fc.array(matcher, { minLength: 1, maxLength: 3 }), { minKeys: 1, maxKeys: 3 }),
        (attrs, policy) => {
          const event = `{${Object.entries(attrs)
            .filter(([, v]) => v.json !== undefined)
            .map(([k, v]) => `${JSON.stringify(k)}:${v.json}`)
            .join(',')}}`;
          const message = { MessageAttributes: Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, v.attr])) };
          expect(matchesFilterPolicy(policy, message)).toBe(testEventPattern(policy, event));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('hostile input', () => {
  it('a 10,000-deep body policy and a 10,000-deep String.Array are answered without a stack overflow', () => {
    const deep = `${'{"a":'.repeat(10_000)}["x"]${'}'.repeat(10_000)}`;
    // The JSON parser's nesting limit answers first, as for EventBridge patterns.
    expect(errorOf(() => validateFilterPolicy(deep, { scope: 'MessageBody' })).message).toMatch(
      /^Invalid parameter: FilterPolicy: Document nesting depth/,
    );
    // One value at depth d counts d combinations.
    const nest = (n: number) => `${'{"a":'.repeat(n)}["x"]${'}'.repeat(n)}`;
    expect(validateFilterPolicy(nest(150), { scope: 'MessageBody' }).combinations).toBe(150);
    expect(errorOf(() => validateFilterPolicy(nest(151), { scope: 'MessageBody' })).reason).toBe(
      'Filter policy is too complex',
    );
    const array = `${'['.repeat(10_000)}"x"${']'.repeat(10_000)}`;
    expect(matchesFilterPolicy({ a: ['x'] }, sdk({ a: ['String.Array', array] }))).toBe(true);
  });

  it('a cyclic policy object is a clear error', () => {
    const policy: Record<string, unknown> = { a: ['x'] };
    policy.self = policy;
    expect(() => validateFilterPolicy(policy)).toThrow(/circular/);
  });
});
