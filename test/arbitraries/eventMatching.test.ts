import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventMatching } from '../../arbitraries/eventMatching.js';
import { eventNotMatching } from '../../arbitraries/eventNotMatching.js';
import { jsonPayload } from '../../arbitraries/jsonPayload.js';
import { kinesisRecord } from '../../arbitraries/kinesisRecord.js';
import { sqsRecord } from '../../arbitraries/sqsRecord.js';
import { leavesAt } from '../../arbitraries/_internals/patternPaths.js';
import { nextDown, nextUp } from '../../arbitraries/_internals/patternValues.js';
import { compileEventPattern, testEventPattern } from '../../src/patterns/compile.js';
import { matchesFilterCriteria } from '../../src/patterns/filters.js';
import { verdictCases } from '../patterns/cases/verdicts.js';
import { NUM_RUNS } from '../_helpers/runs.js';

/** One pattern per operator form (and the structural cases: $or, arrays, dotted keys, exists). */
const OPERATOR_PATTERNS: Record<string, object> = {
  'exact string': { source: ['com.example.orders'] },
  'exact number': { detail: { total: [300] } },
  'exact number with decimals': { detail: { total: [301.8, -0.5] } },
  'exact true/false/null': { detail: { paid: [true], note: [null], flag: [false] } },
  'empty string': { detail: { note: [''] } },
  'exact IPv4 literal': { detail: { ip: ['10.0.0.1'] } },
  'exact IPv6 literal': { detail: { ip: ['2001:db8::1'] } },
  exactly: { detail: { id: [{ exactly: '10.0.0.1' }] } },
  prefix: { detail: { state: [{ prefix: 'run' }] } },
  'prefix ignore-case': { detail: { state: [{ prefix: { 'equals-ignore-case': 'RuN' } }] } },
  suffix: { detail: { key: [{ suffix: '.png' }] } },
  'suffix ignore-case': { detail: { key: [{ suffix: { 'equals-ignore-case': '.PNG' } }] } },
  'equals-ignore-case': { detail: { name: [{ 'equals-ignore-case': 'Alice ß É' }] } },
  wildcard: { detail: { path: [{ wildcard: 'dir/*/file-*.txt' }] } },
  'wildcard with escapes': { detail: { path: [{ wildcard: 'a\\*b*c\\\\' }] } },
  'anything-but string': { detail: { state: [{ 'anything-but': 'stopped' }] } },
  'anything-but list': { detail: { state: [{ 'anything-but': ['stopped', 'pending', ''] }] } },
  'anything-but numbers': { detail: { count: [{ 'anything-but': [0, 1, 2] }] } },
  'anything-but prefix': { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
  'anything-but prefix list': { detail: { state: [{ 'anything-but': { prefix: ['init', 'q', '0'] } }] } },
  'anything-but suffix': { detail: { key: [{ 'anything-but': { suffix: ['.tmp', 'q'] } }] } },
  'anything-but ignore-case': { detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'Q'] } }] } },
  'anything-but wildcard': { detail: { path: [{ 'anything-but': { wildcard: ['*/bin/*.jar', 'q*'] } }] } },
  'numeric =': { detail: { n: [{ numeric: ['=', 3.018e2] }] } },
  'numeric <': { detail: { n: [{ numeric: ['<', 10] }] } },
  'numeric <=': { detail: { n: [{ numeric: ['<=', -10.5] }] } },
  'numeric >': { detail: { n: [{ numeric: ['>', 0] }] } },
  'numeric >=': { detail: { n: [{ numeric: ['>=', 1e9] }] } },
  'numeric range': { detail: { n: [{ numeric: ['>', 0, '<=', 5] }] } },
  'numeric tight range': { detail: { n: [{ numeric: ['>=', 0.1, '<', 0.2] }] } },
  'cidr IPv4': { detail: { ip: [{ cidr: '10.0.0.0/24' }] } },
  'cidr IPv4 /0 and /31': { detail: { ip: [{ cidr: '0.0.0.0/0' }], other: [{ cidr: '192.168.1.6/31' }] } },
  'cidr IPv6': { detail: { ip: [{ cidr: '2001:db8::/64' }] } },
  'exists true': { detail: { id: [{ exists: true }] } },
  'exists false': { source: [{ exists: false }], detail: { id: [{ exists: false }] } },
  'exists false or a value': { detail: { id: [{ exists: false }, 'x'] } },
  'mixed matchers': { detail: { v: ['x', { prefix: 'y' }, { numeric: ['>', 10] }, { cidr: '10.0.0.0/8' }] } },
  $or: { source: ['aws.ec2'], $or: [{ detail: { state: ['running'] } }, { detail: { n: [{ numeric: ['>', 5] }] } }] },
  'nested $or': { detail: { $or: [{ a: [{ prefix: 'p' }] }, { $or: [{ b: [1] }, { c: [{ exists: true }] }] }] } },
  'array consistency': { detail: { items: { name: ['apple'], price: [{ numeric: ['<', 2] }] } } },
  'dotted keys': { detail: { 'state.status': ['running'], state: { code: [16] } } },
  'field next to its child': { detail: { a: ['x'], 'a.b': ['y'] } },
  // Found by the random-pattern property: one alternative breaks `source.source`, the other must then break `source` without clobbering it.
  'a field and its child in different alternatives': {
    source: [{ 'anything-but': { wildcard: '' } }],
    $or: [{ source: [{ numeric: ['>', 0, '<', 1] }] }, { source: { source: [{ numeric: ['=', 0] }] } }],
  },
  // Found the same way: a lock that already breaks one alternative must keep breaking it when another alternative re-uses the path.
  'one path shared by three alternatives': {
    source: {
      state: [{ 'anything-but': { suffix: ' ' } }],
      $or: [
        {
          state: [{ 'anything-but': { 'equals-ignore-case': '' } }],
          $or: [{ state: [{ exists: false }] }, { source: [{ exactly: '' }], status: [{ 'equals-ignore-case': '' }] }],
        },
        { source: [{ 'anything-but': { 'equals-ignore-case': '' } }] },
      ],
    },
  },
  // Found the same way: a first miss that removes `price` leaves the third alternative (price absent) unbreakable.
  'present in one alternative, absent in another': {
    price: [{ exists: true }],
    $or: [
      {
        source: {
          source: [{ exists: false }],
          $or: [{ state: [{ exists: false }], 'a.b': [''] }, { status: [{ numeric: ['>', 0, '<', 1] }] }],
        },
      },
      { price: [{ exists: false }] },
    ],
  },
  'envelope fields': {
    'detail-type': ['Order Placed'],
    resources: [{ prefix: 'arn:aws:ec2:' }],
    region: [{ 'anything-but': 'us-east-1' }],
  },
};

