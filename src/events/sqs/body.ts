/** Message text rules shared by bodies and String/Number attribute values. */
import { fail, show } from '../../_internals/errors.js';

// SendMessage accepts only #x9 | #xA | #xD | #x20–#xD7FF | #xE000–#xFFFD | #x10000–#x10FFFF (the
// XML 1.0 Char production). With the `u` flag a lone surrogate is one code point in D800–DFFF, so
// it matches as invalid too.
const INVALID_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Whether every character of `text` is one SQS accepts in a message body or string attribute. */
export function isSqsText(text: string): boolean {
  return !INVALID_CHARACTER.test(text);
}

/** The first character SQS rejects, as `U+XXXX at index i`, or undefined. */
function firstInvalid(text: string): string | undefined {
  const match = INVALID_CHARACTER.exec(text);
  if (match === null) return undefined;
  const code = match[0].codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} at index ${match.index}`;
}

/**
 * Throws unless `text` is a non-empty string of characters SQS accepts
 * (SendMessage: "The minimum size is one character"; lone surrogates are invalid).
 */
export function assertSqsText(api: string, argument: string, text: unknown, what = 'a message body'): string {
  if (typeof text !== 'string') fail(api, argument, `must be a string, got ${show(text)}`);
  if (text.length === 0) fail(api, argument, `is empty; SQS rejects an empty value in ${what} (minimum one character)`);
  if (INVALID_CHARACTER.test(text)) {
    fail(
      api,
      argument,
      `contains ${firstInvalid(text)}, a character SQS rejects in ${what} (allowed: #x9 #xA #xD #x20–#xD7FF #xE000–#xFFFD #x10000–#x10FFFF)`,
    );
  }
  return text;
}
