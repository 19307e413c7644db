import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordKeys } from '../../src/validate/record-keys.js';

describe('RecordKeys: duplicates and possible duplicates in one probe', () => {
  it('tells the same recall, the same maker, date and quantity with another product, and a new one', () => {
    const k = new RecordKeys(4);
    expect(k.see(1, 2, 7, 150, 10)).toEqual({ exact: null, near: null });
    expect(k.see(1, 2, 7, 999, 11)).toEqual({ exact: 10, near: null }); // the same recall, another quantity
    expect(k.see(1, 2, 8, 150, 12)).toEqual({ exact: null, near: 10 }); // another product, same quantity
    expect(k.see(1, 2, 9, 151, 13)).toEqual({ exact: null, near: null });
    expect(k.see(1, 3, 7, 150, 14)).toEqual({ exact: null, near: null }); // another date
    expect(k.see(0xffffffff, 0xffffffff, 0xffffffff, 2 ** 40, 15)).toEqual({ exact: null, near: null });
    expect(k.see(0xffffffff, 0xffffffff, 0xffffffff, 2 ** 40, 16).exact).toBe(15);
    expect(k.size).toBe(5);
  });

  it('agrees with Maps through many growths, colliding slots included', () => {
    const entry = fc.tuple(fc.integer({ min: 0, max: 7 }), fc.nat({ max: 3 }), fc.nat({ max: 3 }), fc.nat({ max: 3 }));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 2000 }), (entries) => {
        const k = new RecordKeys(2);
        const exact = new Map<string, number>();
        const near = new Map<string, number>();
        entries.forEach(([hi, lo, product, quantity], i) => {
          const row = i + 1;
          const want = exact.get(`${hi}:${lo}:${product}`) ?? null;
          // The first earlier row with this key and quantity but another product.
          const maybe = near.get(`${hi}:${lo}:${quantity}`);
          const wantNear = want === null && maybe !== undefined ? maybe : null;
          const got = k.see(hi, lo, product, quantity, row);
          expect(got.exact).toBe(want);
          if (want === null) {
            expect(got.near !== null).toBe(wantNear !== null);
            exact.set(`${hi}:${lo}:${product}`, row);
            if (!near.has(`${hi}:${lo}:${quantity}`)) near.set(`${hi}:${lo}:${quantity}`, row);
          }
        });
        expect(k.size).toBe(exact.size);
      }),
      { numRuns: 50 },
    );
  });
});
