/**
 * A subscription's invocation history, bounded: the latest invocations are kept for assertions and
 * every invocation is counted. A poison message redelivered every second would otherwise keep
 * every event it was ever delivered in until the drain gives up.
 */
import { fail, show } from '../../_internals/errors.js';

/** How many of the latest invocations a subscription keeps by default. */
const DEFAULT_INVOCATION_HISTORY = 1000;

/** Validates a subscription's `invocationHistory` option. */
export function resolveHistoryLimit(api: string, limit: unknown): number {
  if (limit === undefined) return DEFAULT_INVOCATION_HISTORY;
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 0)
    fail(api, 'options.invocationHistory', `must be a whole number ≥ 0 of invocations to keep, got ${show(limit)}`);
  return limit;
}

/** The latest `limit` items, oldest first, and counts of every item ever pushed by outcome. */
export class InvocationHistory<T extends { readonly outcome: O }, O extends string> {
  private readonly ring: T[] = [];
  private start = 0;
  private view: readonly T[] | undefined;
  private total = 0;
  private readonly byOutcome: Record<O, number>;

  constructor(
    private readonly limit: number,
    outcomes: readonly O[],
  ) {
    this.byOutcome = Object.fromEntries(outcomes.map((o) => [o, 0])) as Record<O, number>;
  }

  /** Records one invocation, forgetting the oldest kept one when full. */
  push(item: T): void {
    this.total++;
    this.byOutcome[item.outcome]++;
    if (this.limit === 0) return;
    if (this.ring.length < this.limit) this.ring.push(item);
    else {
      this.ring[this.start] = item;
      this.start = (this.start + 1) % this.limit;
    }
    this.view = undefined;
  }

  /** The kept items, oldest first (a frozen array, rebuilt only after a push). */
  items(): readonly T[] {
    this.view ??= Object.freeze(
      this.start === 0 ? [...this.ring] : [...this.ring.slice(this.start), ...this.ring.slice(0, this.start)],
    );
    return this.view;
  }

  /** Every invocation ever recorded, kept or not. */
  count(): number {
    return this.total;
  }

  /** Every invocation ever recorded, by outcome (a copy). */
  counts(): Readonly<Record<O, number>> {
    return { ...this.byOutcome };
  }
}
