/**
 * S3 → Lambda notifications: subscriptions with S3's event-type and key filters, and their
 * asynchronous delivery through {@link DeliveryWork}. Every event is built by the S3 family's
 * mapper (`buildS3Record`), so it has exactly the factories' shape.
 *
 * Delivery is an asynchronous Lambda invocation: due at once, run by `drain()`. A handler that
 * throws (or rejects) is retried twice, one minute and then two minutes (virtual time) later,
 * as Lambda retries async invocations; after the last attempt the event is recorded as failed.
 * An invocation still running when the virtual clock passes the function's `timeout` fails as a
 * timed-out Lambda invocation does.
 */
import { fail, show } from '../../_internals/errors.js';
import { buildS3Record } from '../../events/s3/record.js';
import type { S3EventOf } from '../../events/s3/types.js';
import type { S3Event } from 'aws-lambda';
import type { MockContext } from '../context.js';
import { judgeHandlerResponse } from '../_internals/batchItemFailures.js';
import { InvocationHistory, resolveHistoryLimit } from '../_internals/history.js';
import { invokeHandler, resolveAsyncRetries, resolveTimeout, type InvocationResult } from '../_internals/invoke.js';
import type { SubscribedHandler } from '../_internals/lambdaContext.js';
import type { S3RequestIds } from './errors.js';
import { changeParts, type S3Change, type S3ChangeEventName } from './runtime.js';
import type { Bucket } from './store.js';

/** An S3 notification event as the mock delivers it (one record, one of the write event names). */
export type S3NotificationEvent = S3EventOf<S3ChangeEventName>;

/**
 * A subscribed handler, called as Lambda calls it (`(event, context, callback)`): a throw (or
 * rejection, or callback error) is a failed invocation.
 */
export type S3NotificationHandler = SubscribedHandler<S3NotificationEvent>;

/**
 * A handler typed with `@types/aws-lambda`'s `S3Event`, as deployed Lambda code usually is. Its
 * records claim `size` and `eTag`, which `ObjectRemoved:*` records do not carry: subscribe such
 * handlers to `s3:ObjectCreated:*` events only.
 */
export type AwsLambdaS3Handler = SubscribedHandler<S3Event>;

/** Event types S3 accepts in a notification configuration (with the `s3:` prefix). */
export const S3_NOTIFICATION_EVENT_TYPES = [
  's3:ObjectCreated:*',
  's3:ObjectCreated:Put',
  's3:ObjectCreated:Post',
  's3:ObjectCreated:Copy',
  's3:ObjectCreated:CompleteMultipartUpload',
  's3:ObjectRemoved:*',
  's3:ObjectRemoved:Delete',
  's3:ObjectRemoved:DeleteMarkerCreated',
  's3:ObjectRestore:*',
  's3:ObjectRestore:Post',
  's3:ObjectRestore:Completed',
  's3:ObjectRestore:Delete',
  's3:ReducedRedundancyLostObject',
  's3:Replication:*',
  's3:LifecycleExpiration:*',
  's3:LifecycleExpiration:Delete',
  's3:LifecycleExpiration:DeleteMarkerCreated',
  's3:LifecycleTransition',
  's3:IntelligentTiering',
  's3:ObjectTagging:*',
  's3:ObjectTagging:Put',
  's3:ObjectTagging:Delete',
  's3:ObjectAcl:Put',
] as const;

/** One of {@link S3_NOTIFICATION_EVENT_TYPES}. */
export type S3NotificationEventType = (typeof S3_NOTIFICATION_EVENT_TYPES)[number];

