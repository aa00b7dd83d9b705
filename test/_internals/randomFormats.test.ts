import { describe, expect, it } from 'vitest';
import { createRandom, hexPiece, idLayout } from '../../src/_internals/random.js';

const UPPER_ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

describe('Random string formats', () => {
  it('base64: canonical standard base64 of the leading bytes then byteLength random bytes', () => {
    const r = createRandom(1, 'base64');
    const leading = new Uint8Array([1, 1, 1]);
    for (let n = 0; n < 80; n++) {
      const plain = r.base64(n);
      expect(Buffer.from(plain, 'base64').length).toBe(n);
      expect(Buffer.from(plain, 'base64').toString('base64')).toBe(plain);
      const led = r.base64(n, leading);
      const bytes = Buffer.from(led, 'base64');
      expect(bytes.length).toBe(n + 3);
      expect([...bytes.subarray(0, 3)]).toEqual([1, 1, 1]);
      expect(bytes.toString('base64')).toBe(led);
      expect(led.startsWith('AQEB')).toBe(true);
    }
  });

  it('chars: exactly `length` characters of the alphabet, ASCII or not, long alphabets too', () => {
    const r = createRandom(2, 'chars');
    const alphabets = [
      UPPER_ALNUM,
      'ab',
      'x',
      'é€😀a',
      `${UPPER_ALNUM}abcdefghijklmnopqrstuvwxyz!#$%&()*+,-./:;<=>?@[]^_{|}~`,
    ];
    for (const alphabet of alphabets) {
      const units = new Set(alphabet.split(''));
      for (let length = 0; length < 40; length++) {
        const text = r.chars(length, alphabet);
        expect(text.length).toBe(length);
        for (const unit of text) for (const u of unit.split('')) expect(units.has(u)).toBe(true);
      }
    }
    // Every character of a 36-letter alphabet shows up.
    expect(new Set(r.chars(5000, UPPER_ALNUM)).size).toBe(36);
  });

  it('hex and uuidV4 keep their formats at every length', () => {
    const r = createRandom(3, 'hex');
    for (let length = 0; length < 70; length++) {
      expect(r.hex(length)).toMatch(new RegExp(`^[0-9a-f]{${length}}$`));
      expect(r.hex(length, true)).toMatch(new RegExp(`^[0-9A-F]{${length}}$`));
    }
    const variants = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const id = r.uuidV4();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      variants.add(id[19]!);
    }
    expect([...variants].sort()).toEqual(['8', '9', 'a', 'b']);
  });

  it('format: fixed text in place, drawn pieces from their alphabets', () => {
    const layout = idLayout(
      'AWS:AIDA',
      { chars: 17, alphabet: UPPER_ALNUM },
      '-',
      hexPiece(5),
      'z',
      { chars: 3, alphabet: 'ab' },
      hexPiece(2, true),
    );
    const r = createRandom(4, 'format');
    for (let i = 0; i < 200; i++)
      expect(r.format(layout)).toMatch(/^AWS:AIDA[0-9A-Z]{17}-[0-9a-f]{5}z[ab]{3}[0-9A-F]{2}$/);
    expect(idLayout('only text').length).toBe(9);
    expect(r.format(idLayout('only text'))).toBe('only text');
    expect(() => idLayout({ chars: 2, alphabet: 'é' })).toThrow(/not ASCII/);
  });

  it('clone continues with the same draws, independently of the original', () => {
    const r = createRandom(5, 'clone');
    r.next();
    const copy = r.clone();
    const a = [r.next(), r.hex(9), r.chars(7, UPPER_ALNUM), r.base64(20)];
    const b = [copy.next(), copy.hex(9), copy.chars(7, UPPER_ALNUM), copy.base64(20)];
    expect(b).toEqual(a);
    r.next();
    expect(copy.next()).not.toBe(r.next());
  });

  it('a number seed and its string draw the same', () => {
    expect(createRandom(0, 's3').hex(40)).toBe(createRandom('0', 's3').hex(40));
  });
});
