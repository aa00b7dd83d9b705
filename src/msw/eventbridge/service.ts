/**
 * `createEventBridgeService`: one in-memory EventBridge (its state, seeded ids, recorded events
 * and handler subscriptions), its msw handler for awsJson1_1 and its test-side API.
 */
import type { EventBridgeEvent } from 'aws-lambda';
import type { Random } from '../../_internals/random.js';
import { createJsonRpcHandler } from '../_internals/jsonProtocol.js';
import type { SubscribedHandler } from '../_internals/lambdaContext.js';
import { contextOwnsUrl, contextRandom, type MockContext, type MockService } from '../context.js';
import { runDueDeliveries } from './delivery.js';
import { accept, fireSchedules } from './ingest.js';
import { PUT_EVENTS_MAX_BYTES } from './putEvents.js';
import { EventBridgeState, type EventBridgeSinks, type FailedDelivery } from './state.js';
import { nextSubscriberDueMs, runDueSubscriber, subscribe, type Pending, type Subscription } from './subscriptions.js';
import * as testSide from './testSide.js';
import { EVENTBRIDGE_PROTOCOL, eventBridgeOperations } from './wire.js';

// The envelope type's home is the state; src/msw/index.ts names it from here.
export type { EnvelopeEvent } from './state.js';

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

/** The seeded id sources of one EventBridge mock, restarted on `reset()`. */
interface EventBridgeSeeds {
  eventIds: Random;
  requestIds: Random;
  /** The SenderId of messages EventBridge sends to SQS targets: its service role's id. */
  senderId: string;
}

/** What the parts of one EventBridge mock work on: its state, and what the test side added to it. */
export interface EventBridgeMock {
  readonly context: MockContext;
  readonly state: EventBridgeState;
  readonly nowMs: () => number;
  readonly seeds: EventBridgeSeeds;
  /** Every accepted event, in order, by bus: `build` makes a fresh copy. */
  recorded: { eventBusName: string; build: () => DeliveredEvent }[];
  subscriptions: Subscription[];
  /** Queued attempts to invoke subscribed handlers. */
  pending: Pending[];
  /** PutEvents' limit on one request's entry size now. */
  putEventsMaxBytes: number;
}

function reseed(context: MockContext, seeds: EventBridgeSeeds): void {
  seeds.eventIds = contextRandom(context, 'events.eventId');
  seeds.requestIds = contextRandom(context, 'events.requestId');
  seeds.senderId = `AROA${contextRandom(context, 'events.senderId').hex(17).toUpperCase()}:events`;
}

/** The earlier of two due times. */
function earliest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || (b !== undefined && b < a) ? b : a;
}

/** Creates the EventBridge service of one `createAwsMocks()` instance. */
export function createEventBridgeService(context: MockContext, sinks: EventBridgeSinks = {}): EventBridgeService {
  const seeds = { senderId: '' } as EventBridgeSeeds;
  reseed(context, seeds);
  const nowMs = (): number => context.clock.now().getTime();
  const state = new EventBridgeState(
    context.region,
    context.account,
    context.partition,
    nowMs,
    sinks,
    () => seeds.senderId,
  );
  const mock: EventBridgeMock = {
    context,
    state,
    nowMs,
    seeds,
    recorded: [],
    subscriptions: [],
    pending: [],
    putEventsMaxBytes: PUT_EVENTS_MAX_BYTES,
  };
  const handler = createJsonRpcHandler({
    ...EVENTBRIDGE_PROTOCOL,
    isAwsUrl: (url) => contextOwnsUrl(context, url),
    requestId: () => seeds.requestIds.uuidV4(),
    operations: eventBridgeOperations({
      state,
      nowMs,
      eventIds: () => seeds.eventIds,
      accept: (bus, build) => accept(mock, bus, build as unknown as () => DeliveredEvent),
      maxBytes: () => mock.putEventsMaxBytes,
    }),
  });
  return {
    handlers: [handler],
    events: (options) => testSide.events(mock, options),
    publish: (event, options = {}) =>
      testSide.publishOne(mock, 'mocks.eventBridge.publish', event, options.eventBusName ?? 'default'),
    putEventsInternal: (entries, options) => testSide.putEventsInternal(mock, entries, options),
    putEntry: (entry) => testSide.putEntry(mock, entry),
    failedDeliveries: () => testSide.failedDeliveries(mock),
    failDeliveries: (targetArn, options) => testSide.failDeliveries(mock, targetArn, options),
    configure: (config) => testSide.configure(mock, config),
    subscribe: (filter, subscriber, options) => subscribe(mock, filter, subscriber, options),
    async runDue() {
      let did = fireSchedules(mock);
      if (runDueDeliveries(state)) did = true;
      return (await runDueSubscriber(mock)) || did;
    },
    nextDueTime() {
      // Scheduled rules are not reported: a schedule is never idle, so an unbounded drain would
      // never end. Their occurrences fire when the clock passes them (drain({ until }), clock.advance).
      const next = earliest(state.nextDueMs(), nextSubscriberDueMs(mock));
      return next === undefined ? undefined : new Date(next);
    },
    reset() {
      for (const subscription of mock.subscriptions) subscription.active = false;
      mock.subscriptions = [];
      mock.pending = [];
      mock.recorded = [];
      state.reset();
      reseed(context, seeds);
    },
  };
}
