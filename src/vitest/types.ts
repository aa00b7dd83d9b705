/**
 * The types of the kit's matchers, added to vitest's `Assertion` and asymmetric matchers by
 * `aws-event-kit/vitest`. Derived from what is asserted on, so that a predicate of a queue gets a
 * message and an expected event has the subscription's event type.
 */
import type { RECEIVED, ReceivedLog } from '../_internals/received.js';
import type { EventPatternInput } from './eventPattern.js';

/** The event type of a subscription (`unknown` for anything else). */
export type InvokedEventOf<T> = T extends { readonly invocations: readonly { readonly event: infer TEvent }[] }
  ? TEvent
  : unknown;

/** What a receiver received: a queue's messages, the EventBridge mock's events. */
export type ReceivedItemOf<T> = T extends { readonly [RECEIVED]?: () => ReceivedLog<infer TItem> }
  ? TItem
  : T extends { events(...args: never[]): readonly (infer TEvent)[] }
    ? TEvent
    : unknown;

/** The kit's matchers, on `expect(value)` (`T` is the value's type) and as asymmetric matchers. */
export interface AwsEventKitMatchers<R = unknown, T = unknown> {
  /**
   * The handler result reports exactly these item identifiers as failed (as a set), read as Lambda
   * reads `{ batchItemFailures: [{ itemIdentifier }] }`; `undefined`, `null`, `[]` and `{}` report none.
   */
  toReportBatchItemFailures(ids: readonly string[]): R;
  /** The event matches the EventBridge event pattern (an object or its JSON text). */
  toMatchEventPattern(pattern: EventPatternInput): R;
  /** The msw subscription's handler was invoked at least once. */
  toHaveBeenInvoked(): R;
  /** Some invocation of the msw subscription had this event (asymmetric matchers allowed at any depth). */
  toHaveBeenInvokedWith(event: InvokedEventOf<T>): R;
  /**
   * The queue (from `mocks.sqs.createQueue`) or `mocks.eventBridge` received something the
   * predicate accepts or the event pattern matches (a queue's JSON bodies are matched as values).
   */
  toHaveReceived(predicateOrPattern: ((item: ReceivedItemOf<T>) => unknown) | EventPatternInput): R;
}
