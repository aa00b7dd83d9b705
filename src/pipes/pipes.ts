/** EventBridge Pipes input templates: compile, render one record, transform a batch. */
import {
  buildCompiled,
  internalsOf,
  isCompiled,
  maybeInternals,
  resolvePipesName,
  toDiagnostics,
  withDiagnostics,
  type CompiledTemplate,
  type Internals,
  type OffsetDiagnostic,
  type TemplateDiagnostic,
} from './compiled.js';
import { decodedView } from './decode.js';
import { TemplateSyntaxError } from './errors.js';
import { boundedMemo } from '../_internals/memo.js';
import { stringifyJson } from './json.js';
import { checkLintOptions, lintCompiled, TEMPLATE_MAX_LENGTH, type LintOptions } from './lint.js';
import { resolveRenderOptions, type RenderOptions, type ResolvedRenderOptions } from './options.js';
import { lineColumn } from './parse.js';
import { renderCompiled, type RenderResult } from './render.js';
import { checkContext, pipesReservedValue, type PipeContext, type PipesReserved } from './reserved.js';

function tooLong(template: string): OffsetDiagnostic | undefined {
  if (template.length <= TEMPLATE_MAX_LENGTH) return undefined;
  return {
    code: 'template-too-long',
    message: `the template is ${template.length} characters; AWS allows at most ${TEMPLATE_MAX_LENGTH}`,
    offset: TEMPLATE_MAX_LENGTH,
    severity: 'error',
    fatal: true,
  };
}

function notText(api: string, template: unknown): never {
  throw new TemplateSyntaxError(
    'not-text',
    `${api}: the template must be a string, got ${template === null ? 'null' : typeof template}`,
    1,
    1,
  );
}

/**
 * Parses a Pipes input template once, resolving every `<$.path>` to an accessor.
 * Throws {@link TemplateSyntaxError} (with line and column) for templates that cannot be rendered:
 * not text, over 8,192 characters, an unterminated or nested `<`, invalid JSON around the
 * placeholders, control characters, unsupported path syntax, an unknown reserved variable.
 * Other lint findings (see `lintPipeTemplate`) are in `diagnostics`.
 * @example compilePipeTemplate('{"id": <$.messageId>, "order": <$.body.order>}')
 */
export function compilePipeTemplate(template: string, options?: LintOptions): CompiledTemplate {
  const lint = checkLintOptions('compilePipeTemplate', options);
  if (typeof template !== 'string') notText('compilePipeTemplate', template);
  const long = tooLong(template);
  const built = long === undefined ? buildCompiled(template, 'pipes', resolvePipesName) : { findings: [long] };
  const fatal = built.findings.find((f) => f.fatal);
  if (built.compiled === undefined || fatal !== undefined) {
    const f = fatal ?? built.findings[0]!;
    const { line, column } = lineColumn(template, f.offset);
    throw new TemplateSyntaxError(f.code, `compilePipeTemplate: ${f.message}`, line, column);
  }
  return withDiagnostics(built.compiled, toDiagnostics(template, lintCompiled(built.compiled, lint)));
}

/**
 * Every finding for a Pipes template, syntax errors included, sorted by position; never throws
 * for a string (a `TypeError` names a bad option). `source` makes the object/array and
 * impossible-path checks exact. A template over 8,192 characters gets that one finding: AWS
 * rejects it whatever it holds, and parsing megabytes for nothing could exhaust memory.
 * @example lintPipeTemplate('{"order": "<$.body>"}', { source: 'sqs' }) // quoted-object
 */
export function lintPipeTemplate(template: string, options?: LintOptions): TemplateDiagnostic[] {
  const lint = checkLintOptions('lintPipeTemplate', options);
  if (typeof template !== 'string')
    return toDiagnostics('', [
      {
        code: 'not-text',
        message: `the template must be a string, got ${template === null ? 'null' : typeof template}`,
        offset: 0,
        severity: 'error',
        fatal: true,
      },
    ]);
  const long = tooLong(template);
  if (long !== undefined) return toDiagnostics(template, [long]);
  const findings: OffsetDiagnostic[] = [];
  const built = buildCompiled(template, 'pipes', resolvePipesName);
  findings.push(...built.findings);
  if (built.compiled !== undefined) findings.push(...lintCompiled(built.compiled, lint));
  return toDiagnostics(
    template,
    findings.sort((a, b) => a.offset - b.offset),
  );
}

const WRONG_DIALECT = 'renderPipeTemplate: this template was compiled for rules (use renderRuleTemplate)';

