import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventPatternError } from '../../src/patterns/errors.js';
import { parseJsonText, stringifyLossless } from '../../src/patterns/json.js';
import { parseEventPattern } from '../../src/patterns/parse.js';
import { eventPattern } from '../../arbitraries/eventPattern.js';
import { NUM_RUNS } from '../_helpers/runs.js';

/** The outcome of parsing: the AST's branches, or the error's reason. Anything else thrown fails the test. */
function outcome(
  pattern: string | object,
  maxLength?: number,
): { ok: true; branches: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, branches: parseEventPattern(pattern, { maxLength }).branches };
  } catch (error) {
    expect(error).toBeInstanceOf(EventPatternError);
    return { ok: false, reason: (error as EventPatternError).reason };
  }
}

const key = fc.oneof(
  fc.constantFrom('source', 'detail', 'a', 'a.b', '$or', 'prefix', 'numeric', ''),
  fc.string({ maxLength: 4 }),
);
const scalar = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('10.0.0.1', '::1'),
);
const str = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('', 'a*b', 'a**b', '\\', '10.0.0.0/24', '10.0.0.1/32', 'x/y'),
);
const operand = fc.oneof(
  str,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const matcher = fc.oneof(
  scalar,
  fc.record({ prefix: fc.oneof(str, fc.record({ 'equals-ignore-case': operand })) }),
  fc.record({ suffix: fc.oneof(str, fc.record({ 'equals-ignore-case': operand })) }),
  fc.record({ 'equals-ignore-case': operand }),
  fc.record({ wildcard: operand }),
  fc.record({ exactly: operand }),
  fc.record({ cidr: operand }),
  fc.record({ exists: fc.oneof(fc.boolean(), operand) }),
  fc.record({
    'anything-but': fc.oneof(
      operand,
      fc.array(operand, { maxLength: 3 }),
      fc.record({ prefix: fc.oneof(str, fc.array(str, { maxLength: 2 })) }),
      fc.record({ wildcard: fc.oneof(str, fc.array(str, { maxLength: 2 })) }),
      fc.record({ 'equals-ignore-case': fc.oneof(operand, fc.array(operand, { maxLength: 2 })) }),
    ),
  }),
  fc.record({
    numeric: fc.oneof(
      fc.tuple(fc.constantFrom('=', '<', '<=', '>', '>=', '!'), operand),
      fc.tuple(fc.constantFrom('>', '>='), fc.integer(), fc.constantFrom('<', '<=', '>'), fc.integer()),
      fc.array(operand, { maxLength: 5 }),
    ),
  }),
  fc.dictionary(fc.string({ maxLength: 3 }), operand, { maxKeys: 2 }),
);
/** Pattern-like values: mostly well-formed, sometimes not, so both outcomes are exercised. */
const patternLike = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.array(matcher, { minLength: 1, maxLength: 3 }),
    fc.dictionary(key, tie('node'), { minKeys: 1, maxKeys: 3 }),
    fc.array(fc.dictionary(key, tie('node'), { minKeys: 1, maxKeys: 2 }), { minLength: 1, maxLength: 3 }),
    scalar,
  ),
  root: fc.dictionary(key, tie('node'), { minKeys: 1, maxKeys: 4 }),
})).root;

describe('parseEventPattern properties', () => {
  it('throws nothing but EventPatternError on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.json()), (text) => {
        outcome(text);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('throws nothing but EventPatternError on arbitrary JSON values and pattern-like values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), patternLike), (value) => {
        outcome(value as object);
        outcome(JSON.stringify(value));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives the same outcome for a value and its JSON text, and whatever the spacing', () => {
    fc.assert(
      fc.property(patternLike, (value) => {
        const text = JSON.stringify(value);
        const fromText = outcome(text, Infinity);
        expect(outcome(value, Infinity)).toEqual(fromText);
        // Spacing changes only the length, so the length limit is lifted here.
        expect(outcome(JSON.stringify(value, null, 2), Infinity)).toEqual(fromText);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is stable under re-serialisation: an accepted pattern re-read from its own text gives the same branches', () => {
    let accepted = 0;
    // Pattern-like values are mostly invalid; valid random patterns make sure the property is exercised.
    fc.assert(
      fc.property(fc.oneof(patternLike, eventPattern()), (value) => {
        const first = outcome(value);
        if (!first.ok) return;
        accepted++;
        const ast = parseEventPattern(value);
        expect(parseEventPattern(ast.text).branches).toEqual(first.branches);
        expect(parseEventPattern(stringifyLossless(parseJsonText(ast.text, 'pattern'))).branches).toEqual(
          first.branches,
        );
      }),
      { numRuns: NUM_RUNS },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('reports an error for a truncated pattern, never a crash', () => {
    fc.assert(
      fc.property(patternLike, fc.nat(), (value, cut) => {
        const text = JSON.stringify(value);
        outcome(text.slice(0, cut % text.length));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
