/** EventBridge rule targets' InputTransformer: validate as PutTargets does, then render. */
import {
  buildCompiled,
  internalsOf,
  isCompiled,
  ruleResolver,
  toDiagnostics,
  withDiagnostics,
  type CompiledTemplate,
  type OffsetDiagnostic,
  type TemplateDiagnostic,
} from './compiled.js';
import { TemplateSyntaxError, TemplateValidationError } from './errors.js';
import { checkLintOptions, lintCompiled, TEMPLATE_MAX_LENGTH, type LintOptions } from './lint.js';
import { resolveRenderOptions, type RenderOptions, type ResolvedRenderOptions } from './options.js';
import { lineColumn } from './parse.js';
import { parsePath } from './path.js';
import { renderCompiled, type RenderResult } from './render.js';
import { checkContext, ruleReservedValue, type RuleContext, type RuleReserved } from './reserved.js';

/** A rule target's `InputTransformer`. */
export interface RuleInputTransformer {
  /** Up to 100 `name → JSON path` entries; names match `[A-Za-z0-9_-]+` and do not start with `AWS.`. */
  inputPathsMap?: Readonly<Record<string, string>>;
  /** 1–8,192 characters; `<name>` reads `inputPathsMap[name]` or a reserved `aws.events.*` variable. */
  inputTemplate: string;
}

/** API limits of InputTransformer (the `PutTargets` API model). */
export const RULE_LIMITS = Object.freeze({
  maxInputPaths: 100,
  maxKeyLength: 256,
  maxPathLength: 256,
  maxTemplateLength: TEMPLATE_MAX_LENGTH,
});

const KEY_PATTERN = /^[A-Za-z0-9_-]+$/;
const FIELD = 'targets.1.member.inputTransformer';

/** The PutTargets-time checks, as findings with AWS's messages (offsets are 0: they are not in the template). */
function validation(transformer: RuleInputTransformer, targetId: string): OffsetDiagnostic[] {
  const out: OffsetDiagnostic[] = [];
  const add = (code: string, message: string): void => {
    out.push({ code, message, offset: 0, severity: 'error', fatal: true });
  };
  const template = transformer.inputTemplate;
  const map = transformer.inputPathsMap ?? {};
  // AWS's model-validation wording ("1 validation error detected: Value at '…' failed to satisfy constraint: …").
  const constraint = (field: string, rule: string): string =>
    `1 validation error detected: Value at '${FIELD}.${field}' failed to satisfy constraint: ${rule}`;
  if (template.length < 1)
    add('template-too-short', constraint('inputTemplate', 'Member must have length greater than or equal to 1'));
  if (template.length > TEMPLATE_MAX_LENGTH)
    add(
      'template-too-long',
      constraint('inputTemplate', `Member must have length less than or equal to ${TEMPLATE_MAX_LENGTH}`),
    );
  const keys = Object.keys(map);
  if (keys.length > RULE_LIMITS.maxInputPaths)
    add(
      'too-many-input-paths',
      constraint('inputPathsMap', `Member must have length less than or equal to ${RULE_LIMITS.maxInputPaths}`),
    );
  for (const key of keys) {
    // "AWS.x" already breaks the key pattern, so AWS answers with the pattern constraint.
    const keyRule = constraint(
      'inputPathsMap',
      'Map keys must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [A-Za-z0-9\\_\\-]+]',
    );
    if (key.startsWith('AWS.')) add('reserved-input-path-key', keyRule);
    else if (!KEY_PATTERN.test(key) || key.length > RULE_LIMITS.maxKeyLength) add('invalid-input-path-key', keyRule);
    const path = map[key];
    if (typeof path !== 'string' || path.length > RULE_LIMITS.maxPathLength)
      add(
        'input-path-too-long',
        constraint(
          'inputPathsMap',
          'Map value must satisfy constraint: [Member must have length less than or equal to 256]',
        ),
      );
    else {
      const parsed = parsePath(path);
      if (!parsed.ok)
        add(
          'unsupported-path',
          `InputPathsMap for target ${targetId} has an invalid JSON path for ${key}: ${path} (${parsed.reason})`,
        );
    }
  }
  return out;
}

/** Throws a `TypeError` naming `api` unless `inputPathsMap` is absent or an object (a string's characters would read as keys). */
function checkInputPathsMap(api: string, map: unknown): void {
  if (map === undefined || map === null) return;
  if (typeof map !== 'object' || Array.isArray(map))
    throw new TypeError(
      `${api}: inputPathsMap must be an object of name → JSON path, such as { state: '$.detail.state' }, got ${Array.isArray(map) ? 'an array' : typeof map}`,
    );
}

function placeholderError(targetId: string, name: string): TemplateValidationError {
  return new TemplateValidationError(
    'undefined-placeholder',
    `InputTemplate for target ${targetId} contains invalid placeholder ${name}.`,
  );
}

/**
 * Validates and compiles a rule target's InputTransformer. Throws {@link TemplateValidationError}
 * with AWS's message for what PutTargets rejects (an undefined placeholder, over 100 input paths, a
 * bad key, a template over 8,192 characters) and {@link TemplateSyntaxError} for a template the
 * oracle cannot parse (unterminated `<`, invalid JSON around the placeholders …).
 * @example compileRuleTemplate({ inputPathsMap: { id: '$.detail.id' }, inputTemplate: '{"id": <id>}' })
 */
