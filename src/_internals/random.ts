/**
 * Deterministic pseudo-random numbers for factories. Factories never use Math.random:
 * the same (seed, stream) pair yields the same sequence in every process.
 * Arbitraries do not use this module; fast-check owns their randomness.
 */
import { boundedMemo } from './memo.js';

/**
 * A seeded source of random values.
 * @internal The msw context exposes it to the kit's own services; users seed through `seed`.
 */
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
  /** Standard base64 (with `+/=`) of `leading` (fixed bytes, if given) followed by `byteLength` random bytes. */
  base64(byteLength: number, leading?: Uint8Array): string;
  /** One string drawn piece by piece along `layout` (see {@link idLayout}). */
  format(layout: IdLayout): string;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** An independent Random that continues from this one's current state (same draws from here on). */
  clone(): Random;
}

const HEX_LOWER = '0123456789abcdef';
const HEX_UPPER = '0123456789ABCDEF';

// Byte → two hex digits: V8's Number#toString(16) costs ~0.5 µs, a table lookup a few ns.
const HEX_PAIRS_LOWER = Array.from({ length: 256 }, (_, i) => HEX_LOWER[i >> 4]! + HEX_LOWER[i & 15]!);
const HEX_PAIRS_UPPER = HEX_PAIRS_LOWER.map((pair) => pair.toUpperCase());

/** Eight hex digits of a uint32 (big-endian, zero-padded), without Number#toString(16). */
export function uint32Hex(value: number, upper = false): string {
  const pairs = upper ? HEX_PAIRS_UPPER : HEX_PAIRS_LOWER;
  return (
    pairs[(value >>> 24) & 255]! + pairs[(value >>> 16) & 255]! + pairs[(value >>> 8) & 255]! + pairs[value & 255]!
  );
}

/** How many characters of an alphabet of size n one uint32 yields (n^k ≤ 2^32). */
function charsPerDraw(n: number): number {
  let k = 0;
  for (let span = n; span <= 4294967296; span *= n) k++;
  return Math.max(1, k);
}
const CHARS_PER_DRAW = Array.from({ length: 257 }, (_, n) => (n < 2 ? 1 : charsPerDraw(n)));

// Id strings are written as ASCII codes into one reused buffer and converted in one step:
// building them a character (or a pair) at a time allocates a string per step. The conversion
// itself costs ~80 ns (a call into C++), so factories draw several ids as one string (`format`)
// and cut it. Characters are written two at a time (one 16-bit store from a table of pairs), which
// halves the per-character work, the bulk of an id's cost. Single-threaded and never re-entered,
// so one buffer is enough.
type Scratch = Buffer;
let scratch = Buffer.allocUnsafe(1024) as Scratch;
let scratchView = new DataView(scratch.buffer, scratch.byteOffset, scratch.length);
function scratchOf(length: number): Scratch {
  if (length > scratch.length) {
    scratch = Buffer.allocUnsafe(Math.max(length, scratch.length * 2)) as Scratch;
    scratchView = new DataView(scratch.buffer, scratch.byteOffset, scratch.length);
  }
  return scratch;
}
const DASH = 45;
const NO_BYTES = new Uint8Array(0);

/**
 * Per alphabet: a table of every pair of its characters as little-endian 16-bit codes (entry
 * `i + n·j` is character i then j) for ASCII alphabets of up to 64 characters; `'ascii'` for
 * longer ASCII alphabets (written one character at a time); null when not ASCII.
 */
type Writing = Uint16Array | 'ascii' | null;
// A writing is a function of its alphabet alone and is only read. Alphabets are constants: the
// bound is never reached in practice.
const writings = boundedMemo<string, Writing>(256);
function computeWriting(alphabet: string): Writing {
  const n = alphabet.length;
  if (!/^[\x00-\x7f]+$/.test(alphabet)) return null;
  if (n > 64) return 'ascii';
  const writing = new Uint16Array(n * n);
  for (let i = 0; i < n * n; i++)
    writing[i] = alphabet.charCodeAt(i % n) | (alphabet.charCodeAt(Math.floor(i / n)) << 8);
  return writing;
}
function writingOf(alphabet: string): Writing {
  return writings.get(alphabet, computeWriting);
}

const HEX_PAIRS_LOWER_WRITING = writingOf(HEX_LOWER) as Uint16Array;
const HEX_PAIRS_UPPER_WRITING = writingOf(HEX_UPPER) as Uint16Array;

/** One piece of an {@link IdLayout}: fixed ASCII text, or `chars` characters drawn from `alphabet`. */
export type IdPiece = string | { readonly chars: number; readonly alphabet: string };

/**
 * A precompiled sequence of pieces, for {@link Random.format}: e.g. an IAM principal id is
 * `idLayout('AWS:AIDA', { chars: 17, alphabet: UPPER_ALNUM })`. Text and alphabets must be ASCII.
 *
 * Compiled into runs: consecutive pieces of one alphabet, and fixed text between or after them,
 * become one run drawn in one go, the fixed characters written over it afterwards. Each run costs
 * a call and a partly used draw, so a UUID is three runs rather than ten pieces.
 */
