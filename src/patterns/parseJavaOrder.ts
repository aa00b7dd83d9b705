/**
 * Java's `HashSet<String>` iteration order. AWS's engine checks some value sets (anything-but
 * wildcard lists) in that order, so when several values are bad, the one it reports is the first
 * in this order, not the first written.
 */

/** Java's `String.hashCode` (over UTF-16 units, 32-bit wrap-around). */
function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * The order a fresh `HashSet` (capacity 16, load factor 0.75) iterates `values` added in order:
 * by bucket of the final table, then by insertion within a bucket. Duplicates are dropped.
 */
export function javaHashSetOrder(values: readonly string[]): string[] {
  const unique = [...new Set(values)];
  let capacity = 16;
  while (unique.length > capacity * 0.75) capacity *= 2;
  const bucket = (s: string): number => {
    const h = javaStringHash(s);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return unique
    .map((value, index) => ({ value, index, bucket: bucket(value) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((e) => e.value);
}
