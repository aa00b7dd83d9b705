/** "Did you mean …?": the nearest known names to a mistyped one (commands, kinds, flags, factory options). */

/**
 * Edit distance, case-insensitive, counting a swap of two neighbours as one edit (optimal string
 * alignment): `tabel` is one edit from `table`, as a typist would count it.
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let before: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      let d = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (s[i - 1] === t[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        d = Math.min(d, (before[j - 2] as number) + 1);
      current[j] = d;
    }
    before = previous;
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
    .sort(
      (a, b) =>
        Number(b.prefix) - Number(a.prefix) || a.distance - b.distance || a.candidate.localeCompare(b.candidate),
    )
    .slice(0, limit)
    .map((s) => s.candidate);
}