export class IdLayout {
  /** Total characters. */
  readonly length: number;
  /** Per run: its length and alphabet ('' for fixed text only) and how it is written. */
  readonly runLengths: readonly number[];
  readonly runAlphabets: readonly string[];
  readonly runWritings: readonly (Uint16Array | 'ascii')[];
  /** Fixed characters: positions and codes. */
  readonly fixedAt: Uint16Array;
  readonly fixedCodes: Uint8Array;

  constructor(pieces: readonly IdPiece[]) {
    const runLengths: number[] = [];
    const runAlphabets: string[] = [];
    const fixedAt: number[] = [];
    const fixedCodes: number[] = [];
    let length = 0;
    for (const piece of pieces) {
      const text = typeof piece === 'string' ? piece : piece.alphabet;
      if (!/^[\x00-\x7f]*$/.test(text)) throw new Error(`idLayout: ${JSON.stringify(text)} is not ASCII`);
      const size = typeof piece === 'string' ? piece.length : piece.chars;
      const last = runLengths.length - 1;
      if (typeof piece === 'string') {
        for (let i = 0; i < piece.length; i++) {
          fixedAt.push(length + i);
          fixedCodes.push(piece.charCodeAt(i));
        }
        if (last >= 0) runLengths[last]! += size;
        else {
          runLengths.push(size);
          runAlphabets.push('');
        }
      } else if (last >= 0 && (runAlphabets[last] === piece.alphabet || runAlphabets[last] === '')) {
        runLengths[last]! += size;
        runAlphabets[last] = piece.alphabet;
      } else {
        runLengths.push(size);
        runAlphabets.push(piece.alphabet);
      }
      length += size;
    }
    this.length = length;
    this.runLengths = runLengths;
    this.runAlphabets = runAlphabets;
    this.runWritings = runAlphabets.map((alphabet) =>
      alphabet === '' ? 'ascii' : (writingOf(alphabet) as Uint16Array | 'ascii'),
    );
    this.fixedAt = Uint16Array.from(fixedAt);
    this.fixedCodes = Uint8Array.from(fixedCodes);
  }
}

/** Compiles pieces into an {@link IdLayout} (once, at module load). */
export function idLayout(...pieces: IdPiece[]): IdLayout {
  return new IdLayout(pieces);
}

/** `length` hex digits, as a layout piece. */
export function hexPiece(length: number, upper = false): IdPiece {
  return { chars: length, alphabet: upper ? HEX_UPPER : HEX_LOWER };
}

/**
 * sfc32: small, fast, and good enough for test fixtures (not for cryptography). A class, not a
 * closure object: a factory call creates several Randoms, and methods on the prototype cost
 * nothing per instance.
 */
