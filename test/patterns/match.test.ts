/**
 * The matcher on hand-built ASTs: every operator's leaf rules, arrays and array consistency,
 * exists, and the engine's case folding. Verdicts name the aws/event-ruler behaviour they follow.
 */
import { describe, expect, it } from 'vitest';
import type { FieldCondition, PatternAst, ValueMatcher } from '../../src/patterns/ast.js';
import { parseCidr, parseIpAddress } from '../../src/patterns/cidr.js';
import { planMatches, planPattern } from '../../src/patterns/matchPlan.js';
import { flattenEvent } from '../../src/patterns/flatten.js';
import { matcherAccepts, wildcardMatches } from '../../src/patterns/match.js';
import { foldEndsWith, foldEquals, foldPattern, foldStartsWith } from '../../src/patterns/matchFold.js';
import { numberLiteral } from '../../src/patterns/numbers.js';

const eq = (value: string | boolean | null): ValueMatcher => {
  const ip = typeof value === 'string' ? parseIpAddress(value) : undefined;
  return ip ? { kind: 'equals', value, ip, source: value } : { kind: 'equals', value, source: value };
};
const num = (text: string): ValueMatcher => ({
  kind: 'equals-number',
  number: numberLiteral(text),
  source: Number(text),
});
const exists = (value: boolean): ValueMatcher => ({ kind: 'exists', value, source: { exists: value } });
const prefix = (value: string, ignoreCase = false): ValueMatcher => ({
  kind: 'prefix',
  value,
  ignoreCase,
  source: { prefix: value },
});
const suffix = (value: string, ignoreCase = false): ValueMatcher => ({
  kind: 'suffix',
  value,
  ignoreCase,
  source: { suffix: value },
});
const eic = (value: string): ValueMatcher => ({
  kind: 'equals-ignore-case',
  value,
  source: { 'equals-ignore-case': value },
});
const wildcard = (...segments: string[]): ValueMatcher => ({
  kind: 'wildcard',
  value: segments.join('*'),
  segments,
  source: { wildcard: segments.join('*') },
});
const butStrings = (...strings: string[]): ValueMatcher => ({
  kind: 'anything-but',
  strings,
  numbers: [],
  source: { 'anything-but': strings },
});
const butNumbers = (...texts: string[]): ValueMatcher => ({
  kind: 'anything-but',
  strings: [],
  numbers: texts.map(numberLiteral),
  source: { 'anything-but': texts.map(Number) },
});
const numeric = (lower?: [number, boolean], upper?: [number, boolean]): ValueMatcher => ({
  kind: 'numeric',
  ...(lower && { lower: { value: lower[0], inclusive: lower[1] } }),
  ...(upper && { upper: { value: upper[0], inclusive: upper[1] } }),
  source: { numeric: [] },
});
const cidr = (block: string): ValueMatcher => ({
  kind: 'cidr',
  block,
  range: parseCidr(block),
  source: { cidr: block },
});
const cond = (path: string, ...matchers: ValueMatcher[]): FieldCondition => ({ path, keys: path.split('.'), matchers });
const pattern = (...branches: FieldCondition[][]): PatternAst => ({
  branches: branches.map((conditions) => ({ conditions })),
  text: '{}',
  orAsFieldName: [],
});

function matches(ast: PatternAst, event: object | string): boolean {
  const plan = planPattern(ast);
  const result = planMatches(plan, flattenEvent(event, 'test', plan.selection));
  // Walking every path gives the same verdict as walking only the pattern's paths.
  expect(planMatches(plan, flattenEvent(event, 'test'))).toBe(result);
  return result;
}
const one = (matcher: ValueMatcher, event: object | string) => matches(pattern([cond('a', matcher)]), event);

