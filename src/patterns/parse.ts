/**
 * `parseEventPattern`: validates an event pattern exactly as AWS does and compiles it to a
 * {@link PatternAst}. AWS's engine has two compilers: the current one (with `$or`) runs first and,
 * when it rejects the pattern with a parse error, the legacy one (no `$or`) runs; if both reject,
 * the legacy error is what AWS reports, and if the legacy one accepts, `$or` is a plain field name.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 * @see https://github.com/aws/event-ruler/blob/main/src/main/software/amazon/event/ruler/GenericMachine.java
 */
import type { FieldCondition, PatternAst, PatternBranch } from './ast.js';
import { EventPatternError, EventPatternInputError } from './errors.js';
import { JsonTokenizer, stringifyLossless, toLossless } from './json.js';
import { CompileFailure, compilePatternText, type CompileOutput, type CompilerMode } from './parseCompiler.js';
import { wildcardComplexity, wildcardComplexityExceeds } from './parseComplexity.js';
import { REASONS, UNVERIFIED_REASONS } from './parseReasons.js';

export { REASONS as PATTERN_REASONS, UNVERIFIED_REASONS as PATTERN_UNVERIFIED_REASONS } from './parseReasons.js';

/**
 * Limits applied by {@link parseEventPattern}, with their defaults.
 *
 * - `maxLength` 4,096: the `EventPattern` length limit of PutRule / TestEventPattern and of the
 *   Lambda and Pipes `Filter.Pattern` (characters, counted as UTF-16 units).
 * - `maxOrCombinations` 1,000: EventBridge rejects patterns whose `$or` yields over 1,000 combinations
 *   (counted here as the branches after expansion).
 * - `maxWildcardComplexity` 100: AWS rejects over-complex wildcard rules ("Rule is too complex") but
 *   does not publish its threshold; 100 is the bound AWS's engine tests with.
 * - `maxNestingDepth` 1,000: the JSON reader's nesting limit in AWS's engine (Jackson's default).
 * - `maxNumberLength` 1,000: the JSON reader's digit limit for one number (Jackson's default).
 * - `maxFieldsPerBranch` 256: AWS's engine refuses a rule (one `$or` combination) with more fields.
 */
export const PATTERN_LIMITS = Object.freeze({
  maxLength: 4096,
  maxOrCombinations: 1000,
  maxWildcardComplexity: 100,
  maxNestingDepth: 1000,
  maxNumberLength: 1000,
  maxFieldsPerBranch: 256,
});

/** Options of {@link parseEventPattern}; every limit defaults to {@link PATTERN_LIMITS}. */
export interface ParseOptions {
  /** @defaultValue 4096 */
  maxLength?: number;
  /** @defaultValue 1000 */
  maxOrCombinations?: number;
  /** @defaultValue 100 (AWS's own threshold is not published) */
  maxWildcardComplexity?: number;
  /** @defaultValue 1000 */
  maxNestingDepth?: number;
  /** @defaultValue 1000 */
  maxNumberLength?: number;
  /** @defaultValue 256 */
  maxFieldsPerBranch?: number;
  /**
   * Retry with AWS's legacy compiler when the current one fails, as AWS's engine entry point does
   * (`$or` that is not a valid OR becomes a field name; where both fail, the legacy text is
   * reported). `false` uses the current compiler only: `$or` is always the OR primitive and the
   * reasons are its own (e.g. `There must have at least 2 Objects in $or relationship.`).
   * @defaultValue true
   */
  legacyFallback?: boolean;
}

function limit(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new EventPatternInputError(
      'parseEventPattern',
      `options.${name} must be a non-negative number, got ${String(value)}`,
    );
  }
  return value;
}

/** The pattern's JSON text: strings as given, other values serialised (rejecting what JSON cannot hold). */
function patternText(pattern: unknown): string {
  if (typeof pattern === 'string') return pattern;
  try {
    return stringifyLossless(toLossless(pattern, 'pattern'));
  } catch (error) {
    if (error instanceof TypeError) throw new EventPatternInputError('parseEventPattern', error.message);
    throw error;
  }
}

function toPatternError(failure: CompileFailure, text: string): EventPatternError {
  if (failure.offset === undefined) return new EventPatternError(failure.message);
  return new EventPatternError(failure.message, new JsonTokenizer(text).locate(failure.offset));
}