/** Checks every value on the shrink path too: a property that fails on purpose makes fast-check shrink. */
function checkShrinkPath(arbitrary: fc.Arbitrary<object>, holds: (event: object) => boolean): void {
  const violations: unknown[] = [];
  let checked = 0;
  const result = fc.check(
    fc.property(arbitrary, (event) => {
      checked++;
      if (!holds(event)) violations.push(event);
      return JSON.stringify(event).length < 300;
    }),
    { numRuns: NUM_RUNS, seed: 42 },
  );
  expect(result.failed).toBe(true);
  expect(result.numShrinks).toBeGreaterThan(0);
  expect(checked).toBeGreaterThan(result.numRuns);
  expect(violations).toEqual([]);
}

describe('eventMatching', () => {
  for (const [name, pattern] of Object.entries(OPERATOR_PATTERNS)) {
    it(`generates only matching events: ${name}`, () => {
      fc.assert(
        fc.property(eventMatching(pattern), (event) => testEventPattern(pattern, event)),
        { numRuns: NUM_RUNS },
      );
    });
  }

  it('every value on the shrink path still matches (mapped, never filtered)', () => {
    const pattern = {
      source: [{ prefix: 'com.' }],
      detail: {
        n: [{ numeric: ['>', 0, '<=', 5] }],
        ip: [{ cidr: '10.0.0.0/24' }],
        items: { name: [{ suffix: 'x' }] },
      },
    };
    checkShrinkPath(eventMatching(pattern), (event) => testEventPattern(pattern, event));
  });

  it('reaches the edges: bounds of ranges, first and last address of a block, case variants', () => {
    const seen = (pattern: object, path: string) =>
      new Set(fc.sample(eventMatching(pattern), { numRuns: 400, seed: 1 }).flatMap((e) => leavesAt(e, path)));
    const inclusive = seen({ n: [{ numeric: ['>=', 0, '<=', 5] }] }, 'n');
    expect(inclusive.has(0) && inclusive.has(5)).toBe(true);
    const exclusive = seen({ n: [{ numeric: ['>', 0, '<', 5] }] }, 'n');
    expect(exclusive.has(Number.MIN_VALUE) && exclusive.has(nextDown(5))).toBe(true);
    expect([...exclusive].every((n) => typeof n === 'number' && n > 0 && n < 5)).toBe(true);
    const block = seen({ ip: [{ cidr: '10.0.0.0/24' }] }, 'ip');
    expect(block.has('10.0.0.0') && block.has('10.0.0.255')).toBe(true);
    const folded = seen({ s: [{ 'equals-ignore-case': 'abc' }] }, 's');
    expect(folded.has('abc') && [...folded].some((s) => /[A-Z]/.test(String(s)))).toBe(true);
  });

  it('removes the field for exists: false, and keeps the base event otherwise', () => {
    for (const event of fc.sample(eventMatching({ source: [{ exists: false }], detail: { x: ['y'] } }), {
      numRuns: 50,
      seed: 3,
    })) {
      expect('source' in event).toBe(false);
      expect(event).toMatchObject({ version: '0', detail: { x: 'y' } });
    }
  });

  it('puts fields under one array into the same element (array consistency)', () => {
    const pattern = {
      Records: {
        eventSource: ['aws:sqs'],
        body: [{ prefix: 'order-' }],
        attributes: { ApproximateReceiveCount: [{ 'anything-but': '1' }] },
      },
    };
    const base = fc.record({ Records: fc.array(sqsRecord(), { minLength: 1, maxLength: 3 }) });
    fc.assert(
      fc.property(eventMatching(pattern, base), (event) => testEventPattern(pattern, event)),
      { numRuns: NUM_RUNS },
    );
  });

  it('works on any base arbitrary of objects (an SQS record) and refuses others', () => {
    const pattern = { body: [{ prefix: '{' }], awsRegion: [{ prefix: 'eu-' }] };
    fc.assert(
      fc.property(
        eventMatching(pattern, sqsRecord()),
        (record) => testEventPattern(pattern, record) && typeof record.messageId === 'string',
      ),
      { numRuns: 50 },
    );
    expect(() => fc.sample(eventMatching(pattern, fc.constant([1]) as never), 1)).toThrow(
      /eventMatching: the base arbitrary must generate JSON objects/,
    );
    expect(() => eventMatching(pattern, {} as never)).toThrow(/eventMatching: base must be a fast-check arbitrary/);
  });

  it('takes the pattern as JSON text (numbers keep their digits) or compiled', () => {
    const text = '{"detail": {"total": [3.0e2], "code": [{"numeric": ["=", 1.50]}]}}';
    fc.assert(
      fc.property(
        eventMatching(text),
        (event) => testEventPattern(text, event) && (event.detail as { total: number }).total === 300,
      ),
      { numRuns: 50 },
    );
    const compiled = compileEventPattern({ source: [{ suffix: '.orders' }] });
    fc.assert(
      fc.property(
        eventMatching(compiled),
        eventNotMatching(compiled),
        (hit, miss) => compiled.matches(hit) && !compiled.matches(miss),
      ),
      { numRuns: 50 },
    );
  });

  it('handles hostile keys (__proto__, constructor, empty, dots) as plain data', () => {
    for (const text of [
      '{"__proto__": ["x"], "detail": {"__proto__": {"a": [{"prefix": "p"}]}}}',
      '{"constructor": [{"exists": true}], "": [""], "a..b": [1]}',
    ]) {
      for (const event of fc.sample(eventMatching(text), { numRuns: 30, seed: 8 })) {
        expect(testEventPattern(text, event)).toBe(true);
        expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
      }
      for (const event of fc.sample(eventNotMatching(text), { numRuns: 30, seed: 8 }))
        expect(testEventPattern(text, event)).toBe(false);
    }
  });

  it('says when the pattern is invalid or nothing can match it', () => {
    expect(() => eventMatching({ detail: [] })).toThrow(
      /^eventMatching: Event pattern is not valid\. Reason: Empty arrays are not allowed/,
    );
    expect(() => eventMatching('[1]')).toThrow(/eventMatching: Event pattern is not valid/);
    // A number past double precision matches only by its text, which no JavaScript number keeps.
    expect(() => eventMatching('{"account": [12345678901234567890]}')).toThrow(
      /eventMatching: no event can match this pattern/,
    );
    expect(() => eventMatching({ n: [{ numeric: ['>', 1.7976931348623157e308] }] })).toThrow(/no event can match/);
  });
});

