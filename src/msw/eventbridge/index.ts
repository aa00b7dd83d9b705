/**
 * The in-memory EventBridge service over awsJson1_1: buses, rules (event patterns and schedules),
 * targets (SQS, SNS, Kinesis, another bus, Lambda) with retries and dead-letter queues, PutEvents
 * routing every accepted entry through its bus's compiled rule set, TestEventPattern, and
 * subscriptions that play a rule with a Lambda target (asynchronous invocation with Lambda's two retries).
 */
import type { EventBridgeEvent } from 'aws-lambda';
import { fail, show } from '../../_internals/errors.js';
import type { Random } from '../../_internals/random.js';
import { formatEventBridgeId, toEventBridgeEvent, toScheduledEvent } from '../../events/eventbridge/index.js';
import type { CompiledEventPattern } from '../../patterns/index.js';
import { runHandler } from '../../lambda/invoke.js';
import { LAMBDA_DEFAULT_TIMEOUT_SECONDS } from '../_internals/invoke.js';
import { createJsonRpcHandler } from '../_internals/jsonProtocol.js';
import { invocationContext, type SubscribedHandler } from '../_internals/lambdaContext.js';
import { contextOwnsUrl, contextRandom, type MockContext, type MockService } from '../context.js';
import { PUT_EVENTS_MAX_BYTES } from './putEvents.js';
import { EventBridgeState, type EnvelopeEvent, type EventBridgeSinks, type FailedDelivery } from './service.js';
import { eventBridgeOperations } from './wire.js';

export { PUT_EVENTS_MAX_BYTES, PUT_EVENTS_RAISED_MAX_BYTES } from './putEvents.js';
export { retryDelayMs, type EventBridgeSinks, type FailedDelivery } from './service.js';
export { parseSchedule, type Schedule } from './schedule.js';
export { TEST_EVENT_REQUIRED_FIELDS } from './operations/events.js';
export { MAX_TARGETS_PER_RULE } from './operations/targets.js';

/** Settings of the EventBridge mock (kept across `reset()`). */
export interface EventBridgeConfig {
  /**
   * PutEvents' limit on the total entry size of one request (Time + Source + DetailType +
   * Detail + Resources, as EventBridge counts them). 256 KiB is the documented limit; AWS raised
   * it to 1 MiB in most regions in January 2026 (`PUT_EVENTS_RAISED_MAX_BYTES`).
   * @defaultValue `PUT_EVENTS_MAX_BYTES` (262,144)
   */
  putEventsMaxBytes?: number;
}

/** An event as EventBridge delivers it to a target. */
export type DeliveredEvent = EventBridgeEvent<string, Record<string, unknown>>;

/**
 * A function subscribed to events, called as a Lambda target is: `(event, context, callback)`
 * with the envelope. `TEvent` is the event type the handler declares (`ScheduledHandler`,
 * `EventBridgeHandler<'Order Placed', Order, void>` of `@types/aws-lambda` fit); the filter is
 * what makes only such events reach it.
 */
export type EventBridgeHandler<TEvent extends EventBridgeEvent<string, unknown> = DeliveredEvent> =
  SubscribedHandler<TEvent>;

/**
 * Which events a subscription gets: an event pattern (JSON text, or an object with any key other
 * than `source`, `detailType` and `eventBusName`, e.g. `{ 'detail-type': ['Order Placed'] }`), a
 * source/detail-type filter, or a predicate.
 */
export type EventBridgeFilter =
  | string
  | Readonly<Record<string, unknown>>
  | {
      /** `source` equals this (or one of these). */
      source?: string | readonly string[];
      /** `detail-type` equals this (or one of these). */
      detailType?: string | readonly string[];
      /** The bus the rule is on. @defaultValue `"default"` */
      eventBusName?: string;
    }
  | ((event: DeliveredEvent, meta: { eventBusName: string }) => boolean);

