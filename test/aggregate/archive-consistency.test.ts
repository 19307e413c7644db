/**
 * archiveMismatch accepts whatever the build computes (for any records, any
 * national export, any foreign table and any decimals setting) and names the
 * first figure a hand edit broke, section by section.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveMismatch } from '../../src/aggregate/archive-consistency.js';
import { cluesMismatch, foreignMismatch } from '../../src/aggregate/archive-foreign.js';
import { computeStats } from '../../src/aggregate/compute-stats.js';
import { computeClues, computeForeign } from '../../src/aggregate/foreign-stats.js';
import { computeNational, nationalFromRecords } from '../../src/aggregate/national-stats.js';
import { checkArchive } from '../../src/inputs/archive-check.js';
import type { RecallRecord } from '../../src/model/record.js';
import type { Province, ReferenceData } from '../../src/model/reference.js';
import { percentShares } from '../../src/model/shares.js';
import type { BulletinStats } from '../../src/model/stats.js';
import { jurisdiction } from '../helpers/foreign-input.js';
import { hunan } from '../helpers/reference.js';
import { Q3 } from '../helpers/sample.js';

let ref: ReferenceData;
let home: Province;
beforeAll(async () => ({ ref, home } = await hunan()));

const Q4_2021 = { year: 2021, quarter: 4 } as const;
const archived = (): BulletinStats =>
  JSON.parse(readFileSync('data/archive/2021Q4/stats.json', 'utf8')) as BulletinStats;

const record = (cat: number, region: number, defect: number, quantity: number, maker: string): RecallRecord => ({
  source: { file: 'recalls.csv', sheet: null, row: 2 },
  announceDate: '2022-08-01',
  manufacturer: maker,
  brand: '',
  product: '产品',
  model: '',
  categoryCode: ref.categories[cat % ref.categories.length]!.code,
  regionCode: home.prefectures[region % home.prefectures.length]!.code,
  defectTypeCode: ref.defectTypes[defect % ref.defectTypes.length]!.code,
  quantity,
  unit: '件',
  productionPeriod: '',
  description: '',
  typical: false,
});

describe('what the build writes passes', () => {
  it('the bundled archives', () => {
    expect(archiveMismatch(archived(), Q4_2021, 2)).toBeNull();
    const q2 = JSON.parse(readFileSync('data/archive/2021Q2/stats.json', 'utf8')) as BulletinStats;
    expect(archiveMismatch(q2, { year: 2021, quarter: 2 }, 2)).toBeNull();
  });

  it('the province figures of any records, at any decimals setting', () => {
    const rec = fc.tuple(
      fc.nat(20),
      fc.nat(20),
      fc.nat(10),
      fc.nat(1_000_000),
      fc.constantFrom('甲厂', '乙厂', '丙厂'),
    );
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 60 }), fc.integer({ min: 0, max: 4 }), (rows, decimals) => {
        const stats = computeStats(
          rows.map((r) => record(...r)),
          ref,
          home,
          Q3,
          decimals,
        );
        const full = {
          ...stats,
          issue: { number: 1, totalNumber: 1, publicationDate: null },
          national: null,
          foreign: null,
          clues: null,
        };
        expect(archiveMismatch(full, Q3, decimals)).toBeNull();
      }),
    );
  });

  it('the national tables of any national export', () => {
    const provinces = ['430000', '440000', '340000', '110000'];
    const rec = fc.record({
      date: fc.constantFrom('2021-03-01', '2022-02-10', '2022-08-01', '2022-09-30', '2022-11-01'),
      provinceCode: fc.constantFrom(...provinces),
      categoryCode: fc.constantFrom('01', '02', '07'),
      quantity: fc.nat(5000),
    });
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 40 }), (records) => {
        const n = computeNational(nationalFromRecords(records, ref, Q3), ref, home);
        const s = { ...archived(), national: n, quarter: '2022Q3', period: { start: '2022-07-01', end: '2022-09-30' } };
        expect(archiveMismatch(s, Q3, 2)).toBeNull();
      }),
    );
  });

  it('the foreign table of any figures, at any decimals setting', () => {
    const row = fc.tuple(fc.nat(50), fc.option(fc.nat(100_000)), fc.nat(50), fc.option(fc.nat(100_000)));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.integer({ min: 0, max: 4 }), (rows, decimals) => {
        const js = rows.map(([r, q, c, cq], i) =>
          jurisdiction(`国${i}`, r, q, Math.min(c, r), cq === null || q === null ? cq : Math.min(cq, q)),
        );
        const cats = rows.map(([r, q], i) => ({ code: ref.categories[i]!.code, recalls: r, quantity: q }));
        expect(
          foreignMismatch(computeForeign({ jurisdictions: js, categories: cats }, ref, decimals), decimals),
        ).toBeNull();
      }),
    );
  });
});

describe('a hand edit is named', () => {
  it('a region with more manufacturers than recalls, or a total of manufacturers no region count allows', () => {
    const s = archived();
    s.byRegion[0]!.manufacturers = 2;
    expect(archiveMismatch(s, Q4_2021, 2)).toBe('地区“长沙市”的生产企业数为 2，但它有 1 次召回');
    const t = archived();
    t.totals.manufacturers = 5;
    expect(archiveMismatch(t, Q4_2021, 2)).toBe('合计生产企业数为 5，但各地区生产企业数之和只有 4');
  });

  it('a period that is not the quarter’s', () => {
    const s = archived();
    s.period.end = '2021-12-30';
    expect(archiveMismatch(s, Q4_2021, 2)).toBe(
      '统计期为 2021-10-01 至 2021-12-30，但 2021Q4 是 2021-10-01 至 2021-12-31',
    );
  });

  it('province rows out of the printed order', () => {
    const s = archived();
    s.national!.provincesYtd.rows.reverse();
    expect(archiveMismatch(s, Q4_2021, 2)).toBe(
      '全国各省汇总表本年部分的第 1 行是“湖南省”（序号 2），但按召回数量、再按召回次数排应为“广东省”（序号 1）',
    );
  });

  it('foreign: a total, a China figure above its country’s, a share', async () => {
    const input = {
      jurisdictions: [jurisdiction('美国', 6, 900, 2, 300), jurisdiction('欧盟', 2, null, 1, null)],
      categories: [],
    };
    const f = computeForeign(input, ref);
    expect(foreignMismatch({ ...f, total: { ...f.total, recalls: 9 } }, 2)).toBe(
      '国外召回统计表的合计召回次数为 9，但各国家（地区）之和为 8',
    );
    const above = computeForeign({ ...input, jurisdictions: [jurisdiction('美国', 6, 900, 7, 300)] }, ref);
    expect(foreignMismatch(above, 2)).toBe('国外召回统计表中“美国”的中国产品召回次数为 7，但其召回次数只有 6');
    f.jurisdictions[0]!.chinaQuantityShare = 30;
    expect(foreignMismatch(f, 2)).toBe('国外召回统计表中“美国”的中国产品召回数量占比为 30%，但按其数字应为 33.33%');
  });

  it('clues: effective above reports, a total', () => {
    const c = computeClues([{ unit: '长沙局', reports: 5, effective: 2, inspections: 1 }]);
    expect(cluesMismatch(c)).toBeNull();
    expect(cluesMismatch({ ...c, total: { ...c.total, inspections: 2 } })).toBe(
      '共享缺陷信息线索表的共享检验检测信息合计为 2，但各单位之和为 1',
    );
    c.rows[0]!.effective = 6;
    expect(cluesMismatch(c)).toBe('共享缺陷信息线索表中“长沙局”的有效召回信息为 6 条，但共享缺陷线索报告信息只有 5 条');
  });
});

describe('shares and the decimals setting, which the archive does not record', () => {
  const rounded = (s: BulletinStats, decimals: number) => {
    const byCat = percentShares(
      s.byCategory.map((r) => r.quantity),
      decimals,
    );
    s.byCategory.forEach((r, i) => (r.quantityShare = byCat[i]!));
    const byRegion = percentShares(
      s.byRegion.map((r) => r.quantity),
      decimals,
    );
    s.byRegion.forEach((r, i) => (r.quantityShare = byRegion[i]!));
    return s;
  };

  it('an archive built with another setting (one decimal) is accepted whatever the configuration says', () => {
    expect(() => checkArchive(rounded(archived(), 1), Q4_2021, 'stats.json', 2)).not.toThrow();
  });

  it('tables rounded to different settings are not one build’s: refused, as the configured setting sees it', () => {
    const s = rounded(archived(), 1);
    s.byRegion.forEach((r) => (r.quantityShare = archived().byRegion.find((x) => x.code === r.code)!.quantityShare));
    expect(() => checkArchive(s, Q4_2021, 'stats.json', 2)).toThrow(
      '存档 stats.json 的类别“电子电器”的召回数量占比为 24.6%，但按其数字应为 24.58%：存档被改动过。',
    );
  });

  it('0 for each share of a table whose total is 0 (as builds before null shares wrote it) is accepted', () => {
    const s = archived();
    s.byCategory.forEach((r) => ((r.quantity = 0), (r.quantityShare = 0)));
    s.byRegion.forEach((r) => ((r.quantity = 0), (r.quantityShare = null)));
    s.byDefect.forEach((r) => (r.quantity = 0));
    s.totals.quantity = 0;
    expect(archiveMismatch(s, Q4_2021, 2)).toBeNull();
  });
});
