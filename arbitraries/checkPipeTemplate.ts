import type { Arbitrary } from 'fast-check';
import type { CompiledTemplate } from '../src/pipes/compiled.js';
import { checkLintOptions } from '../src/pipes/lint.js';
import { compilePipeTemplate, lintPipeTemplate, renderPipeTemplate } from '../src/pipes/pipes.js';
import type { PipeContext } from '../src/pipes/reserved.js';
import type { PipeSource } from '../src/pipes/sources.js';
import { judge, runCheck, type TemplateCheckResult, type TemplateCheckRunOptions } from './_internals/templateCheck.js';
import { templateRecords } from './_internals/templateRecords.js';

export type { TemplateCheckResult, TemplateCheckRunOptions } from './_internals/templateCheck.js';
export type { TemplateProblem } from '../src/pipes/explain.js';

/** Options of {@link checkPipeTemplate}: `source`, or `records` (any arbitrary of records), or both. */
export interface CheckPipeTemplateOptions extends TemplateCheckRunOptions {
  /**
   * The pipe's source: records come from `pipeTemplateRecord(template, source)` (the template's
   * paths usually present with hard values, sometimes missing; now and then a plain
   * `pipeSourceRecord(source)` record) and lint knows their shape.
   */
  source?: PipeSource;
  /** Records to try instead of the source's (they win over `source`). */
  records?: Arbitrary<unknown>;
  /** The pipe's reserved-variable values. */
  context?: PipeContext;
}

/**
 * Runs a Pipes template over generated records and reports the first (shrunk) record for which
 * AWS would deliver nothing, deliver something that is not JSON, or hit a lint pitfall, with the
 * value that caused it and the seed and path to replay it. Lives here, not in
 * `aws-event-kit/pipes`, because it needs fast-check.
 * @example checkPipeTemplate('{"order": <$.body.order>}', { source: 'sqs', numRuns: 500 })
 */
export function checkPipeTemplate(
  template: string | CompiledTemplate,
  options: CheckPipeTemplateOptions,
): TemplateCheckResult {
  const { source, context = {} } = checkLintOptions('checkPipeTemplate', options);
  if (source === undefined && options.records === undefined)
    throw new TypeError('checkPipeTemplate: give a source (e.g. "sqs") or a records arbitrary');
  const compiled = typeof template === 'string' ? compilePipeTemplate(template, source ? { source } : {}) : template;
  const diagnostics = source === undefined ? compiled.diagnostics : lintPipeTemplate(compiled.template, { source });
  const records = options.records ?? templateRecords(compiled, source!);
  return runCheck(
    'checkPipeTemplate',
    records,
    judge(compiled, (record) => renderPipeTemplate(compiled, record, context, options.options), context, options),
    options,
    diagnostics,
  );
}
