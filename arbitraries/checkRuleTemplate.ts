import type { Arbitrary } from 'fast-check';
import type { CompiledTemplate } from '../src/pipes/compiled.js';
import type { RuleContext } from '../src/pipes/reserved.js';
import { checkLintOptions } from '../src/pipes/lint.js';
import {
  compileRuleTemplate,
  lintRuleTemplate,
  renderRuleTemplate,
  type RuleInputTransformer,
} from '../src/pipes/rules.js';
import { judge, runCheck, type TemplateCheckResult, type TemplateCheckRunOptions } from './_internals/templateCheck.js';
import { templateRecords } from './_internals/templateRecords.js';

/** Options of {@link checkRuleTemplate}. */
export interface CheckRuleTemplateOptions extends TemplateCheckRunOptions {
  /**
   * Which events the rule matches: `eventBridgeEvent()` events whose `detail` usually holds the
   * InputPathsMap's `$.detail.…` paths with hard values (see `pipeTemplateRecord`), or
   * `s3EventBridgeEvent()` events.
   * @defaultValue `'eventbridge'`
   */
  source?: 'eventbridge' | 's3-eventbridge';
  /** Events to try instead of the source's (they win over `source`). */
  events?: Arbitrary<unknown>;
  /** The rule's reserved-variable values. */
  context?: RuleContext;
}

/**
 * Like `checkPipeTemplate`, for a rule target's InputTransformer: validates it as PutTargets
 * would (throws `TemplateValidationError`), then runs it over generated events.
 * @example checkRuleTemplate({ inputPathsMap: { id: '$.detail.id' }, inputTemplate: '{"id": <id>}' })
 */
export function checkRuleTemplate(
  transformer: RuleInputTransformer | CompiledTemplate,
  options: CheckRuleTemplateOptions = {},
): TemplateCheckResult {
  const { source = 'eventbridge', context = {} } = checkLintOptions('checkRuleTemplate', options);
  const compiled = 'dialect' in transformer ? transformer : compileRuleTemplate(transformer, { ...context, source });
  const diagnostics =
    'dialect' in transformer
      ? compiled.diagnostics
      : lintRuleTemplate(transformer, { source, ...(context.targetId ? { targetId: context.targetId } : {}) });
  const events = options.events ?? templateRecords(compiled, source);
  return runCheck(
    'checkRuleTemplate',
    events,
    judge(compiled, (event) => renderRuleTemplate(compiled, event, context, options.options), context, options),
    options,
    diagnostics,
  );
}
