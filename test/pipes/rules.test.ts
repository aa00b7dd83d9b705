import { describe, expect, it } from 'vitest';
import { compileRuleTemplate, renderRuleTemplate, TemplateValidationError } from '../../src/pipes/index.js';

function rejection(fn: () => unknown): TemplateValidationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateValidationError);
    return error as TemplateValidationError;
  }
  throw new Error('not rejected');
}

describe('rule targets: what PutTargets rejects (API limits, undefined placeholders)', () => {
  it("an undefined placeholder, with AWS's message", () => {
    const e = rejection(() =>
      compileRuleTemplate({ inputPathsMap: { a: '$.a' }, inputTemplate: '"<a> <notdefinedkey>"' }, { targetId: 'Id1' }),
    );
    expect(e.message).toBe('InputTemplate for target Id1 contains invalid placeholder notdefinedkey.');
    expect(e.code).toBe('undefined-placeholder');
    expect(rejection(() => compileRuleTemplate({ inputTemplate: '{"a": <aws.events.nope>}' })).message).toBe(
      'InputTemplate for target target contains invalid placeholder aws.events.nope.',
    );
  });
  it('over 100 input paths, bad keys, AWS. keys, long paths, long or empty templates', () => {
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, '$.a']));
    expect(rejection(() => compileRuleTemplate({ inputPathsMap: many, inputTemplate: '"x"' })).message).toMatch(
      /inputPathsMap' failed to satisfy constraint: Member must have length less than or equal to 100$/,
    );
    const hundred = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, '$.a']));
    expect(() => compileRuleTemplate({ inputPathsMap: hundred, inputTemplate: '"x"' })).not.toThrow();
    expect(rejection(() => compileRuleTemplate({ inputPathsMap: { 'a b': '$.a' }, inputTemplate: '"x"' })).code).toBe(
      'invalid-input-path-key',
    );
    expect(rejection(() => compileRuleTemplate({ inputPathsMap: { 'AWS.a': '$.a' }, inputTemplate: '"x"' })).code).toBe(
      'reserved-input-path-key',
    );
    expect(
      rejection(() => compileRuleTemplate({ inputPathsMap: { a: '$.' + 'a'.repeat(300) }, inputTemplate: '"x"' })).code,
    ).toBe('input-path-too-long');
    expect(rejection(() => compileRuleTemplate({ inputTemplate: `"${'x'.repeat(8191)}"` })).message).toMatch(
      /less than or equal to 8192$/,
    );
    expect(() => compileRuleTemplate({ inputTemplate: `"${'x'.repeat(8190)}"` })).not.toThrow();
    expect(rejection(() => compileRuleTemplate({ inputTemplate: '' })).code).toBe('template-too-short');
  });
  it('reserved variables need no InputPathsMap; unused map entries are fine', () => {
    expect(
      renderRuleTemplate(
        { inputPathsMap: { unused: '$.x' }, inputTemplate: '"<aws.events.rule-name>"' },
        {},
        { ruleName: 'r' },
      ),
    ).toEqual({ delivered: true, body: '"r"' });
  });
  it('a compiled rule template cannot be rendered as Pipes and vice versa', async () => {
    const { renderPipeTemplate, compilePipeTemplate } = await import('../../src/pipes/index.js');
    expect(() => renderPipeTemplate(compileRuleTemplate({ inputTemplate: '"x"' }), {})).toThrow(TypeError);
    expect(() => renderRuleTemplate(compilePipeTemplate('"x"'), {})).toThrow(TypeError);
  });
});
