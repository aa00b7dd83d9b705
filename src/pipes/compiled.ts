/**
 * A compiled template: the parse result plus each placeholder resolved to an accessor or a
 * reserved variable, done once so rendering never re-parses a path.
 */
import { compileAccessor, parsePath, type Accessor, type PathSegment } from './path.js';
import {
  lineColumns,
  literalsOf,
  parseTemplate,
  unquoteLiterals,
  type ParsedTemplate,
  type SlotPosition,
  type TemplateItem,
  type TemplateMode,
} from './parse.js';
import { PIPES_RESERVED, RULE_RESERVED } from './reserved.js';
import { lintDocsUrl } from '../_internals/docsUrl.js';

/** A lint or syntax finding, 1-based position. */
export interface TemplateDiagnostic {
  /** A stable code, documented on its page (`docsUrl`), e.g. `quoted-object`. */
  readonly code: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** `error`: the output can be invalid JSON, not delivered, or rejected; `warning`: likely a mistake. */
  readonly severity: 'error' | 'warning';
  /** The code's documentation page: what goes wrong, a wrong and a right example. */
  readonly docsUrl: string;
}

/** One placeholder occurrence of a compiled template. */
export interface PlaceholderInfo {
  /** The text between `<` and `>`. */
  readonly name: string;
  /** The JSON path it reads (Pipes: the name; rules: the InputPathsMap value), if not reserved. */
  readonly path?: string;
  /** The reserved variable it names, if any. */
  readonly reserved?: string;
  readonly position: SlotPosition;
  readonly line: number;
  readonly column: number;
}

/** A placeholder name resolved once: a path accessor or a reserved variable. */
export interface Ref {
  readonly name: string;
  readonly path?: string;
  readonly segments?: readonly PathSegment[];
  readonly accessor?: Accessor;
  readonly wildcard: boolean;
  readonly reserved?: string;
}

/** What rendering needs, laid out as flat arrays read in one pass; kept off the public object. */
export interface Internals {
  readonly dialect: 'pipes' | 'rule';
  readonly mode: TemplateMode;
  /** The parse result, without the JSON tree. */
  readonly parsed: Pick<ParsedTemplate, 'mode' | 'slots' | 'lines'>;
  /** The literal text around the slots: `literals[k]` precedes slot `k`; one more follows the last slot. */
  readonly literals: readonly string[];
  /** `literals` without each string-template line's outer quotes (Pipes, `outerQuotes: 'never'`). */
  readonly unquotedLiterals: readonly string[];
  /** For each slot, the index of its ref. */
  readonly slotRef: readonly number[];
  readonly slotPosition: readonly SlotPosition[];
  readonly refs: readonly Ref[];
  /** Whether some ref fills several slots (then each value is computed once per render and reused). */
  readonly sharedRefs: boolean;
  /** Whether some ref is a path (else the record is never decoded). */
  readonly readsPaths: boolean;
  /**
   * The JSON tree of a JSON template, which only `missingPath: 'omit'` needs, parsed again on first
   * use. Kept out of the WeakMap value on purpose: a tree of thousands of nested nodes held there
   * made the garbage collector dominate compiling (8× per character for a 4,000-deep template).
   */
  readonly tree?: () => TemplateItem;
}

/** A memoised re-parse of a JSON template's tree. */
function lazyTree(template: string, dialect: 'pipes' | 'rule'): () => TemplateItem {
  let root: TemplateItem | undefined;
  return () => (root ??= parseTemplate(template, dialect).root!);
}

const internals = new WeakMap<object, Internals>();

/**
 * A template parsed once, rendered many times. Build one with `compilePipeTemplate` or
 * `compileRuleTemplate`; pass it to the matching render function.
 */
export interface CompiledTemplate {
  /** Which service's rules it follows. */
  readonly dialect: 'pipes' | 'rule';
  /** The template text. */
  readonly template: string;
  /** JSON (`{`/`[`), string (`"`), free text, or empty (Pipes: the record passes unchanged). */
  readonly mode: TemplateMode;
  /** Every placeholder occurrence, in order. */
  readonly placeholders: readonly PlaceholderInfo[];
  /** Lint findings that do not stop rendering (see `lintPipeTemplate`). */
  readonly diagnostics: readonly TemplateDiagnostic[];
}

/** The rendering internals of a compiled template (throws on a forged object). */
export function internalsOf(compiled: CompiledTemplate): Internals {
  const found = internals.get(compiled);
  if (found === undefined)
    throw new TypeError('not a compiled template: use compilePipeTemplate or compileRuleTemplate');
  return found;
}

/** The internals of `value` if it is a template compiled by this module (one lookup: renders call it). */
export function maybeInternals(value: unknown): Internals | undefined {
  return typeof value === 'object' && value !== null ? internals.get(value) : undefined;
}

/** Whether `value` is a template compiled by this module. */
export function isCompiled(value: unknown): value is CompiledTemplate {
  return maybeInternals(value) !== undefined;
}

/** A finding at an offset, before line/column conversion. */
export interface OffsetDiagnostic {
  readonly code: string;
  readonly message: string;
  readonly offset: number;
  readonly severity: 'error' | 'warning';
  /** Whether the template cannot be rendered at all (a syntax problem). */
  readonly fatal: boolean;
}

/** Resolves a placeholder name for the dialect; returns the ref or a fatal finding. */
type Resolver = (name: string, offset: number) => Ref | OffsetDiagnostic;

