/**
 * Handler subscriptions of the EventBridge mock (`mocks.eventBridge.subscribe`): each plays a rule
 * with a Lambda target, invoked asynchronously with Lambda's retries (one minute before the first
 * retry, two before the second), one attempt per `runDue()`.
 */
import { fail, show } from '../../_internals/errors.js';
import { runHandler } from '../../lambda/invoke.js';
import type { CompiledEventPattern } from '../../patterns/index.js';
import { LAMBDA_DEFAULT_TIMEOUT_SECONDS } from '../_internals/invoke.js';
import { invocationContext } from '../_internals/lambdaContext.js';
import type {
  DeliveredEvent,
  EventBridgeFilter,
  EventBridgeHandler,
  EventBridgeInvocation,
  EventBridgeMock,
  EventBridgeSubscribeOptions,
  EventBridgeSubscription,
} from './service.js';
import { EventBridgeState, type EnvelopeEvent } from './state.js';

/** One queued attempt to invoke a subscription's handler. */
export interface Pending {
  subscription: Subscription;
  /** A fresh envelope per call. */
  build: () => DeliveredEvent;
  attempt: number;
  dueAt: number;
}

/** A subscription as the mock keeps it. */
export interface Subscription extends EventBridgeSubscription {
  readonly invocations: EventBridgeInvocation[];
  readonly matches: (event: DeliveredEvent, eventBusName: string) => boolean;
  readonly handler: EventBridgeHandler;
  readonly retries: number;
  active: boolean;
}

const RETRY_DELAYS_MS = [60_000, 120_000] as const;
const FILTER_KEYS = new Set(['source', 'detailType', 'eventBusName']);

function asList(value: string | readonly string[] | undefined): readonly string[] | undefined {
  return value === undefined ? undefined : typeof value === 'string' ? [value] : value;
}

/** Whether a filter object is the `{ source?, detailType?, eventBusName? }` form (strings or string lists only). */
function isSimpleFilter(filter: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(filter).every(
    ([key, value]) =>
      FILTER_KEYS.has(key) &&
      (typeof value === 'string' ||
        value === undefined ||
        (Array.isArray(value) && value.every((v) => typeof v === 'string'))),
  );
}

function compileFilter(
  api: string,
  filter: EventBridgeFilter,
  patternBus: string,
): (event: DeliveredEvent, eventBusName: string) => boolean {
  if (typeof filter === 'function') return (event, eventBusName) => filter(event, { eventBusName });
  if (filter === null || (typeof filter !== 'object' && typeof filter !== 'string'))
    fail(
      api,
      'filter',
      `must be an event pattern, { source?, detailType?, eventBusName? } or a predicate, got ${show(filter)}`,
    );
  if (typeof filter === 'string' || !isSimpleFilter(filter)) {
    // An event pattern: compiled once (AWS's InvalidEventPatternException message on a bad one).
    const compiled: CompiledEventPattern = EventBridgeState.compile(filter as string | object);
    return (event, eventBusName) =>
      eventBusName === patternBus && EventBridgeState.matches(compiled, event as unknown as EnvelopeEvent);
  }
  const simple = filter as {
    source?: string | readonly string[];
    detailType?: string | readonly string[];
    eventBusName?: string;
  };
  const sources = asList(simple.source);
  const detailTypes = asList(simple.detailType);
  const bus = simple.eventBusName ?? 'default';
  return (event, eventBusName) =>
    eventBusName === bus &&
    (sources === undefined || sources.includes(event.source)) &&
    (detailTypes === undefined || detailTypes.includes(event['detail-type']));
}

/** `mocks.eventBridge.subscribe`: routes matching events to `handler` on `mocks.drain()`. */
export function subscribe(
  mock: EventBridgeMock,
  filter: EventBridgeFilter,
  handler: EventBridgeHandler<never>,
  options: EventBridgeSubscribeOptions = {},
): EventBridgeSubscription {
  const api = 'mocks.eventBridge.subscribe';
  if (options === null || typeof options !== 'object') fail(api, 'options', `must be an object, got ${show(options)}`);
  const matches = compileFilter(api, filter, options.eventBusName ?? 'default');
  if (typeof handler !== 'function') fail(api, 'handler', `must be a function, got ${show(handler)}`);
  const retries = options.maximumRetryAttempts ?? 2;
  if (!Number.isInteger(retries) || retries < 0 || retries > 2)
    fail(
      api,
      'options.maximumRetryAttempts',
      `${show(retries)} is out of range: Lambda allows 0–2 for asynchronous invocation`,
    );
  const subscription: Subscription = {
    invocations: [],
    matches,
    // The filter routes the events the handler declared; the envelope is built by the one mapper.
    handler: handler as unknown as EventBridgeHandler,
    retries,
    active: true,
    unsubscribe() {
      subscription.active = false;
      mock.subscriptions = mock.subscriptions.filter((s) => s !== subscription);
      mock.pending = mock.pending.filter((p) => p.subscription !== subscription);
    },
  };
  mock.subscriptions.push(subscription);
  return subscription;
}

/** Queues a delivery of an accepted event to every active subscription it matches, due now. */
export function queueSubscribers(
  mock: EventBridgeMock,
  eventBusName: string,
  event: DeliveredEvent,
  build: () => DeliveredEvent,
): void {
  const dueAt = mock.nowMs();
  for (const subscription of mock.subscriptions) {
    if (subscription.active && subscription.matches(event, eventBusName))
      mock.pending.push({ subscription, build, attempt: 0, dueAt });
  }
}

/** Runs the first due attempt, if any; a failed one is retried under the subscription's retries. */
export async function runDueSubscriber(mock: EventBridgeMock): Promise<boolean> {
  const now = mock.nowMs();
  const index = mock.pending.findIndex((p) => p.dueAt <= now);
  if (index === -1) return false;
  const [job] = mock.pending.splice(index, 1) as [Pending];
  const event = job.build();
  try {
    // As Lambda's runtime calls a target: (event, context, callback); a callback error fails it like a throw.
    const outcome = await runHandler(
      job.subscription.handler,
      event,
      invocationContext(mock.context.clock, LAMBDA_DEFAULT_TIMEOUT_SECONDS, mock.nowMs),
    );
    if (outcome.kind === 'threw') throw outcome.error;
    job.subscription.invocations.push({ event, time: new Date(now), attempt: job.attempt, outcome: 'success' });
  } catch (error) {
    job.subscription.invocations.push({ event, time: new Date(now), attempt: job.attempt, outcome: 'failure', error });
    if (job.attempt < job.subscription.retries && job.subscription.active) {
      mock.pending.push({
        ...job,
        attempt: job.attempt + 1,
        dueAt: mock.nowMs() + (RETRY_DELAYS_MS[job.attempt] as number),
      });
    }
  }
  return true;
}

/** The earliest due time of a queued attempt, or undefined. */
export function nextSubscriberDueMs(mock: EventBridgeMock): number | undefined {
  let next: number | undefined;
  for (const job of mock.pending) if (next === undefined || job.dueAt < next) next = job.dueAt;
  return next;
}
