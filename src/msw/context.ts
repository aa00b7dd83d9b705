/**
 * The contract between `createAwsMocks` and each in-memory service (S3, SQS, Kinesis,
 * DynamoDB + Streams, EventBridge). Every service module exports a
 * `createXxxService(context: MockContext): XxxService` and knows nothing of the others
 * except through `context` (e.g. DynamoDB Streams reading the DynamoDB table's stream).
 */
import type { HttpHandler } from 'msw';

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
}

/** One step of delivery work a service can do now, or later at a virtual time. */
export interface DeliveryWork {
  /**
   * Runs deliveries that are due at the current virtual time (invoking subscribed handlers,
   * awaiting them). Returns true if it did anything.
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
