import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floatSharesInHundredths, percentOf, percentShares, sharesInHundredths } from '../../src/model/shares.js';

describe('percentShares (largest remainder)', () => {
  it('gives the seed figures', () => {
    const qty = [150, 3400, 0, 257500, 0, 98, 63000, 94300, 0, 0];
    expect(percentShares(qty)[3]).toBe(61.54);
    expect(percentShares([1, 1, 0, 1, 0, 1, 1, 3, 0, 0])[7]).toBe(37.5);
    expect(percentShares([6, 2])).toEqual([75, 25]);
  });

  it('makes thirds add up to 100.00', () => {
    expect(sharesInHundredths([1, 1, 1])).toEqual([3334, 3333, 3333]);
  });

  it('gives equal counts equal shares: their remainders are compared exactly, not as floats', () => {
    // 4/15 and 1/15 of 10000 leave the same remainder, 2/3; as floats …0.66651 and …0.66663.
    expect(sharesInHundredths([4, 4, 3, 3, 1])).toEqual([2667, 2667, 2000, 2000, 666]);
    expect(floatSharesInHundredths([4, 4, 3, 3, 1])).toEqual([2667, 2666, 2000, 2000, 667]);
  });

  it('returns zeros for an all-zero table instead of dividing by zero', () => {
    expect(percentShares([0, 0, 0])).toEqual([0, 0, 0]);
  });

  it('always sums to exactly 100.00 and stays within 0.01 of the exact share', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10_000_000 }), { minLength: 1, maxLength: 20 }), (values) => {
        const total = values.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        const h = sharesInHundredths(values);
        expect(h.reduce((a, b) => a + b, 0)).toBe(10_000);
        h.forEach((v, i) => {
          const exact = ((values[i] as number) * 10_000) / total;
          expect(Math.abs(v - exact)).toBeLessThan(1);
        });
      }),
    );
  });
});

describe('percentOf', () => {
  it('rounds half up to two decimals', () => {
    expect(percentOf(257500, 418448)).toBe(61.54);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 0)).toBe(0);
    // Exactly half: 1/16 is 6.25%, to one decimal 6.3%.
    expect(percentOf(1, 16, 1)).toBe(6.3);
    expect(percentOf(1, 3)).toBe(33.33);
  });
});
