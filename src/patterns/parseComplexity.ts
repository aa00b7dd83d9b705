/**
 * Wildcard complexity, as AWS's engine measures it: the most wildcard-pattern prefixes (of all the
 * wildcard patterns on one field) that one input value can match at once. Each prefix of a pattern,
 * cut after any byte or star, counts once if the whole input matches it: `"a*b*bb"` reaches 5 on
 * `"abbb"` (`a*`, `a*b`, `a*b*`, `a*b*b`, `a*b*bb`). Patterns are read as UTF-8 bytes, as the engine does.
 *
 * This evaluates every field's wildcard patterns together (all `$or` branches), an upper bound of
 * the engine's per-state figure. The search stops at the limit, and after a bounded amount of work
 * (then the figure is the highest found, so a pathological but legal pattern is accepted, not hung on).
 *
 * @see https://github.com/aws/event-ruler/blob/main/src/main/software/amazon/event/ruler/MachineComplexityEvaluator.java
 */

const STAR = -1;
/** No token (before a pattern's first or after its last). */
const NONE = -2;
/** A byte that no pattern names. */
const OTHER = -3;
/** Matched-prefix visits after which the search stops. */
const MAX_WORK = 200_000;

/** A pattern as bytes and stars. */
type Program = readonly number[];

const encoder = new TextEncoder();

function toProgram(segments: readonly string[]): Program {
  const out: number[] = [];
  segments.forEach((segment, i) => {
    if (i > 0) out.push(STAR);
    for (const b of encoder.encode(segment)) out.push(b);
  });
  return out;
}

export function wildcardComplexity(patterns: readonly (readonly string[])[], cap: number, maxStates = 5_000): number {
  return programComplexity(patterns.map(toProgram), cap, maxStates);
}

/**
 * Whether the wildcard patterns of one field exceed `threshold`. Cheap in the common case: a
 * pattern has as many prefixes as bytes and stars, so short patterns cannot exceed it.
 */
export function wildcardComplexityExceeds(patterns: readonly (readonly string[])[], threshold: number): boolean {
  let bound = 0;
  for (const segments of patterns) {
    bound += segments.length - 1;
    for (const segment of segments) bound += Buffer.byteLength(segment, 'utf8');
  }
  if (bound <= threshold) return false;
  return programComplexity(patterns.map(toProgram), threshold + 1, 5_000) > threshold;
}

/**
 * Searches the input classes breadth-first. A state is the sorted set of matched prefixes, each a
 * global position `g` (pattern base + prefix length); only bytes that some matched prefix can
 * extend with are tried, plus one byte that extends none.
 */
function programComplexity(programs: Program[], cap: number, maxStates: number): number {
  if (programs.length === 0) return 0;
  const last: number[] = [];
  const next: number[] = [];
  const starts: number[] = [];
  for (const p of programs) {
    starts.push(last.length);
    for (let k = 0; k <= p.length; k++) {
      last.push(k === 0 ? NONE : p[k - 1]!);
      next.push(k === p.length ? NONE : p[k]!);
    }
  }
  const close = (set: number[]): number[] => {
    for (let i = 0; i < set.length; i++) {
      const g = set[i]!;
      // A prefix ending in a star also matches what the prefix before the star matches.
      if (next[g] === STAR) set.push(g + 1);
    }
    return [...new Set(set)].sort((a, b) => a - b);
  };
  const step = (state: readonly number[], byte: number): number[] => {
    const out: number[] = [];
    for (const g of state) {
      if (next[g] === byte) out.push(g + 1);
      if (last[g] === STAR) out.push(g);
    }
    return close(out);
  };
  const start = close([...starts]);
  const seen = new Set<string>([start.join(',')]);
  const queue: number[][] = [start];
  let max = 0;
  // A work budget keeps adversarial patterns fast; the figure found so far is then a lower bound.
  let work = 0;
  for (let head = 0; head < queue.length && seen.size <= maxStates && work < MAX_WORK; head++) {
    const state = queue[head]!;
    work += state.length + 1;
    const bytes = new Set<number>([OTHER]);
    for (const g of state) if (next[g]! >= 0) bytes.add(next[g]!);
    for (const b of bytes) {
      const reached = step(state, b);
      if (reached.length === 0) continue;
      if (reached.length > max) max = reached.length;
      if (max >= cap) return cap;
      const key = reached.join(',');
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(reached);
      }
    }
  }
  return max;
}
