import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../src/model/issues.js';
import type { ReferenceData } from '../../src/model/reference.js';
import { readClues } from '../../src/validate/clues.js';
import { readNationalCategories, readNationalProvinces } from '../../src/validate/national-summary.js';
import { reference } from '../helpers/reference.js';
import { CAT_HEADER, PROV_HEADER, rawTable } from '../helpers/tables.js';

let ref: ReferenceData;
beforeAll(async () => {
  ref = await reference();
});

const errors = (issues: readonly ValidationIssue[], code: string) =>
  issues.filter((i) => i.severity === 'error' && i.code === code);

describe('national tables: a quarter above its year, a year above all time', () => {
  it('refuses a category row whose quarter is above its year, naming the row, cell and both figures', () => {
    const r = readNationalCategories(
      rawTable([CAT_HEADER, ['电子电器', '01', 50, 100000, 3, 100, 5, 1000]], 'national-categories.csv', null),
      ref,
    );
    const found = errors(r.issues, 'contradiction.national.period');
    expect(found.map((i) => [i.row, i.column, i.header])).toEqual([
      [2, 'G', '本季度召回次数'],
      [2, 'H', '本季度召回数量'],
    ]);
    expect(found[0]?.message).toContain('“本季度召回次数”为 5 次，大于“本年召回次数”的 3 次');
    expect(found[1]?.message).toContain('“本季度召回数量”为 1000 件，大于“本年召回数量”的 100 件');
    expect(found[0]?.message).toContain('电子电器');
    expect(r.rows.rejected).toBe(1);
  });

  it('refuses a year above the cumulative figures', () => {
    const r = readNationalCategories(
      rawTable([CAT_HEADER, ['电子电器', '01', 2, 50, 3, 100, 1, 100]], 'national-categories.csv', null),
      ref,
    );
    const found = errors(r.issues, 'contradiction.national.period');
    expect(found.map((i) => i.column)).toEqual(['E', 'F']);
    expect(found[0]?.message).toContain('“本年召回次数”为 3 次，大于“累计召回次数”的 2 次');
  });

  it('checks the stated total row as well', () => {
    const r = readNationalCategories(
      rawTable(
        [CAT_HEADER, ['电子电器', '01', 9, 900, 3, 300, 1, 100], ['合计', '', 9, 900, 3, 300, 4, 100]],
        'national-categories.csv',
        null,
      ),
      ref,
    );
    const found = errors(r.issues, 'contradiction.national.period');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ row: 3, column: 'G' });
    expect(found[0]?.message).toContain('合计行');
  });

  it('accepts equal periods (a first quarter, a first year)', () => {
    const r = readNationalCategories(
      rawTable([CAT_HEADER, ['电子电器', '01', 3, 100, 3, 100, 3, 100]], 'national-categories.csv', null),
      ref,
    );
    expect(errors(r.issues, 'contradiction.national.period')).toEqual([]);
  });

  it('refuses a province whose quarter is above its year, and leaves out the quarter when not given', () => {
    const r = readNationalProvinces(
      rawTable(
        [PROV_HEADER, [1, '湖南省', 1, 100, 1, 100], [2, '广东省', 2, 50, 5, 500], [3, '浙江省', 1, 10, '', '']],
        'national-provinces.csv',
        null,
      ),
      ref,
    );
    const found = errors(r.issues, 'contradiction.national.period');
    expect(found.map((i) => [i.row, i.column])).toEqual([
      [3, 'E'],
      [3, 'F'],
    ]);
    expect(found[0]?.message).toContain('广东省');
    expect(found[1]?.message).toContain('为 500 件，大于“本年召回数量”的 50 件');
  });
});