/** Options of `s3.subscribe`. */
export interface S3SubscribeOptions {
  /**
   * Event types, in S3's notation.
   * @defaultValue `['s3:ObjectCreated:*', 's3:ObjectRemoved:*']`
   */
  events?: readonly S3NotificationEventType[];
  /** Key prefix filter (on the decoded key, as S3's `prefix` filter rule). */
  prefix?: string;
  /** Key suffix filter (on the decoded key, as S3's `suffix` filter rule). */
  suffix?: string;
  /**
   * The notification configuration's Id: the events' `s3.configurationId`.
   * @defaultValue `'notification-<n>'`
   */
  id?: string;
  /**
   * Retries after a failed invocation (Lambda's `MaximumRetryAttempts` for async invocations, 0–2).
   * @defaultValue `2`
   */
  retries?: 0 | 1 | 2;
  /**
   * The function's timeout in whole seconds (Lambda's `Timeout`, 1–900), on the virtual clock: an
   * invocation still running when the clock reaches its start plus `timeout` fails with
   * `Task timed out after N.00 seconds` and is retried like a thrown error.
   * @defaultValue `3` (Lambda's default)
   */
  timeout?: number;
  /**
   * How many of the latest attempts `invocations` keeps; `invocationCount` counts them all.
   * @defaultValue `1000`
   */
  invocationHistory?: number;
}

/** One attempt to deliver an event to a subscribed handler, kept for assertions. */
export interface S3Invocation {
  readonly event: S3NotificationEvent;
  /** Virtual time of the attempt. */
  readonly time: Date;
  /** 0 for the first attempt, then 1 and 2 for Lambda's retries. */
  readonly attempt: number;
  readonly outcome: 'success' | 'failure';
  /** What a failed attempt failed with (a `FunctionTimeoutError` when it timed out). */
  readonly error?: unknown;
}

/** A subscription: its configuration id, its invocations, and how to end it. */
export interface S3Subscription {
  /** The `s3.configurationId` of the events it receives. */
  readonly configurationId: string;
  /** The latest attempts (up to the `invocationHistory` option, 1000 by default), oldest first. */
  readonly invocations: readonly S3Invocation[];
  /** Every attempt since subscribing, including those no longer kept in `invocations`. */
  readonly invocationCount: number;
  /** Stops further deliveries (already queued ones are dropped too). */
  unsubscribe(): void;
}

/** An event whose every attempt failed. */
export interface S3FailedDelivery {
  readonly configurationId: string;
  readonly event: S3NotificationEvent;
  /**
   * What the last attempt threw: the handler's error, a `FunctionTimeoutError` when it timed out,
   * or the runtime's error when its response could not be sent as JSON.
   */
  readonly error: unknown;
  /** Attempts made (1 + retries). */
  readonly attempts: number;
}

interface Subscription {
  readonly bucket: string;
  readonly handler: S3NotificationHandler;
  readonly names: ReadonlySet<string>;
  readonly wildcards: readonly string[];
  readonly prefix: string;
  readonly suffix: string;
  readonly configurationId: string;
  readonly retries: number;
  readonly timeout: number;
  readonly history: InvocationHistory<S3Invocation, S3Invocation['outcome']>;
  active: boolean;
}

interface Delivery {
  readonly subscription: Subscription;
  readonly event: S3NotificationEvent;
  attempts: number;
  dueMs: number;
  readonly order: number;
}

/** Lambda's waits before the first and the second retry of an async invocation. */
const RETRY_DELAYS_MS = [60_000, 120_000] as const;
const EVENT_TYPES = new Set<string>(S3_NOTIFICATION_EVENT_TYPES);

/** Who the bucket owner and the caller are in events: fixed per mock instance. */
export interface S3Identities {
  readonly bucketOwnerId: string;
  readonly principalId: string;
  readonly sourceIPAddress: string;
}

/** The subscriptions and pending deliveries of one S3 mock. */
export class S3Notifier {
  readonly #context: MockContext;
  readonly #identities: S3Identities;
  #subscriptions: Subscription[] = [];
  #queue: Delivery[] = [];
  #failed: S3FailedDelivery[] = [];
  #order = 0;
  #ids = 0;