describe('exact values', () => {
  it('keeps JSON types apart: "true" is not true, "300" is not 300, null is not ""', () => {
    expect(one(eq(true), { a: true })).toBe(true);
    expect(one(eq(true), { a: 'true' })).toBe(false);
    expect(one(eq('true'), { a: true })).toBe(false);
    expect(one(num('300'), { a: '300' })).toBe(false);
    expect(one(eq('300'), { a: 300 })).toBe(false);
    expect(one(eq(null), { a: null })).toBe(true);
    expect(one(eq(null), { a: '' })).toBe(false);
    expect(one(eq(''), { a: null })).toBe(false);
    expect(one(eq(null), {})).toBe(false);
    expect(one(eq(null), { a: 'null' })).toBe(false);
  });

  it('compares comparable numbers by value and others by text (event-ruler ComparableNumber)', () => {
    for (const text of ['300', '300.0', '3.0e2', '3E2', '30000e-2'])
      expect(one(num('300'), `{"a": ${text}}`)).toBe(true);
    expect(one(num('3.0e2'), { a: 300 })).toBe(true);
    expect(one(num('300'), '{"a": 300.0000001}')).toBe(false);
    // Past double precision: text only.
    expect(one(num('12345678901234567890'), '{"a": 12345678901234567890}')).toBe(true);
    expect(one(num('12345678901234567890'), '{"a": 12345678901234567891}')).toBe(false);
    expect(one(num('12345678901234567890'), '{"a": 1.2345678901234567890e19}')).toBe(false);
    // -0 reads as 0 (the engine parses through BigDecimal, which has no negative zero).
    expect(one(num('0'), '{"a": -0}')).toBe(true);
    expect(one(num('-0.0'), { a: 0 })).toBe(true);
  });

  it('reads IP-literal strings as one-address ranges', () => {
    expect(one(eq('2001:db8:0:0:0:0:0:1'), { a: '2001:db8::1' })).toBe(true);
    expect(one(eq('10.0.0.1'), { a: '10.0.0.1' })).toBe(true);
    expect(one(eq('10.0.0.1'), { a: '10.0.0.2' })).toBe(false);
    // IPv4-mapped IPv6 (hex form) is the IPv4 address, both ways.
    expect(one(eq('::ffff:a00:1'), { a: '10.0.0.1' })).toBe(true);
    expect(one(eq('10.0.0.1'), { a: '::ffff:a00:1' })).toBe(true);
    expect(one(eq('10.0.0.1'), { a: '::ffff:a00:2' })).toBe(false);
    expect(one(eq('2001:db8::1'), { a: '10.0.0.1' })).toBe(false);
    const exactly: ValueMatcher = { kind: 'exactly', value: '2001:db8:0:0:0:0:0:1', source: {} };
    expect(one(exactly, { a: '2001:db8::1' })).toBe(false);
    expect(one(exactly, { a: '2001:db8:0:0:0:0:0:1' })).toBe(true);
  });
});

