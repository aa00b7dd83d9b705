/** "Did you mean …?" for unknown kinds and commands. */

/** Levenshtein distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[t.length] as number;
}

/**
 * Up to `limit` candidates nearest to `input`: those it prefixes (or that prefix it) first,
 * then by edit distance, keeping only plausible ones (distance at most a third of the length).
 */
export function nearest(input: string, candidates: readonly string[], limit = 3): string[] {
  const lower = input.toLowerCase();
  const scored = candidates.map((candidate) => {
    const c = candidate.toLowerCase();
    const prefix = lower.length > 0 && (c.startsWith(lower) || lower.startsWith(c));
    return { candidate, prefix, distance: editDistance(input, candidate) };
  });
  return scored
    .filter((s) => s.prefix || s.distance <= Math.max(1, Math.floor(input.length / 3)))
    .sort((a, b) => Number(b.prefix) - Number(a.prefix) || a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((s) => s.candidate);
}
