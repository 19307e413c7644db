import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeStats } from '../../src/aggregate/compute-stats.js';
import { percent } from '../../src/model/chinese.js';
import type { RecallRecord } from '../../src/model/record.js';
import type { Province, ReferenceData } from '../../src/model/reference.js';
import type { QuarterStats } from '../../src/model/stats.js';
import { buildReportView } from '../../src/render/view-model.js';
import { categorySentences, defectSentences, regionSentences, sharePhrase } from '../../src/render/view-narrative.js';
import { hunan } from '../helpers/reference.js';
import { Q3 } from '../helpers/sample.js';

const META = { bulletinName: 'b', publisher: 'p', provinceShort: '湖南', decimals: 2 };
let ref: ReferenceData;
let home: Province;
beforeAll(async () => ({ ref, home } = await hunan()));

/** One record per [category index, defect index, quantity]. */
function stats(
  rows: ReadonlyArray<readonly [number, number, number]>,
  regions = 3,
  maker = (i: number) => `m${i}`,
): QuarterStats {
  const recs = rows.map(([c, d, quantity], i): RecallRecord => ({
    source: { file: 'r', sheet: null, row: i + 2 },
    announceDate: '2022-08-01',
    manufacturer: maker(i),
    brand: '',
    product: `p${i}`,
    model: '',
    categoryCode: ref.categories[c]!.code,
    regionCode: home.prefectures[i % regions]!.code,
    defectTypeCode: ref.defectTypes[d]!.code,
    quantity,
    unit: '件',
    productionPeriod: '',
    description: 'd',
    typical: false,
  }));
  return computeStats(recs, ref, home, Q3);
}

describe('sharePhrase', () => {
  it('gives one figure for one item or tied items that print the same, else each', () => {
    expect(sharePhrase('总召回次数', [37.5], 2)).toBe('占总召回次数的37.50%');
    expect(sharePhrase('总召回次数', [50, 50], 2)).toBe('各占总召回次数的50.00%');
    expect(sharePhrase('总召回次数', [33.34, 33.33, 33.33], 2)).toBe('分别占总召回次数的33.34%、33.33%和33.33%');
  });
});

describe('the category narrative with tied leaders', () => {
  it('gives each of three tied categories its own share, as stats.json has it', () => {
    const s = stats([
      [0, 0, 1],
      [1, 0, 1],
      [2, 0, 1],
    ]);
    expect(s.byCategory.slice(0, 3).map((c) => c.quantityShare)).toEqual([33.34, 33.33, 33.33]);
    expect(categorySentences(s, META)).toBe(
      '本季度召回种类主要是电子电器、儿童用品、家具。其中，召回数量最多的是电子电器（p0）、儿童用品（p1）和家具（p2），' +
        '召回数量均为1件，分别占湖南召回总数量的33.34%、33.33%和33.33%。' +
        '召回次数最多的是电子电器、儿童用品和家具，各召回1次，分别占总召回次数的33.34%、33.33%和33.33%。',
    );
  });

  it('says one share for tied categories whose shares are the same', () => {
    const text = categorySentences(
      stats([
        [0, 0, 500],
        [1, 0, 500],
      ]),
      META,
    );
    expect(text).toContain('召回数量均为500件，各占湖南召回总数量的50.00%。');
    expect(text).toContain('各召回1次，各占总召回次数的50.00%。');
  });
});

describe('a quarter whose every quantity is 0', () => {
  const zero = () =>
    stats([
      [0, 0, 0],
      [1, 1, 0],
    ]);

  it('has no quantity share (null), no quantity leader, and recall shares that add up to 100', () => {
    const s = zero();
    expect(s.byCategory.every((c) => c.quantityShare === null)).toBe(true);
    expect(s.byRegion.every((r) => r.quantityShare === null)).toBe(true);
    expect(s.byCategory.slice(0, 2).map((c) => c.recallShare)).toEqual([50, 50]);
    expect(s.highlights.topByQuantity).toEqual([]);
  });

  it('words the narrative without a quantity share and leaves out the empty quantity pie', () => {
    const charts = { categories: '<svg>pie</svg>', regions: '<svg>bars</svg>', defects: '<svg>defects</svg>' };
    const v = buildReportView(zero(), ref, META, { charts });
    expect(v.categoryNarrative).toBe(
      '本季度召回种类主要是电子电器、儿童用品。其中，各类别召回数量均为0件。' +
        '召回次数最多的是电子电器和儿童用品，各召回1次，各占总召回次数的50.00%。',
    );
    expect(v.categoryNarrative).not.toContain('召回总数量的');
    expect(v.flow.map((b) => b.id)).not.toContain('chart-categories');
    expect(v.flow.map((b) => b.id)).toContain('chart-regions');
  });
});

describe('every share the narrative prints is the share of the item it is said of', () => {
  const pcts = (text: string, after: string): string[] => {
    const m = new RegExp(`${after}的([^。]*)。`).exec(text);
    return m ? m[1]!.split(/、|和/) : [];
  };

  it('for any records, ties included', () => {
    const row = fc.tuple(fc.nat({ max: 9 }), fc.nat({ max: 5 }), fc.oneof(fc.constantFrom(0, 1, 2), fc.nat(50)));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const s = stats(rows);
        const text = categorySentences(s, META);
        for (const [leaders, of] of [
          [s.highlights.topByQuantity, '湖南召回总数量'],
          [s.highlights.topByRecalls, '总召回次数'],
        ] as const) {
          const printed = pcts(text, of);
          const want = leaders.map((l) => percent(l.share));
          if (printed.length === 1) expect(want.every((w) => w === printed[0])).toBe(true);
          else expect(printed).toEqual(want);
          const table = leaders.map((l) => s.byCategory.find((c) => c.code === l.code));
          const column = of === '总召回次数' ? 'recallShare' : 'quantityShare';
          expect(leaders.map((l) => l.share)).toEqual(table.map((c) => c?.[column]));
        }
        const defects = defectSentences(s, ref, META);
        for (const d of s.byDefect.filter((x) => x.recalls > 0)) {
          const phrase = ref.defectTypes.find((t) => t.code === d.code)!.phrase;
          expect(defects).toContain(`有${d.recalls}批次产品存在${phrase}，占总召回批次${percent(d.recallShare!)}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the region narrative and the 生产企业数 合计', () => {
  it('explains a 合计 below the column’s sum (one manufacturer in two regions), and says nothing otherwise', () => {
    const one = stats(
      [
        [0, 0, 1],
        [0, 0, 1],
        [0, 0, 1],
      ],
      3,
      (i) => (i < 2 ? '同一企业' : '另一企业'),
    );
    expect(one.totals.manufacturers).toBe(2);
    expect(regionSentences(one)).toContain(
      '下表各市州生产企业数之和为3家，多于合计的2家：有生产企业在多个市州召回，合计中只计一次。',
    );
    expect(
      regionSentences(
        stats([
          [0, 0, 1],
          [0, 0, 1],
        ]),
      ),
    ).not.toContain('合计');
  });
});
