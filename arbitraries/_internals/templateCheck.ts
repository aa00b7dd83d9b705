/** The run loop shared by checkPipeTemplate and checkRuleTemplate. */
import { check, property, type Arbitrary } from 'fast-check';
import type { CompiledTemplate, TemplateDiagnostic } from '../../src/pipes/compiled.js';
import { diagnoseRender, type TemplateProblem } from '../../src/pipes/explain.js';
import type { RenderOptions } from '../../src/pipes/options.js';
import type { RenderResult } from '../../src/pipes/render.js';
import type { PipeContext, RuleContext } from '../../src/pipes/reserved.js';

/** Options shared by the template checks. */
export interface TemplateCheckRunOptions {
  /** Runs. @defaultValue `100` */
  numRuns?: number;
  /** The fast-check seed (replay a failure with its `seed` and `path`). */
  seed?: number;
  /** The shrink path of a failure to replay. */
  path?: string;
  /** The oracle's options for what AWS leaves open. */
  options?: RenderOptions;
  /**
   * Whether an output that is not valid JSON is a problem. Turn off for targets that take text
   * (SQS, SNS, CloudWatch Logs) with a free-text template.
   * @defaultValue `true`
   */
  expectJson?: boolean;
}

/** The outcome of a template check. */
export type TemplateCheckResult =
  | { readonly ok: true; readonly numRuns: number; readonly diagnostics: readonly TemplateDiagnostic[] }
  | {
      readonly ok: false;
      /** The shrunk record. */
      readonly counterexample: unknown;
      /** What AWS would deliver for it. */
      readonly output: RenderResult;
      /** What is wrong: not delivered, not JSON, or a lint pitfall that happened, with the value that caused it. */
      readonly problem: TemplateProblem;
      /** Replay with `{ seed, path }`. */
      readonly seed: number;
      readonly path: string;
      readonly numRuns: number;
      /** The template's lint findings for the source. */
      readonly diagnostics: readonly TemplateDiagnostic[];
    };

/** The predicate of a check: the problem with one record, or undefined. */
export type RecordJudge = (record: unknown) => { output: RenderResult; problem: TemplateProblem | undefined };

/** Builds the judge of one compiled template. */
export function judge(
  compiled: CompiledTemplate,
  render: (record: unknown) => RenderResult,
  context: PipeContext & RuleContext,
  options: TemplateCheckRunOptions,
): RecordJudge {
  return (record) => {
    const output = render(record);
    return {
      output,
      problem: diagnoseRender(compiled, record, output, context, options.options, options.expectJson ?? true),
    };
  };
}

/** Runs fast-check over the records and shapes the result. */
export function runCheck(
  api: string,
  records: Arbitrary<unknown>,
  verdict: RecordJudge,
  options: TemplateCheckRunOptions,
  diagnostics: readonly TemplateDiagnostic[],
): TemplateCheckResult {
  const numRuns = options.numRuns ?? 100;
  if (!Number.isInteger(numRuns) || numRuns < 1)
    throw new TypeError(`${api}: numRuns must be a positive integer, got ${String(numRuns)}`);
  const details = check(
    property(records, (record) => verdict(record).problem === undefined),
    {
      numRuns,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.path !== undefined ? { path: options.path } : {}),
    },
  );
  if (!details.failed) return { ok: true, numRuns: details.numRuns, diagnostics };
  if (details.counterexample === null)
    throw (details.errorInstance as unknown) instanceof Error
      ? (details.errorInstance as unknown as Error)
      : new Error(`${api}: the check failed without a counterexample`);
  const counterexample = details.counterexample[0];
  const { output, problem } = verdict(counterexample);
  return {
    ok: false,
    counterexample,
    output,
    problem: problem ?? { kind: 'lint', message: String(details.errorInstance ?? 'the property failed') },
    seed: details.seed,
    path: details.counterexamplePath ?? '',
    numRuns: details.numRuns,
    diagnostics,
  };
}
