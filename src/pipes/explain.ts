/**
 * Why an output is what it is: each placeholder's extracted value, and which one (if any) broke
 * the JSON or stopped delivery. The property checks report this with their counterexamples.
 */
import { internalsOf, type CompiledTemplate } from './compiled.js';
import { decodedView } from './decode.js';
import { stringifyJson } from './json.js';
import { resolveRenderOptions, type RenderOptions } from './options.js';
import type { SlotPosition } from './parse.js';
import { MISSING } from './path.js';
import type { RenderResult } from './render.js';
import {
  checkContext,
  EVENT_VARIABLES,
  pipesReservedValue,
  ruleReservedValue,
  type PipeContext,
  type PipesReserved,
  type RuleContext,
  type RuleReserved,
} from './reserved.js';

/** One placeholder occurrence and the value it extracted (`undefined` with `missing: true` when absent). */
export interface ExtractedValue {
  readonly placeholder: string;
  readonly position: SlotPosition;
  readonly missing: boolean;
  readonly value: unknown;
}

/** What is wrong with one rendering. */
export interface TemplateProblem {
  /** `not-delivered`: AWS sends nothing; `not-json`: the output does not parse; `lint`: a lint pitfall happened for this event. */
  readonly kind: 'not-delivered' | 'not-json' | 'lint';
  /** The lint code of the pitfall, when one explains it. */
  readonly code?: string;
  readonly message: string;
  /** The placeholder whose value caused it, and that value. */
  readonly placeholder?: string;
  readonly value?: unknown;
}

/** The values each placeholder extracts from `event`, in template order. */
export function extractValues(
  compiled: CompiledTemplate,
  event: unknown,
  context: PipeContext & RuleContext = {},
  options?: RenderOptions,
): ExtractedValue[] {
  const inner = internalsOf(compiled);
  const resolved = resolveRenderOptions('extractValues', options);
  checkContext('extractValues', context);
  const root = compiled.dialect === 'pipes' && resolved.implicitBodyParsing ? decodedView(event) : event;
  return inner.parsed.slots.map((slot, k) => {
    const ref = inner.refs[inner.slotRef[k]!]!;
    let value: unknown;
    if (ref.reserved !== undefined)
      value =
        compiled.dialect === 'pipes'
          ? pipesReservedValue(ref.reserved as PipesReserved, event, context, resolved.implicitBodyParsing)
          : ruleReservedValue(ref.reserved as RuleReserved, event, context);
    else value = ref.accessor!(root);
    if (ref.wildcard && resolved.wildcard === 'first' && Array.isArray(value))
      value = value.length > 0 ? value[0] : MISSING;
    return {
      placeholder: `<${slot.name}>`,
      position: slot.position,
      missing: value === MISSING,
      value: value === MISSING ? undefined : value,
    };
  });
}

const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;

/**
 * Whether a value's text needs JSON escaping where it lands: a string with `"`, `\` or a control
 * character, or (inside strings) an object whose compact JSON holds a backslash.
 */
export function needsEscaping(value: ExtractedValue): boolean {
  if (value.missing) return false;
  if (typeof value.value === 'string')
    return value.position !== 'text' && value.position !== 'bare' && NEEDS_ESCAPE.test(value.value);
  if (value.value !== null && typeof value.value === 'object' && value.position !== 'value')
    return stringifyJson(value.value)!.includes('\\');
  return false;
}

const STRUCTURED = (v: ExtractedValue): boolean => !v.missing && v.value !== null && typeof v.value === 'object';
const IN_STRING: ReadonlySet<SlotPosition> = new Set([
  'quoted',
  'in-json-string',
  'in-string-template',
  'text',
  'quoted-key',
]);

/**
 * The problem with one rendering, or `undefined` when it is fine. With `expectJson` (the
 * default) an output that does not parse is a problem; the placeholder whose value caused it is named.
 */
export function diagnoseRender(
  compiled: CompiledTemplate,
  event: unknown,
  output: RenderResult,
  context: PipeContext & RuleContext = {},
  options?: RenderOptions,
  expectJson = true,
): TemplateProblem | undefined {
  // The common case, kept cheap for property runs: valid JSON and no placeholder in a string.
  if (output.delivered && !internalsOf(compiled).parsed.slots.some((s) => s.position !== 'value')) {
    if (!expectJson) return undefined;
    try {
      JSON.parse(output.body);
      return undefined;
    } catch {
      // explained below
    }
  }
  const values = extractValues(compiled, event, context, options);
  if (!output.delivered) {
    const culprit = values.find(
      (v) =>
        STRUCTURED(v) && (v.position === 'quoted' || v.position === 'in-json-string' || v.position === 'quoted-key'),
    );
    const code =
      culprit !== undefined && EVENT_VARIABLES.has(culprit.placeholder.slice(1, -1))
        ? 'event-in-string'
        : 'quoted-object';
    return {
      kind: 'not-delivered',
      code,
      message: output.reason,
      ...(culprit ? { placeholder: culprit.placeholder, value: culprit.value } : {}),
    };
  }
  const bare = values.find((v) => v.position === 'bare' && STRUCTURED(v));
  if (expectJson) {
    try {
      JSON.parse(output.body);
    } catch (error) {
      const reason = (error as Error).message;
      if (bare)
        return {
          kind: 'not-json',
          code: 'bare-body',
          message: `not valid JSON (${reason}): ${bare.placeholder} holds a JSON object, delivered with its quotes stripped`,
          placeholder: bare.placeholder,
          value: bare.value,
        };
      const culprit = values.find(needsEscaping);
      if (culprit)
        return {
          kind: 'not-json',
          message: `not valid JSON (${reason}): ${culprit.placeholder} extracted ${stringifyJson(culprit.value)}, which EventBridge inserts without escaping`,
          placeholder: culprit.placeholder,
          value: culprit.value,
        };
      const key = values.find((v) => v.position === 'key' || v.position === 'quoted-key');
      if (key)
        return {
          kind: 'not-json',
          code: 'placeholder-as-key',
          message: `not valid JSON (${reason}): ${key.placeholder} is used as an object key`,
          placeholder: key.placeholder,
          value: key.value,
        };
      if (compiled.mode === 'text') {
        // Free text is not JSON by construction; name the first value it carries.
        const first = values[0];
        return {
          kind: 'not-json',
          code: 'free-text-template',
          message: `not valid JSON (${reason}): free text is delivered as it is`,
          ...(first ? { placeholder: first.placeholder, value: first.value } : {}),
        };
      }
      return {
        kind: 'not-json',
        ...(compiled.mode === 'string' ? { code: 'multi-line-template' } : {}),
        message: `not valid JSON (${reason})`,
      };
    }
  }
  if (bare)
    return {
      kind: 'lint',
      code: 'bare-body',
      message: `${bare.placeholder} holds a JSON object, delivered with its quotes stripped`,
      placeholder: bare.placeholder,
      value: bare.value,
    };
  const stripped = values.find((v) => STRUCTURED(v) && IN_STRING.has(v.position));
  if (stripped)
    return {
      kind: 'lint',
      code: 'quoted-object',
      message: `${stripped.placeholder} holds an object or array inside a string: it arrives with its quotes removed`,
      placeholder: stripped.placeholder,
      value: stripped.value,
    };
  return undefined;
}