describe('eventNotMatching', () => {
  for (const [name, pattern] of Object.entries(OPERATOR_PATTERNS)) {
    it(`generates only near misses: ${name}`, () => {
      fc.assert(
        fc.property(eventNotMatching(pattern), (event) => !testEventPattern(pattern, event)),
        { numRuns: NUM_RUNS },
      );
    });
  }

  it('every value on the shrink path still misses', () => {
    const pattern = {
      $or: [
        { source: [{ prefix: 'com.' }] },
        { detail: { n: [{ numeric: ['>', 0, '<=', 5] }], ip: [{ cidr: '10.0.0.0/24' }] } },
      ],
    };
    checkShrinkPath(eventNotMatching(pattern), (event) => !testEventPattern(pattern, event));
  });

  it('moves one field just outside its operator', () => {
    const values = (pattern: object, path: string) =>
      new Set(fc.sample(eventNotMatching(pattern), { numRuns: 300, seed: 5 }).flatMap((e) => leavesAt(e, path)));
    const range = values({ n: [{ numeric: ['>=', 0, '<', 10] }] }, 'n');
    expect(range.has(nextDown(0)) && range.has(10) && range.has('0')).toBe(true);
    const prefix = values({ s: [{ prefix: 'run' }] }, 's');
    expect(prefix.has('ru')).toBe(true);
    const block = values({ ip: [{ cidr: '10.0.0.0/24' }] }, 'ip');
    expect(block.has('9.255.255.255') && block.has('10.0.1.0')).toBe(true);
    const exact = values({ s: ['Running'], n: [300] }, 's');
    expect(exact.has('running')).toBe(true);
    expect(values({ n: [300] }, 'n').has('300')).toBe(true);
    expect(values({ n: [300] }, 'n').has(nextUp(300))).toBe(true);
    expect(values({ s: [{ 'anything-but': ['a', 'b'] }] }, 's')).toEqual(new Set(['a', 'b']));
    const absent = fc.sample(eventNotMatching({ detail: { id: [{ exists: true }] } }), { numRuns: 50, seed: 2 });
    expect(absent.every((e) => leavesAt(e, 'detail.id').length === 0)).toBe(true);
  });

  it('fails every branch of an $or, also when the base event already satisfies one', () => {
    const pattern = { $or: [{ source: ['a'] }, { source: ['b'] }, { detail: { x: [{ exists: false }] } }] };
    const base = fc.constant({ source: 'b', detail: {} });
    fc.assert(
      fc.property(eventNotMatching(pattern, base), (event) => !testEventPattern(pattern, event)),
      { numRuns: NUM_RUNS },
    );
  });

  it('refuses a pattern every event matches', () => {
    expect(() => eventNotMatching({ a: [{ exists: true }, { exists: false }] })).toThrow(
      /eventNotMatching: every event matches alternative 1/,
    );
  });
});

