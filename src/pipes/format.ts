/**
 * How one extracted value is written, by where its placeholder sits: unquoted, a string is
 * quoted and an object or array is raw JSON; inside a string template, an object loses its quotes.
 * Returns `DROP` when AWS delivers nothing (an object inside a quoted JSON string).
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-input-transformation.html
 */
import { sourceText } from './decode.js';
import { stringifyJson } from './json.js';
import type { ResolvedRenderOptions } from './options.js';
import type { SlotPosition } from './parse.js';
import { MISSING } from './path.js';

/** Marks "AWS delivers nothing for this event". */
export const DROP: unique symbol = Symbol('drop');

function escaped(text: string, options: ResolvedRenderOptions): string {
  // Spec A5: EventBridge does not escape extracted values; 'json' is the opt-in alternative.
  return options.escape === 'json' ? JSON.stringify(text).slice(1, -1) : text;
}

/** An object or array inside a string: compact JSON with every `"` removed (observed). */
function stripQuotes(value: object, options: ResolvedRenderOptions): string {
  const text = (options.embeddedJson === 'source' ? sourceText.get(value) : undefined) ?? stringifyJson(value)!;
  return text.replaceAll('"', '');
}

function scalarText(value: unknown): string {
  return typeof value === 'number' ? jsonText(value) : String(value);
}

/**
 * `JSON.stringify(value)`. Each call costs about 100 ns before writing a character, more than a
 * scalar's whole text, so numbers, booleans and null take the same text from `String` (a
 * non-finite number is JSON `null`); objects and arrays go to JSON.stringify (through
 * `stringifyJson`, which survives values nested deeper than the native serializer's stack).
 */
function jsonText(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean' || value === null) return String(value);
  return stringifyJson(value)!;
}

/** Writes `value` (or `MISSING`) for a placeholder at `position`. */
export function formatValue(
  value: unknown,
  position: SlotPosition,
  options: ResolvedRenderOptions,
): string | typeof DROP {
  switch (position) {
    case 'value':
    case 'key':
      // Auto-quoted (observed); escaped, the quoted string is exactly JSON.stringify's.
      if (typeof value === 'string') return options.escape === 'json' ? JSON.stringify(value) : `"${value}"`;
      if (value === MISSING) return '""'; // observed: a missing path renders as an empty JSON string
      return jsonText(value); // numbers, booleans, null, objects and arrays as raw JSON
    case 'quoted':
      if (value === MISSING) return '""';
      if (value !== null && typeof value === 'object')
        return options.objectInJsonString === 'drop' ? DROP : `"${stripQuotes(value, options)}"`;
      return `"${typeof value === 'string' ? escaped(value, options) : scalarText(value)}"`; // not doubled (observed)
    case 'in-json-string':
    case 'quoted-key':
      if (value === MISSING) return '';
      if (value !== null && typeof value === 'object')
        return options.objectInJsonString === 'drop' ? DROP : stripQuotes(value, options);
      return typeof value === 'string' ? escaped(value, options) : scalarText(value);
    case 'in-string-template':
      if (value === MISSING) return '';
      if (value !== null && typeof value === 'object') return stripQuotes(value, options); // observed: [HIGH], {a:b}
      return typeof value === 'string' ? escaped(value, options) : scalarText(value);
    case 'text':
    case 'bare':
      // Free text is not JSON: values go in as they are (observed for a bare <$.body>).
      if (value === MISSING) return '';
      if (value !== null && typeof value === 'object') return stripQuotes(value, options); // documented: quotes removed
      return typeof value === 'string' ? value : scalarText(value);
  }
}
