/**
 * The protocol between the msw mocks and the vitest matchers: an object that has received things
 * (a queue, a bus, a topic) answers `object[RECEIVED]()` with them, oldest first. A registered
 * symbol, so that copies of the kit loaded twice (two bundles) still understand each other.
 */
export const RECEIVED: unique symbol = Symbol.for('aws-event-kit.received');

/**
 * What {@link RECEIVED} returns: the things received, and how a pattern sees one of them.
 * @internal The protocol between the msw mocks and the vitest matchers, not for users.
 */
export interface ReceivedLog<T = unknown> {
  /** What the object is, for messages: `queue arn:aws:sqs:…`. */
  readonly description: string;
  /** Everything received, oldest first. */
  readonly items: readonly T[];
  /** The value an event pattern is matched against (e.g. an SQS message with its JSON body parsed). */
  patternView(item: T): unknown;
}

/** Gives `target` a non-enumerable {@link RECEIVED} method (invisible to `toEqual` and JSON). */
export function defineReceived<T extends object>(target: T, log: () => ReceivedLog): T {
  Object.defineProperty(target, RECEIVED, { value: log, enumerable: false });
  return target;
}
