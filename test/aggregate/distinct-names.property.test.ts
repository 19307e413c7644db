import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DistinctNames } from '../../src/aggregate/distinct-names.js';

describe('DistinctNames', () => {
  it('counts exactly what Sets of strings count, overall and per region (past the 31 bits of a mask too)', () => {
    // Short names from a tiny alphabet: many repeats, equal lengths, shared prefixes; enough of them to grow every array.
    const name = fc.string({ unit: fc.constantFrom('a', 'b', '厂', '\u0000', '😀'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.nat({ max: 40 })), { maxLength: 3000 }), (pairs) => {
        const d = new DistinctNames();
        const all = new Set<string>();
        const per = new Map<number, Set<string>>();
        for (const [n, slot] of pairs) {
          d.add(n, slot);
          all.add(n);
          per.set(slot, (per.get(slot) ?? new Set()).add(n));
        }
        expect(d.size).toBe(all.size);
        for (let slot = 0; slot <= 41; slot++) expect(d.inRegion(slot)).toBe(per.get(slot)?.size ?? 0);
      }),
      { numRuns: 60 },
    );
  });

  it('counts names given as code units at any offset as it counts the same names given as strings', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'b', '厂', '\u0000', '😀'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.nat({ max: 40 })), { maxLength: 500 }), (pairs) => {
        const strings = new DistinctNames();
        const units = new DistinctNames();
        const text = pairs.map(([n]) => n).join('');
        const all = new Uint16Array(text.length).map((_, k) => text.charCodeAt(k));
        let at = 0;
        for (const [n, slot] of pairs) {
          strings.add(n, slot);
          units.addUnits(all, at, (at += n.length), slot);
        }
        expect(units.size).toBe(strings.size);
        for (let slot = 0; slot <= 41; slot++) expect(units.inRegion(slot)).toBe(strings.inRegion(slot));
      }),
      { numRuns: 100 },
    );
  });

  it('holds a hundred thousand distinct names apart (no false match between different names)', () => {
    const d = new DistinctNames();
    const inZero = new Set<string>();
    const add = (n: string, slot: number) => {
      d.add(n, slot);
      if (slot === 0) inZero.add(n);
    };
    for (let i = 0; i < 100_000; i++) add(`湖南某某制造有限公司${i}`, i % 14);
    for (let i = 0; i < 100_000; i += 7) add(`湖南某某制造有限公司${i}`, (i + 1) % 14);
    expect(d.size).toBe(100_000);
    expect(inZero.size).toBeGreaterThan(7_142);
    expect(d.inRegion(0)).toBe(inZero.size);
  });
});
