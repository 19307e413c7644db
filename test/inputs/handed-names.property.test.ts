import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UnitsNameCounter } from '../../src/aggregate/stats-accumulator.js';
import { countHanded, NameOutbox } from '../../src/inputs/handed-names.js';
import { fold } from '../../src/model/text.js';

/** A counter that remembers what it was given, in order, folded as the real one folds (and how many came as code units). */
function recorder(): UnitsNameCounter & { seen: [string, number][]; units: number } {
  const seen: [string, number][] = [];
  return {
    seen,
    units: 0,
    size: 0,
    inRegion: () => 0,
    add: (name, slot) => void seen.push([fold(name), slot]),
    addFolded(units, start, end, slot) {
      this.units++;
      seen.push([String.fromCharCode(...units.subarray(start, end)), slot]);
    },
  };
}

const folded = (pairs: [string, number][]) => pairs.map(([n, slot]): [string, number] => [fold(n), slot]);

// Any UTF-16 text: lone surrogates included (a decoder would replace them), empty names, CJK, emoji.
const name = fc.string({
  unit: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), weight: 1 },
    { arbitrary: fc.constantFrom('厂', '😀', 'A', 'z', ' ', '１', '\u3000', '~', '\u007f'), weight: 4 },
  ),
  maxLength: 40,
});

describe('names handed from the checking thread', () => {
  it('arrive as the same names, as fold() makes them, with the same slots, in order, over any number of batches', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(name, fc.nat({ max: 40 })), { maxLength: 300 }), { maxLength: 6 }),
        (batches) => {
          const out = new NameOutbox();
          const got = recorder();
          for (const batch of batches) {
            for (const [n, slot] of batch) out.add(n, slot);
            countHanded(out.take(), got);
          }
          expect(got.seen).toEqual(folded(batches.flat()));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('carries a name longer than one String.fromCharCode call takes, and grows past its first arrays', () => {
    const long = '厂'.repeat(20_000) + '\ud800' + 'x'.repeat(50_000);
    const out = new NameOutbox();
    const got = recorder();
    const many = Array.from({ length: 10_000 }, (_, i) => `湖南某某制造有限公司${i}`);
    out.add(long, 3);
    many.forEach((n, i) => out.add(n, i % 14));
    countHanded(out.take(), got);
    expect(got.seen[0]).toEqual([fold(long), 3]);
    expect(got.seen.slice(1)).toEqual(many.map((n, i) => [n, i % 14]));
    // The usual name (printable ASCII, CJK ideographs) crosses without a string: all but the long one.
    expect(got.units).toBe(10_000);
    countHanded(out.take(), got);
    expect(got.seen).toHaveLength(10_001);
  });
});
