/**
 * Leaf values for one value matcher of an event pattern: values it accepts (for `eventMatching`)
 * and near misses just outside it (for `eventNotMatching`). Every generator is built by mapping,
 * so shrunk values keep the property. Values AWS's rules make subtle (anything-but, wildcards)
 * are settled by the engine's own `matcherAccepts`.
 */
import {
  bigInt,
  boolean,
  constant,
  constantFrom,
  double,
  integer,
  nat,
  oneof,
  string,
  tuple,
  type Arbitrary,
} from 'fast-check';
import type { IpRange, NumericBound, ValueMatcher } from '../../src/patterns/ast.js';
import { matcherAccepts } from '../../src/patterns/compile.js';
import { foldPattern } from '../../src/patterns/matchFold.js';
import type { PatternLeaf } from './patternPaths.js';

/** A near miss that is the field's absence rather than a value. */
export const ABSENT: unique symbol = Symbol('absent');

/** A leaf value, or the field's absence. */
export type PatternCandidate = PatternLeaf | typeof ABSENT;

// ---- numbers --------------------------------------------------------------------------------

const scratch = new DataView(new ArrayBuffer(8));

/** The next double above `x` (`Infinity` above `Number.MAX_VALUE`). */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  scratch.setFloat64(0, x);
  const bits = scratch.getBigUint64(0);
  scratch.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return scratch.getFloat64(0);
}

/** The next double below `x`. */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/** JSON has no `-0`: it is written `0`. */
function plain(x: number): number {
  return x === 0 ? 0 : x;
}

/** The smallest and largest finite doubles a numeric range accepts, or undefined when it accepts none. */
function numericSpan(lower: NumericBound | undefined, upper: NumericBound | undefined): [number, number] | undefined {
  const lo = lower === undefined ? -Number.MAX_VALUE : lower.inclusive ? lower.value : nextUp(lower.value);
  const hi = upper === undefined ? Number.MAX_VALUE : upper.inclusive ? upper.value : nextDown(upper.value);
  return Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi ? [lo, hi] : undefined;
}

/** Numbers inside `[lo, hi]`: the edges (bounds, or the next double inside an open bound), integers, any double. */
function numberIn(lo: number, hi: number): Arbitrary<number> {
  if (lo === hi) return constant(plain(lo));
  const options: Arbitrary<number>[] = [constantFrom(plain(lo), plain(hi)), double({ min: lo, max: hi, noNaN: true })];
  const ilo = Math.max(Math.ceil(lo), Number.MIN_SAFE_INTEGER);
  const ihi = Math.min(Math.floor(hi), Number.MAX_SAFE_INTEGER);
  if (ilo <= ihi) options.push(integer({ min: ilo, max: ihi }));
  // fast-check's double may still hand out -0 at a zero bound: JSON writes 0.
  return oneof(...options).map(plain);
}

// ---- IP addresses ---------------------------------------------------------------------------

const IPV6_MAX = (1n << 128n) - 1n;
const IPV4_MAX = (1n << 32n) - 1n;

