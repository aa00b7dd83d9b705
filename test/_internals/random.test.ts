import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_internals/random.js';

describe('createRandom', () => {
  it('repeats for the same seed and stream, and differs across seeds and streams', () => {
    const draw = (seed: number | string, stream: string) => {
      const r = createRandom(seed, stream);
      return Array.from({ length: 8 }, () => r.next());
    };
    expect(draw(1, 'a')).toEqual(draw(1, 'a'));
    expect(draw(1, 'a')).not.toEqual(draw(2, 'a'));
    expect(draw(1, 'a')).not.toEqual(draw(1, 'b'));
    expect(draw('1', 'a')).toEqual(draw(1, 'a'));
  });

  it('produces values in their documented ranges and formats', () => {
    const r = createRandom(42, 'formats');
    for (let i = 0; i < 2000; i++) {
      const f = r.float();
      expect(f >= 0 && f < 1).toBe(true);
      const n = r.int(-3, 5);
      expect(Number.isInteger(n) && n >= -3 && n <= 5).toBe(true);
      expect(r.uuidV4()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(r.hex(16, true)).toMatch(/^[0-9A-F]{16}$/);
    }
  });

  it('covers the whole range of int()', () => {
    const r = createRandom(7, 'coverage');
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(r.int(0, 9));
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
