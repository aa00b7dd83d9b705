/**
 * The playground's Event patterns tool, in the browser: validation with AWS's messages, matching
 * with the field-by-field explanation, and lint; the generators are patternsGenerate.ts, loaded on first use.
 */
import {
  explainEventPattern,
  formatExplanation,
  lintEventPattern,
  parseEventPattern,
  type PatternLintOptions,
} from '../../../src/patterns/index.js';

export { PATTERN_LINT_CODES } from '../../../src/patterns/index.js';
export { PIPE_SOURCES } from '../../../src/pipes/index.js';

/** What the tool shows for one pattern and event. */
export interface PatternEvaluation {
  /** AWS's message when the pattern is invalid. */
  readonly error?: string;
  readonly matches?: boolean;
  /** One line per field: what the pattern asked, what the event had. */
  readonly explanation?: string;
  readonly diagnostics: ReturnType<typeof lintEventPattern>;
  readonly ms: number;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SyntaxError(`${what} is not JSON: ${(e as Error).message}`);
  }
}

/** Lints the pattern; when it is valid and the event is JSON, matches and explains. */
export function evaluatePattern(
  pattern: string,
  eventText: string,
  options: PatternLintOptions = {},
): PatternEvaluation {
  const started = performance.now();
  const diagnostics = lintEventPattern(pattern, options);
  try {
    parseEventPattern(pattern);
    const event = parseJson(eventText, 'the event');
    const explained = explainEventPattern(pattern, event);
    return {
      matches: explained.matches,
      explanation: formatExplanation(explained),
      diagnostics,
      ms: performance.now() - started,
    };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e), diagnostics, ms: performance.now() - started };
  }
}
