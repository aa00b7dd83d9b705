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

/**
 * A Random seeded by `seed` and a `stream` name, so that two event types (or two
 * purposes inside one factory) draw independent sequences from one user seed.
 */
export function createRandom(seed: number | string, stream: string): Random {
  // sfc32: small, fast, and good enough for test fixtures (not for cryptography).
  let [a, b, c, d] = hashSeed(`${String(seed)}\u0000${stream}`);
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
  for (let i = 0; i < 12; i++) next();

  const float = () => next() / 4294967296;
  const int = (min: number, max: number) => min + Math.floor(float() * (max - min + 1));
  const chars = (length: number, alphabet: string) => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[next() % alphabet.length];
    return out;
  };
  return {
    next,
    float,
    int,
    chars,
    hex: (length, upper = false) => chars(length, upper ? HEX_UPPER : HEX_LOWER),
    uuidV4: () => {
      const h = chars(32, HEX_LOWER);
      const variant = HEX_LOWER[8 + (next() % 4)];
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    bytes: (length) => {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) out[i] = next() & 0xff;
      return out;
    },
    pick: (items) => items[next() % items.length] as (typeof items)[number],
  };
}
