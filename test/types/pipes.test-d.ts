import { describe, expectTypeOf, it } from 'vitest';
import {
  compilePipeTemplate,
  lintPipeTemplate,
  renderPipeTemplate,
  renderRuleTemplate,
  transformPipeBatch,
  type CompiledTemplate,
  type PipeContext,
  type RenderResult,
  type RuleContext,
  type TemplateDiagnostic,
} from '../../src/pipes/index.js';

describe('aws-event-kit/pipes types', () => {
  it('renders to a discriminated result', () => {
    const r = renderPipeTemplate('{"a": <$.a>}', { a: 1 });
    expectTypeOf(r).toEqualTypeOf<RenderResult>();
    if (r.delivered) expectTypeOf(r.body).toEqualTypeOf<string>();
    else expectTypeOf(r.reason).toEqualTypeOf<string>();
    expectTypeOf(compilePipeTemplate('<$.a>')).toEqualTypeOf<CompiledTemplate>();
    expectTypeOf(lintPipeTemplate('<$.a>')).toEqualTypeOf<TemplateDiagnostic[]>();
    expectTypeOf(transformPipeBatch('<$.a>', [])).toHaveProperty('delivered');
  });
  it('checks contexts, options and sources', () => {
    expectTypeOf<PipeContext['ingestionTime']>().toEqualTypeOf<string | Date | undefined>();
    expectTypeOf<RuleContext>().toHaveProperty('ruleArn');
    // @ts-expect-error: not a known source
    lintPipeTemplate('<$.a>', { source: 'sns' });
    // @ts-expect-error: not a known option value
    renderPipeTemplate('<$.a>', {}, {}, { escape: 'html' });
    // @ts-expect-error: rules need an inputTemplate
    renderRuleTemplate({ inputPathsMap: {} }, {});
  });
});
