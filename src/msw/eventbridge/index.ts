/**
 * The in-memory EventBridge service: PutEvents over awsJson1_1, the events it accepted (as the
 * envelopes targets receive, built by the one EventBridge mapper), and subscriptions that play a
 * rule with a Lambda target: asynchronous invocation with Lambda's two retries.
 */
import type { EventBridgeEvent } from 'aws-lambda';
import { fail, show } from '../../_internals/errors.js';
import type { Random } from '../../_internals/random.js';
import { formatEventBridgeId, toEventBridgeEvent } from '../../events/eventbridge/index.js';
import { runHandler } from '../../lambda/invoke.js';
import { LAMBDA_DEFAULT_TIMEOUT_SECONDS } from '../_internals/invoke.js';
import { createJsonRpcHandler } from '../_internals/jsonProtocol.js';
import { invocationContext, type SubscribedHandler } from '../_internals/lambdaContext.js';
import { contextOwnsUrl, contextRandom, type MockContext, type MockService } from '../context.js';
import { judgePutEvents, PUT_EVENTS_MAX_BYTES, type AcceptedEntry } from './putEvents.js';

export { PUT_EVENTS_MAX_BYTES, PUT_EVENTS_RAISED_MAX_BYTES } from './putEvents.js';

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
export type EventBridgeHandler<TEvent extends EventBridgeEvent<string, unknown> = DeliveredEvent> = SubscribedHandler<TEvent>;

/** Which events a subscription gets: a source/detail-type filter or a predicate. */
export type EventBridgeFilter =
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
  subscribe<TEvent extends EventBridgeEvent<string, unknown> = DeliveredEvent>(filter: EventBridgeFilter, handler: EventBridgeHandler<TEvent>, options?: EventBridgeSubscribeOptions): EventBridgeSubscription;
  /** Changes the mock's settings (see {@link EventBridgeConfig}); unset members keep their value. */
  configure(config: EventBridgeConfig): void;
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

function asList(value: string | readonly string[] | undefined): readonly string[] | undefined {
  return value === undefined ? undefined : typeof value === 'string' ? [value] : value;
}

function compileFilter(api: string, filter: EventBridgeFilter): (event: DeliveredEvent, eventBusName: string) => boolean {
  if (typeof filter === 'function') return (event, eventBusName) => filter(event, { eventBusName });
  if (filter === null || typeof filter !== 'object') fail(api, 'filter', `must be { source?, detailType?, eventBusName? } or a predicate, got ${show(filter)}`);
  const sources = asList(filter.source);
  const detailTypes = asList(filter.detailType);
  const bus = filter.eventBusName ?? 'default';
  return (event, eventBusName) =>
    eventBusName === bus && (sources === undefined || sources.includes(event.source)) && (detailTypes === undefined || detailTypes.includes(event['detail-type']));
}