class SeededRandom implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * Seeds from cyrb128 of `${seed}\u0000${stream}`, hashed in place rather than built as a string,
   * then warms up. (Costs ~50 ns: cheaper than the Map of seeded states this replaced, whose
   * insertions made every fresh seed ~3× dearer.)
   */
  constructor(seed: string, stream: string, from?: SeededRandom) {
    if (from !== undefined) {
      this.a = from.a;
      this.b = from.b;
      this.c = from.c;
      this.d = from.d;
      return;
    }
    let h1 = 1779033703,
      h2 = 3144134277,
      h3 = 1013904242,
      h4 = 2773480762;
    const split = seed.length;
    const length = split + 1 + stream.length;
    for (let i = 0; i < length; i++) {
      const k = i < split ? seed.charCodeAt(i) : i === split ? 0 : stream.charCodeAt(i - split - 1);
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
    // Warm-up: twelve sfc32 steps, in locals.
    let a = h1 | 0,
      b = h2 | 0,
      c = h3 | 0,
      d = h4 | 0;
    for (let i = 0; i < 12; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  next(): number {
    const a = this.a | 0,
      b = this.b | 0,
      c = this.c | 0,
      d = this.d | 0;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  float(): number {
    return this.next() / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /**
   * Writes `length` characters of an ASCII `alphabet` into the scratch buffer at `at`. Alphabets
   * of up to 64 characters: two pairs per draw, each pair one 16-bit store from the pair table,
   * picked by a multiply-shift of 16 random bits (integer operations only; `%` and division of a
   * uint32 above 2^31 are slow float operations in V8). Longer alphabets: base-n digits of the
   * draw as a fraction. The slight bias of either is irrelevant for fixtures.
   */
  private write(at: number, length: number, alphabet: string, writing: Uint16Array | 'ascii'): void {
    const n = alphabet.length;
    const out = scratch;
    const end = at + length;
    if (writing === 'ascii') {
      const perDraw = n <= 256 ? (CHARS_PER_DRAW[n] as number) : 1;
      while (at < end) {
        let value = this.next() / 4294967296;
        for (let k = Math.min(perDraw, end - at); k > 0; k--, at++) {
          value *= n;
          const index = value | 0;
          value -= index;
          out[at] = alphabet.charCodeAt(index);
        }
      }
      return;
    }
    const view = scratchView;
    const pairs = n * n;
    // The draws are sfc32 steps exactly as next() makes them, inlined with the state in locals:
    // calling next() loads and stores four fields per draw, which was half of this loop's cost.
    let a = this.a | 0,
      b = this.b | 0,
      c = this.c | 0,
      d = this.d | 0;
    for (; at + 4 <= end; at += 4) {
      const v = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + v) | 0;
      view.setUint16(at, writing[((v & 0xffff) * pairs) >>> 16]!, true);
      view.setUint16(at + 2, writing[((v >>> 16) * pairs) >>> 16]!, true);
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    if (at < end) {
      // One to three characters left.
      const v = this.next();
      if (at + 2 <= end) {
        view.setUint16(at, writing[((v & 0xffff) * pairs) >>> 16]!, true);
        at += 2;
      }
      if (at < end) out[at] = writing[((v >>> 16) * n) >>> 16]! & 0xff;
    }
  }

  chars(length: number, alphabet: string): string {
    const writing = writingOf(alphabet);
    if (writing !== null) {
      scratchOf(length);
      this.write(0, length, alphabet, writing);
      return scratch.toString('latin1', 0, length);
    }
    // Not ASCII (no factory's alphabet is): UTF-16 units, concatenated one by one.
    const n = alphabet.length;
    const perDraw = n <= 256 ? (CHARS_PER_DRAW[n] as number) : 1;
    let text = '';
    let value = 0;
    for (let i = 0; i < length; i++) {
      if (i % perDraw === 0) value = this.next() / 4294967296;
      value *= n;
      const index = value | 0;
      value -= index;
      text += alphabet[index];
    }
    return text;
  }

  hex(length: number, upper = false): string {
    scratchOf(length);
    this.write(0, length, upper ? HEX_UPPER : HEX_LOWER, upper ? HEX_PAIRS_UPPER_WRITING : HEX_PAIRS_LOWER_WRITING);
    return scratch.toString('latin1', 0, length);
  }

  uuidV4(): string {
    const out = scratchOf(36);
    this.write(0, 36, HEX_LOWER, HEX_PAIRS_LOWER_WRITING);
    out[8] = out[13] = out[18] = out[23] = DASH;
    out[14] = 52; // '4'
    out[19] = HEX_LOWER.charCodeAt(8 + (this.next() & 3)); // 8, 9, a or b
    return out.toString('latin1', 0, 36);
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i += 4) {
      const v = this.next();
      out[i] = v & 0xff;
      if (i + 1 < length) out[i + 1] = (v >>> 8) & 0xff;
      if (i + 2 < length) out[i + 2] = (v >>> 16) & 0xff;
      if (i + 3 < length) out[i + 3] = v >>> 24;
    }
    return out;
  }

  // Random bytes, encoded natively: for the few hundred characters of a receipt handle that is
  // cheaper than drawing characters (ids in a `format` layout draw base64 characters instead).
  base64(byteLength: number, leading: Uint8Array = NO_BYTES): string {
    const length = leading.length + byteLength;
    const out = scratchOf(length);
    out.set(leading, 0);
    const view = scratchView;
    let at = leading.length;
    // sfc32 steps with the state in locals, as in write().
    let a = this.a | 0,
      b = this.b | 0,
      c = this.c | 0,
      d = this.d | 0;
    while (at < length) {
      const v = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + v) | 0;
      if (at + 4 <= length) view.setInt32(at, v, true);
      else for (let k = 0; at + k < length; k++) out[at + k] = v >>> (8 * k);
      at += 4;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return out.toString('base64', 0, length);
  }

  format(layout: IdLayout): string {
    const out = scratchOf(layout.length);
    const { runLengths, runAlphabets, runWritings, fixedAt, fixedCodes } = layout;
    let at = 0;
    for (let i = 0; i < runLengths.length; i++) {
      const length = runLengths[i]!;
      if (runAlphabets[i] !== '') this.write(at, length, runAlphabets[i]!, runWritings[i]!);
      at += length;
    }
    for (let i = 0; i < fixedAt.length; i++) out[fixedAt[i]!] = fixedCodes[i]!;
    return out.toString('latin1', 0, at);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.next() % items.length] as T;
  }

  clone(): Random {
    return new SeededRandom('', '', this);
  }
}

/**
 * A Random seeded by `seed` and a `stream` name, so that two event types (or two
 * purposes inside one factory) draw independent sequences from one user seed.
 */
export function createRandom(seed: number | string, stream: string): Random {
  return new SeededRandom(String(seed), stream);
}