/** Pipes: a `$` path or a reserved `aws.pipes.*` variable. */
export const resolvePipesName: Resolver = (name, offset) => {
  if (name.startsWith('$')) return pathRef(name, name, offset + 1);
  if ((PIPES_RESERVED as readonly string[]).includes(name)) return { name, reserved: name, wildcard: false };
  if (name.startsWith('aws.')) {
    return {
      code: 'unknown-reserved-variable',
      message: `unknown reserved variable <${name}>; Pipes has ${PIPES_RESERVED.map((n) => `<${n}>`).join(', ')}`,
      offset,
      severity: 'error',
      fatal: true,
    };
  }
  return {
    code: 'invalid-placeholder',
    message: `<${name}> is neither a JSON path (starting with "$") nor a reserved aws.pipes.* variable`,
    offset,
    severity: 'error',
    fatal: true,
  };
};

/** Rules: an InputPathsMap key or a reserved `aws.events.*` variable. */
export function ruleResolver(inputPathsMap: Readonly<Record<string, string>>): Resolver {
  return (name, offset) => {
    if (Object.hasOwn(inputPathsMap, name)) {
      const path = inputPathsMap[name]!;
      const ref = pathRef(name, path, -1);
      return 'code' in ref ? { ...ref, offset } : ref;
    }
    if ((RULE_RESERVED as readonly string[]).includes(name)) return { name, reserved: name, wildcard: false };
    if (name.startsWith('aws.')) {
      return {
        code: 'unknown-reserved-variable',
        message: `unknown reserved variable <${name}>; rules have ${RULE_RESERVED.map((n) => `<${n}>`).join(', ')}`,
        offset,
        severity: 'error',
        fatal: true,
      };
    }
    return {
      code: 'undefined-placeholder',
      message: `<${name}> is not a key of InputPathsMap nor a reserved aws.events.* variable`,
      offset,
      severity: 'error',
      fatal: true,
    };
  };
}

function pathRef(name: string, path: string, pathOffset: number): Ref | OffsetDiagnostic {
  const parsed = parsePath(path);
  if (!parsed.ok) {
    return {
      code: 'unsupported-path',
      message: `path ${JSON.stringify(path)}: ${parsed.reason}`,
      offset: pathOffset < 0 ? 0 : pathOffset + parsed.offset,
      severity: 'error',
      fatal: true,
    };
  }
  return {
    name,
    path,
    segments: parsed.segments,
    accessor: compileAccessor(parsed.segments),
    wildcard: parsed.wildcard,
  };
}

/** The outcome of {@link buildCompiled}: the compiled template, or the findings that prevent it. */
export type BuildResult =
  | { readonly compiled: CompiledTemplate; readonly findings: readonly OffsetDiagnostic[] }
  | { readonly compiled?: undefined; readonly findings: readonly OffsetDiagnostic[] };

/**
 * Parses and resolves a template. `findings` holds every syntax and resolution problem; when one
 * is fatal there is no compiled template. `lint` adds the non-fatal findings afterwards.
 */
export function buildCompiled(template: string, dialect: 'pipes' | 'rule', resolve: Resolver): BuildResult {
  const parsed = parseTemplate(template, dialect);
  const findings: OffsetDiagnostic[] = [];
  if (parsed.error !== undefined) {
    findings.push({ ...parsed.error, severity: 'error', fatal: true });
    return { findings };
  }
  const refs: Ref[] = [];
  const byName = new Map<string, number>();
  const slotRef: number[] = [];
  const placeholders: PlaceholderInfo[] = [];
  const position = lineColumns(template);
  for (const slot of parsed.slots) {
    let index = byName.get(slot.name);
    if (index === undefined) {
      const ref = resolve(slot.name, slot.offset);
      if ('code' in ref) {
        findings.push(ref);
        index = -1;
      } else {
        refs.push(ref);
        index = refs.length - 1;
      }
      byName.set(slot.name, index);
    }
    slotRef.push(index);
    const ref = refs[index];
    const { line, column } = position(slot.offset);
    placeholders.push({
      name: slot.name,
      ...(ref?.path !== undefined ? { path: ref.path } : {}),
      ...(ref?.reserved !== undefined ? { reserved: ref.reserved } : {}),
      position: slot.position,
      line,
      column,
    });
  }
  if (findings.some((f) => f.fatal)) return { findings };
  const compiled: CompiledTemplate = Object.freeze({
    dialect,
    template,
    mode: parsed.mode,
    placeholders: Object.freeze(placeholders),
    diagnostics: [] as TemplateDiagnostic[],
  });
  const literals = literalsOf(template, parsed.slots);
  internals.set(compiled, {
    dialect,
    mode: parsed.mode,
    parsed: { mode: parsed.mode, slots: parsed.slots, lines: parsed.lines },
    literals,
    unquotedLiterals: parsed.mode === 'string' ? unquoteLiterals(literals) : literals,
    slotRef,
    slotPosition: parsed.slots.map((s) => s.position),
    refs,
    sharedRefs: refs.length < slotRef.length,
    readsPaths: refs.some((r) => r.accessor !== undefined),
    ...(parsed.root !== undefined ? { tree: lazyTree(template, dialect) } : {}),
  });
  return { compiled, findings };
}

/** Converts offset findings into diagnostics with line and column. */
export function toDiagnostics(template: string, findings: readonly OffsetDiagnostic[]): TemplateDiagnostic[] {
  const position = lineColumns(template);
  return findings.map((f) => ({
    code: f.code,
    message: f.message,
    ...position(f.offset),
    severity: f.severity,
    docsUrl: lintDocsUrl('templates', f.code),
  }));
}

/** Attaches the (non-fatal) diagnostics to a compiled template. */
export function withDiagnostics(
  compiled: CompiledTemplate,
  diagnostics: readonly TemplateDiagnostic[],
): CompiledTemplate {
  const next: CompiledTemplate = Object.freeze({ ...compiled, diagnostics: Object.freeze([...diagnostics]) });
  internals.set(next, internalsOf(compiled));
  return next;
}
