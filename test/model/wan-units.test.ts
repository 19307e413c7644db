import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wan } from '../../src/model/chinese.js';

const SIZE: Record<string, number> = { 万: 1e4, 亿: 1e8, 万亿: 1e12 };

describe('wan picks its unit after rounding to two decimals', () => {
  it('switches at each boundary', () => {
    expect(wan(9999)).toBe('9999');
    expect(wan(10000)).toBe('1.00万');
    expect(wan(99_949)).toBe('9.99万');
    expect(wan(99_950)).toBe('10.00万');
    expect(wan(99_995)).toBe('10.00万');
    expect(wan(99_950_000)).toBe('9995.00万');
    expect(wan(99_994_999)).toBe('9999.50万');
    expect(wan(99_995_000)).toBe('9999.50万');
    expect(wan(99_999_949)).toBe('9999.99万');
    expect(wan(99_999_950)).toBe('1.00亿');
    expect(wan(99_999_999)).toBe('1.00亿');
    expect(wan(100_000_000)).toBe('1.00亿');
    expect(wan(100_005_000)).toBe('1.00亿');
    expect(wan(100_500_000)).toBe('1.01亿');
    expect(wan(999_999_999_999)).toBe('1.00万亿');
    expect(wan(1_000_000_000_000)).toBe('1.00万亿');
    expect(wan(Number.MAX_SAFE_INTEGER)).toBe('9007.20万亿');
  });

  it('never prints 10000.00 of a unit and always reads back within half a hundredth', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: Number.MAX_SAFE_INTEGER }), (v) => {
        const m = /^(\d+\.\d\d)(万亿|亿|万)$/.exec(wan(v));
        expect(m).not.toBeNull();
        const figure = Number(m![1]);
        const size = SIZE[m![2]!]!;
        expect(figure).toBeGreaterThanOrEqual(1);
        if (size < 1e12) expect(figure).toBeLessThan(10_000);
        expect(Math.abs(figure * size - v)).toBeLessThanOrEqual(size / 200 + size * 1e-12);
      }),
      { numRuns: 2000 },
    );
  });

  it('switches exactly where the rounded figure would reach 10000.00', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5000, max: 5000 }), (d) => {
        const v = 99_999_950 + d;
        expect(wan(v).endsWith(d < 0 ? '万' : '亿')).toBe(true);
      }),
    );
  });
});
