/**
 * aws-event-kit/pipes: an oracle of EventBridge input transformation. Given a Pipes input template
 * or a rule target's InputTransformer and an event, it says exactly what the target receives, and
 * lints templates for the documented pitfalls. No fast-check here: the property checks
 * (`checkPipeTemplate` …) live in `aws-event-kit/arbitraries`.
 * @packageDocumentation
 */
export {
  compilePipeTemplate,
  lintPipeTemplate,
  renderPipeTemplate,
  transformPipeBatch,
  type PipeBatchResult,
} from './pipes.js';
export {
  compileRuleTemplate,
  lintRuleTemplate,
  renderRuleTemplate,
  RULE_LIMITS,
  type RuleInputTransformer,
} from './rules.js';
export { TemplateSyntaxError, TemplateValidationError } from './errors.js';
export type { CompiledTemplate, PlaceholderInfo, TemplateDiagnostic } from './compiled.js';
export type { RenderResult } from './render.js';
export { DEFAULT_RENDER_OPTIONS, type RenderOptions, type ResolvedRenderOptions } from './options.js';
export { PIPES_RESERVED, RULE_RESERVED, type PipeContext, type RuleContext } from './reserved.js';
export { PIPE_SOURCES, type PipeSource } from './sources.js';
export { TEMPLATE_MAX_LENGTH, type LintOptions } from './lint.js';
export { LINT_CODES, type LintCode } from './codes.js';
export { DOCS_BASE_URL } from '../_internals/docsUrl.js';
export type { SlotPosition, TemplateMode } from './parse.js';
