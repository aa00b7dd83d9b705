/**
 * Conformance: every verdict case through the public API, with the event as an object and as JSON
 * text (the verdict must not depend on the form), and through a one-rule set.
 */
import { describe, expect, it } from 'vitest';
import { compileEventPattern, matchesEventPattern, testEventPattern } from '../../src/patterns/compile.js';
import { compileEventPatterns } from '../../src/patterns/ruleSet.js';
import { filterVerdictCases, verdictCases } from './cases/verdicts.js';

const forms = (event: string | object): (string | object)[] =>
  typeof event === 'string' ? [event] : [event, JSON.stringify(event)];

describe('EventBridge verdict cases', () => {
  it.each(verdictCases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    for (const event of forms(c.event)) {
      expect(testEventPattern(c.pattern, event), `${c.id} (${typeof event})${c.note ? `: ${c.note}` : ''}`).toBe(
        c.expected,
      );
    }
    const compiled = compileEventPattern(c.pattern);
    expect(matchesEventPattern(compiled, c.event)).toBe(c.expected);
    expect(compileEventPatterns({ rule: c.pattern }).match(c.event)).toEqual(c.expected ? ['rule'] : []);
  });
});

describe('Lambda filter verdict cases (pattern level, data decoded)', () => {
  it.each(filterVerdictCases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    for (const event of forms(c.record)) {
      expect(
        c.patterns.some((pattern) => testEventPattern(pattern, event)),
        c.id,
      ).toBe(c.expected);
    }
  });
});
