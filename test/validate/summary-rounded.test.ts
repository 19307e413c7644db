/** Figures of a summary table written in 万/亿 or as approximations: rounded, so refused rather than printed as counts. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../src/model/issues.js';
import type { ReferenceData } from '../../src/model/reference.js';
import { readClues } from '../../src/validate/clues.js';
import { readForeign } from '../../src/validate/foreign.js';
import { readNationalRecords } from '../../src/validate/national-records.js';
import { readNationalCategories, readNationalProvinces } from '../../src/validate/national-summary.js';
import { reference } from '../helpers/reference.js';
import { CAT_HEADER, rawTable } from '../helpers/tables.js';

let ref: ReferenceData;
beforeAll(async () => {
  ref = await reference();
});

const rounded = (issues: readonly ValidationIssue[]) =>
  issues.filter((i) => i.code === 'value.number.rounded').map((i) => [i.severity, i.row, i.column, i.value]);

describe('a summary figure written in 万 or 亿, or as an approximation', () => {
  it('is refused in a national category row, naming the cell, the figure it would print and what to fill', () => {
    const r = readNationalCategories(
      rawTable(
        [CAT_HEADER, ['电子电器', '01', 802, '2598.82万', 28, 17806, 28, 17806]],
        'national-categories.csv',
        null,
      ),
      ref,
    );
    expect(rounded(r.issues)).toEqual([['error', 2, 'D', '2598.82万']]);
    expect(r.issues[0]?.message).toBe(
      '累计召回数量“2598.82万”是以万为单位、四舍五入过的约数（文字材料里的写法），公报的表格会把它当作准确的 25988200 印出，并计入合计。',
    );
    expect(r.issues[0]?.hint).toContain('填写准确的整数');
    expect(r.rows.rejected).toBe(1);
    expect(r.categories.find((c) => c.code === '01')?.cumulative).toEqual({ recalls: 0, quantity: 0 });
  });

  it.each(['26万', '26万件', '1.2亿', '２６万', '约3400', '3400余', '3万余件', '近500'])('refuses %j', (cell) => {
    const r = readNationalProvinces(
      rawTable(
        [
          ['省份', '本年召回次数', '本年召回数量'],
          ['湖北省', 5, cell],
        ],
        'national-provinces.csv',
        null,
      ),
      ref,
    );
    expect(rounded(r.issues)).toEqual([['error', 2, 'C', cell]]);
    expect(r.provinces).toEqual([]);
  });

  it('accepts exact counts however written: numbers, digits grouped in threes, a unit, 未公开', () => {
    const r = readForeign(
      rawTable(
        [
          ['国家地区', '召回次数', '召回数量'],
          ['美国', 192, '18,713,400'],
          ['欧盟', '1083', '未公开'],
          ['日本', 54, '3833800件'],
          ['澳大利亚', 119, 25988207],
        ],
        'foreign.csv',
        null,
      ),
      ref,
    );
    expect(r.issues).toEqual([]);
    expect(r.jurisdictions.map((j) => j.quantity)).toEqual([18713400, null, 3833800, 25988207]);
  });

  it('is refused in every summary table: foreign quantities and counts, 表4 counts', () => {
    const foreign = readForeign(
      rawTable(
        [
          ['国家地区', '召回次数', '召回数量'],
          ['美国', 192, '1871.34万'],
        ],
        'foreign.csv',
        null,
      ),
      ref,
    );
    expect(rounded(foreign.issues)).toEqual([['error', 2, 'C', '1871.34万']]);
    const clues = readClues(
      rawTable(
        [
          ['共享缺陷线索信息用户', '共享缺陷线索报告信息', '形成有效缺陷产品召回信息', '共享检验检测信息'],
          ['省局', '约20', 5, 25],
        ],
        'clues.csv',
        null,
      ),
    );
    expect(rounded(clues.issues)).toEqual([['error', 2, 'B', '约20']]);
  });

  it('a record-level national export reads one recall’s quantity as the records do', () => {
    const r = readNationalRecords(
      rawTable(
        [
          ['发布日期', '省份', '产品类别', '召回数量'],
          ['2022-08-01', '湖南省', '01', '25.75万'],
        ],
        'national-recalls.csv',
        null,
      ),
      ref,
    );
    expect(r.issues).toEqual([]);
    expect(r.records.map((x) => x.quantity)).toEqual([257500]);
  });
});

describe('a summary column headed in 万件', () => {
  it('is told to write the exact count, not 26万 in each cell (refused there)', () => {
    const r = readNationalProvinces(
      rawTable(
        [
          ['省份', '本年召回次数', '本年召回数量（万件）'],
          ['湖北省', 5, 2],
        ],
        'national-provinces.csv',
        null,
      ),
      ref,
    );
    const header = r.issues.find((i) => i.code === 'structure.column.scaled-unit');
    expect(header?.hint).toContain('改成实际件数');
    expect(header?.hint).not.toContain('26万');
  });
});
