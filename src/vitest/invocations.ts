/**
 * `toHaveBeenInvoked()` / `toHaveBeenInvokedWith(event)` on a subscription of the msw mocks (any
 * object with `invocations: { event }[]`: SQS, Kinesis, DynamoDB Streams, S3, EventBridge).
 */
import { misuse, type MatcherContext, type MatcherResult } from './state.js';

interface Invoked {
  readonly invocations: readonly { readonly event: unknown }[];
  readonly invocationCount?: number;
}

function invokedOf(matcher: string, received: unknown): Invoked {
  const invocations =
    received !== null && typeof received === 'object' ? (received as { invocations?: unknown }).invocations : undefined;
  if (!Array.isArray(invocations)) {
    misuse(
      matcher,
      'expects a subscription of aws-event-kit/msw (what mocks.<service>.subscribe returns, with its invocations)',
    );
  }
  return received as Invoked;
}

const countOf = (subject: Invoked): number =>
  typeof subject.invocationCount === 'number' ? subject.invocationCount : subject.invocations.length;
const times = (n: number): string => (n === 1 ? 'once' : `${n} times`);

/** Passes when the subscription's handler ran at least once. */
export function toHaveBeenInvoked(this: MatcherContext, received: unknown): MatcherResult {
  const subject = invokedOf('toHaveBeenInvoked', received);
  const count = countOf(subject);
  const hint = this.utils.matcherHint('toHaveBeenInvoked', 'subscription', '', { isNot: this.isNot });
  return {
    pass: count > 0,
    message: () =>
      count > 0
        ? `${hint}\n\nExpected no invocation, but the handler was invoked ${times(count)}; the first event:\n${this.utils.printReceived(subject.invocations[0]?.event)}`
        : `${hint}\n\nExpected an invocation, but the handler was never invoked. (Deliveries run in mocks.drain(): await it before asserting.)`,
  };
}

/**
 * Passes when some invocation's event equals `expected` (vitest's equality: asymmetric matchers
 * such as `expect.objectContaining` work at any depth).
 */
export function toHaveBeenInvokedWith(this: MatcherContext, received: unknown, expected: unknown): MatcherResult {
  const subject = invokedOf('toHaveBeenInvokedWith', received);
  const events = subject.invocations.map((invocation) => invocation.event);
  const index = events.findIndex((event) => this.equals(event, expected));
  const hint = this.utils.matcherHint('toHaveBeenInvokedWith', 'subscription', 'event', { isNot: this.isNot });
  if (index >= 0) {
    return {
      pass: true,
      message: () =>
        `${hint}\n\nExpected no invocation with:\n${this.utils.printExpected(expected)}\nbut invocation #${index + 1} of ${events.length} had that event.`,
    };
  }
  return {
    pass: false,
    message: () => {
      if (events.length === 0)
        return `${hint}\n\nExpected an invocation with:\n${this.utils.printExpected(expected)}\nbut the handler was never invoked. (Deliveries run in mocks.drain(): await it before asserting.)`;
      const last = events[events.length - 1];
      return `${hint}\n\nNone of the ${events.length} invocation(s) had the expected event. Difference from the latest:\n${this.utils.diff(expected, last) ?? this.utils.printReceived(last)}`;
    },
    expected,
    actual: events.length === 1 ? events[0] : events,
  };
}