/** Options of a subscription. */
export interface EventBridgeSubscribeOptions {
  /**
   * Retries after a failed asynchronous invocation (Lambda's `MaximumRetryAttempts`, 0–2): one
   * minute before the first retry, two before the second.
   * @defaultValue `2`
   */
  maximumRetryAttempts?: number;
  /** With an event pattern: the bus the rule is on. @defaultValue `"default"` */
  eventBusName?: string;
}

/** One invocation of a subscribed handler. */
export interface EventBridgeInvocation {
  readonly event: DeliveredEvent;
  readonly time: Date;
  /** 0 for the first attempt. */
  readonly attempt: number;
  readonly outcome: 'success' | 'failure';
  readonly error?: unknown;
}

/** A live subscription. */
export interface EventBridgeSubscription {
  readonly invocations: readonly EventBridgeInvocation[];
  unsubscribe(): void;
}

/** The EventBridge member of `createAwsMocks()`. */
export interface EventBridgeService extends MockService {
  /** Every event PutEvents accepted, in order, as targets receive it (copies). */
  events(options?: { eventBusName?: string }): DeliveredEvent[];
  /**
   * Puts an event an AWS service emitted (already an envelope, e.g. S3's `Object Created`) on a
   * bus, as the service itself would: no PutEvents validation, `aws.*` sources allowed.
   */
  publish(event: DeliveredEvent, options?: { eventBusName?: string }): void;
  /** Routes matching events to `handler` on `mocks.drain()`. */
  subscribe<TEvent extends EventBridgeEvent<string, unknown> = DeliveredEvent>(
    filter: EventBridgeFilter,
    handler: EventBridgeHandler<TEvent>,
    options?: EventBridgeSubscribeOptions,
  ): EventBridgeSubscription;
  /** Changes the mock's settings (see {@link EventBridgeConfig}); unset members keep their value. */
  configure(config: EventBridgeConfig): void;
  /**
   * Puts events an AWS service of the mocks emits (S3's `Object Created` with EventBridge
   * notifications on) on a bus and routes them through its rules, as `publish` does for one event.
   * The S3 mock calls it for `EventBridgeConfiguration`; the events go to the `default` bus.
   */
  putEventsInternal(entries: readonly DeliveredEvent[], options?: { eventBusName?: string }): void;
  /**
   * Puts one event on a bus as another service of the mocks does (an EventBridge Pipe's bus
   * target): a new id, the current virtual time, this account and region. Returns the event id,
   * or undefined when the bus (name or ARN) does not exist.
   */
  putEntry(entry: {
    eventBusName: string;
    source: string;
    detailType: string;
    detail: unknown;
    resources?: readonly string[];
  }): string | undefined;
  /** Every event that did not reach its target (DLQ'd or dropped), in order, for assertions. */
  failedDeliveries(): FailedDelivery[];
  /**
   * Makes the next `times` deliveries to `targetArn` fail with a retryable error (as a throttled
   * or unavailable target would), so `RetryPolicy` and `DeadLetterConfig` can be exercised.
   */
  failDeliveries(targetArn: string, options: { times: number; errorCode?: string; errorMessage?: string }): void;
}

interface Pending {
  subscription: Subscription;
  /** A fresh envelope per call. */
  build: () => DeliveredEvent;
  attempt: number;
  dueAt: number;
}

