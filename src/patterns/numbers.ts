/**
 * JSON numbers as AWS's engine sees them: the text as written, its double, and whether the double
 * equals the written decimal exactly (only such numbers are compared by value).
 */
import type { NumberLiteral } from './ast.js';

/** JSON's number grammar (RFC 8259 §6). */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** One class for every number literal, so `isNumberLiteral` is a cheap `instanceof`. */
class Literal implements NumberLiteral {
  readonly text: string;
  readonly value: number;
  readonly comparable: boolean;

  constructor(text: string) {
    this.text = text;
    // AWS reads numbers as decimals first, which have no negative zero: `-0` is 0.
    this.value = Number(text) + 0;
    this.comparable = isComparable(text, this.value);
    Object.freeze(this);
  }

  /** `JSON.stringify` writes the number as it was written (lossless round trip of pattern text). */
  toJSON(): number {
    return this.value;
  }

  toString(): string {
    return this.text;
  }
}

/**
 * Builds the {@link NumberLiteral} for a JSON number text such as `3.0e2`.
 * @throws TypeError if `text` is not a JSON number.
 */
export function numberLiteral(text: string): NumberLiteral {
  if (!JSON_NUMBER.test(text)) throw new TypeError(`numberLiteral: ${JSON.stringify(text)} is not a JSON number`);
  return new Literal(text);
}

/** Builds a literal from text already known to be a JSON number (the JSON tokenizer's output). */
export function trustedNumberLiteral(text: string): NumberLiteral {
  return new Literal(text);
}

/** Whether a value is a {@link NumberLiteral} made by this module. */
export function isNumberLiteral(value: unknown): value is NumberLiteral {
  return value instanceof Literal;
}

/**
 * AWS's comparability rule: the double of the text is finite and, written back as the shortest
 * decimal that round-trips (Java's `Double.toString`, JavaScript's `String(number)`), equals the
 * text's exact decimal value. `0.1` and `3.0e2` are comparable; `12345678901234567890` and `1e400` are not.
 *
 * @see https://github.com/aws/event-ruler/blob/main/src/main/software/amazon/event/ruler/ComparableNumber.java
 */
export function isComparable(text: string, value: number = Number(text)): boolean {
  if (!Number.isFinite(value)) return false;
  const shortest = String(value);
  // Fast path: the text is already the shortest form (most numbers people write).
  return shortest === text || decimalEquals(text, shortest);
}

/** A decimal as sign, significant digits (no leading or trailing zeros) and the exponent of the last digit. */
interface Decimal {
  readonly negative: boolean;
  readonly digits: string;
  readonly exponent: number;
}

function toDecimal(text: string): Decimal {
  let i = 0;
  let negative = false;
  if (text[0] === '-' || text[0] === '+') {
    negative = text[0] === '-';
    i = 1;
  }
  let mantissa = '';
  let scale = 0;
  let seenPoint = false;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '.') {
      seenPoint = true;
    } else if (c === 'e' || c === 'E') {
      break;
    } else {
      mantissa += c;
      if (seenPoint) scale++;
    }
  }
  const exponentText = i < text.length ? text.slice(i + 1) : '0';
  // Exponents beyond a safe integer only occur with non-finite doubles, which never reach here.
  let exponent = Number(exponentText) - scale;
  let start = 0;
  while (start < mantissa.length && mantissa[start] === '0') start++;
  let end = mantissa.length;
  while (end > start && mantissa[end - 1] === '0') {
    end--;
    exponent++;
  }
  const digits = mantissa.slice(start, end);
  return digits === '' ? { negative: false, digits: '', exponent: 0 } : { negative, digits, exponent };
}

/** Exact equality of two decimal texts (`1.50` = `15e-1`; `-0` = `0`). */
export function decimalEquals(a: string, b: string): boolean {
  const x = toDecimal(a);
  const y = toDecimal(b);
  return x.digits === y.digits && x.exponent === y.exponent && x.negative === y.negative;
}

/** Orders two comparable numbers' values (their doubles; `-0` never occurs, see {@link numberLiteral}). */
export function compareDoubles(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
