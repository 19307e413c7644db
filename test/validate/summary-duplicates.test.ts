/** A bureau or a country listed twice in a summary table: printed twice and counted twice in every total. */
import { describe, expect, it } from 'vitest';
import { readClues } from '../../src/validate/clues.js';
import { rawTable } from '../helpers/tables.js';

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
