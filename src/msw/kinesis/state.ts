/**
 * The state of one in-memory Kinesis: its streams, handler subscriptions and seeded request ids,
 * with its create/reset helpers.
 */
import type { Random } from '../../_internals/random.js';
import { StreamSubscriptions } from '../_internals/streamSubscriptions.js';
import { contextRandom, type MockContext } from '../context.js';
import { StreamRegistry } from './registry.js';

/** Everything one Kinesis mock holds. */
export interface KinesisState {
  readonly context: MockContext;
  readonly registry: StreamRegistry;
  /** Lambda-style subscriptions; they own the seeded on-failure ids. */
  readonly subscriptions: StreamSubscriptions;
  /** The seeded request ids: drawn afresh on `reset()`. */
  requestIds: Random;
}

/** Creates the state of one Kinesis mock; the subscriptions draw their ids before the request ids. */
export function createKinesisState(context: MockContext): KinesisState {
  const registry = new StreamRegistry(context.account, String(context.seed));
  const subscriptions = new StreamSubscriptions(context, 'kinesis', 'kinesis.onFailure');
  return { context, registry, subscriptions, requestIds: contextRandom(context, 'kinesis.requestId') };
}

/** Stops every subscription, forgets every stream and restarts the seeded ids (in creation order). */
export function resetKinesisState(state: KinesisState): void {
  state.subscriptions.reset();
  state.registry.clear();
  state.requestIds = contextRandom(state.context, 'kinesis.requestId');
}

/** The current virtual time of `state`'s mocks, in epoch milliseconds. */
export function nowMs(state: KinesisState): number {
  return state.context.clock.now().getTime();
}
