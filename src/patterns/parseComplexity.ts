/**
 * Wildcard complexity, as AWS's engine measures it: the most wildcard-pattern prefixes (of all the
 * wildcard patterns on one field) that one input value can match at once. Each prefix of a pattern,
 * cut after any byte or star, counts once if the whole input matches it: `"a*b*bb"` reaches 5 on
 * `"abbb"` (`a*`, `a*b`, `a*b*`, `a*b*b`, `a*b*bb`). Patterns are read as UTF-8 bytes, as the engine does.
 *
 * This evaluates every field's wildcard patterns together (all `$or` branches), an upper bound of
 * the engine's per-state figure; the search stops at the limit.
 *
 * @see https://github.com/aws/event-ruler/blob/main/src/main/software/amazon/event/ruler/MachineComplexityEvaluator.java
 */

const STAR = -1;

/** A pattern as bytes and stars. */
type Program = readonly number[];

function toProgram(segments: readonly string[]): Program {
  const out: number[] = [];
  const encoder = new TextEncoder();
  segments.forEach((segment, i) => {
    if (i > 0) out.push(STAR);
    for (const b of encoder.encode(segment)) out.push(b);
  });
  return out;
}

/** Active prefixes of `p` for the empty input: the leading stars. */
function initial(p: Program): boolean[] {
  const a = new Array<boolean>(p.length + 1).fill(false);
  a[0] = true;
  for (let k = 1; k <= p.length && p[k - 1] === STAR; k++) a[k] = true;
  return a;
}

function step(p: Program, a: readonly boolean[], byte: number): boolean[] {
  const next = new Array<boolean>(p.length + 1).fill(false);
  for (let k = 1; k <= p.length; k++) {
    const t = p[k - 1]!;
    next[k] = t === STAR ? next[k - 1]! || a[k]! : a[k - 1]! && t === byte;
  }
  return next;
}

function count(a: readonly boolean[]): number {
  let n = 0;
  for (let k = 1; k < a.length; k++) if (a[k]) n++;
  return n;
}

/**
 * The complexity of the wildcard patterns of one field (each given as its literal segments),
 * capped at `cap` (the search stops once reached) and after `maxStates` explored input classes.
 */
export function wildcardComplexity(patterns: readonly (readonly string[])[], cap: number, maxStates = 20_000): number {
  if (patterns.length === 0) return 0;
  const programs = patterns.map(toProgram);
  const alphabet = new Set<number>();
  for (const p of programs) for (const t of p) if (t !== STAR) alphabet.add(t);
  // One byte that no pattern names stands for all others.
  let other = 0;
  while (alphabet.has(other)) other++;
  const bytes = [...alphabet, other];
  const start = programs.map(initial);
  const key = (state: readonly boolean[][]): string => state.map((a) => a.map((x) => (x ? '1' : '0')).join('')).join('|');
  const seen = new Set<string>([key(start)]);
  const queue: boolean[][][] = [start];
  let max = 0;
  for (let head = 0; head < queue.length && seen.size <= maxStates; head++) {
    const state = queue[head]!;
    for (const b of bytes) {
      const next = state.map((a, i) => step(programs[i]!, a, b));
      let total = 0;
      for (const a of next) total += count(a);
      if (total === 0 && next.every((a) => !a[0])) {
        // Dead state: nothing active can come back.
        if (next.every((a) => a.every((x) => !x))) continue;
      }
      if (total > max) max = total;
      if (max >= cap) return cap;
      const k = key(next);
      if (!seen.has(k)) {
        seen.add(k);
        queue.push(next);
      }
    }
  }
  return max;
}
