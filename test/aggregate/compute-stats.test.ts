import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeStats } from '../../src/aggregate/compute-stats.js';
import type { RecallRecord } from '../../src/model/record.js';
import type { Province, ReferenceData } from '../../src/model/reference.js';
import type { QuarterStats } from '../../src/model/stats.js';
import { hunan } from '../helpers/reference.js';
import { Q3, sampleStats } from '../helpers/sample.js';

let s: QuarterStats;
let ref: ReferenceData;
let home: Province;
beforeAll(async () => {
  ({ ref, home } = await hunan());
  s = await sampleStats();
});

describe('computeStats on the seed quarter', () => {
  it('totals 8 recalls and 418448 件', () => {
    expect(s.totals).toEqual({ recalls: 8, quantity: 418448, manufacturers: 8 });
    expect(s.period).toEqual({ start: '2022-07-01', end: '2022-09-30' });
  });

  it('reproduces 表1 with every category, zeros included', () => {
    expect(s.byCategory.map((c) => [c.code, c.recalls, c.quantity])).toEqual([
      ['01', 1, 150],
      ['02', 1, 3400],
      ['03', 0, 0],
      ['04', 1, 257500],
      ['05', 0, 0],
      ['06', 1, 98],
      ['07', 1, 63000],
      ['08', 3, 94300],
      ['09', 0, 0],
      ['10', 0, 0],
    ]);
  });

  it('reproduces the region table in code order with distinct manufacturers', () => {
    expect(s.byRegion.map((r) => [r.short, r.manufacturers, r.quantity])).toEqual([
      ['长沙', 1, 70000],
      ['株洲', 1, 23800],
      ['湘潭', 2, 3550],
      ['衡阳', 1, 63000],
      ['邵阳', 2, 258000],
      ['岳阳', 0, 0],
      ['常德', 0, 0],
      ['张家界', 0, 0],
      ['益阳', 1, 98],
      ['郴州', 0, 0],
      ['永州', 0, 0],
      ['怀化', 0, 0],
      ['娄底', 0, 0],
      ['湘西自治州', 0, 0],
    ]);
  });

  it('finds the narrative leaders: 家用日用品 61.54% of quantity, 文教体育用品 37.50% of recalls', () => {
    expect(s.highlights.topByQuantity).toEqual([
      {
        code: '04',
        name: '家用日用品',
        recalls: 1,
        quantity: 257500,
        share: 61.54,
        soleProduct: '“豪牌”V8、P8型号打火机',
      },
    ]);
    expect(s.highlights.topByRecalls.map((l) => [l.name, l.recalls, l.share])).toEqual([['文教体育用品', 3, 37.5]]);
    expect(s.highlights.activeCategories).toEqual(['08', '01', '02', '04', '06', '07']);
    expect(s.highlights.activeRegions).toEqual(['430300', '430500', '430100', '430200', '430400', '430900']);
    expect(s.highlights.leadingRegions).toEqual(['430300', '430500']);
  });

  it('gives defect-type shares 75.00% and 25.00%', () => {
    expect(s.byDefect.filter((d) => d.recalls > 0).map((d) => [d.name, d.recalls, d.recallShare])).toEqual([
      ['机械物理', 6, 75],
      ['电气安全', 2, 25],
    ]);
  });

  it('lists typical cases by quantity, largest first', () => {
    expect(s.typicalCases.map((c) => `${c.quantity}${c.unit}`)).toEqual(['257500只', '70000本', '500个']);
    expect(s.typicalCases[1]).toMatchObject({
      manufacturer: '长沙文灿鑫明文化用品有限公司',
      productionPeriod: '2019.04-2019.05',
    });
  });
});