// Rendering a template string compiles it once; a small memo keeps repeated renders cheap
// (compiling is a function of the text alone; a compiled template is never edited).
const compiledTemplates = boundedMemo<string, CompiledTemplate>(64);
function compiledOf(template: string | CompiledTemplate): CompiledTemplate {
  if (isCompiled(template)) {
    if (template.dialect !== 'pipes') throw new TypeError(WRONG_DIALECT);
    return template;
  }
  return compiledTemplates.get(template, compilePipeTemplate);
}

/** The rendering internals of a Pipes template, in one lookup for a compiled one (the render-many path). */
function pipesInternals(template: string | CompiledTemplate): Internals {
  const inner = maybeInternals(template);
  if (inner === undefined) return internalsOf(compiledOf(template));
  if (inner.dialect !== 'pipes') throw new TypeError(WRONG_DIALECT);
  return inner;
}

// Module-level, so a render builds no closure for the reserved variables.
const pipesReserved = (name: string, record: unknown, context: PipeContext, options: ResolvedRenderOptions): unknown =>
  pipesReservedValue(name as PipesReserved, record, context, options.implicitBodyParsing);
// The default context is only read: one shared object instead of a new `{}` per render.
const NO_CONTEXT: PipeContext = Object.freeze({});

/**
 * What a Pipes target (or enrichment) receives for one record: `{ delivered: true, body }` with
 * exactly the bytes AWS sends, or `{ delivered: false, reason }` when AWS sends nothing.
 * `event` is one record as Pipes sees it: an element of `toPipesSourceBatch(...)`, an
 * enrichment's output, or any JSON value. An empty template passes the record unchanged.
 * @example renderPipeTemplate('{"order": <$.body.order>}', sqsRecord) // { delivered: true, body: '{"order": 42}' }
 */
export function renderPipeTemplate(
  template: string | CompiledTemplate,
  event: unknown,
  context: PipeContext = NO_CONTEXT,
  options?: RenderOptions,
): RenderResult {
  const inner = pipesInternals(template);
  const resolved = resolveRenderOptions('renderPipeTemplate', options);
  if (context !== NO_CONTEXT) checkContext('renderPipeTemplate', context);
  if (inner.mode === 'empty') return { delivered: true, body: stringifyJson(event) ?? 'null' };
  // Implicit body parsing happens once per record (decodedView caches it), and only if a path reads it.
  const root = inner.readsPaths && resolved.implicitBodyParsing ? decodedView(event) : event;
  const body = renderCompiled(
    inner,
    root,
    event,
    context,
    pipesReserved,
    resolved,
    resolved.outerQuotes === 'never' && inner.mode === 'string',
  );
  if (body.delivered && resolved.outerQuotes === 'always' && inner.mode === 'text')
    return { delivered: true, body: `"${body.body}"` };
  return body;
}

/** What a Lambda or Step Functions target receives for a batch. */
export type PipeBatchResult =
  /**
   * `body` is the JSON array sent; `records` its elements; `notJson` the indices of records whose
   * output was not JSON (free text, a bare string …), sent as JSON strings: a target expecting
   * objects gets a string there, usually a template mistake.
   */
  | {
      readonly delivered: true;
      readonly body: string;
      readonly records: unknown[];
      readonly notJson: readonly number[];
    }
  /** A record that AWS cannot deliver fails the batch; `index` says which. */
  | { readonly delivered: false; readonly reason: string; readonly index: number };

/**
 * Applies the template to each record separately, as Pipes does for batches, and
 * returns the JSON array a Lambda or Step Functions enrichment or target receives, even for one
 * record. A record whose output is not JSON is sent as a JSON string; `notJson` lists those records.
 * @example transformPipeBatch('{"id": <$.messageId>}', toPipesSourceBatch(makeSqsEvent()))
 */
export function transformPipeBatch(
  template: string | CompiledTemplate,
  records: readonly unknown[],
  context: PipeContext = NO_CONTEXT,
  options?: RenderOptions,
): PipeBatchResult {
  if (!Array.isArray(records))
    throw new TypeError('transformPipeBatch: records must be an array (e.g. toPipesSourceBatch(event))');
  if (context !== NO_CONTEXT) checkContext('transformPipeBatch', context);
  const compiled = compiledOf(template);
  const parts: string[] = [];
  const values: unknown[] = [];
  const notJson: number[] = [];
  for (let index = 0; index < records.length; index++) {
    const result = renderPipeTemplate(compiled, records[index], context, options);
    if (!result.delivered) return { delivered: false, reason: `record ${index}: ${result.reason}`, index };
    try {
      values.push(JSON.parse(result.body));
      parts.push(result.body);
    } catch {
      values.push(result.body);
      parts.push(JSON.stringify(result.body));
      notJson.push(index);
    }
  }
  return { delivered: true, body: `[${parts.join(',')}]`, records: values, notJson };
}
