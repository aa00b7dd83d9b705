/**
 * Lint: one code per documented pitfall (README.md lists each with a wrong and a right
 * example). Findings that stop compilation come from the parser; these come after it.
 */
import { internalsOf, type CompiledTemplate, type OffsetDiagnostic, type Ref } from './compiled.js';
import { EVENT_VARIABLES } from './reserved.js';
import { canBeStructured, PIPE_SOURCES, shapeAt, sourceShape, type PipeSource } from './sources.js';

/** The template length limit of both services (API models: 1–8192 for rules, 0–8192 for Pipes). */
export const TEMPLATE_MAX_LENGTH = 8192;

/** Options of the lint functions. */
export interface LintOptions {
  /**
   * The source whose records the template reads. With it, lint knows which paths exist and which
   * can hold an object or array (then a quoted placeholder on them is an error, not a warning).
   */
  source?: PipeSource;
}

/**
 * Checks a lint options object (`api` names the caller): a `TypeError` naming the option for
 * anything but `undefined` or an object whose `source` is one of {@link PIPE_SOURCES}.
 */
export function checkLintOptions<O extends LintOptions>(api: string, options: O | undefined, name = 'options'): O {
  if (options === undefined) return {} as O;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(
      `${api}: ${name} must be an object such as { source: 'sqs' }, got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}`,
    );
  }
  const source: unknown = options.source;
  if (source !== undefined && !(PIPE_SOURCES as readonly unknown[]).includes(source)) {
    throw new TypeError(
      `${api}: ${name}.source must be one of ${PIPE_SOURCES.join(', ')}, got ${typeof source === 'string' ? JSON.stringify(source) : String(source)}`,
    );
  }
  return options;
}

/** Whether the ref can yield an object or array: 'yes' (certain or, with a source, possible), 'maybe' (a guess without source), 'no'. */
function structured(ref: Ref, source: PipeSource | undefined): 'yes' | 'maybe' | 'no' {
  if (ref.reserved !== undefined) return EVENT_VARIABLES.has(ref.reserved) ? 'yes' : 'no';
  if (ref.wildcard || ref.segments!.length === 0) return 'yes';
  if (source !== undefined) {
    const shape = shapeAt(sourceShape(source), ref.segments!);
    return shape !== undefined && canBeStructured(shape) ? 'yes' : 'no';
  }
  // Without a source, guess from the sources lint knows: a path that is an object in any of them,
  // or a whole decoded body (which holds whatever JSON was sent).
  const first = ref.segments![0];
  if (
    ref.segments!.length === 1 &&
    first?.kind === 'name' &&
    ['body', 'data', 'key', 'value', 'detail'].includes(first.name)
  )
    return 'maybe';
  for (const s of PIPE_SOURCES) {
    const shape = shapeAt(sourceShape(s), ref.segments!);
    if (shape !== undefined && canBeStructured(shape) && !(shape.types.size > 2)) return 'maybe';
  }
  return 'no';
}

/** Non-fatal findings of a compiled template (offsets into its text). */
export function lintCompiled(compiled: CompiledTemplate, options: LintOptions): OffsetDiagnostic[] {
  const inner = internalsOf(compiled);
  const out: OffsetDiagnostic[] = [];
  const add = (code: string, message: string, offset: number, severity: 'error' | 'warning' = 'error'): void => {
    out.push({ code, message, offset, severity, fatal: false });
  };
  const source = options.source;
  const where = source === undefined ? '' : ` in ${source} records`;
  const seenImpossible = new Set<number>();
  const structuredByRef = new Map<number, 'yes' | 'maybe' | 'no'>(); // per placeholder name, not per occurrence
  inner.parsed.slots.forEach((slot, k) => {
    const ref = inner.refs[inner.slotRef[k]!]!;
    const tag = `<${slot.name}>`;
    if (
      source !== undefined &&
      ref.segments !== undefined &&
      !seenImpossible.has(inner.slotRef[k]!) &&
      shapeAt(sourceShape(source), ref.segments) === undefined
    ) {
      seenImpossible.add(inner.slotRef[k]!);
      add(
        'impossible-path',
        `${tag}: no ${source} record has the path ${ref.path}; it always renders as missing ("" or nothing)`,
        slot.offset,
        'warning',
      );
    }
    if (slot.position === 'key' || slot.position === 'quoted-key') {
      add(
        'placeholder-as-key',
        `${tag} is used as an object key; AWS does not allow placeholders in keys: use a fixed key, e.g. {"value": ${tag}}`,
        slot.offset,
      );
      return;
    }
    if (ref.reserved !== undefined && EVENT_VARIABLES.has(ref.reserved) && slot.position !== 'value') {
      add(
        'event-in-string',
        `${tag} is the whole event and is not escaped: it can only be a JSON value, e.g. {"event": ${tag}}, never inside a string`,
        slot.offset,
      );
      return;
    }
    let s = structuredByRef.get(inner.slotRef[k]!);
    if (s === undefined) structuredByRef.set(inner.slotRef[k]!, (s = structured(ref, source)));
    if (slot.position === 'bare') {
      if (s !== 'no')
        add(
          'bare-body',
          `${tag} alone delivers a JSON object with its quotes stripped ({"key": "value"} arrives as {key: value}); wrap it: {"data": ${tag}}`,
          slot.offset,
        );
      else
        add(
          'free-text-template',
          `the template is ${tag} alone: the target receives the raw value, not JSON (fine for SQS, SNS or CloudWatch Logs text; Lambda, Step Functions and API targets need JSON: write {"value": ${tag}})`,
          slot.offset,
        );
      return;
    }
    if (s === 'no') return;
    const may =
      s === 'yes'
        ? ref.wildcard || ref.reserved !== undefined || ref.segments!.length === 0
          ? 'holds'
          : `can hold${where}`
        : 'may hold';
    if (slot.position === 'quoted' || slot.position === 'in-json-string') {
      add(
        'quoted-object',
        `${tag} ${may} an object or array but sits inside a quoted JSON string: AWS delivers nothing for such events; remove the quotes ("k": ${tag}) or point at a string`,
        slot.offset,
        s === 'yes' ? 'error' : 'warning',
      );
    } else if (slot.position === 'in-string-template' || slot.position === 'text') {
      add(
        'quoted-object',
        `${tag} ${may} an object or array inside a string: it arrives with every quote removed ({a:b}); use a JSON template {"k": ${tag}}`,
        slot.offset,
        'warning',
      );
    }
  });
  const t = compiled.template;
  if (compiled.mode === 'text' && !inner.parsed.slots.some((s) => s.position === 'bare')) {
    add(
      'free-text-template',
      'free text is delivered as it is, not as JSON (fine for SQS, SNS or CloudWatch Logs; Lambda, Step Functions and API targets need JSON): quote it ("…") or write a JSON template',
      firstNonBlank(t),
    );
  }
  if (compiled.mode === 'string' && inner.parsed.lines > 1) {
    add(
      'multi-line-template',
      `${inner.parsed.lines} quoted lines are delivered as ${inner.parsed.lines} JSON strings separated by newlines, which is not one JSON value: targets that need JSON reject it`,
      firstNonBlank(t),
    );
  }
  if (compiled.dialect === 'pipes' && compiled.mode === 'string') {
    add(
      'pipes-string-template',
      'whether Pipes keeps the outer quotes of a string template is not documented (rules keep them); the oracle keeps them (option outerQuotes); a JSON template avoids the doubt',
      firstNonBlank(t),
      'warning',
    );
  }
  return out;
}

function firstNonBlank(t: string): number {
  const m = /\S/.exec(t);
  return m === null ? 0 : m.index;
}
