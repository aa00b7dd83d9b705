/**
 * The public matching API: compile a pattern once, match many events. Compiling validates the
 * pattern exactly as AWS does ({@link parseEventPattern}), then prepares every matcher and the set
 * of event paths the pattern looks at, so matching an event walks only those paths.
 */
import type { PatternAst } from './ast.js';
import { EventPatternInputError } from './errors.js';
import { eventRoot, flattenRoot } from './flatten.js';
import { planMatches, planPattern, type PatternPlan } from './matchPlan.js';
import { parseEventPattern, type ParseOptions } from './parse.js';

export { matcherAccepts } from './match.js';

/** A validated, ready-to-run event pattern. */
export interface CompiledEventPattern {
  /** The validated pattern. */
  readonly ast: PatternAst;
  /** The pattern's JSON text. */
  readonly text: string;
  /**
   * Whether an event (a JSON object, or its JSON text) matches, as EventBridge decides it.
   * @throws EventPatternInputError when the event is not a JSON object, is cyclic or holds a value JSON cannot.
   */
  matches(event: unknown): boolean;
}

/**
 * The one implementation of {@link CompiledEventPattern}. The plan sits in a private field rather
 * than a WeakMap: WeakMap entries cost the garbage collector more than compiling a pattern does.
 */
class CompiledPattern implements CompiledEventPattern {
  readonly ast: PatternAst;
  readonly text: string;
  readonly #plan: PatternPlan;

  constructor(ast: PatternAst, plan: PatternPlan) {
    this.ast = ast;
    this.text = ast.text;
    this.#plan = plan;
    this.matches = this.matches.bind(this);
    Object.freeze(this);
  }

  matches(event: unknown): boolean {
    return matchWith(this.#plan, event, 'matchesEventPattern');
  }

  static planOf(value: unknown): PatternPlan | undefined {
    return value instanceof CompiledPattern ? value.#plan : undefined;
  }
}

function matchWith(plan: PatternPlan, event: unknown, api: string): boolean {
  return planMatches(plan, flattenRoot(eventRoot(event, api), api, plan.selection));
}

/** Wraps a validated pattern as a {@link CompiledEventPattern}. */
export function compiledFromAst(ast: PatternAst): CompiledEventPattern {
  return new CompiledPattern(ast, planPattern(ast));
}

/** The plan of a pattern given as text, an object or an already compiled pattern. */
export function planOf(
  pattern: unknown,
  api: string,
  options?: ParseOptions,
): { compiled: CompiledEventPattern; plan: PatternPlan } {
  const existing = CompiledPattern.planOf(pattern);
  if (existing !== undefined) return { compiled: pattern as CompiledEventPattern, plan: existing };
  if (typeof pattern !== 'string' && (pattern === null || typeof pattern !== 'object')) {
    throw new EventPatternInputError(
      api,
      `pattern must be a JSON object or its JSON text, got ${pattern === null ? 'null' : typeof pattern}`,
    );
  }
  const compiled = compiledFromAst(parseEventPattern(pattern as string | object, options));
  return { compiled, plan: CompiledPattern.planOf(compiled)! };
}

/**
 * Validates and compiles an event pattern (a JSON object or its text).
 * @throws EventPatternError with AWS's message (`Event pattern is not valid. Reason: …`) for a pattern AWS rejects.
 * @example
 * ```ts
 * const rule = compileEventPattern({ source: ['aws.ec2'], detail: { state: [{ prefix: 'run' }] } });
 * rule.matches({ source: 'aws.ec2', detail: { state: 'running' } }); // true
 * ```
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 */
export function compileEventPattern(pattern: string | object, options?: ParseOptions): CompiledEventPattern {
  return planOf(pattern, 'compileEventPattern', options).compiled;
}

/**
 * Whether an event (object or JSON text) matches a compiled pattern: the hot path.
 * @throws EventPatternInputError when `compiled` is not from {@link compileEventPattern} or the event is not a JSON object.
 */
export function matchesEventPattern(compiled: CompiledEventPattern, event: unknown): boolean {
  const plan = CompiledPattern.planOf(compiled);
  if (plan === undefined)
    throw new EventPatternInputError(
      'matchesEventPattern',
      'compiled must come from compileEventPattern (use testEventPattern for a pattern given as JSON)',
    );
  return matchWith(plan, event, 'matchesEventPattern');
}

/** Recently compiled pattern texts: tests and tools call testEventPattern with the same text often. */
const recent = new Map<string, PatternPlan>();
const RECENT_LIMIT = 64;

/**
 * The offline twin of EventBridge's `TestEventPattern`: validates the pattern as AWS does, then
 * says whether the event (an object or JSON text) matches.
 * @throws EventPatternError for an invalid pattern; EventPatternInputError for an event that is not a JSON object.
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_TestEventPattern.html
 */
export function testEventPattern(pattern: string | object, event: unknown): boolean {
  let plan: PatternPlan | undefined;
  if (typeof pattern === 'string') {
    plan = recent.get(pattern);
    if (plan === undefined) {
      plan = planOf(pattern, 'testEventPattern').plan;
      if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
      recent.set(pattern, plan);
    }
  } else {
    plan = planOf(pattern, 'testEventPattern').plan;
  }
  return matchWith(plan, event, 'testEventPattern');
}
