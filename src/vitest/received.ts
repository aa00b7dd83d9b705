/**
 * `toHaveReceived(predicateOrPattern)`: a queue (what `mocks.sqs.createQueue` returns), the
 * EventBridge mock (`mocks.eventBridge`, what was put) or any object of the msw mocks answering
 * the kit's RECEIVED protocol has received something the predicate accepts or the event pattern
 * matches.
 */
import { RECEIVED, type ReceivedLog } from '../_internals/received.js';
import { explainEventPattern, formatExplanation } from '../patterns/explain.js';
import type { EventPatternInput } from './eventPattern.js';
import { misuse, type MatcherContext, type MatcherResult } from './state.js';

const NAME = 'toHaveReceived';
/** How many received items a failure message lists. */
const SHOWN = 5;

function logOf(received: unknown): ReceivedLog {
  if (received !== null && typeof received === 'object') {
    const log = (received as { [RECEIVED]?: unknown })[RECEIVED];
    if (typeof log === 'function') return (log as () => ReceivedLog)();
    const events = (received as { events?: unknown }).events;
    // The EventBridge mock: every event PutEvents accepted (or a service published), on every bus.
    if (typeof events === 'function')
      return {
        description: 'the EventBridge mock',
        items: (events as () => unknown[]).call(received),
        patternView: (event) => event,
      };
  }
  return misuse(NAME, 'expects a queue (what mocks.sqs.createQueue returns) or mocks.eventBridge of aws-event-kit/msw');
}

/**
 * Passes when some received item satisfies `predicateOrPattern`: a function gets each item (for a
 * queue: `{ messageId, body, messageAttributes, … }`, the body as sent); an event pattern is
 * matched as Lambda's event filtering matches SQS records (a JSON body is matched as its value,
 * so `{ body: { type: ['order'] } }` works) and as EventBridge rules match events.
 */
export function toHaveReceived(
  this: MatcherContext,
  received: unknown,
  predicateOrPattern: ((item: never) => unknown) | EventPatternInput,
): MatcherResult {
  const log = logOf(received);
  const hint = this.utils.matcherHint(
    NAME,
    'receiver',
    typeof predicateOrPattern === 'function' ? 'predicate' : 'pattern',
    { isNot: this.isNot },
  );
  const listing = (): string => {
    const items = log.items;
    if (items.length === 0) return `${log.description} has received nothing.`;
    const shown = items.slice(-SHOWN).map((item) => `  ${this.utils.printReceived(item)}`);
    return `${log.description} has received ${items.length}${items.length > SHOWN ? `; the latest ${SHOWN}` : ''}:\n${shown.join('\n')}`;
  };
  if (typeof predicateOrPattern === 'function') {
    const predicate = predicateOrPattern as (item: unknown) => unknown;
    const index = log.items.findIndex((item) => Boolean(predicate(item)));
    return {
      pass: index >= 0,
      message: () =>
        index >= 0
          ? `${hint}\n\nExpected nothing the predicate accepts, but it accepts item #${index + 1}:\n${this.utils.printReceived(log.items[index])}`
          : `${hint}\n\nThe predicate accepts nothing received. ${listing()}`,
    };
  }
  if (
    typeof predicateOrPattern !== 'string' &&
    (predicateOrPattern === null || typeof predicateOrPattern !== 'object' || Array.isArray(predicateOrPattern))
  ) {
    misuse(
      NAME,
      `expects a predicate function or an event pattern (an object or its JSON), got ${this.utils.printExpected(predicateOrPattern)}`,
    );
  }
  const explanations = log.items.map((item) => explainEventPattern(predicateOrPattern, log.patternView(item)));
  const index = explanations.findIndex((explanation) => explanation.matches);
  if (index >= 0) {
    return {
      pass: true,
      message: () =>
        `${hint}\n\nExpected nothing matching the pattern, but item #${index + 1} matches:\n${this.utils.printReceived(log.items[index])}\n${formatExplanation(explanations[index]!)}`,
    };
  }
  return {
    pass: false,
    message: () => {
      if (explanations.length === 0) return `${hint}\n\nNothing matches the pattern: ${listing()}`;
      // The closest miss: the item with the most matched fields.
      let best = 0;
      const score = (i: number): number => explanations[i]!.fields.filter((field) => field.matched).length;
      for (let i = 1; i < explanations.length; i++) if (score(i) > score(best)) best = i;
      return `${hint}\n\nNothing received matches the pattern. ${listing()}\n\nClosest, item #${best + 1}:\n${formatExplanation(explanations[best]!)}`;
    },
  };
}
