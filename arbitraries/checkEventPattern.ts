import { check, property, type Arbitrary } from 'fast-check';
import { explainEventPattern, formatExplanation } from '../src/patterns/explain.js';
import { testEventPattern } from '../src/patterns/compile.js';
import { eventMatching } from './eventMatching.js';
import { isArbitrary } from './_internals/pin.js';
import { patternAst, type PatternInput } from './_internals/patternPlans.js';

const API = 'checkEventPattern';

/** A schema in the style of zod (`schema.safeParse(value)`), or valibot/ArkType through such an adapter. */
export interface SafeParseSchema {
  safeParse(value: unknown): { success: boolean; error?: unknown };
}

/** Options of {@link checkEventPattern}. */
export interface CheckEventPatternOptions<T = Record<string, unknown>> {
  /**
   * What must accept every event the pattern delivers: a function (it rejects an event by
   * returning `false` or throwing; any other result accepts it; it must be synchronous) or a
   * schema with `safeParse`.
   * @defaultValue none: the check then only confirms that the pattern can deliver events and that each generated event matches it
   */
  accepts?: ((event: T) => unknown) | SafeParseSchema;
  /**
   * The events to start from (see `eventMatching`).
   * @defaultValue `eventBridgeEvent()`
   */
  base?: Arbitrary<T>;
  /** Runs. @defaultValue `100` */
  numRuns?: number;
  /** The fast-check seed (replay a failure with its `seed` and `path`). */
  seed?: number;
  /** The shrink path of a failure to replay. */
  path?: string;
}

/** The outcome of {@link checkEventPattern}. */
export type EventPatternCheckResult =
  | { readonly ok: true; readonly numRuns: number }
  | {
      readonly ok: false;
      /** The shrunk event: the pattern delivers it, the handler or schema refuses it. */
      readonly counterexample: unknown;
      /** Why the pattern delivers it, field by field (`formatExplanation`). */
      readonly explanation: string;
      /** Why it was refused: the thrown error's message, the schema's issues, or `returned false`. */
      readonly reason: string;
      /** Replay with `{ seed, path }`. */
      readonly seed: number;
      readonly path: string;
      readonly numRuns: number;
    };

/** Why `accepts` refuses the event, or undefined when it takes it. */
function refusal(
  accepts: ((event: never) => unknown) | SafeParseSchema | undefined,
  event: unknown,
  text: string,
): string | undefined {
  if (accepts === undefined)
    return testEventPattern(text, event) ? undefined : 'the generated event does not match the pattern';
  if (typeof accepts === 'function') {
    let result: unknown;
    try {
      result = accepts(event as never);
    } catch (error) {
      return error instanceof Error ? `${error.name}: ${error.message}` : `threw ${String(error)}`;
    }
    if (result instanceof Promise) {
      result.catch(() => undefined);
      throw new TypeError(
        `${API}: accepts returned a Promise; give a synchronous function (or a schema with safeParse)`,
      );
    }
    return result === false ? 'returned false' : undefined;
  }
  const parsed = accepts.safeParse(event);
  if (parsed.success) return undefined;
  const error = parsed.error as { message?: unknown; issues?: unknown } | undefined;
  return typeof error?.message === 'string'
    ? error.message
    : JSON.stringify(error?.issues ?? error ?? 'safeParse failed');
}

/**
 * Checks "every event this rule delivers is accepted by my handler or schema": runs `accepts`
 * over events the pattern matches (`eventMatching(pattern, base)`), and reports the first
 * (shrunk) event refused, why the pattern delivers it, and the seed and path to replay it.
 * @example checkEventPattern({ detail: { total: [{ numeric: ['>', 0] }] } }, { accepts: OrderSchema, numRuns: 500 })
 */
export function checkEventPattern<T = Record<string, unknown>>(
  pattern: PatternInput,
  options: CheckEventPatternOptions<T> = {},
): EventPatternCheckResult {
  const { accepts, base } = options;
  const numRuns = options.numRuns ?? 100;
  if (!Number.isInteger(numRuns) || numRuns < 1)
    throw new TypeError(`${API}: numRuns must be a positive integer, got ${String(numRuns)}`);
  if (
    accepts !== undefined &&
    typeof accepts !== 'function' &&
    typeof (accepts as SafeParseSchema | null)?.safeParse !== 'function'
  ) {
    throw new TypeError(`${API}: accepts must be a function or a schema with safeParse`);
  }
  if (base !== undefined && !isArbitrary(base))
    throw new TypeError(`${API}: base must be a fast-check arbitrary of events`);
  const ast = patternAst(API, pattern);
  const events = eventMatching<T>(ast, base);
  const details = check(
    property(events, (event) => refusal(accepts, event, ast.text) === undefined),
    {
      numRuns,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.path !== undefined ? { path: options.path } : {}),
    },
  );
  if (!details.failed) return { ok: true, numRuns: details.numRuns };
  if (details.counterexample === null)
    throw (details.errorInstance as unknown) instanceof Error
      ? (details.errorInstance as unknown as Error)
      : new Error(`${API}: the check failed without a counterexample`);
  const counterexample = details.counterexample[0];
  return {
    ok: false,
    counterexample,
    explanation: formatExplanation(explainEventPattern(ast.text, counterexample)),
    reason: refusal(accepts, counterexample, ast.text) ?? String(details.errorInstance ?? 'the property failed'),
    seed: details.seed,
    path: details.counterexamplePath ?? '',
    numRuns: details.numRuns,
  };
}
