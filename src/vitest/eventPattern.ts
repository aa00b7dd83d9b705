/**
 * `expect(event).toMatchEventPattern(pattern)`: the event matches an EventBridge event pattern,
 * decided by the kit's pattern engine, with its field-by-field explanation on failure.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 */
import { explainEventPattern, formatExplanation } from '../patterns/explain.js';
import type { MatcherContext, MatcherResult } from './state.js';

/** An event pattern: the JSON text or its parsed object. */
export type EventPatternInput = string | Readonly<Record<string, unknown>>;

/** Passes when `pattern` matches `received`; the message explains each field's verdict. */
export function toMatchEventPattern(
  this: MatcherContext,
  received: unknown,
  pattern: EventPatternInput,
): MatcherResult {
  // An invalid pattern throws the engine's error (AWS's wording), whatever `.not` says.
  const explanation = explainEventPattern(pattern, received);
  const hint = this.utils.matcherHint('toMatchEventPattern', 'event', 'pattern', { isNot: this.isNot });
  return {
    pass: explanation.matches,
    message: () =>
      explanation.matches
        ? `${hint}\n\nExpected the event not to match the pattern, but it does:\n${formatExplanation(explanation)}`
        : `${hint}\n\nThe event does not match the pattern:\n${formatExplanation(explanation)}`,
  };
}