describe('computeStats properties', () => {
  const record = (cat: string, region: string, defect: string, quantity: number, i: number): RecallRecord => ({
    source: { file: 'p', sheet: null, row: i + 2 },
    announceDate: '2022-08-01',
    manufacturer: `m${i % 5}`,
    brand: '',
    product: `p${i}`,
    model: '',
    categoryCode: cat,
    regionCode: region,
    defectTypeCode: defect,
    quantity,
    unit: '件',
    productionPeriod: '',
    description: 'd',
    typical: i % 3 === 0,
  });

  it('shares add up to exactly 100.00 and counts to the total, for any records', () => {
    const arb = fc.array(
      fc.tuple(fc.nat({ max: 9 }), fc.nat({ max: 13 }), fc.nat({ max: 5 }), fc.nat({ max: 5_000_000 })),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const recs = rows.map(([c, r, d, q], i) =>
          record(ref.categories[c]!.code, home.prefectures[r]!.code, ref.defectTypes[d]!.code, q, i),
        );
        const st = computeStats(recs, ref, home, Q3);
        const total = st.totals.quantity;
        const sum = (xs: (number | null)[]) => Math.round(xs.reduce<number>((a, b) => a + (b ?? NaN), 0) * 100);
        expect(sum(st.byCategory.map((c) => c.recallShare))).toBe(10_000);
        expect(sum(st.byDefect.map((c) => c.recallShare))).toBe(10_000);
        if (total > 0) expect(sum(st.byCategory.map((c) => c.quantityShare))).toBe(10_000);
        expect(st.byCategory.reduce((a, c) => a + c.recalls, 0)).toBe(recs.length);
        expect(st.byRegion.reduce((a, c) => a + c.recalls, 0)).toBe(recs.length);
        expect(st.byRegion.reduce((a, c) => a + c.quantity, 0)).toBe(total);
        expect(st.byCategory).toHaveLength(10);
        expect(st.byRegion).toHaveLength(14);
      }),
    );
  });

  it('equals the definition (filter and count per item) for any records, whatever their order', () => {
    const arb = fc.array(
      fc.tuple(fc.nat({ max: 9 }), fc.nat({ max: 13 }), fc.nat({ max: 5 }), fc.nat({ max: 5_000_000 }), fc.nat(7)),
      { maxLength: 80 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const recs = rows.map(([c, r, d, q, m], i) => ({
          ...record(ref.categories[c]!.code, home.prefectures[r]!.code, ref.defectTypes[d]!.code, q, i),
          manufacturer: `厂${m}`,
        }));
        const st = computeStats(recs, ref, home, Q3);
        const of = <K extends keyof RecallRecord>(k: K, v: RecallRecord[K]) => recs.filter((x) => x[k] === v);
        const qty = (xs: RecallRecord[]) => xs.reduce((a, x) => a + x.quantity, 0);
        expect(st.byCategory.map((c) => [c.recalls, c.quantity])).toEqual(
          ref.categories.map((c) => [of('categoryCode', c.code).length, qty(of('categoryCode', c.code))]),
        );
        expect(st.byRegion.map((g) => [g.recalls, g.quantity, g.manufacturers])).toEqual(
          home.prefectures.map((p) => {
            const rs = of('regionCode', p.code);
            return [rs.length, qty(rs), new Set(rs.map((x) => x.manufacturer)).size];
          }),
        );
        expect(st.byDefect.map((d) => d.quantity)).toEqual(
          ref.defectTypes.map((d) => qty(of('defectTypeCode', d.code))),
        );
        const typical = recs.filter((x) => x.typical);
        const expected = typical
          .map((x, i) => ({ x, i }))
          .sort((a, b) => b.x.quantity - a.x.quantity || a.i - b.i)
          .map(({ x }) => x.product);
        expect(st.typicalCases.map((t) => t.product)).toEqual(expected);
        const single = st.highlights.topByQuantity.filter((l) => l.recalls === 1);
        for (const l of single) expect(l.soleProduct).toBe(of('categoryCode', l.code)[0]!.product);
      }),
    );
  });

  it('refuses a total that cannot be computed exactly rather than printing it rounded', () => {
    const big = Number.MAX_SAFE_INTEGER - 1;
    const recs = [0, 1].map((i) => record('01', home.prefectures[0]!.code, ref.defectTypes[0]!.code, big, i));
    expect(() => computeStats(recs, ref, home, Q3)).toThrow(
      expect.objectContaining({ code: 'stats.quantity.overflow' }),
    );
  });

  it('handles a quarter with no recalls: every row zero, no shares (null), no leaders', () => {
    const st = computeStats([], ref, home, Q3);
    expect(st.totals).toEqual({ recalls: 0, quantity: 0, manufacturers: 0 });
    expect(st.byCategory.every((c) => c.recalls === 0 && c.recallShare === null && c.quantityShare === null)).toBe(
      true,
    );
    expect(st.byDefect.every((d) => d.recallShare === null)).toBe(true);
    expect(st.highlights.topByQuantity).toEqual([]);
  });
});
