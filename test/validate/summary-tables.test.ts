import { beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceData } from '../../src/model/reference.js';
import { readClues } from '../../src/validate/clues.js';
import { readForeign } from '../../src/validate/foreign.js';
import { readNationalCategories, readNationalProvinces } from '../../src/validate/national-summary.js';
import { reference } from '../helpers/reference.js';
import { CAT_HEADER, rawTable } from '../helpers/tables.js';

let ref: ReferenceData;
beforeAll(async () => {
  ref = await reference();
});

describe('clue table (表4)', () => {
  it('reads rows and warns, with both figures, when the stated 总计 disagrees with them', () => {
    const r = readClues(
      rawTable(
        [
          ['序号', '共享缺陷线索信息用户', '共享缺陷线索报告信息', '形成有效缺陷产品召回信息', '共享检验检测信息'],
          [1, '省局', 20, 5, 25],
          [2, '长沙市局', 16, 7, 0],
          ['', '总计', 35, 12, 25],
        ],
        'clues.csv',
        null,
      ),
    );
    expect(r.clues).toEqual([
      { unit: '省局', reports: 20, effective: 5, inspections: 25 },
      { unit: '长沙市局', reports: 16, effective: 7, inspections: 0 },
    ]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      severity: 'warning',
      code: 'total.mismatch',
      row: 4,
      column: 'C',
      header: '共享缺陷线索报告信息',
      value: '35',
    });
    expect(r.issues[0]?.message).toBe(
      '共享缺陷信息线索表的合计行写“共享缺陷线索报告信息”为 35，但各行相加为 36，相差 -1。公报将使用各行相加的 36。',
    );
  });

  it('rejects a count that is not a non-negative integer', () => {
    const r = readClues(
      rawTable(
        [
          ['共享缺陷线索信息用户', '共享缺陷线索报告信息', '形成有效缺陷产品召回信息', '共享检验检测信息'],
          ['省局', '二十', 5, -1],
        ],
        'clues.csv',
        null,
      ),
    );
    expect(r.issues.map((i) => [i.code, i.column, i.message])).toEqual([
      ['value.number.invalid', 'B', '共享缺陷线索报告信息“二十”不是整数。'],
      ['value.number.invalid', 'D', '共享检验检测信息“-1”不能是负数。'],
    ]);
  });
});

describe('foreign table', () => {
  it('reads 未公开 as an undisclosed quantity and leaves China columns optional', () => {
    const r = readForeign(
      rawTable(
        [
          ['国家地区', '召回次数', '召回数量', '中国产品召回次数', '中国产品召回数量'],
          ['欧盟', 1083, '未公开', 725, '未公开'],
          ['日本', 54, 3833800, '', ''],
        ],
        'foreign.csv',
        null,
      ),
      ref,
    );
    expect(r.issues).toEqual([]);
    expect(r.jurisdictions).toEqual([
      { name: '欧盟', recalls: 1083, quantity: null, chinaRecalls: 725, chinaQuantity: null },
      { name: '日本', recalls: 54, quantity: 3833800, chinaRecalls: null, chinaQuantity: null },
    ]);
  });
});

// Read as data rows, 全省合计 was a 16th bureau (every clue figure doubled) and 四国合计 a fifth country.
describe('total rows labelled in other words are totals, not one more row', () => {
  it.each(['全省合计', '合计（条）', '汇总', 'Total', '累计'])('clue table: %s', (label) => {
    const r = readClues(
      rawTable(
        [
          ['序号', '共享缺陷线索信息用户', '共享缺陷线索报告信息', '形成有效缺陷产品召回信息', '共享检验检测信息'],
          [1, '省局', 20, 5, 25],
          [2, '长沙市局', 16, 7, 0],
          ['', label, 36, 12, 25],
        ],
        'clues.csv',
        null,
      ),
    );
    expect(r.clues.map((c) => c.unit)).toEqual(['省局', '长沙市局']);
    expect(r.issues).toEqual([]);
  });

  it('a row that is the sum of the others, in words the tool does not know, is refused (total.unlabelled)', () => {
    const rows = (last: string) =>
      readClues(
        rawTable(
          [
            ['序号', '共享缺陷线索信息用户', '共享缺陷线索报告信息', '形成有效缺陷产品召回信息', '共享检验检测信息'],
            [1, '省局', 20, 5, 25],
            [2, '长沙市局', 16, 7, 0],
            [3, '株洲市局', 0, 0, 0],
            ['', last, 36, 12, 25],
          ],
          'clues.csv',
          null,
        ),
      );
    expect(rows('Gesamt').issues.map((i) => [i.code, i.severity, i.row])).toEqual([['total.unlabelled', 'error', 5]]);
    // Two equal rows among zeros are two rows.
    const two = readClues(
      rawTable(
        [
          ['序号', '共享缺陷线索信息用户', '共享缺陷线索报告信息', '形成有效缺陷产品召回信息', '共享检验检测信息'],
          [1, '省局', 2, 1, 0],
          [2, '长沙市局', 2, 1, 0],
          [3, '株洲市局', 0, 0, 0],
        ],
        'clues.csv',
        null,
      ),
    );
    expect(two.issues).toEqual([]);
  });

  it.each(['四国合计', '合计（四国）'])('foreign table: %s', (label) => {
    const r = readForeign(
      rawTable(
        [
          ['国家地区', '召回次数', '召回数量'],
          ['欧盟', 1083, 5000],
          ['日本', 54, 3833800],
          [label, 1137, 3838800],
        ],
        'foreign.csv',
        null,
      ),
      ref,
    );
    expect(r.jurisdictions.map((j) => j.name)).toEqual(['欧盟', '日本']);
    expect(r.issues).toEqual([]);
  });
});

