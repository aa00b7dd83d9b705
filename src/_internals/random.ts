/**
 * Deterministic pseudo-random numbers for factories. Factories never use Math.random:
 * the same (seed, stream) pair yields the same sequence in every process.
 * Arbitraries do not use this module; fast-check owns their randomness.
 */

/** A seeded source of random values. */
export interface Random {
  /** A uint32. */
  next(): number;
  /** A float in [0, 1). */
  float(): number;
  /** An integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** `length` characters drawn from `alphabet`. */
  chars(length: number, alphabet: string): string;
  /** `length` hex digits (lower-case unless `upper`). */
  hex(length: number, upper?: boolean): string;
  /** An RFC 4122 version-4 UUID. */
  uuidV4(): string;
  /** `length` random bytes. */
  bytes(length: number): Uint8Array;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}

const HEX_LOWER = '0123456789abcdef';
const HEX_UPPER = '0123456789ABCDEF';

/** cyrb128: hashes a string into four 32-bit seeds. */
function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

// Byte → two hex digits: V8's Number#toString(16) costs ~0.5 µs, a table lookup a few ns.
const HEX_PAIRS_LOWER = Array.from({ length: 256 }, (_, i) => HEX_LOWER[i >> 4]! + HEX_LOWER[i & 15]!);
const HEX_PAIRS_UPPER = HEX_PAIRS_LOWER.map((pair) => pair.toUpperCase());

/** Eight hex digits of a uint32 (big-endian, zero-padded), without Number#toString(16). */
export function uint32Hex(value: number, upper = false): string {
  const pairs = upper ? HEX_PAIRS_UPPER : HEX_PAIRS_LOWER;
  return pairs[(value >>> 24) & 255]! + pairs[(value >>> 16) & 255]! + pairs[(value >>> 8) & 255]! + pairs[value & 255]!;
}

/** Two hex digits per byte, without Number#toString(16). */
export function bytesHex(bytes: Uint8Array, upper = false): string {
  const pairs = upper ? HEX_PAIRS_UPPER : HEX_PAIRS_LOWER;
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += pairs[bytes[i]!]!;
  return out;
}

/** How many characters of an alphabet of size n one uint32 yields (n^k ≤ 2^32). */
function charsPerDraw(n: number): number {
  let k = 0;
  for (let span = n; span <= 4294967296; span *= n) k++;
  return Math.max(1, k);
}
const CHARS_PER_DRAW = Array.from({ length: 257 }, (_, n) => (n < 2 ? 1 : charsPerDraw(n)));

// Seeding hashes the seed and warms the generator up; the resulting state is a pure function of
// (seed, stream), so it is cached: factories create several Randoms per call.
const initialStates = new Map<string, readonly [number, number, number, number]>();
const MAX_CACHED_STATES = 4096;

function initialState(seedKey: string): readonly [number, number, number, number] {
  const cached = initialStates.get(seedKey);
  if (cached !== undefined) return cached;
  let [a, b, c, d] = hashSeed(seedKey);
  for (let i = 0; i < 12; i++) {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
  }
  const state = [a, b, c, d] as const;
  if (initialStates.size >= MAX_CACHED_STATES) initialStates.clear();
  initialStates.set(seedKey, state);
  return state;
}

/**
 * A Random seeded by `seed` and a `stream` name, so that two event types (or two
 * purposes inside one factory) draw independent sequences from one user seed.
 */
export function createRandom(seed: number | string, stream: string): Random {
  // sfc32: small, fast, and good enough for test fixtures (not for cryptography).
  let [a, b, c, d] = initialState(`${String(seed)}\u0000${stream}`);
  const next = (): number => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };

  const float = () => next() / 4294967296;
  const int = (min: number, max: number) => min + Math.floor(float() * (max - min + 1));
  // Several characters per draw (base-n digits of one uint32); the slight bias is irrelevant for fixtures.
  const chars = (length: number, alphabet: string) => {
    const n = alphabet.length;
    const perDraw = n <= 256 ? (CHARS_PER_DRAW[n] as number) : 1;
    let out = '';
    let value = 0;
    let left = 0;
    for (let i = 0; i < length; i++) {
      if (left === 0) {
        value = next();
        left = perDraw;
      }
      out += alphabet[value % n];
      value = Math.floor(value / n);
      left--;
    }
    return out;
  };
  const hex = (length: number, upper = false) => {
    const pairs = upper ? HEX_PAIRS_UPPER : HEX_PAIRS_LOWER;
    let out = '';
    while (out.length < length) {
      const v = next();
      out += pairs[v & 255]! + pairs[(v >>> 8) & 255]! + pairs[(v >>> 16) & 255]! + pairs[v >>> 24]!;
    }
    return out.length === length ? out : out.slice(0, length);
  };
  return {
    next,
    float,
    int,
    chars,
    hex,
    uuidV4: () => {
      const h = hex(32);
      const variant = HEX_LOWER[8 + (next() & 3)];
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    bytes: (length) => {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i += 4) {
        const v = next();
        out[i] = v & 0xff;
        if (i + 1 < length) out[i + 1] = (v >>> 8) & 0xff;
        if (i + 2 < length) out[i + 2] = (v >>> 16) & 0xff;
        if (i + 3 < length) out[i + 3] = v >>> 24;
      }
      return out;
    },
    pick: (items) => items[next() % items.length] as (typeof items)[number],
  };
}
