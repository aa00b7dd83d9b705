/**
 * DynamoDB numbers: the grammar DynamoDB accepts, its limits (38 significant digits, magnitude
 * 1E-130 … 9.9999999999999999999999999999999999999E+125) and the canonical form it stores and
 * sends back (leading `+`, leading zeros, trailing fraction zeros and exponents removed; `-0` is `0`:
 * `1.5E2` reads back as `150`, `1.0` as `1`, as verified against DynamoDB by other emulators).
 */

/** What a valid DynamoDB number string is made of. */
export interface DynamoDBNumberInfo {
  /** The form DynamoDB stores and returns: plain decimal, no exponent, no redundant zeros. */
  canonical: string;
  /** Digits from the first to the last non-zero digit (0 for zero): what the item-size formula counts. */
  significantDigits: number;
}

/** Most significant digits DynamoDB keeps. */
const MAX_SIGNIFICANT_DIGITS = 38;
/** Exponent (of the first significant digit) of the smallest magnitude, 1E-130. */
export const MIN_EXPONENT = -130;
/** Exponent of the largest magnitude, 9.99…E+125. */
export const MAX_EXPONENT = 125;

const GRAMMAR = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
// Already canonical and short enough that no limit can be broken: the common case, kept cheap.
const CANONICAL_SHORT = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;

function countSignificant(canonical: string): number {
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = 0; i < canonical.length; i++) {
    const c = canonical.charCodeAt(i);
    if (c < 48 || c > 57) continue; // '-' and '.'
    if (c !== 48) {
      if (first === -1) first = count;
      last = count;
    }
    count++;
  }
  return first === -1 ? 0 : last - first + 1;
}

/**
 * Parses a DynamoDB number string. Returns its canonical form and significant digits, or a
 * string describing the broken rule (so callers can name their API and argument).
 */
export function parseDynamoDBNumber(text: string): DynamoDBNumberInfo | string {
  if (text.length <= 38 && CANONICAL_SHORT.test(text) && text !== '-0') {
    return { canonical: text, significantDigits: countSignificant(text) };
  }
  const match = GRAMMAR.exec(text);
  const intPart = match?.[2] ?? '';
  const fracPart = match?.[3] ?? '';
  if (match === null || intPart.length + fracPart.length === 0) {
    return 'is not a number DynamoDB accepts (expected decimal digits with an optional sign, fraction and exponent, e.g. "42", "-1.5", "1.5E+3")';
  }
  let digits = intPart + fracPart;
  const lead = /^0*/.exec(digits)![0].length;
  if (lead === digits.length) return { canonical: '0', significantDigits: 0 };
  const exponentText = match[4] ?? '0';
  // An exponent this long is out of range whatever the mantissa (and would overflow Number).
  if (exponentText.replace(/^[+-]?0*/, '').length > 6)
    return "is outside DynamoDB's number range (magnitude 1E-130 to 9.9999999999999999999999999999999999999E+125)";
  // Position of the decimal point relative to the first significant digit.
  const point = intPart.length + Number(exponentText) - lead;
  digits = digits.slice(lead).replace(/0+$/, '');
  if (digits.length > MAX_SIGNIFICANT_DIGITS) {
    return `has ${digits.length} significant digits; DynamoDB keeps at most ${MAX_SIGNIFICANT_DIGITS}`;
  }
  const exponent = point - 1;
  if (exponent < MIN_EXPONENT || exponent > MAX_EXPONENT) {
    return "is outside DynamoDB's number range (magnitude 1E-130 to 9.9999999999999999999999999999999999999E+125)";
  }
  let body: string;
  if (point <= 0) body = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) body = digits + '0'.repeat(point - digits.length);
  else body = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return { canonical: match[1] === '-' ? `-${body}` : body, significantDigits: digits.length };
}

/** The canonical form of a valid DynamoDB number string, or undefined when it is not one. */
export function canonicalNumber(text: string): string | undefined {
  const info = parseDynamoDBNumber(text);
  return typeof info === 'string' ? undefined : info.canonical;
}
