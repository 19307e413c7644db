import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstRows } from '../../src/validate/first-rows.js';

describe('FirstRows', () => {
  it('returns the first row of a key seen before, and null for a new key', () => {
    const f = new FirstRows(4);
    expect(f.firstOrAdd(1, 2, 10)).toBeNull();
    expect(f.firstOrAdd(1, 3, 11)).toBeNull();
    expect(f.firstOrAdd(1, 2, 12)).toBe(10);
    expect(f.firstOrAdd(0xffffffff, 0xffffffff, 13)).toBeNull();
    expect(f.firstOrAdd(0xffffffff, 0xffffffff, 14)).toBe(13);
    expect(f.size).toBe(3);
  });

  it('agrees with a Map through many growths, colliding slots included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.nat({ max: 0xffffffff })), { maxLength: 3000 }),
        (keys) => {
          const f = new FirstRows(2);
          const m = new Map<string, number>();
          keys.forEach(([hi, lo], i) => {
            const row = i + 1;
            const want = m.get(`${hi}:${lo}`) ?? null;
            if (want === null) m.set(`${hi}:${lo}`, row);
            expect(f.firstOrAdd(hi, lo, row)).toBe(want);
          });
          expect(f.size).toBe(m.size);
        },
      ),
      { numRuns: 50 },
    );
  });
});