  constructor(context: MockContext, identities: S3Identities) {
    this.#context = context;
    this.#identities = identities;
  }

  /** Adds a subscription; the bucket must exist (checked by the caller). */
  subscribe(
    bucket: string,
    handler: S3NotificationHandler | AwsLambdaS3Handler,
    options: S3SubscribeOptions = {},
  ): S3Subscription {
    const api = 's3.subscribe';
    if (typeof handler !== 'function') fail(api, 'handler', `must be a function, got ${show(handler)}`);
    if (options === null || typeof options !== 'object')
      fail(api, 'options', `must be an object, got ${show(options)}`);
    const events = options.events ?? ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'];
    if (!Array.isArray(events) || events.length === 0)
      fail(api, 'options.events', 'must be a non-empty array of S3 event types such as "s3:ObjectCreated:*"');
    const names = new Set<string>();
    const wildcards: string[] = [];
    for (const [index, type] of events.entries()) {
      if (!EVENT_TYPES.has(type)) {
        fail(
          api,
          `options.events[${index}]`,
          `${show(type)} is not an S3 notification event type (use S3's notation with the "s3:" prefix, e.g. "s3:ObjectCreated:*" or "s3:ObjectRemoved:Delete")`,
        );
      }
      const name = type.slice(3);
      if (name.endsWith(':*')) wildcards.push(name.slice(0, -1));
      else names.add(name);
    }
    for (const field of ['prefix', 'suffix'] as const) {
      const value = options[field];
      if (value !== undefined && typeof value !== 'string')
        fail(api, `options.${field}`, `must be a string, got ${show(value)}`);
    }
    const retries = resolveAsyncRetries(api, options.retries);
    if (options.id !== undefined && (typeof options.id !== 'string' || options.id === ''))
      fail(api, 'options.id', `must be a non-empty string, got ${show(options.id)}`);
    const timeout = resolveTimeout(api, options.timeout);
    const subscription: Subscription = {
      bucket,
      // Both handler types take the same runtime value; the second only types it more loosely.
      handler: handler as S3NotificationHandler,
      names,
      wildcards,
      prefix: options.prefix ?? '',
      suffix: options.suffix ?? '',
      configurationId: options.id ?? `notification-${++this.#ids}`,
      retries,
      timeout,
      history: new InvocationHistory<S3Invocation, S3Invocation['outcome']>(
        resolveHistoryLimit(api, options.invocationHistory),
        ['success', 'failure'],
      ),
      active: true,
    };
    this.#subscriptions.push(subscription);
    return {
      configurationId: subscription.configurationId,
      get invocations() {
        return subscription.history.items();
      },
      get invocationCount() {
        return subscription.history.count();
      },
      unsubscribe: () => {
        subscription.active = false;
        this.#subscriptions = this.#subscriptions.filter((s) => s !== subscription);
        this.#queue = this.#queue.filter((d) => d.subscription !== subscription);
      },
    };
  }

  /** Whether any subscription listens on `bucket` (saves building events nobody receives). */
  listens(bucket: string): boolean {
    for (const s of this.#subscriptions) if (s.bucket === bucket) return true;
    return false;
  }

  /** Queues one event per matching subscription. */
  notify(bucket: Bucket, change: S3Change, ids: S3RequestIds, now: Date): void {
    for (const subscription of this.#subscriptions) {
      if (subscription.bucket !== bucket.name || !matches(subscription, change)) continue;
      const record = buildS3Record(
        {
          ...changeParts(bucket, change, ids, now, this.#context),
          eventName: change.eventName,
          hostId: ids.hostId,
          principalId: change.principalId ?? this.#identities.principalId,
          sourceIPAddress: this.#identities.sourceIPAddress,
          configurationId: subscription.configurationId,
          bucketOwnerId: this.#identities.bucketOwnerId,
        },
        'S3 mock',
      );
      this.#queue.push({
        subscription,
        event: { Records: [record] } as S3NotificationEvent,
        attempts: 0,
        dueMs: now.getTime(),
        order: this.#order++,
      });
    }
  }