export function compileRuleTemplate(
  transformer: RuleInputTransformer,
  options?: Pick<RuleContext, 'targetId'> & LintOptions,
): CompiledTemplate {
  const context = checkLintOptions('compileRuleTemplate', options);
  if (transformer === null || typeof transformer !== 'object')
    throw new TypeError('compileRuleTemplate: expected { inputPathsMap, inputTemplate }');
  const template = transformer.inputTemplate as unknown;
  if (typeof template !== 'string')
    throw new TemplateSyntaxError(
      'not-text',
      `compileRuleTemplate: inputTemplate must be a string, got ${template === null ? 'null' : typeof template}`,
      1,
      1,
    );
  checkInputPathsMap('compileRuleTemplate', transformer.inputPathsMap);
  const targetId = context.targetId ?? 'target';
  const invalid = validation(transformer, targetId)[0];
  if (invalid !== undefined) throw new TemplateValidationError(invalid.code, invalid.message);
  const built = buildCompiled(template, 'rule', ruleResolver(transformer.inputPathsMap ?? {}));
  const fatal = built.findings.find((f) => f.fatal);
  if (fatal?.code === 'undefined-placeholder' || fatal?.code === 'unknown-reserved-variable') {
    throw placeholderError(targetId, template.slice(fatal.offset + 1, template.indexOf('>', fatal.offset)));
  }
  if (built.compiled === undefined || fatal !== undefined) {
    const f = fatal ?? built.findings[0]!;
    const { line, column } = lineColumn(template, f.offset);
    throw new TemplateSyntaxError(f.code, `compileRuleTemplate: ${f.message}`, line, column);
  }
  return withDiagnostics(built.compiled, toDiagnostics(template, lintCompiled(built.compiled, context)));
}

/**
 * Every finding for a rule target's InputTransformer, PutTargets rejections and syntax errors
 * included (rejections not tied to a template position are at line 1, column 1). Never throws.
 */
export function lintRuleTemplate(
  transformer: RuleInputTransformer,
  lintOptions?: LintOptions & Pick<RuleContext, 'targetId'>,
): TemplateDiagnostic[] {
  const options = checkLintOptions('lintRuleTemplate', lintOptions);
  checkInputPathsMap('lintRuleTemplate', transformer?.inputPathsMap);
  const template = transformer?.inputTemplate as unknown;
  if (typeof template !== 'string')
    return toDiagnostics('', [
      { code: 'not-text', message: 'inputTemplate must be a string', offset: 0, severity: 'error', fatal: true },
    ]);
  const findings: OffsetDiagnostic[] = validation(transformer, options.targetId ?? 'target');
  // Past the length limit PutTargets rejects the template whatever it holds: parsing megabytes would be wasted (and could exhaust memory).
  if (template.length > TEMPLATE_MAX_LENGTH) return toDiagnostics(template, findings);
  const built = buildCompiled(template, 'rule', ruleResolver(transformer.inputPathsMap ?? {}));
  findings.push(
    ...built.findings.map((f) =>
      f.code === 'undefined-placeholder'
        ? {
            ...f,
            message: placeholderError(
              options.targetId ?? 'target',
              template.slice(f.offset + 1, template.indexOf('>', f.offset)),
            ).message,
          }
        : f,
    ),
  );
  if (built.compiled !== undefined) findings.push(...lintCompiled(built.compiled, options));
  return toDiagnostics(
    template,
    findings.sort((a, b) => a.offset - b.offset),
  );
}

// Module-level, so a render builds no closure for the reserved variables.
const ruleReserved = (name: string, event: unknown, context: RuleContext, _options: ResolvedRenderOptions): unknown =>
  ruleReservedValue(name as RuleReserved, event, context);
// The default context is only read: one shared object instead of a new `{}` per render.
const NO_CONTEXT: RuleContext = Object.freeze({});

/**
 * What a rule target receives for one event: `{ delivered: true, body }` with exactly the
 * bytes AWS sends, or `{ delivered: false, reason }` when AWS sends nothing. Validates the
 * transformer first (see {@link compileRuleTemplate}).
 * @example renderRuleTemplate({ inputPathsMap: { s: '$.detail.state' }, inputTemplate: '"state <s>"' }, event) // body '"state RUNNING"'
 */
export function renderRuleTemplate(
  transformer: RuleInputTransformer | CompiledTemplate,
  event: unknown,
  context: RuleContext = NO_CONTEXT,
  options?: RenderOptions,
): RenderResult {
  if (context !== NO_CONTEXT) checkContext('renderRuleTemplate', context);
  let compiled: CompiledTemplate;
  if (isCompiled(transformer)) {
    if (transformer.dialect !== 'rule')
      throw new TypeError('renderRuleTemplate: this template was compiled for Pipes (use renderPipeTemplate)');
    compiled = transformer;
  } else compiled = compileRuleTemplate(transformer, context);
  const resolved = resolveRenderOptions('renderRuleTemplate', options);
  // Rules always keep a string template's quotes (observed), so outerQuotes does not apply.
  return renderCompiled(internalsOf(compiled), event, event, context, ruleReserved, resolved, false);
}