/** An IP address as text: IPv4 dotted quad; IPv6 in full (`0:0:…:1`) or compressed (`::1`) form. */
export function formatIp(version: 4 | 6, address: bigint, compressed: boolean): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((shift) => String((address >> shift) & 255n)).join('.');
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => ((address >> shift) & 0xffffn).toString(16));
  if (!compressed) return groups.join(':');
  // The longest run of two or more zero groups becomes `::` (RFC 5952).
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  if (best === -1) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLength).join(':')}`;
}

/** Addresses in the range (its first and last, and any between), as text. */
function ipIn(range: IpRange): Arbitrary<string> {
  const address = oneof(constantFrom(range.low, range.high), bigInt({ min: range.low, max: range.high }));
  return tuple(address, boolean()).map(([a, compressed]) => formatIp(range.version, a, compressed));
}

/** The addresses just outside the range, as text (none past the ends of the address space). */
function ipsBeside(range: IpRange): string[] {
  const max = range.version === 4 ? IPV4_MAX : IPV6_MAX;
  const out: string[] = [];
  if (range.low > 0n) out.push(formatIp(range.version, range.low - 1n, true));
  if (range.high < max) out.push(formatIp(range.version, range.high + 1n, true));
  return out;
}

// ---- strings --------------------------------------------------------------------------------

/** Text that fills a prefix, suffix or wildcard: short, any characters (shrinks to ""). */
function fill(): Arbitrary<string> {
  return string({ maxLength: 8 });
}

/** A case variant AWS's ignore-case comparison accepts: per pattern unit, one of its foldings. */
function caseVariant(text: string): Arbitrary<string> {
  const { units } = foldPattern(text);
  const choices = units.map((alternatives) =>
    alternatives.length === 1 ? constant(alternatives[0]!) : constantFrom(...alternatives),
  );
  return choices.length === 0 ? constant('') : tuple(...choices).map((parts) => parts.join(''));
}

/** A character that differs from `c` also ignoring case. */
function otherChar(c: string | undefined): string {
  return c !== undefined && c.toLowerCase() === 'q' ? '0' : 'q';
}

/** `text` with the unit at `index` (mod length) replaced by a different character, ignoring case. */
function oneOff(text: string, index: number): string {
  if (text.length === 0) return 'q';
  const i = index % text.length;
  return text.slice(0, i) + otherChar(text[i]) + text.slice(i + 1);
}

/** `text` with one cased letter flipped, or undefined when it has none. */
function caseFlipped(text: string, index: number): string | undefined {
  const flippable: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c.toLowerCase() !== c.toUpperCase() && c.toLowerCase().length === 1 && c.toUpperCase().length === 1)
      flippable.push(i);
  }
  if (flippable.length === 0) return undefined;
  const i = flippable[index % flippable.length]!;
  const c = text[i]!;
  return text.slice(0, i) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + text.slice(i + 1);
}

/** The same value with the other JSON type, where the text reads as one: `"300"` ↔ `300`, `"true"` ↔ `true`. */
function otherType(text: string): PatternLeaf | undefined {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text) && Number.isFinite(Number(text)))
    return plain(Number(text));
  return undefined;
}

/** A string made of the wildcard's literal segments with fills in place of each `*`. */
function wildcardText(segments: readonly string[]): Arbitrary<string> {
  if (segments.length === 1) return constant(segments[0]!);
  const fills = Array.from({ length: segments.length - 1 }, fill);
  return tuple(...fills).map((parts) =>
    segments.reduce((text, segment, i) => text + (i === 0 ? '' : parts[i - 1]) + segment, ''),
  );
}

/** Other values for the anything-but family: any JSON type other than a string is outside a string set. */
const OTHER_LEAVES: readonly PatternLeaf[] = [0, 1, -1, 1.5, null, true, false, '', 'q', 'Q0'];

/**
 * The first candidate the matcher accepts, from a string made to avoid the set and then plain
 * other values (a number or null also lies outside a set of strings, and a string outside a set
 * of numbers). The matcher decides, so AWS's exact rules hold for every value.
 */
function firstAccepted(matcher: ValueMatcher, candidates: readonly PatternLeaf[]): PatternLeaf | undefined {
  for (const candidate of candidates) if (matcherAccepts(matcher, candidate)) return candidate;
  return undefined;
}

function avoidingStrings(text: string, blocked: readonly string[]): string[] {
  const firsts = new Set(blocked.map((b) => b[0]));
  const lasts = new Set(blocked.map((b) => b[b.length - 1]));
  const start = ['q', '0', '~', '#', 'Z'].find((c) => !firsts.has(c)) ?? '\u00a7';
  const end = ['q', '0', '~', '#', 'Z'].find((c) => !lasts.has(c)) ?? '\u00a7';
  return [text, start + text, text + end, start + text + end, `${text}_`, `${text}__`];
}

/** Alternatives of an `$or` share their matchers: each is worked out once. */
const acceptedCache = new WeakMap<ValueMatcher, Arbitrary<PatternLeaf> | undefined>();

/** Values the matcher accepts, or undefined when no JSON value written by JavaScript can satisfy it. */
export function acceptedValue(matcher: ValueMatcher): Arbitrary<PatternLeaf> | undefined {
  if (acceptedCache.has(matcher)) return acceptedCache.get(matcher);
  const value = computeAcceptedValue(matcher);
  acceptedCache.set(matcher, value);
  return value;
}

function computeAcceptedValue(matcher: ValueMatcher): Arbitrary<PatternLeaf> | undefined {
  switch (matcher.kind) {
    case 'equals':
      if (matcher.ip !== undefined && matcher.ip.version === 6)
        return oneof(constant(matcher.value as string), ipIn(matcher.ip));
      return constant(matcher.value);
    case 'equals-number':
      // A number AWS compares by text only (beyond a double's precision) cannot be written by a JavaScript number.
      return matcher.number.comparable ? constant(plain(matcher.number.value)) : undefined;
    case 'exactly':
      return constant(matcher.value);
    case 'prefix':
      return tuple(matcher.ignoreCase ? caseVariant(matcher.value) : constant(matcher.value), fill()).map(
        ([head, tail]) => head + tail,
      );
    case 'suffix':
      return tuple(fill(), matcher.ignoreCase ? caseVariant(matcher.value) : constant(matcher.value)).map(
        ([head, tail]) => head + tail,
      );
    case 'equals-ignore-case':
      return caseVariant(matcher.value);
    case 'wildcard':
      return wildcardText(matcher.segments);
    case 'numeric': {
      const span = numericSpan(matcher.lower, matcher.upper);
      return span === undefined ? undefined : numberIn(span[0], span[1]);
    }
    case 'cidr':
      return ipIn(matcher.range);
    case 'exists':
      return matcher.value ? anyLeaf() : undefined;
    case 'anything-but':
    case 'anything-but-prefix':
    case 'anything-but-suffix':
    case 'anything-but-ignore-case':
    case 'anything-but-wildcard': {
      const blocked = matcher.kind === 'anything-but' ? matcher.strings : matcher.values;
      const numbers = matcher.kind === 'anything-but' ? matcher.numbers.map((n) => n.value) : [];
      // Feasible when some plain candidate passes; generated values then fall back to these.
      const fallback = OTHER_LEAVES.filter((leaf) => matcherAccepts(matcher, leaf));
      for (const n of numbers)
        for (const x of [n + 1, n - 1, nextUp(n), nextDown(n)])
          if (Number.isFinite(x) && matcherAccepts(matcher, plain(x))) fallback.push(plain(x));
      if (fallback.length === 0) return undefined;
      const sameType =
        numbers.length > 0
          ? numberIn(-1e6, 1e6).map((x) => [x, nextUp(x), x + 1] as PatternLeaf[])
          : string({ maxLength: 10 }).map((s) => avoidingStrings(s, blocked) as PatternLeaf[]);
      const candidates = oneof(
        { arbitrary: sameType, weight: 4 },
        { arbitrary: constantFrom(...fallback).map((leaf) => [leaf]), weight: 1 },
      );
      return candidates.map((list) => firstAccepted(matcher, [...list, ...fallback]) ?? fallback[0]!);
    }
  }
}

/** Any JSON leaf (null and booleans count as present). */
function anyLeaf(): Arbitrary<PatternLeaf> {
  return oneof(string({ maxLength: 10 }), integer(), boolean(), constant(null));
}

/** The values every condition's near-miss list ends with (after the matchers' own). */
export const GENERIC_MISSES: readonly PatternCandidate[] = ['', 'q', 0, -1, true, false, null, ABSENT];

/**
 * A value just outside the matcher: a prefix one character off, a number just past a bound,
 * an address just outside a block, a member of an anything-but set, the other JSON type
 * (`"300"` for `300`), a case change of an exact string, the absence for `exists: true`.
 * `index` and `text` are the drawn choices; `(0, "")` gives the canonical miss.
 */
export function missValue(matcher: ValueMatcher, index: number, text: string): PatternCandidate[] {
  const pick = <T>(options: readonly T[]): T[] =>
    options.length === 0 ? [] : [options[index % options.length]!, ...options];
  switch (matcher.kind) {
    case 'equals': {
      if (matcher.value === null) return pick(['null', '', 0]);
      if (typeof matcher.value === 'boolean') return pick([String(matcher.value), !matcher.value]);
      const s = matcher.value;
      const options: PatternCandidate[] = [];
      if (matcher.ip !== undefined) options.push(...ipsBeside(matcher.ip));
      const flipped = caseFlipped(s, index);
      if (flipped !== undefined) options.push(flipped);
      const typed = otherType(s);
      if (typed !== undefined) options.push(typed);
      options.push(oneOff(s, index), s.length > 0 ? s.slice(0, -1) : null, `${s}${text.length > 0 ? text : 'q'}`);
      return pick(options);
    }
    case 'exactly': {
      const flipped = caseFlipped(matcher.value, index);
      return pick([
        ...(flipped === undefined ? [] : [flipped]),
        oneOff(matcher.value, index),
        matcher.value.length > 0 ? matcher.value.slice(0, -1) : null,
      ]);
    }
    case 'equals-number': {
      const n = matcher.number.value;
      const options: PatternCandidate[] = [matcher.number.text];
      for (const x of [nextUp(n), nextDown(n), n + 1]) if (Number.isFinite(x) && x !== n) options.push(plain(x));
      return pick(options);
    }
    case 'prefix': {
      const p = matcher.value;
      if (p.length === 0) return pick([0, null, true]);
      return pick([
        p.slice(0, -1),
        oneOff(p, p.length - 1) + text,
        oneOff(p, index) + text,
        p.length > 1 ? p.slice(1) + text : 0,
      ]);
    }
    case 'suffix': {
      const s = matcher.value;
      if (s.length === 0) return pick([0, null, true]);
      return pick([s.slice(1), text + oneOff(s, 0), text + oneOff(s, index), s.length > 1 ? text + s.slice(0, -1) : 0]);
    }
    case 'equals-ignore-case': {
      const s = matcher.value;
      return pick([oneOff(s, index), `${s}q`, s.length > 0 ? s.slice(0, -1) : 0]);
    }
    case 'wildcard': {
      const segments = matcher.segments;
      const joined = segments.join(text);
      const first = segments[0]!;
      const last = segments[segments.length - 1]!;
      const options: PatternCandidate[] = [];
      if (first.length > 0) options.push(oneOff(first, 0) + joined.slice(first.length));
      if (last.length > 0) options.push(joined.slice(0, joined.length - last.length) + oneOff(last, last.length - 1));
      options.push(segments.join(''), `${segments.join('')}q`, 0);
      return pick(options);
    }
    case 'anything-but':
      return pick([...matcher.strings, ...matcher.numbers.map((n) => plain(n.value))]);
    case 'anything-but-prefix':
      return pick(matcher.values.map((v) => v + text));
    case 'anything-but-suffix':
      return pick(matcher.values.map((v) => text + v));
    case 'anything-but-ignore-case':
      return pick(matcher.values.flatMap((v) => [caseFlipped(v, index) ?? v, v]));
    case 'anything-but-wildcard':
      return pick(matcher.segments.map((segments) => segments.join(text)));
    case 'numeric': {
      const options: PatternCandidate[] = [];
      if (matcher.lower !== undefined)
        options.push(matcher.lower.inclusive ? nextDown(matcher.lower.value) : matcher.lower.value);
      if (matcher.upper !== undefined)
        options.push(matcher.upper.inclusive ? nextUp(matcher.upper.value) : matcher.upper.value);
      const span = numericSpan(matcher.lower, matcher.upper);
      // The right number as a string: a JSON string never satisfies `numeric`.
      if (span !== undefined) options.push(String(plain(span[0])));
      return pick(
        options
          .filter((x) => typeof x !== 'number' || Number.isFinite(x))
          .map((x) => (typeof x === 'number' ? plain(x) : x)),
      );
    }
    case 'cidr':
      return pick([...ipsBeside(matcher.range), formatIp(matcher.range.version === 4 ? 6 : 4, 1n, true)]);
    case 'exists':
      return matcher.value ? [ABSENT] : pick([text, 0, null]);
  }
}

/** The drawn choices of {@link missValue}. */
export function missChoices(): Arbitrary<[number, string]> {
  return tuple(nat({ max: 1000 }), fill());
}