interface Subscription extends EventBridgeSubscription {
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

/** Creates the EventBridge service of one `createAwsMocks()` instance. */
export function createEventBridgeService(context: MockContext, sinks: EventBridgeSinks = {}): EventBridgeService {
  let eventIds: Random;
  let requestIds: Random;
  let senderId = '';
  let recorded: { eventBusName: string; build: () => DeliveredEvent }[] = [];
  let subscriptions: Subscription[] = [];
  let pending: Pending[] = [];
  let putEventsMaxBytes = PUT_EVENTS_MAX_BYTES;
  const nowMs = (): number => context.clock.now().getTime();
  const seedIds = (): void => {
    eventIds = contextRandom(context, 'events.eventId');
    requestIds = contextRandom(context, 'events.requestId');
    // The SenderId of messages EventBridge sends to SQS targets: its service role's id.
    senderId = `AROA${contextRandom(context, 'events.senderId').hex(17).toUpperCase()}:events`;
  };
  seedIds();
  const state = new EventBridgeState(context.region, context.account, context.partition, nowMs, sinks, () => senderId);

  /** Records an event, routes it through the bus's rules and queues a delivery to every matching subscription. */
  const accept = (eventBusName: string, build: () => DeliveredEvent): void => {
    recorded.push({ eventBusName, build });
    const bus = state.buses.get(eventBusName);
    const routes = bus !== undefined && bus.rules.size > 0;
    if (subscriptions.length === 0 && !routes) return;
    const event = build();
    if (routes) state.route(eventBusName, build() as unknown as EnvelopeEvent);
    const dueAt = nowMs();
    for (const subscription of subscriptions) {
      if (subscription.active && subscription.matches(event, eventBusName))
        pending.push({ subscription, build, attempt: 0, dueAt });
    }
  };

  /** Fires every scheduled occurrence up to now, each event carrying its own occurrence time. */
  const fireSchedules = (): boolean => {
    const bus = state.buses.get('default');
    if (bus === undefined) return false;
    const now = nowMs();
    let fired = false;
    for (const rule of bus.rules.values()) {
      if (rule.schedule === undefined) continue;
      for (;;) {
        const next = rule.schedule.next(rule.firedMs, rule.createdMs);
        if (next === undefined || next > now) break;
        rule.firedMs = next;
        if (rule.state !== 'ENABLED') continue;
        const event = toScheduledEvent({
          id: formatEventBridgeId(eventIds.hex(32)),
          account: context.account,
          region: context.region,
          partition: context.partition,
          time: new Date(next),
          ruleName: rule.name,
        });
        state.enqueue(rule, event as unknown as EnvelopeEvent);
        fired = true;
      }
    }
    return fired;
  };

  const handler = createJsonRpcHandler({
    service: 'EventBridge',
    targetPrefix: 'AWSEvents',
    contentType: 'application/x-amz-json-1.1',
    isAwsUrl: (url) => contextOwnsUrl(context, url),
    requestId: () => requestIds.uuidV4(),
    operations: eventBridgeOperations({
      state,
      nowMs,
      eventIds: () => eventIds,
      accept: (bus, build) => accept(bus, build as unknown as () => DeliveredEvent),
      maxBytes: () => putEventsMaxBytes,
    }),
  });

  const publishOne = (api: string, event: DeliveredEvent, eventBusName: string): void => {
    if (
      event === null ||
      typeof event !== 'object' ||
      typeof event.source !== 'string' ||
      typeof event['detail-type'] !== 'string'
    ) {
      fail(api, 'event', `must be an EventBridge envelope (source, detail-type, detail …), got ${show(event)}`);
    }
    const frozen = structuredClone(event);
    accept(eventBusName, () => structuredClone(frozen));
  };

  return {
    handlers: [handler],

    events(options = {}) {
      return recorded
        .filter((r) => options.eventBusName === undefined || r.eventBusName === options.eventBusName)
        .map((r) => r.build());
    },

    publish(event, options = {}) {
      publishOne('mocks.eventBridge.publish', event, options.eventBusName ?? 'default');
    },

    putEventsInternal(entries, options = {}) {
      const api = 'mocks.eventBridge.putEventsInternal';
      if (!Array.isArray(entries))
        fail(api, 'entries', `must be an array of EventBridge envelopes, got ${show(entries)}`);
      for (const event of entries) publishOne(api, event, options.eventBusName ?? 'default');
    },

    putEntry(entry) {
      const name = entry.eventBusName.startsWith('arn:')
        ? entry.eventBusName.slice(entry.eventBusName.lastIndexOf(':event-bus/') + ':event-bus/'.length)
        : entry.eventBusName;
      if (!state.buses.has(name)) return undefined;
      const id = formatEventBridgeId(eventIds.hex(32));
      const time = new Date(nowMs());
      const detail = structuredClone(entry.detail);
      const resources = [...(entry.resources ?? [])];
      accept(
        name,
        () =>
          toEventBridgeEvent({
            id,
            detailType: entry.detailType,
            source: entry.source,
            account: context.account,
            region: context.region,
            time,
            resources: [...resources],
            detail: structuredClone(detail),
          }) as DeliveredEvent,
      );
      return id;
    },

    failedDeliveries() {
      return state.failed.map((f) => ({ ...f, event: structuredClone(f.event) }));
    },

    failDeliveries(targetArn, options) {
      const api = 'mocks.eventBridge.failDeliveries';
      if (typeof targetArn !== 'string') fail(api, 'targetArn', `must be a target ARN, got ${show(targetArn)}`);
      if (options === null || typeof options !== 'object' || !Number.isSafeInteger(options.times) || options.times < 0)
        fail(api, 'options.times', `must be a whole number ≥ 0, got ${show(options?.times)}`);
      state.injected.set(targetArn, {
        remaining: options.times,
        code: options.errorCode ?? 'ThrottlingException',
        message: options.errorMessage ?? 'Rate exceeded',
      });
    },

    configure(config) {
      const api = 'mocks.eventBridge.configure';
      if (config === null || typeof config !== 'object') fail(api, 'config', `must be an object, got ${show(config)}`);
      const { putEventsMaxBytes: bytes } = config;
      if (bytes !== undefined) {
        if (!Number.isSafeInteger(bytes) || bytes < 1)
          fail(api, 'config.putEventsMaxBytes', `must be a positive whole number of bytes, got ${show(bytes)}`);
        putEventsMaxBytes = bytes;
      }
    },

    subscribe(filter, subscriber, options = {}) {
      const api = 'mocks.eventBridge.subscribe';
      if (options === null || typeof options !== 'object')
        fail(api, 'options', `must be an object, got ${show(options)}`);
      const matches = compileFilter(api, filter, options.eventBusName ?? 'default');
      if (typeof subscriber !== 'function') fail(api, 'handler', `must be a function, got ${show(subscriber)}`);
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
        handler: subscriber as unknown as EventBridgeHandler,
        retries,
        active: true,
        unsubscribe() {
          subscription.active = false;
          subscriptions = subscriptions.filter((s) => s !== subscription);
          pending = pending.filter((p) => p.subscription !== subscription);
        },
      };
      subscriptions.push(subscription);
      return subscription;
    },

    async runDue() {
      let did = fireSchedules();
      if (state.runDue()) did = true;
      const now = nowMs();
      const index = pending.findIndex((p) => p.dueAt <= now);
      if (index === -1) return did;
      const [job] = pending.splice(index, 1) as [Pending];
      const event = job.build();
      try {
        // As Lambda's runtime calls a target: (event, context, callback); a callback error fails it like a throw.
        const outcome = await runHandler(
          job.subscription.handler,
          event,
          invocationContext(context.clock, LAMBDA_DEFAULT_TIMEOUT_SECONDS, nowMs),
        );
        if (outcome.kind === 'threw') throw outcome.error;
        job.subscription.invocations.push({ event, time: new Date(now), attempt: job.attempt, outcome: 'success' });
      } catch (error) {
        job.subscription.invocations.push({
          event,
          time: new Date(now),
          attempt: job.attempt,
          outcome: 'failure',
          error,
        });
        if (job.attempt < job.subscription.retries && job.subscription.active) {
          pending.push({ ...job, attempt: job.attempt + 1, dueAt: nowMs() + (RETRY_DELAYS_MS[job.attempt] as number) });
        }
      }
      return true;
    },

    nextDueTime() {
      // Scheduled rules are not reported: a schedule is never idle, so an unbounded drain would
      // never end. Their occurrences fire when the clock passes them (drain({ until }), clock.advance).
      let next = state.nextDueMs();
      for (const job of pending) if (next === undefined || job.dueAt < next) next = job.dueAt;
      return next === undefined ? undefined : new Date(next);
    },

    reset() {
      for (const subscription of subscriptions) subscription.active = false;
      subscriptions = [];
      pending = [];
      recorded = [];
      state.reset();
      seedIds();
    },
  };
}