describe('national summary tables', () => {
  it('reads categories by code or name and treats missing ones as zero with a warning', () => {
    const r = readNationalCategories(
      rawTable(
        [
          CAT_HEADER,
          ['电子电器', '01', 874, 26520643, 100, 550242, 29, 503384],
          ['儿童用品', '', 1601, 9304779, 143, 572947, 65, 415021],
        ],
        'national-categories.csv',
        null,
      ),
      ref,
    );
    expect(r.categories[1]).toEqual({
      code: '02',
      cumulative: { recalls: 1601, quantity: 9304779 },
      ytd: { recalls: 143, quantity: 572947 },
      quarter: { recalls: 65, quantity: 415021 },
    });
    expect(r.categories).toHaveLength(10);
    expect(r.issues.map((i) => i.code)).toEqual(['national.category.missing']);
  });

  it('reads provinces by full or short name; an unknown one is an error', () => {
    const r = readNationalProvinces(
      rawTable(
        [
          ['序号', '省份', '本年召回次数', '本年召回数量', '本季度召回次数', '本季度召回数量'],
          [1, '湖南省', 34, 570443, 8, 418448],
          [2, '广东', 44, 372329, '', ''],
          [3, '火星省', 1, 1, 1, 1],
        ],
        'national-provinces.csv',
        null,
      ),
      ref,
    );
    expect(r.provinces.map((p) => [p.code, p.ytd.recalls, p.quarter.recalls])).toEqual([
      ['430000', 34, 8],
      ['440000', 44, 0],
    ]);
    expect(r.issues.map((i) => [i.code, i.row, i.column])).toEqual([['value.province.unknown', 4, 'B']]);
  });
});

// One figure in two cells: 北京市 5 次 with an empty 数量 printed "5次 0件"; 1083 次 with 0 件 was
// staff shorthand for "not published", printed as 涉及产品0件.
describe('a count and its quantity go together', () => {
  it('national provinces: 本季度次数 filled, 本季度数量 empty is an error; both empty is no recalls', () => {
    const r = readNationalProvinces(
      rawTable(
        [
          ['序号', '省份', '本年召回次数', '本年召回数量', '本季度召回次数', '本季度召回数量'],
          [1, '北京市', 17, 43163, 5, ''],
          [2, '广东', 44, 372329, '', ''],
        ],
        'national-provinces.csv',
        null,
      ),
      ref,
    );
    const pairs = r.issues.filter((i) => i.code === 'value.pair.missing');
    expect(pairs.map((i) => [i.severity, i.row, i.column])).toEqual([['error', 2, 'F']]);
    expect(r.provinces.map((p) => p.code)).toEqual(['440000']);
  });

  it('foreign: China recalls without China quantity is an error; recalls with 0 件 a warning', () => {
    const r = readForeign(
      rawTable(
        [
          ['国家地区', '召回次数', '召回数量', '中国产品召回次数', '中国产品召回数量'],
          ['欧盟', 1083, 0, 725, '未公开'],
          ['日本', 54, 3833800, 20, ''],
        ],
        'foreign.csv',
        null,
      ),
      ref,
    );
    expect(r.issues.map((i) => [i.code, i.severity, i.row, i.column])).toEqual([
      ['value.pair.missing', 'error', 3, 'E'],
      ['value.quantity.zero', 'warning', 2, 'C'],
    ]);
  });
});
