import { describe, expect, it } from 'vitest';
import { computeClues, computeForeign } from '../../src/aggregate/foreign-stats.js';
import { buildCluesView, buildForeignView } from '../../src/render/view-foreign.js';
import { reference } from '../helpers/reference.js';

describe('buildForeignView', () => {
  it('writes the seed paragraph from jurisdiction and category figures', async () => {
    const ref = await reference();
    const s = computeForeign(
      {
        jurisdictions: [
          { name: '美国', recalls: 192, quantity: 18713400, chinaRecalls: 100, chinaQuantity: 6642000 },
          { name: '欧盟', recalls: 1083, quantity: null, chinaRecalls: 725, chinaQuantity: null },
        ],
        categories: [
          { code: '02', recalls: 3, quantity: 30 },
          { code: '01', recalls: 1, quantity: 70 },
        ],
      },
      ref,
    );
    expect(buildForeignView(s, { year: 2022, quarter: 2 }).paragraph).toBe(
      '2022年1月至6月，美国、欧盟两个国家地区共实施消费品召回1275次，涉及产品1871.34万件。' +
        '具体情况为：美国实施召回192次，涉及产品1871.34万件；欧盟实施召回1083次，数量未公开。' +
        '其中，美国召回中国生产产品100次，涉及产品664.20万件，占美国召回产品总次数的52.08%，总数量的35.49%；欧盟召回中国生产产品725次，占欧盟召回产品总次数的66.94%。' +
        '在国家地区分类中，欧盟召回次数最多，占比84.94%。' +
        '在召回产品类别中，儿童用品召回3次，占比75.00%；电子电器召回1次，占比25.00%。' +
        '电子电器召回数量最多，涉及产品70件，占已公开召回总数量70.00%。',
    );
  });
});

describe('buildForeignView total quantity', () => {
  const total = async (jurisdictions: Parameters<typeof computeForeign>[0]['jurisdictions']): Promise<string> => {
    const s = computeForeign({ jurisdictions, categories: [] }, await reference());
    return buildForeignView(s, { year: 2022, quarter: 3 }).paragraph.split('。')[0] ?? '';
  };
  const row = (name: string, recalls: number, quantity: number | null) => ({
    name,
    recalls,
    quantity,
    chinaRecalls: null,
    chinaQuantity: null,
  });

  it('is 数量未公开 when only a country without recalls disclosed its 0', async () => {
    expect(await total([row('美国', 0, 0), row('欧盟', 12, null)])).toMatch(/共实施消费品召回12次，数量未公开$/);
  });

  it('is the disclosed sum beside undisclosed countries, as the seed prints it', async () => {
    expect(await total([row('美国', 3, 30), row('欧盟', 12, null)])).toMatch(/共实施消费品召回15次，涉及产品30件$/);
  });

  it('is 0件 when every country disclosed and none recalled anything', async () => {
    expect(await total([row('美国', 0, 0), row('日本', 0, 0)])).toMatch(/共实施消费品召回0次，涉及产品0件$/);
  });
});

describe('buildCluesView', () => {
  it('sums the rows for the sentence and the 总计 row', () => {
    const v = buildCluesView(
      computeClues([
        { unit: '省局', reports: 20, effective: 5, inspections: 25 },
        { unit: '长沙市局', reports: 16, effective: 7, inspections: 0 },
      ]),
      { year: 2022, quarter: 3 },
      '湖南省',
      '四、',
    );
    expect(v.lead).toBe(
      '2022年第三季度，全省系统提供共享缺陷信息36条，形成有效缺陷产品召回信息12条，具体共享信息线索情况（见表4）。',
    );
    expect(v.table.parts[0]?.total?.cells.map((c) => c.text)).toEqual(['', '总计', '36', '12', '25']);
    expect(v.table.caption).toBe('表4 2022年第三季度湖南省共享缺陷信息线索表');
  });
});
