import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportView, type ReportView } from '../../src/render/view-model.js';
import { computeStats } from '../../src/aggregate/compute-stats.js';
import { hunan, reference } from '../helpers/reference.js';
import { Q3, sampleStats } from '../helpers/sample.js';

const META = {
  bulletinName: '湖南缺陷产品召回',
  publisher: '湖南省市场监督管理局缺陷产品召回服务中心',
  provinceShort: '湖南',
  decimals: 2,
};
let v: ReportView;
beforeAll(async () => {
  v = buildReportView(await sampleStats(), await reference(), META);
});

describe('buildReportView on the seed quarter', () => {
  it('writes the summary sentence', () => {
    expect(v.summary).toBe('2022年第三季度（截至9月30日），湖南省省局开展缺陷产品召回8次，共召回缺陷产品418448件。');
    expect(v.title).toBe('2022年第三季度湖南省消费品召回分析报告');
    expect(v.partOneTitle).toBe('一、湖南省局缺陷产品召回情况');
  });

  it('writes the category narrative with the seed figures', () => {
    expect(v.categoryNarrative).toBe(
      '本季度召回种类主要是文教体育用品、电子电器、儿童用品、家用日用品、日用纺织品和服装、食品相关产品。' +
        '其中，召回数量最多的是家用日用品（“豪牌”V8、P8型号打火机），召回数量为257500件，占湖南召回总数量的61.54%。' +
        '召回次数最多的是文教体育用品，共召回3次，占总召回次数的37.50%。',
    );
  });

  it('writes the region narrative', () => {
    expect(v.regionNarrative).toBe(
      '本季度召回主要集中在湘潭、邵阳、长沙、株洲、衡阳、益阳等地。湘潭地区涉及召回产品3550件（套），生产企业2家；邵阳地区涉及召回产品258000件（套），生产企业2家。',
    );
  });

  it('writes the defect-type narrative', () => {
    expect(v.defectNarrative).toBe(
      '本季度召回的消费品中，有6批次产品存在机械物理类缺陷，占总召回批次75.00%；有2批次产品存在电气安全类缺陷，占总召回批次25.00%。',
    );
  });

  it('builds 表1 with a 合计 row and the region table with all 14 prefectures', () => {
    expect(v.categoryTable.caption).toBe('表1 2022年第三季度湖南省消费品召回统计表');
    expect(v.categoryTable.parts[0]!.rows).toHaveLength(10);
    expect(v.categoryTable.parts[0]!.total?.cells.map((c) => c.text)).toEqual(['合计', '', '8', '418448']);
    expect(v.regionTable.parts[0]!.rows.map((r) => r.cells[1]?.text)).toHaveLength(14);
    expect(v.regionTable.parts[0]!.total?.cells.map((c) => c.text)).toEqual(['', '合计', '8', '418448']);
  });

  it('builds 表2 with quantities in their units', () => {
    expect(v.casesTable?.parts[0]!.rows.map((r) => r.cells[4]?.text)).toEqual(['257500只', '70000本', '500个']);
  });

  it('prints an approximate quantity as its cell said it, not as an exact figure', async () => {
    const s = await sampleStats();
    const [a, b, c] = s.typicalCases;
    const cases = [
      { ...a!, approx: { before: '约', middle: '', after: '' } },
      { ...b!, approx: { before: '', middle: '余', after: '' } },
      { ...c!, approx: { before: '', middle: '', after: '左右' } },
    ];
    const view = buildReportView({ ...s, typicalCases: cases }, await reference(), META);
    expect(view.casesTable?.parts[0]!.rows.map((r) => r.cells[4]?.text)).toEqual([
      '约257500只',
      '70000余本',
      '500个左右',
    ]);
  });

  it('says plainly when a quarter had no recalls', async () => {
    const { ref, home } = await hunan();
    const empty = buildReportView(computeStats([], ref, home, Q3), ref, META);
    expect(empty.categoryNarrative).toBe('本季度没有开展消费品召回。');
    expect(empty.casesTable).toBeNull();
  });
});
