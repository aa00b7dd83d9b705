/**
 * The one way a pure function of the kit keeps results between calls.
 *
 * Why a memoised function is still pure: a memo only ever answers with what `compute(key)`
 * returned for an equal key (`Map` key equality: `SameValueZero`), and `compute` must itself be
 * pure — a function of its key alone, no clock, no randomness, no state read. Then a hit and a
 * miss return the same value, so callers cannot tell whether the memo answered, and the same call
 * gives the same output in every process whatever ran before. Keys compared by identity (objects)
 * are only used for values nobody edits after building them.
 *
 * Both memos are bounded, so a long run (a property test, a user's certificates) cannot grow
 * them without limit; an evicted entry is simply computed again.
 */

/** A bounded memo: results by key, the oldest dropped first past its limit. */
export interface BoundedMemo<K, V> {
  /**
   * The value kept for `key`, else `compute(key)` (kept unless it throws). For one memo,
   * `compute` must give the same value for equal keys (see the module comment).
   */
  get(key: K, compute: (key: K) => V): V;
  /** How many results are kept now. */
  readonly size: number;
}

/** A memo of the `limit` most recently added keys (`Map` key equality). */
export function boundedMemo<K, V>(limit: number): BoundedMemo<K, V> {
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new TypeError(`boundedMemo: limit must be a positive integer, got ${String(limit)}`);
  const entries = new Map<K, V>();
  return {
    get(key, compute) {
      if (entries.has(key)) return entries.get(key) as V;
      const value = compute(key);
      if (entries.size >= limit) entries.delete(entries.keys().next().value as K);
      entries.set(key, value);
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}

/** A memo of the last key only. */
export interface LastMemo<K extends readonly unknown[], V> {
  /**
   * The value kept when `key` equals the last key (element by element, `Object.is`), else
   * `compute()` (kept unless it throws). For one memo, `compute` must give the same value for
   * equal keys (see the module comment).
   */
  get(key: K, compute: () => V): V;
}

/**
 * A memo of the last key: for hot paths where call after call repeats one key (a batch's queue,
 * a factory's event time) and a `Map` would cost more than it saves. The key is a tuple, so a
 * result that depends on several inputs keys on all of them.
 */
export function lastMemo<K extends readonly unknown[], V>(): LastMemo<K, V> {
  let last: { key: K; value: V } | undefined;
  return {
    get(key, compute) {
      if (last !== undefined && last.key.length === key.length && key.every((part, i) => Object.is(part, last!.key[i])))
        return last.value;
      const value = compute();
      last = { key, value };
      return value;
    },
  };
}
