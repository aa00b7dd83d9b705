/**
 * The subscription tail the stream services (Kinesis, DynamoDB Streams) share: `subscribe` checks
 * the handler and options and starts a {@link StreamPoller} on the source the service describes;
 * `runDue`, `nextDueTime` and `reset` drive every poller of the service for `mocks.drain()`.
 */
import { fail, show } from '../../_internals/errors.js';
import type { Random } from '../../_internals/random.js';
import { contextRandom, type MockContext } from '../context.js';
import {
  resolveStreamOptions,
  StreamPoller,
  StreamPollers,
  type StreamEntry,
  type StreamHandler,
  type StreamSource,
  type StreamSubscribeOptions,
  type StreamSubscription,
} from './streamDelivery.js';

/** The pollers of one stream service and the seeded ids of their on-failure records. */
export class StreamSubscriptions {
  private readonly pollers = new StreamPollers();
  private failureIds!: Random;

  /**
   * @param kind - which source's options apply (`AT_TIMESTAMP` is Kinesis's only).
   * @param failureIdStream - the seeded stream of on-failure request ids (`kinesis.onFailure`).
   */
  constructor(
    private readonly context: MockContext,
    private readonly kind: 'kinesis' | 'dynamodb',
    private readonly failureIdStream: string,
  ) {
    this.seed();
  }

  private seed(): void {
    this.failureIds = contextRandom(this.context, this.failureIdStream);
  }

  private nowMs(): number {
    return this.context.clock.now().getTime();
  }

  /**
   * Subscribes `handler` as a Lambda event source mapping of the stream would. `source` is called
   * once the handler and options are valid, so its own checks (a role) come after theirs.
   */
  subscribe<E extends StreamEntry, TEvent>(
    api: string,
    handler: StreamHandler<TEvent>,
    options: StreamSubscribeOptions | undefined,
    source: () => StreamSource<E, TEvent>,
  ): StreamSubscription<TEvent> {
    if (typeof handler !== 'function') fail(api, 'handler', `must be a function, got ${show(handler)}`);
    const resolved = resolveStreamOptions(api, options, this.kind === 'kinesis', this.kind);
    const poller = new StreamPoller<E, TEvent>(
      source(),
      handler,
      resolved,
      () => this.failureIds,
      (gone) => this.pollers.remove(gone),
      this.nowMs(),
    );
    return this.pollers.add(poller);
  }

  /** Runs every poller's due batches; whether any ran. */
  runDue(): Promise<boolean> {
    return this.pollers.runDue(() => this.nowMs());
  }

  /** The earliest future batch or retry of any poller. */
  nextDueTime(): Date | undefined {
    return this.pollers.nextDueTime(this.nowMs());
  }

  /** Stops every poller and reseeds the on-failure ids, as `mocks.reset()` does. */
  reset(): void {
    this.pollers.clear();
    this.seed();
  }
}