describe('eventMatching and eventNotMatching on the verdict cases', () => {
  const objectCases = verdictCases.filter((c) => typeof c.pattern === 'object');
  it('match, and miss, each case pattern starting from the case event', () => {
    const skipped: string[] = [];
    for (const c of objectCases) {
      const base = fc.constant(typeof c.event === 'string' ? (JSON.parse(c.event) as object) : c.event);
      let matching: fc.Arbitrary<object>;
      try {
        matching = eventMatching(c.pattern, base);
      } catch (error) {
        skipped.push(`${c.id}: ${(error as Error).message}`);
        continue;
      }
      for (const event of fc.sample(matching, { numRuns: 20, seed: 9 }))
        expect({ id: c.id, matches: testEventPattern(c.pattern, event) }).toEqual({ id: c.id, matches: true });
      for (const event of fc.sample(eventNotMatching(c.pattern, base), { numRuns: 20, seed: 9 }))
        expect({ id: c.id, matches: testEventPattern(c.pattern, event) }).toEqual({ id: c.id, matches: false });
    }
    // Only patterns no JavaScript object can match may be skipped (numbers kept by text).
    expect(skipped.filter((s) => !/no event can match/.test(s))).toEqual([]);
    expect(skipped.length).toBeLessThan(objectCases.length / 20);
  });
});

describe('Lambda and Pipes filters: generated payloads inside valid records', () => {
  // The body (SQS) or data (Kinesis) pattern drives the payload; the record arbitrary serialises it
  // and derives md5OfBody / base64, so every record stays valid.
  const body = { orderId: [{ prefix: 'o-' }], total: [{ numeric: ['>', 100] }], coupon: [{ exists: false }] };
  it('SQS records whose body matches, or just misses, the filter', () => {
    const criteria = { Filters: [{ Pattern: JSON.stringify({ body }) }] };
    fc.assert(
      fc.property(sqsRecord({ body: eventMatching(body, jsonPayload({ root: 'object' })) }), (r) =>
        matchesFilterCriteria(criteria, r, { source: 'sqs' }),
      ),
      { numRuns: NUM_RUNS },
    );
    fc.assert(
      fc.property(
        sqsRecord({ body: eventNotMatching(body, jsonPayload({ root: 'object' })) }),
        (r) => !matchesFilterCriteria(criteria, r, { source: 'sqs' }),
      ),
      { numRuns: NUM_RUNS },
    );
  });
  it('Kinesis records whose data matches the filter', () => {
    const criteria = { Filters: [{ Pattern: JSON.stringify({ data: body }) }] };
    fc.assert(
      fc.property(kinesisRecord({ data: eventMatching(body, fc.constant({})) }), (r) =>
        matchesFilterCriteria(criteria, r, { source: 'kinesis' }),
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