function tryCompile(
  text: string,
  mode: CompilerMode,
  limits: Parameters<typeof compilePatternText>[2],
): CompileOutput | CompileFailure {
  try {
    return compilePatternText(text, mode, limits);
  } catch (error) {
    if (error instanceof CompileFailure) return error;
    throw error;
  }
}

/**
 * Validates an event pattern (a JSON string, or a value serialised to JSON first) as EventBridge,
 * Lambda and Pipes filters do, and compiles it.
 *
 * @throws EventPatternError with AWS's reason for every pattern AWS rejects.
 * @throws EventPatternInputError for a value JSON cannot hold (`undefined`, functions, `NaN`, cycles) or bad options.
 */
export function parseEventPattern(pattern: string | object, options: ParseOptions = {}): PatternAst {
  const maxLength = limit(options.maxLength, PATTERN_LIMITS.maxLength, 'maxLength');
  const maxOr = limit(options.maxOrCombinations, PATTERN_LIMITS.maxOrCombinations, 'maxOrCombinations');
  const maxComplexity = limit(
    options.maxWildcardComplexity,
    PATTERN_LIMITS.maxWildcardComplexity,
    'maxWildcardComplexity',
  );
  const maxFields = limit(options.maxFieldsPerBranch, PATTERN_LIMITS.maxFieldsPerBranch, 'maxFieldsPerBranch');
  const compileLimits = {
    maxBranches: maxOr,
    maxDepth: limit(options.maxNestingDepth, PATTERN_LIMITS.maxNestingDepth, 'maxNestingDepth'),
    maxNumberLength: limit(options.maxNumberLength, PATTERN_LIMITS.maxNumberLength, 'maxNumberLength'),
  };
  const text = patternText(pattern);
  if (text.length > maxLength) throw new EventPatternError(UNVERIFIED_REASONS.tooLong(text.length, maxLength));

  let output = tryCompile(text, 'modern', compileLimits);
  if (output instanceof CompileFailure && output.fallback && options.legacyFallback !== false) {
    output = tryCompile(text, 'legacy', compileLimits);
  }
  if (output instanceof CompileFailure) throw toPatternError(output, text);

  const maps = output.branches;
  if (maps === null || maps.length > maxOr) throw new EventPatternError(UNVERIFIED_REASONS.tooManyCombinations(maxOr));
  const branches: PatternBranch[] = maps.map((m) => Object.freeze({ conditions: Object.freeze([...m.values()]) }));
  for (const branch of branches) {
    if (branch.conditions.length > maxFields) {
      throw new EventPatternError(UNVERIFIED_REASONS.tooManyFields(branch.conditions.length, maxFields));
    }
  }
  if (wildcardTooComplex(branches, maxComplexity)) throw new EventPatternError(REASONS.tooComplex);
  return Object.freeze({
    branches: Object.freeze(branches),
    text,
    orAsFieldName: Object.freeze(output.orAsFieldName.map((keys) => Object.freeze(keys))),
  });
}

/** The distinct wildcard patterns (`wildcard` and `anything-but` wildcard) of each field path. */
function wildcardsByPath(branches: readonly PatternBranch[]): Map<string, Map<string, readonly string[]>> {
  const byPath = new Map<string, Map<string, readonly string[]>>();
  const add = (condition: FieldCondition, key: string, segments: readonly string[]): void => {
    let patterns = byPath.get(condition.path);
    if (patterns === undefined) byPath.set(condition.path, (patterns = new Map()));
    patterns.set(key, segments);
  };
  for (const branch of branches) {
    for (const condition of branch.conditions) {
      for (const m of condition.matchers) {
        if (m.kind === 'wildcard') add(condition, `w${m.value}`, m.segments);
        else if (m.kind === 'anything-but-wildcard')
          m.values.forEach((v, i) => add(condition, `n${v}`, m.segments[i]!));
      }
    }
  }
  return byPath;
}

function wildcardTooComplex(branches: readonly PatternBranch[], threshold: number): boolean {
  for (const patterns of wildcardsByPath(branches).values()) {
    if (wildcardComplexityExceeds([...patterns.values()], threshold)) return true;
  }
  return false;
}

/**
 * The wildcard complexity of a compiled pattern: the highest over its fields (see
 * `parseComplexity.ts`), 0 without wildcards; the search stops at `cap`.
 */
export function wildcardComplexityOf(branches: readonly PatternBranch[], cap = Infinity): number {
  let max = 0;
  for (const patterns of wildcardsByPath(branches).values()) {
    max = Math.max(max, wildcardComplexity([...patterns.values()], cap));
    if (max >= cap) return max;
  }
  return max;
}