describe('string operators', () => {
  it('prefix and suffix accept strings only; the empty prefix accepts every string', () => {
    expect(one(prefix('us-'), { a: 'us-east-1' })).toBe(true);
    expect(one(prefix('us-'), { a: 'eu-west-1' })).toBe(false);
    expect(one(prefix('1'), { a: 123 })).toBe(false);
    expect(one(prefix(''), { a: '' })).toBe(true);
    expect(one(prefix(''), { a: 5 })).toBe(false);
    expect(one(prefix(''), { a: null })).toBe(false);
    expect(one(suffix('.png'), { a: 'x.png' })).toBe(true);
    expect(one(suffix('.png'), { a: 'x.PNG' })).toBe(false);
    expect(one(suffix('.png', true), { a: 'x.PNG' })).toBe(true);
    expect(one(prefix('eventb', true), { a: 'EventBridge' })).toBe(true);
    expect(one(prefix('eventb', true), { a: 'Event' })).toBe(false);
  });

  it('folds case per pattern character as Java does (lower or upper of each UTF-16 unit, Locale.ROOT)', () => {
    expect(one(eic('alice'), { a: 'ALICE' })).toBe(true);
    expect(one(eic('É'), { a: 'é' })).toBe(true);
    expect(one(eic('alice'), { a: 'alicex' })).toBe(false);
    expect(one(eic('1'), { a: 1 })).toBe(false);
    // ß upper-cases to SS: pattern ß accepts ß and SS, not ss.
    const sharp = foldPattern('straße');
    expect(foldEquals(sharp, 'STRASSE')).toBe(true);
    expect(foldEquals(sharp, 'straße')).toBe(true);
    expect(foldEquals(sharp, 'strasse')).toBe(false);
    // The reverse: pattern STRASSE never accepts ß.
    expect(foldEquals(foldPattern('STRASSE'), 'straße')).toBe(false);
    // Titlecase ǅ accepts its lower and upper forms only.
    expect(foldEquals(foldPattern('ǅ'), 'ǆ')).toBe(true);
    expect(foldEquals(foldPattern('ǅ'), 'Ǆ')).toBe(true);
    expect(foldEquals(foldPattern('ǅ'), 'ǅ')).toBe(false);
    // Kelvin sign: lower is k.
    expect(foldEquals(foldPattern('\u212a'), 'k')).toBe(true);
    expect(foldEquals(foldPattern('k'), '\u212a')).toBe(false);
    // İ lower-cases to i + U+0307 (two units).
    expect(foldEquals(foldPattern('İx'), 'i\u0307X')).toBe(true);
    expect(foldStartsWith(foldPattern('İ'), 'i\u0307abc')).toBe(true);
    expect(foldEndsWith(foldPattern('ßE'), 'xxSSe')).toBe(true);
    expect(foldEndsWith(foldPattern('ßE'), 'xxse')).toBe(false);
    // A character outside the BMP is two surrogates, each encoded alone by the engine as '?'.
    expect(foldEquals(foldPattern('😀'), '??')).toBe(true);
    expect(foldEquals(foldPattern('😀'), '😀')).toBe(false);
  });

  it('wildcard matches the whole value, greedily and in linear time', () => {
    expect(one(wildcard('Simple', 'Service'), { a: 'SimpleQueueService' })).toBe(true);
    expect(one(wildcard('Simple', 'Service'), { a: 'SimpleService' })).toBe(true);
    expect(one(wildcard('Simple', 'Service'), { a: 'SimpleServicex' })).toBe(false);
    expect(one(wildcard(''), { a: '' })).toBe(true);
    expect(one(wildcard(''), { a: 'x' })).toBe(false);
    expect(one(wildcard('', ''), { a: 5 })).toBe(false);
    expect(wildcardMatches(['a', 'b', 'a'], 'aba')).toBe(true);
    expect(wildcardMatches(['ab', 'ba'], 'aba')).toBe(false);
    expect(wildcardMatches(['', 'x', 'y', ''], 'xy')).toBe(true);
    // Pathological for backtracking engines: many stars, long text with no match.
    const segments = ['', ...Array.from({ length: 50 }, () => 'a'), 'b'];
    const text = 'a'.repeat(200_000);
    const start = performance.now();
    expect(wildcardMatches(segments, text)).toBe(false);
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});

describe('anything-but', () => {
  it('needs the field present; null, other types and any array element outside the set match', () => {
    const but = butStrings('x', 'y');
    expect(one(but, {})).toBe(false);
    expect(one(but, { a: null })).toBe(true);
    expect(one(but, { a: 'x' })).toBe(false);
    expect(one(but, { a: 'z' })).toBe(true);
    expect(one(but, { a: 5 })).toBe(true);
    expect(one(but, { a: ['x', 'y'] })).toBe(false);
    expect(one(but, { a: ['x', 'z'] })).toBe(true);
    expect(one(but, { a: {} })).toBe(false);
    expect(one(butNumbers('5'), { a: '5' })).toBe(true);
    expect(one(butNumbers('5'), '{"a": 5.0}')).toBe(false);
    expect(one(butNumbers('5'), { a: 6 })).toBe(true);
    expect(one(butNumbers('5'), { a: true })).toBe(true);
  });

  it('prefix, suffix, ignore-case and wildcard forms accept every non-string', () => {
    const forms: ValueMatcher[] = [
      { kind: 'anything-but-prefix', values: ['init'], source: {} },
      { kind: 'anything-but-suffix', values: ['.tmp'], source: {} },
      { kind: 'anything-but-ignore-case', values: ['stopped'], source: {} },
      { kind: 'anything-but-wildcard', values: ['*'], segments: [['', '']], source: {} },
    ];
    for (const form of forms) {
      expect(one(form, { a: 5 })).toBe(true);
      expect(one(form, { a: null })).toBe(true);
      expect(one(form, {})).toBe(false);
    }
    expect(matcherAccepts(forms[0]!, 'initializing')).toBe(false);
    expect(matcherAccepts(forms[0]!, 'running')).toBe(true);
    expect(matcherAccepts(forms[1]!, 'a.tmp')).toBe(false);
    expect(matcherAccepts(forms[2]!, 'STOPPED')).toBe(false);
    expect(matcherAccepts(forms[2]!, 'running')).toBe(true);
    expect(matcherAccepts(forms[3]!, '')).toBe(false);
  });
});

describe('numeric and cidr', () => {
  it('numeric accepts comparable numbers only', () => {
    const range = numeric([0, false], [5, true]);
    expect(one(range, { a: 5 })).toBe(true);
    expect(one(range, { a: 0 })).toBe(false);
    expect(one(range, { a: '3' })).toBe(false);
    expect(one(range, '{"a": 5.0e0}')).toBe(true);
    expect(one(numeric([0, false]), '{"a": 12345678901234567890}')).toBe(false);
    expect(one(numeric([5e9, false]), { a: 6e9 })).toBe(true);
    expect(one(numeric([3, true], [3, true]), '{"a": 3.000}')).toBe(true);
  });

  it('cidr accepts IP strings inside the block, v4 and v6 apart', () => {
    expect(one(cidr('10.0.0.0/24'), { a: '10.0.0.255' })).toBe(true);
    expect(one(cidr('10.0.0.0/24'), { a: '10.0.1.0' })).toBe(false);
    expect(one(cidr('10.0.0.0/24'), { a: 'not an ip' })).toBe(false);
    expect(one(cidr('2001:db8::/32'), { a: '2001:db8:ffff::1' })).toBe(true);
    expect(one(cidr('2001:db8::/32'), { a: '10.0.0.1' })).toBe(false);
  });
});

describe('exists', () => {
  it('is about leaves: objects and empty arrays do not exist, null does', () => {
    expect(one(exists(true), { a: null })).toBe(true);
    expect(one(exists(true), { a: {} })).toBe(false);
    expect(one(exists(true), { a: { b: 1 } })).toBe(false);
    expect(one(exists(true), { a: [] })).toBe(false);
    expect(one(exists(false), { a: [] })).toBe(true);
    expect(one(exists(false), { a: { b: 1 } })).toBe(true);
    expect(one(exists(false), { b: 1 })).toBe(true);
    expect(one(exists(false), { a: 'x' })).toBe(false);
  });

  it('[{"exists":false},"x"] matches a missing field or "x"', () => {
    const either = pattern([cond('a', exists(false), eq('x'))]);
    expect(matches(either, {})).toBe(true);
    expect(matches(either, { a: 'x' })).toBe(true);
    expect(matches(either, { a: 'y' })).toBe(false);
  });
});

describe('arrays', () => {
  it('matches any element and crushes arrays of objects', () => {
    expect(one(eq('x'), { a: ['y', 'x'] })).toBe(true);
    expect(
      matches(pattern([cond('employees.firstName', eq('Anna'))]), {
        employees: [{ firstName: 'John' }, { firstName: 'Anna' }],
      }),
    ).toBe(true);
    expect(one(eq('x'), { a: [['y'], [['x']]] })).toBe(true);
  });

  it('never combines fields from two elements of one array (event-ruler ArrayMembership)', () => {
    const p = pattern([cond('e.first', eq('Anna')), cond('e.last', eq('Smith'))]);
    expect(
      matches(p, {
        e: [
          { first: 'Anna', last: 'Jones' },
          { first: 'John', last: 'Smith' },
        ],
      }),
    ).toBe(false);
    expect(
      matches(p, {
        e: [
          { first: 'John', last: 'Jones' },
          { first: 'Anna', last: 'Smith' },
        ],
      }),
    ).toBe(true);
    // Nested arrays: the inner elements must agree too.
    expect(
      matches(pattern([cond('a.b.x', num('1')), cond('a.b.y', num('2'))]), { a: [{ b: [{ x: 1 }, { y: 2 }] }] }),
    ).toBe(false);
    expect(matches(pattern([cond('a.b.x', num('1')), cond('a.b.y', num('2'))]), { a: [{ b: [{ x: 1, y: 2 }] }] })).toBe(
      true,
    );
    // Fields outside the array combine with any element.
    expect(
      matches(pattern([cond('top', eq('t')), cond('e.first', eq('Anna'))]), {
        top: 't',
        e: [{ first: 'x' }, { first: 'Anna' }],
      }),
    ).toBe(true);
    // Two different arrays combine freely.
    expect(
      matches(pattern([cond('a.x', num('1')), cond('b.y', num('2'))]), {
        a: [{ x: 0 }, { x: 1 }],
        b: [{ y: 2 }, { y: 3 }],
      }),
    ).toBe(true);
  });

  it('backtracks over elements: a first match that fails later is not the end', () => {
    const p = pattern([cond('e.a', num('1')), cond('e.b', num('2')), cond('e.c', num('3'))]);
    expect(
      matches(p, {
        e: [
          { a: 1, b: 2 },
          { a: 1, c: 3 },
          { a: 1, b: 2, c: 3 },
        ],
      }),
    ).toBe(true);
    expect(
      matches(p, {
        e: [
          { a: 1, b: 2 },
          { a: 1, c: 3 },
          { b: 2, c: 3 },
        ],
      }),
    ).toBe(false);
  });

  it('exists:false sees only the array elements consistent with the fields before it (engine order)', () => {
    // a.b is matched first (paths sorted), in element 0; a.c sits only in element 1: absent there.
    expect(matches(pattern([cond('a.b', num('1')), cond('a.c', exists(false))]), { a: [{ b: 1 }, { c: 2 }] })).toBe(
      true,
    );
    expect(matches(pattern([cond('a.b', num('1')), cond('a.c', exists(false))]), { a: [{ b: 1, c: 2 }] })).toBe(false);
    // a.c comes first in the engine's order, before any element is chosen: it exists.
    expect(matches(pattern([cond('a.c', exists(false)), cond('a.z', num('1'))]), { a: [{ z: 1 }, { c: 2 }] })).toBe(
      false,
    );
  });

  it('finds the one consistent element late in a wide array (failures are remembered per element)', () => {
    const p = pattern([cond('w.p', num('1')), cond('w.q', num('2')), cond('w.r', eq('z'))]);
    const wide = Array.from({ length: 100 }, () => ({ p: 1, q: 2, r: 'y' }));
    expect(matches(p, { w: wide })).toBe(false);
    expect(matches(p, { w: [...wide, { p: 1, q: 2, r: 'z' }] })).toBe(true);
    expect(matches(p, { w: [...wide, { p: 1, q: 3, r: 'z' }, { p: 1, q: 2, r: 'z' }] })).toBe(true);
  });

  it('stays linear on wide arrays with no consistent choice', () => {
    const n = 3_000;
    const e = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? { a: 1 } : { b: 2 }));
    const f = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? { c: 1 } : { d: 2 }));
    const p = pattern([cond('e.a', num('1')), cond('e.b', num('2')), cond('f.c', num('1')), cond('f.d', num('2'))]);
    const start = performance.now();
    expect(matches(p, { e, f })).toBe(false);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe('branches and paths', () => {
  it('matches when any branch matches ($or)', () => {
    const p = pattern([cond('a', eq('x'))], [cond('b', eq('y'))]);
    expect(matches(p, { b: 'y' })).toBe(true);
    expect(matches(p, { a: 'y', b: 'x' })).toBe(false);
  });

  it('reads dotted keys and nesting as the same path; a leaf pattern never matches an object', () => {
    const p = pattern([cond('detail.state.status', eq('running'))]);
    expect(matches(p, { detail: { state: { status: 'running' } } })).toBe(true);
    expect(matches(p, { detail: { 'state.status': 'running' } })).toBe(true);
    expect(matches(p, { 'detail.state': { status: 'running' } })).toBe(true);
    expect(matches(pattern([cond('detail', eq('x'))]), { detail: { x: 'x' } })).toBe(false);
  });
});