/** Creates the EventBridge service of one `createAwsMocks()` instance. */
export function createEventBridgeService(context: MockContext): EventBridgeService {
  let eventIds: Random;
  let requestIds: Random;
  let recorded: { eventBusName: string; build: () => DeliveredEvent }[] = [];
  let subscriptions: Subscription[] = [];
  let pending: Pending[] = [];
  let putEventsMaxBytes = PUT_EVENTS_MAX_BYTES;
  const seedIds = (): void => {
    eventIds = contextRandom(context, 'events.eventId');
    requestIds = contextRandom(context, 'events.requestId');
  };
  seedIds();

  // A fresh envelope per call, through the one mapper: a handler that edits its event edits nothing else.
  const envelope = (entry: AcceptedEntry, id: string, time: Date, region: string): DeliveredEvent =>
    toEventBridgeEvent({
      id,
      detailType: entry.detailType,
      source: entry.source,
      account: context.account,
      region,
      time,
      resources: entry.resources,
      detail: structuredClone(entry.detail),
    }) as DeliveredEvent;

  /** Records an event and queues a delivery to every matching subscription. */
  const accept = (eventBusName: string, build: () => DeliveredEvent): void => {
    recorded.push({ eventBusName, build });
    if (subscriptions.length === 0) return;
    const event = build();
    const dueAt = context.clock.now().getTime();
    for (const subscription of subscriptions) {
      if (subscription.active && subscription.matches(event, eventBusName)) pending.push({ subscription, build, attempt: 0, dueAt });
    }
  };

  const handler = createJsonRpcHandler({
    service: 'EventBridge',
    targetPrefix: 'AWSEvents',
    contentType: 'application/x-amz-json-1.1',
    isAwsUrl: (url) => contextOwnsUrl(context, url),
    requestId: () => requestIds.uuidV4(),
    operations: {
      PutEvents(input, info) {
        const region = info.region ?? context.region;
        const verdicts = judgePutEvents(input, { maxBytes: putEventsMaxBytes });
        let failed = 0;
        const now = context.clock.now();
        const entries = verdicts.map((verdict) => {
          if (!('ok' in verdict)) {
            failed++;
            return { ErrorCode: verdict.errorCode, ErrorMessage: verdict.errorMessage };
          }
          const id = formatEventBridgeId(eventIds.hex(32));
          const time = verdict.ok.time ?? now;
          const entry = { ...verdict.ok, region };
          accept(entry.eventBusName, () => envelope(entry, id, time, region));
          return { EventId: id };
        });
        return { FailedEntryCount: failed, Entries: entries };
      },
    },
  });

  return {
    handlers: [handler],

    events(options = {}) {
      return recorded
        .filter((r) => options.eventBusName === undefined || r.eventBusName === options.eventBusName)
        .map((r) => r.build());
    },

    publish(event, options = {}) {
      if (event === null || typeof event !== 'object' || typeof event.source !== 'string' || typeof event['detail-type'] !== 'string') {
        fail('mocks.eventBridge.publish', 'event', `must be an EventBridge envelope (source, detail-type, detail …), got ${show(event)}`);
      }
      const frozen = structuredClone(event);
      accept(options.eventBusName ?? 'default', () => structuredClone(frozen));
    },

    configure(config) {
      const api = 'mocks.eventBridge.configure';
      if (config === null || typeof config !== 'object') fail(api, 'config', `must be an object, got ${show(config)}`);
      const { putEventsMaxBytes: bytes } = config;
      if (bytes !== undefined) {
        if (!Number.isSafeInteger(bytes) || bytes < 1) fail(api, 'config.putEventsMaxBytes', `must be a positive whole number of bytes, got ${show(bytes)}`);
        putEventsMaxBytes = bytes;
      }
    },

    subscribe(filter, subscriber, options = {}) {
      const api = 'mocks.eventBridge.subscribe';
      const matches = compileFilter(api, filter);
      if (typeof subscriber !== 'function') fail(api, 'handler', `must be a function, got ${show(subscriber)}`);
      const retries = options.maximumRetryAttempts ?? 2;
      if (!Number.isInteger(retries) || retries < 0 || retries > 2) fail(api, 'options.maximumRetryAttempts', `${show(retries)} is out of range: Lambda allows 0–2 for asynchronous invocation`);
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
      const now = context.clock.now().getTime();
      const index = pending.findIndex((p) => p.dueAt <= now);
      if (index === -1) return false;
      const [job] = pending.splice(index, 1) as [Pending];
      const event = job.build();
      try {
        // As Lambda's runtime calls a target: (event, context, callback); a callback error fails it like a throw.
        const outcome = await runHandler(job.subscription.handler, event, invocationContext(context.clock, LAMBDA_DEFAULT_TIMEOUT_SECONDS, () => context.clock.now().getTime()));
        if (outcome.kind === 'threw') throw outcome.error;
        job.subscription.invocations.push({ event, time: new Date(now), attempt: job.attempt, outcome: 'success' });
      } catch (error) {
        job.subscription.invocations.push({ event, time: new Date(now), attempt: job.attempt, outcome: 'failure', error });
        if (job.attempt < job.subscription.retries && job.subscription.active) {
          pending.push({ ...job, attempt: job.attempt + 1, dueAt: context.clock.now().getTime() + (RETRY_DELAYS_MS[job.attempt] as number) });
        }
      }
      return true;
    },

    nextDueTime() {
      let next: number | undefined;
      for (const job of pending) if (next === undefined || job.dueAt < next) next = job.dueAt;
      return next === undefined ? undefined : new Date(next);
    },

    reset() {
      for (const subscription of subscriptions) subscription.active = false;
      subscriptions = [];
      pending = [];
      recorded = [];
      seedIds();
    },
  };
}