describe('national tables: a quantity with no recalls', () => {
  it('refuses a province of 0 次 and 26041 件, in each period, naming the row and both figures', () => {
    const r = readNationalProvinces(
      rawTable(
        [PROV_HEADER, [1, '湖南省', 10, 57758, 10, 57758], [2, '湖北省', 0, 26041, 0, 26041]],
        'national-provinces.csv',
        null,
      ),
      ref,
    );
    const found = errors(r.issues, 'contradiction.national.no-recalls');
    expect(found.map((i) => [i.row, i.column, i.header])).toEqual([
      [3, 'C', '本年召回次数'],
      [3, 'E', '本季度召回次数'],
    ]);
    expect(found[0]?.message).toContain(
      '全国各省汇总表第 3 行（湖北省）的“本年召回次数”为 0 次，“本年召回数量”却为 26041 件',
    );
    expect(r.provinces.map((p) => p.code)).toEqual(['430000']);
  });

  it('refuses a category with a quantity and no recalls in any of its three periods', () => {
    const r = readNationalCategories(
      rawTable([CAT_HEADER, ['家具', '03', 114, 1811668, 0, 80, 0, 80]], 'national-categories.csv', null),
      ref,
    );
    expect(errors(r.issues, 'contradiction.national.no-recalls').map((i) => i.column)).toEqual(['E', 'G']);
    expect(r.rows.rejected).toBe(1);
    const cum = readNationalCategories(
      rawTable([CAT_HEADER, ['家具', '03', 0, 5, 0, 0, 0, 0]], 'national-categories.csv', null),
      ref,
    );
    expect(errors(cum.issues, 'contradiction.national.no-recalls').map((i) => i.column)).toEqual(['C']);
  });

  it('an empty 本季度 次 reads as 0, so beside a 本季度 quantity it is refused too', () => {
    const r = readNationalProvinces(
      rawTable([PROV_HEADER, [1, '浙江省', 3, 900, '', 500]], 'national-provinces.csv', null),
      ref,
    );
    const found = errors(r.issues, 'contradiction.national.no-recalls');
    expect(found.map((i) => i.column)).toEqual(['E']);
    expect(found[0]?.message).toContain('“本季度召回次数”是空的（按 0 次计算），“本季度召回数量”却为 500 件');
  });

  it('accepts 0 次 with 0 件, and recalls without a quantity', () => {
    const r = readNationalProvinces(
      rawTable(
        [PROV_HEADER, [1, '湖南省', 3, 0, 0, 0], [2, '新疆维吾尔自治区', 5, 36020, '', '']],
        'national-provinces.csv',
        null,
      ),
      ref,
    );
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('checks the stated total row as well', () => {
    const r = readNationalCategories(
      rawTable(
        [CAT_HEADER, ['电子电器', '01', 9, 900, 3, 300, 1, 100], ['合计', '', 9, 900, 0, 300, 1, 100]],
        'national-categories.csv',
        null,
      ),
      ref,
    );
    const found = errors(r.issues, 'contradiction.national.no-recalls');
    expect(found.map((i) => [i.row, i.column])).toEqual([[3, 'E']]);
    expect(found[0]?.message).toContain('合计行');
  });
});

describe('clue table (表4): effective recall information above the clues it came from', () => {
  const HEADER = [
    '序号',
    '共享缺陷线索信息用户',
    '共享缺陷线索报告信息',
    '形成有效缺陷产品召回信息',
    '共享检验检测信息',
  ];

  it('refuses the row, naming the unit and both figures', () => {
    const r = readClues(
      rawTable(
        [HEADER, [1, '省局缺陷产品召回服务中心', 2, 9, 0], [2, '长沙市市场监督管理局', 1, 1, 0]],
        'clues.csv',
        null,
      ),
    );
    const found = errors(r.issues, 'contradiction.clues.effective');
    expect(found.map((i) => [i.row, i.column])).toEqual([[2, 'D']]);
    expect(found[0]?.message).toContain('省局缺陷产品召回服务中心');
    expect(found[0]?.message).toContain('为 9 条，大于“共享缺陷线索报告信息”的 2 条');
  });

  it('does not compare with the inspection column (the sample’s 省局: 20 reports, 5 effective, 25 inspections)', () => {
    const r = readClues(rawTable([HEADER, [1, '省局', 20, 5, 25]], 'clues.csv', null));
    expect(r.issues).toEqual([]);
  });
});
