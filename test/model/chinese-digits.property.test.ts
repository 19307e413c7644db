import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { change, changePhrase, fixed, percent, pointsPhrase, wan } from '../../src/model/chinese.js';

/** Doubles up to 1e300 (the absurd quantity once accepted), and every safe integer count. */
const anyNumber = fc.oneof(
  fc.double({ min: -1e300, max: 1e300, noNaN: true }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  fc.constantFrom(1e300, -1e300, 1e21, 9.99e20, 1e-7, 0),
);

/** Counts and quantities: what change() is given (1e300 is what an unchecked cell once gave). */
const count = fc.oneof(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(0, 1, 1e300));

describe('number phrasing never prints exponent notation', () => {
  it('percent, 万/亿, change and points phrases are plain digits for every finite input', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, count, count, fc.integer({ min: 0, max: 4 }), (a, b, from, to, d) => {
        for (const text of [
          percent(a, d),
          wan(Math.round(a)),
          changePhrase('召回数量', '环比', change(from, to)),
          pointsPhrase(a, b),
        ])
          expect(text).not.toMatch(/e[+-]?\d|Infinity|NaN/i);
      }),
      { numRuns: 2000 },
    );
  });

  it('fixed() agrees with toFixed where toFixed is plain, and writes the digits out past 1e21', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e20, max: 1e20, noNaN: true }), fc.integer({ min: 0, max: 4 }), (v, d) => {
        expect(fixed(v, d)).toBe(v.toFixed(d));
      }),
    );
    expect(fixed(1e21, 2)).toBe('1000000000000000000000.00');
    expect(percent(1.06e297, 2)).toMatch(/^106\d{295}\.00%$/);
  });
});

describe('change()', () => {
  it('is the exact percentage rounded half up on its size, its sign the change’s, for every pair of counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (from, to) => {
        const c = change(from, to);
        const exact = ((to - from) * 100) / from;
        expect(Math.abs((c.pct as number) - exact)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.sign(c.pct as number) === Math.sign(to - from) || c.pct === 0).toBe(true);
        // The same size up or down: 3.125% is 3.13% both ways.
        expect(Math.abs(change(from, from - (to - from)).pct as number)).toBe(Math.abs(c.pct as number));
      }),
      { numRuns: 2000 },
    );
  });
});
