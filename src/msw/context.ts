/**
 * The contract between `createAwsMocks` and each in-memory service (S3, SQS, Kinesis,
 * DynamoDB + Streams, EventBridge). Every service module exports a
 * `createXxxService(context: MockContext): XxxService` and knows nothing of the others
 * except through `context` (e.g. DynamoDB Streams reading the DynamoDB table's stream).
 */
import type { HttpHandler } from 'msw';
import { createRandom, type Random } from '../_internals/random.js';
import { isAwsHostname } from './_internals/hosts.js';

/** A virtual clock: no real timers anywhere in the mocks. */
export interface MockClock {
  /** The current virtual time. */
  now(): Date;
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Sets the clock (never backwards). */
  set(time: Date): void;
}

/** What every service gets from `createAwsMocks`. */
export interface MockContext {
  /** Default region of resources and events. */
  readonly region: string;
  /** Account id of resources and events. */
  readonly account: string;
  /** Partition derived from the region. */
  readonly partition: string;
  /** Seed of generated ids (message ids, request ids, sequence numbers …). */
  readonly seed: number | string;
  readonly clock: MockClock;
  /**
   * A fresh seeded Random for one purpose of one service (`'sqs.messageId'`, `'s3.versionId'` …):
   * the same seed and stream give the same sequence, so a service calls it again on `reset()`.
   * Optional so hand-built contexts stay valid; read it through {@link contextRandom}.
   */
  readonly random?: (stream: string) => Random;
  /**
   * Whether a request URL is one the mocks own: an AWS host (`*.amazonaws.com`,
   * `*.amazonaws.com.cn`, `*.api.aws`) or one of {@link MockContext.endpoints}. Service handlers
   * match only such URLs, and the catch-all answers every one of them, so nothing reaches AWS.
   * Optional so hand-built contexts stay valid; read it through {@link contextOwnsUrl}.
   */
  readonly isAwsUrl?: (url: URL) => boolean;
  /**
   * Origins of custom endpoints the mocks also answer (`http://localhost:4566`), from the
   * `endpoints` option and the `AWS_ENDPOINT_URL*` environment variables. (Additive.)
   */
  readonly endpoints?: readonly string[];
}

/** `context.random(stream)`, or a Random seeded by `context.seed` when the context has none. */
export function contextRandom(context: MockContext, stream: string): Random {
  return context.random !== undefined ? context.random(stream) : createRandom(context.seed, stream);
}

/** `context.isAwsUrl(url)`, or "is an AWS host" when the context has no matcher. */
export function contextOwnsUrl(context: MockContext, url: URL): boolean {
  return context.isAwsUrl !== undefined ? context.isAwsUrl(url) : isAwsHostname(url.hostname);
}

/** One step of delivery work a service can do now, or later at a virtual time. */
export interface DeliveryWork {
  /**
   * Runs deliveries that are due at the current virtual time (invoking subscribed handlers,
   * awaiting them). Returns true if it did anything. Rejects with a `DrainError` when a handler
   * is stuck (see `DrainOptions.stuckHandlerMs`), after booking its invocation as failed.
   */
  runDue(): Promise<boolean>;
  /**
   * The earliest virtual time at which more work will become due (a visibility timeout expiring,
   * a batching window closing, a retry), or undefined when nothing is pending.
   */
  nextDueTime(): Date | undefined;
}

/** The shape every in-memory service has; its test-side API is added by each service. */
export interface MockService extends DeliveryWork {
  /** The msw request handlers of this service. */
  readonly handlers: readonly HttpHandler[];
  /** Forgets every resource, message, subscription and pending delivery. */
  reset(): void;
}
