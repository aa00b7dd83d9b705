/**
 * Case-insensitive comparison exactly as AWS's engine does it for `equals-ignore-case` (and the
 * prefix, suffix and anything-but forms). The engine takes each UTF-16 unit `c` of the pattern
 * string on its own and accepts, at that place in the event string, either
 * `String.valueOf(c).toLowerCase(Locale.ROOT)` or `…toUpperCase(Locale.ROOT)`. The consequences,
 * kept here on purpose:
 * - folding is per pattern character, with full (possibly multi-character) mappings: pattern `ß`
 *   accepts `ß` and `SS` but not `ss`; pattern `İ` accepts `İ` and `i̇` (i + U+0307);
 * - the pattern character itself is not always accepted: titlecase `ǅ` accepts only `ǆ` and `Ǆ`;
 *   the Kelvin sign `K` (U+212A) accepts `k` and itself, and pattern `k` does not accept U+212A;
 * - a surrogate (half of a character outside the BMP) is encoded by the engine as UTF-8 on its own,
 *   which Java writes as `?`, so such a pattern character accepts only `?`.
 * JavaScript's `toLowerCase`/`toUpperCase` use the same locale-independent Unicode mappings as
 * Java's `Locale.ROOT` (up to the Unicode version of each runtime).
 *
 * @see https://github.com/aws/event-ruler/blob/main/src/main/software/amazon/event/ruler/input/EqualsIgnoreCaseParser.java
 */

/** A compiled case-insensitive pattern: for each pattern unit, the strings accepted there. */
export interface FoldedPattern {
  readonly units: readonly (readonly string[])[];
  /** When every unit accepts only single UTF-16 units, the fast comparison tables. */
  readonly lower?: string;
  readonly upper?: string;
}

/** Compiles a pattern string for case-insensitive matching (see the module comment for the rule). */
export function foldPattern(pattern: string): FoldedPattern {
  const units: string[][] = [];
  let simple = true;
  let lower = '';
  let upper = '';
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      units.push(['?']);
      lower += '?';
      upper += '?';
      continue;
    }
    const c = pattern[i]!;
    const lo = c.toLowerCase();
    const up = c.toUpperCase();
    units.push(lo === up ? [lo] : [lo, up]);
    if (lo.length !== 1 || up.length !== 1) simple = false;
    lower += lo;
    upper += up;
  }
  return simple ? { units, lower, upper } : { units };
}

/** Positions of `text` reachable after reading units `from`..`to` forwards from `start`. */
function forward(pattern: FoldedPattern, text: string, start: number): number[] {
  let positions = [start];
  for (const alternatives of pattern.units) {
    const next: number[] = [];
    for (const position of positions) {
      for (const alternative of alternatives) {
        if (text.startsWith(alternative, position)) {
          const end = position + alternative.length;
          if (!next.includes(end)) next.push(end);
        }
      }
    }
    if (next.length === 0) return next;
    positions = next;
  }
  return positions;
}

/** `text` equals the pattern, ignoring case. */
export function foldEquals(pattern: FoldedPattern, text: string): boolean {
  const { lower, upper } = pattern;
  if (lower !== undefined && upper !== undefined) {
    if (text.length !== lower.length) return false;
    return simpleAt(lower, upper, text, 0);
  }
  return forward(pattern, text, 0).includes(text.length);
}

/** `text` starts with the pattern, ignoring case. */
export function foldStartsWith(pattern: FoldedPattern, text: string): boolean {
  const { lower, upper } = pattern;
  if (lower !== undefined && upper !== undefined) {
    if (text.length < lower.length) return false;
    return simpleAt(lower, upper, text, 0);
  }
  return forward(pattern, text, 0).length > 0;
}

/** `text` ends with the pattern, ignoring case. */
export function foldEndsWith(pattern: FoldedPattern, text: string): boolean {
  const { lower, upper } = pattern;
  if (lower !== undefined && upper !== undefined) {
    if (text.length < lower.length) return false;
    return simpleAt(lower, upper, text, text.length - lower.length);
  }
  // Read the pattern backwards from the end of the text.
  let positions = [text.length];
  for (let u = pattern.units.length - 1; u >= 0; u--) {
    const next: number[] = [];
    for (const position of positions) {
      for (const alternative of pattern.units[u]!) {
        const begin = position - alternative.length;
        if (begin >= 0 && text.startsWith(alternative, begin) && !next.includes(begin)) next.push(begin);
      }
    }
    if (next.length === 0) return false;
    positions = next;
  }
  return true;
}

function simpleAt(lower: string, upper: string, text: string, offset: number): boolean {
  for (let i = 0; i < lower.length; i++) {
    const c = text.charCodeAt(offset + i);
    if (c !== lower.charCodeAt(i) && c !== upper.charCodeAt(i)) return false;
  }
  return true;
}
