/** A bureau or a country listed twice in a summary table: printed twice and counted twice in every total. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceData } from '../../src/model/reference.js';
import { readClues } from '../../src/validate/clues.js';
import { readForeign } from '../../src/validate/foreign.js';
import { reference } from '../helpers/reference.js';
import { rawTable } from '../helpers/tables.js';

let ref: ReferenceData;
beforeAll(async () => {
  ref = await reference();
});

const CLUE_HEADER = [
  '序号',
  '共享缺陷线索信息用户',
  '共享缺陷线索报告信息',
  '形成有效缺陷产品召回信息',
  '共享检验检测信息',
];

describe('clue table (表4): a bureau listed twice', () => {
  it('is an error at the later row, naming the first; only the first row counts', () => {
    const r = readClues(
      rawTable(
        [
          CLUE_HEADER,
          [1, '省局缺陷产品召回服务中心', 20, 5, 25],
          [2, '长沙市市场监督管理局', 5, 3, 0],
          [3, '株洲市市场监督管理局', 4, 2, 0],
          [4, '长沙市市场监督管理局', 5, 3, 0],
        ],
        'clues.csv',
        null,
      ),
    );
    expect(r.issues.map((i) => [i.severity, i.code, i.row, i.column])).toEqual([
      ['error', 'value.clues.duplicate', 5, 'B'],
    ]);
    expect(r.issues[0]?.message).toContain('“长沙市市场监督管理局”在第 3 行已经有了');
    expect(r.clues.map((c) => c.unit)).toEqual([
      '省局缺陷产品召回服务中心',
      '长沙市市场监督管理局',
      '株洲市市场监督管理局',
    ]);
    expect(r.clues.reduce((a, c) => a + c.reports, 0)).toBe(29);
    expect(r.rows).toMatchObject({ read: 4, accepted: 3, rejected: 1 });
  });

  it('compares names after spaces and full/half width are folded', () => {
    const r = readClues(
      rawTable(
        [
          CLUE_HEADER,
          [1, 'ＡＢ市 市场监督管理局', 1, 0, 0],
          [2, 'AB市市场监督管理局', 1, 0, 0],
          [3, 'ab市市场监督管理局　', 2, 1, 0],
        ],
        'clues.csv',
        null,
      ),
    );
    expect(r.issues.map((i) => [i.code, i.row])).toEqual([
      ['value.clues.duplicate', 3],
      ['value.clues.duplicate', 4],
    ]);
    expect(r.clues).toHaveLength(1);
  });
});

const FOREIGN_HEADER = ['国家地区', '召回次数', '召回数量', '中国产品召回次数', '中国产品召回数量'];
const foreign = (...rows: Array<Array<string | number>>) =>
  readForeign(rawTable([FOREIGN_HEADER, ...rows], 'foreign.csv', null), ref);

describe('foreign table: one country written two ways', () => {
  it('美國, USA and 欧洲联盟 beside 美国 and 欧盟 are the same two countries: errors, first rows kept', () => {
    const r = foreign(
      ['美国', 192, 18713400, 100, 6642000],
      ['欧盟', 1083, '未公开', 725, '未公开'],
      ['美國', 10, 1000, '', ''],
      ['USA', 12, 1000, '', ''],
      ['欧洲联盟', 13, 1000, '', ''],
    );
    expect(r.issues.map((i) => [i.severity, i.code, i.row])).toEqual([
      ['error', 'value.foreign.duplicate', 4],
      ['error', 'value.foreign.duplicate', 5],
      ['error', 'value.foreign.duplicate', 6],
    ]);
    expect(r.issues[1]?.message).toContain('“USA”与第 2 行的“美国”是同一个国家地区（美国）');
    expect(r.jurisdictions.map((j) => [j.name, j.recalls])).toEqual([
      ['美国', 192],
      ['欧盟', 1083],
    ]);
  });

  it('a name written as an alias is counted and printed as the standard name, with a warning', () => {
    const r = foreign(
      ['USA', 192, 18713400, 100, 6642000],
      ['ｅｕ', 1083, '未公开', '', ''],
      ['澳洲', 119, '未公开', '', ''],
    );
    expect(r.issues.map((i) => [i.severity, i.code, i.row, i.column])).toEqual([
      ['warning', 'value.foreign.alias', 2, 'A'],
      ['warning', 'value.foreign.alias', 3, 'A'],
      ['warning', 'value.foreign.alias', 4, 'A'],
    ]);
    expect(r.issues[0]?.message).toBe('“USA”按“美国”统计，公报印作“美国”。');
    expect(r.jurisdictions.map((j) => j.name)).toEqual(['美国', '欧盟', '澳大利亚']);
  });

  it('two aliases of one country: the later one is the duplicate, the first is counted under the standard name', () => {
    const r = foreign(['United States', 5, 50, '', ''], ['U.S.', 6, 60, '', '']);
    expect(r.issues.map((i) => [i.severity, i.code, i.row])).toEqual([
      ['error', 'value.foreign.duplicate', 3],
      ['warning', 'value.foreign.alias', 2],
    ]);
    expect(r.jurisdictions).toMatchObject([{ name: '美国', recalls: 5 }]);
  });

  it('a name not in the list is a country of its own, printed as written', () => {
    const r = foreign(['美国', 1, 10, '', ''], ['墨西哥', 2, 20, '', ''], ['美利坚', 4, 30, '', '']);
    expect(r.issues).toEqual([]);
    expect(r.jurisdictions.map((j) => j.name)).toEqual(['美国', '墨西哥', '美利坚']);
  });
});