  /** Drops the subscriptions and queued events of a deleted bucket (S3 deletes its configuration). */
  forgetBucket(bucket: string): void {
    this.#subscriptions = this.#subscriptions.filter((s) => s.bucket !== bucket);
    this.#queue = this.#queue.filter((d) => d.subscription.bucket !== bucket);
  }

  /** Invokes the handlers of every delivery due now, in order; schedules retries of failures. */
  async runDue(): Promise<boolean> {
    const nowMs = this.#context.clock.now().getTime();
    const due = this.#queue.filter((d) => d.dueMs <= nowMs).sort((a, b) => a.dueMs - b.dueMs || a.order - b.order);
    if (due.length === 0) return false;
    const taken = new Set(due);
    this.#queue = this.#queue.filter((d) => !taken.has(d));
    for (const [index, delivery] of due.entries()) {
      const { subscription } = delivery;
      if (!subscription.active) continue;
      delivery.attempts++;
      const clockMs = (): number => this.#context.clock.now().getTime();
      const result = await invokeHandler(
        subscription.handler,
        delivery.event,
        {
          timeoutSeconds: subscription.timeout,
          describe: () => `the S3 notification ${subscription.configurationId} on bucket ${subscription.bucket}`,
        },
        clockMs,
      );
      const error = failureOf(result);
      subscription.history.push({
        event: delivery.event,
        time: new Date(nowMs),
        attempt: delivery.attempts - 1,
        ...(error === undefined ? { outcome: 'success' } : { outcome: 'failure', error: error.error }),
      });
      if (error !== undefined) {
        if (delivery.attempts <= subscription.retries) {
          // Lambda waits from the failed attempt's end (a timeout ends later than it started).
          delivery.dueMs = clockMs() + (RETRY_DELAYS_MS[delivery.attempts - 1] as number);
          this.#queue.push(delivery);
        } else {
          this.#failed.push({
            configurationId: subscription.configurationId,
            event: delivery.event,
            error: error.error,
            attempts: delivery.attempts,
          });
        }
      }
      if (result.kind === 'stuck') {
        // The attempt is booked as failed; the deliveries not reached stay queued for the next drain.
        this.#queue.push(...due.slice(index + 1));
        throw result.error;
      }
    }
    return true;
  }

  /** The earliest time a queued delivery (a retry) is due. */
  nextDueTime(): Date | undefined {
    let next: number | undefined;
    for (const d of this.#queue) if (next === undefined || d.dueMs < next) next = d.dueMs;
    return next === undefined ? undefined : new Date(next);
  }

  /** Events whose every attempt failed, oldest first. */
  failedDeliveries(): S3FailedDelivery[] {
    return [...this.#failed];
  }

  /** Forgets everything. */
  reset(): void {
    this.#subscriptions = [];
    this.#queue = [];
    this.#failed = [];
    this.#order = 0;
    this.#ids = 0;
  }
}

/** What a failed asynchronous invocation failed with, or undefined when it succeeded (its response is ignored). */
function failureOf(result: InvocationResult): { error: unknown } | undefined {
  if (result.kind !== 'returned') return { error: result.error };
  // The runtime still has to send the response as JSON: a BigInt or a cycle fails the invocation.
  const verdict = judgeHandlerResponse(result.value, false, { has: () => false, describe: '' });
  return verdict.outcome === 'failure' ? { error: new Error(verdict.reason) } : undefined;
}

function matches(subscription: Subscription, change: S3Change): boolean {
  let wanted = subscription.names.has(change.eventName);
  if (!wanted) for (const w of subscription.wildcards) if (change.eventName.startsWith(w)) wanted = true;
  return wanted && change.key.startsWith(subscription.prefix) && change.key.endsWith(subscription.suffix);
}
