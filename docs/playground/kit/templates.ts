/**
 * The playground's Templates tool, in the browser: the kit's template oracle (render, lint) and a
 * realistic record per Pipes source. The property check (fast-check) is templatesCheck.ts, loaded
 * on the first "check" so the first view stays small.
 */
import {
  lintPipeTemplate,
  lintRuleTemplate,
  PIPE_SOURCES,
  renderPipeTemplate,
  renderRuleTemplate,
  type PipeSource,
  type RenderResult,
  type TemplateDiagnostic,
} from '../../../src/pipes/index.js';
import { findKind } from '../../../src/cli/kinds.js';

export { PIPE_SOURCES, LINT_CODES } from '../../../src/pipes/index.js';

/** Which kind of template: a pipe's InputTemplate, or a rule target's InputTransformer. */
export type Dialect = 'pipes' | 'rule';

const KIND_OF: Partial<Record<PipeSource, string>> = {
  sqs: 'pipes:sqs',
  kinesis: 'pipes:kinesis',
  dynamodb: 'pipes:dynamodb',
  eventbridge: 'eventbridge',
  's3-eventbridge': 's3:eventbridge',
};

/**
 * A realistic record of `source`, seeded, from the kit's factories (the `generate` command's
 * events); undefined for the sources the CLI has no kind for (templatesCheck.ts samples those).
 */
export function sampleRecord(source: PipeSource, seed = 1): unknown {
  const kind = KIND_OF[source];
  if (kind === undefined) return undefined;
  const made = findKind(kind)!.make(seed);
  return Array.isArray(made) ? made[0] : made;
}

/** What the tool shows for one template and event. */
export interface Evaluation {
  readonly diagnostics: readonly TemplateDiagnostic[];
  readonly output?: RenderResult;
  /** Whether the output parses as JSON (undefined when nothing is delivered or it could not render). */
  readonly validJson?: boolean;
  /** A render error (a syntax error or a rule validation error). */
  readonly error?: string;
  /** Time spent in lint + render, in milliseconds. */
  readonly ms: number;
}

/** Lints and renders: the tool's live update on every keystroke. */
export function evaluate(
  dialect: Dialect,
  template: string,
  event: unknown,
  source: PipeSource | undefined,
  inputPathsMap: Record<string, string> = {},
): Evaluation {
  const started = performance.now();
  const options = source === undefined ? {} : { source };
  const transformer = { inputPathsMap, inputTemplate: template };
  const diagnostics =
    dialect === 'pipes' ? lintPipeTemplate(template, options) : lintRuleTemplate(transformer, options);
  let output: RenderResult | undefined;
  let error: string | undefined;
  try {
    output = dialect === 'pipes' ? renderPipeTemplate(template, event) : renderRuleTemplate(transformer, event);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  let validJson: boolean | undefined;
  if (output?.delivered) {
    try {
      JSON.parse(output.body);
      validJson = true;
    } catch {
      validJson = false;
    }
  }
  return {
    diagnostics,
    ...(output === undefined ? {} : { output }),
    ...(validJson === undefined ? {} : { validJson }),
    ...(error === undefined ? {} : { error }),
    ms: performance.now() - started,
  };
}
