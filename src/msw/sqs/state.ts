/**
 * The state of one in-memory SQS: its queues, handler subscriptions and seeded id streams, with
 * its create/reset helpers.
 */
import type { Random } from '../../_internals/random.js';
import { sqsMessageId, sqsReceiptHandle, sqsSenderId } from '../../events/sqs/index.js';
import { contextRandom, type MockContext } from '../context.js';
import type { MockQueue } from './queue.js';
import { QueueRegistry } from './registry.js';
import { QueueSubscription, type ResolvedSqsSubscribeOptions, type SqsHandler } from './subscription.js';

/** The seeded id streams of one SQS mock: drawn afresh on `reset()`. */
interface SqsSeeds {
  readonly messageIds: Random;
  readonly handles: Random;
  readonly requestIds: Random;
  /** The `SenderId` of messages sent with the SDK or `mocks.sqs.send`. */
  readonly senderId: string;
}

/** Everything one SQS mock holds. */
export interface SqsState {
  readonly context: MockContext;
  readonly registry: QueueRegistry;
  readonly subscriptions: QueueSubscriptions;
  seeds: SqsSeeds;
}

/** Draws the seeded id streams; the order of the draws is part of the seeded output. */
function seedSqs(context: MockContext): SqsSeeds {
  return {
    messageIds: contextRandom(context, 'sqs.messageId'),
    handles: contextRandom(context, 'sqs.receiptHandle'),
    requestIds: contextRandom(context, 'sqs.requestId'),
    senderId: sqsSenderId(contextRandom(context, 'sqs.senderId')),
  };
}

/** Creates the state of one SQS mock. */
export function createSqsState(context: MockContext): SqsState {
  // The queues draw their ids from the current seeds, so a reset's new seeds reach them.
  const registry = new QueueRegistry(context.account, {
    messageId: () => sqsMessageId(state.seeds.messageIds),
    receiptHandle: () => sqsReceiptHandle(state.seeds.handles),
  });
  const state: SqsState = {
    context,
    registry,
    subscriptions: new QueueSubscriptions(registry),
    seeds: seedSqs(context),
  };
  return state;
}

/** Forgets every subscription and queue and restarts the seeded ids. */
export function resetSqsState(state: SqsState): void {
  state.subscriptions.clear();
  state.registry.clear();
  state.seeds = seedSqs(state.context);
}

/** The current virtual time of `state`'s mocks, in epoch milliseconds. */
export function nowMs(state: SqsState): number {
  return state.context.clock.now().getTime();
}

/** The handler subscriptions of one SQS mock, run by `mocks.drain()`. */
class QueueSubscriptions {
  private subscriptions: QueueSubscription[] = [];

  constructor(private readonly registry: QueueRegistry) {}

  /** Starts a subscription of `queue`; it leaves the list when unsubscribed. */
  add(queue: MockQueue, handler: SqsHandler, options: ResolvedSqsSubscribeOptions): QueueSubscription {
    const subscription = new QueueSubscription(queue, handler, options, (gone) => {
      this.subscriptions = this.subscriptions.filter((s) => s !== gone);
    });
    this.subscriptions.push(subscription);
    return subscription;
  }

  /** Whether the subscription's queue still exists (a deleted queue's subscriptions idle). */
  private live(subscription: QueueSubscription): boolean {
    return this.registry.findByArn(subscription.queueArn) === subscription.queue;
  }

  /** Runs every subscription's due batches; whether any ran. */
  async runDue(nowMs: () => number): Promise<boolean> {
    let did = false;
    // A snapshot: a handler may subscribe or unsubscribe while it runs.
    for (const subscription of [...this.subscriptions]) {
      if (!this.live(subscription)) continue;
      if (await subscription.runDue({ nowMs })) did = true;
    }
    return did;
  }

  /** The earliest future batch of any subscription. */
  nextDueTime(now: number): Date | undefined {
    let next: number | undefined;
    for (const subscription of this.subscriptions) {
      if (!this.live(subscription)) continue;
      const due = subscription.nextDueAt(now);
      if (due !== undefined && (next === undefined || due < next)) next = due;
    }
    return next === undefined ? undefined : new Date(next);
  }

  /** Stops and forgets every subscription. */
  clear(): void {
    for (const subscription of this.subscriptions) subscription.active = false;
    this.subscriptions = [];
  }
}
