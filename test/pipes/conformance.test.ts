// Every conformance case, compared as its `compare` field says. The oracle follows the rules;
// no case is special-cased, so these double as regression tests of the rules.
import { describe, expect, it } from 'vitest';
import {
  renderPipeTemplate,
  renderRuleTemplate,
  TemplateValidationError,
  type RenderOptions,
  type RenderResult,
} from '../../src/pipes/index.js';
import { CONFORMANCE_CASES, type ConformanceCase } from './conformanceCases.js';

function render(c: ConformanceCase, options?: RenderOptions): RenderResult {
  if (c.kind === 'rule')
    return renderRuleTemplate(
      { inputPathsMap: c.inputPathsMap ?? {}, inputTemplate: c.template },
      c.event,
      { ...c.context, targetId: 'my-target' },
      options,
    );
  return renderPipeTemplate(c.template, c.event, c.context ?? {}, options);
}

describe('conformance with observed and documented AWS behaviour', () => {
  const strict = CONFORMANCE_CASES.filter((c) => c.confidence !== 'documented-ambiguous');
  it('covers all 28 cases', () => {
    expect(CONFORMANCE_CASES).toHaveLength(28);
    expect(new Set(CONFORMANCE_CASES.map((c) => c.id)).size).toBe(28);
  });

  it.each(strict.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    switch (c.compare) {
      case 'exact': {
        const result = render(c);
        expect(result).toEqual({ delivered: true, body: c.expected });
        break;
      }
      case 'json': {
        const result = render(c);
        expect(result.delivered).toBe(true);
        if (result.delivered) expect(JSON.parse(result.body)).toEqual(c.expected);
        break;
      }
      case 'not-delivered':
        expect(render(c).delivered).toBe(false);
        break;
      case 'error': {
        let error: unknown;
        try {
          render(c);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(TemplateValidationError);
        expect((error as Error).message).toBe(c.expectedError!.replace('<target-id>', 'my-target'));
        break;
      }
    }
  });

  // documented-ambiguous: the Pipes page prints `"{key: value}"` for a bare <$.body> holding
  // {"key": "value"}. The options that reproduce that reading are tested; the default reading
  // (no outer quotes, compact JSON as observed for rules) is tested too.
  const ambiguous = CONFORMANCE_CASES.filter((c) => c.confidence === 'documented-ambiguous');
  it.each(ambiguous.map((c) => [c.id, c] as const))(
    '%s: the documented reading via outerQuotes "always" + embeddedJson "source"',
    (_id, c) => {
      expect(render(c, { outerQuotes: 'always', embeddedJson: 'source' })).toEqual({
        delivered: true,
        body: c.expected,
      });
    },
  );
  it.each(ambiguous.map((c) => [c.id, c] as const))('%s: the default strips the quotes and adds none', (_id, c) => {
    const result = render(c);
    expect(result).toEqual({ delivered: true, body: '{key:value}' });
    // Either way the target gets no valid JSON, which is the pitfall the page warns about.
    if (result.delivered) expect(() => JSON.parse(result.body)).toThrow();
  });
});
