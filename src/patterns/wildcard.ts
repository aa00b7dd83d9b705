/**
 * The `wildcard` operator's syntax: `*` matches any run of characters, `\*` is a literal star and
 * `\\` a literal backslash; two stars in a row and any other escape are errors.
 *
 * @see https://github.com/aws/event-ruler/blob/main/src/main/software/amazon/event/ruler/input/WildcardParser.java
 */

/** AWS's reason texts for a bad wildcard value; `pos` as AWS counts it (see {@link parseWildcard}). */
export const WILDCARD_ERRORS = {
  consecutive: (pos: number) => `Consecutive wildcard characters at pos ${pos}`,
  escape: (pos: number) => `Invalid escape character at pos ${pos}`,
} as const;

/** A wildcard value AWS rejects; `message` is AWS's reason text. */
export class WildcardError extends Error {
  override readonly name = 'WildcardError';
}

/** UTF-8 length of one UTF-16 unit at `i` (Java writes a lone surrogate as the one byte `?`). */
function utf8Width(value: string, i: number): { bytes: number; units: number } {
  const c = value.charCodeAt(i);
  if (c < 0x80) return { bytes: 1, units: 1 };
  if (c < 0x800) return { bytes: 2, units: 1 };
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
    const d = value.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return { bytes: 4, units: 2 };
  }
  if (c >= 0xd800 && c <= 0xdfff) return { bytes: 1, units: 1 };
  return { bytes: 3, units: 1 };
}

/**
 * Splits a wildcard value into its literal segments (escapes resolved): `"a*b\\*c"` gives
 * `["a", "b*c"]`, one star between two segments; `"*"` gives `["", ""]`.
 *
 * Error positions are AWS's: the 0-based UTF-8 byte offset in the value wrapped in double quotes,
 * i.e. one more than the byte offset in the value (`a**b` fails at pos 2).
 * @throws WildcardError with AWS's reason text.
 */
export function parseWildcard(value: string): string[] {
  const segments: string[] = [];
  let current = '';
  let pos = 1; // the opening quote is byte 0
  for (let i = 0; i < value.length; ) {
    const ch = value[i]!;
    if (ch === '*') {
      if (value[i + 1] === '*') throw new WildcardError(WILDCARD_ERRORS.consecutive(pos));
      segments.push(current);
      current = '';
      i++;
      pos++;
    } else if (ch === '\\') {
      const next = value[i + 1];
      if (next !== '*' && next !== '\\') throw new WildcardError(WILDCARD_ERRORS.escape(pos));
      current += next;
      i += 2;
      pos += 2;
    } else {
      const { bytes, units } = utf8Width(value, i);
      current += value.slice(i, i + units);
      i += units;
      pos += bytes;
    }
  }
  segments.push(current);
  return segments;
}
