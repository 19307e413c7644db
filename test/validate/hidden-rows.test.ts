import { beforeAll, describe, expect, it } from 'vitest';
import type { CellValue, RawTable } from '../../src/ingest/table.js';
import type { Province, ReferenceData } from '../../src/model/reference.js';
import { readClues } from '../../src/validate/clues.js';
import { validateRecords } from '../../src/validate/validate-records.js';
import { hunan } from '../helpers/reference.js';
import { HEADER, rawTable, recordRow } from '../helpers/tables.js';

let ctx: { ref: ReferenceData; home: Province; quarter: { year: number; quarter: 3 } };
beforeAll(async () => {
  ctx = { ...(await hunan()), quarter: { year: 2022, quarter: 3 } };
});

/** A table of `rows` (Excel rows 1, 2, …), the rows numbered in `hidden` marked hidden. */
function table(rows: CellValue[][], hidden: readonly number[], file = 'recalls.xlsx'): RawTable {
  const t = rawTable(rows, file);
  t.rows = t.rows.map((r) => (hidden.includes(r.row) ? { ...r, hidden: true } : r));
  return t;
}

/** Distinct records (the checker refuses a repeated one), quantity 10 each. */
const records = (n: number) =>
  Array.from({ length: n }, (_, i) => recordRow({ 生产者: `湘潭某电器有限公司${i}`, 召回数量: '10' }));

const hiddenFindings = (t: RawTable) => validateRecords(t, ctx).issues.filter((i) => i.code.startsWith('row.hidden'));

describe('hidden data rows in a recall table', () => {
  it('are counted, and each run of them is one warning at its first row, saying what to do', () => {
    // Excel rows: 1 header, 2–9 records; 3, 5–7 and 9 hidden.
    const t = table([HEADER, ...records(8)], [3, 5, 6, 7, 9]);
    const r = validateRecords(t, ctx);
    expect(r.totals).toEqual({ recalls: 8, quantity: 80 });
    expect(r.issues.map((i) => [i.code, i.severity, i.row, i.column])).toEqual([
      ['row.hidden', 'warning', 3, null],
      ['row.hidden', 'warning', 5, null],
      ['row.hidden', 'warning', 9, null],
    ]);
    expect(r.issues[0]).toMatchObject({ file: 'recalls.xlsx', sheet: '召回记录' });
    expect(r.issues[0]!.message).toBe('这一行在 Excel 中是隐藏的，但仍会被读取并计入公报（和 Excel 的求和一样）。');
    expect(r.issues[1]!.message).toBe(
      '第 5–7 行（共 3 行）在 Excel 中是隐藏的，但仍会被读取并计入公报（和 Excel 的求和一样）。',
    );
    expect(r.issues[1]!.hint).toBe(
      '若这些行不应计入公报，请把它们从表中删除；若应计入，请取消隐藏（用了筛选的，请清除筛选），以便核对。',
    );
  });

  it('says nothing of hidden rows that count for nothing: a title, the header, blank rows, a 合计 row', () => {
    const rows = [['2022年第三季度召回记录'], HEADER, ...records(2), [], ['合计', '', '', '', '', '', '', '20'], [7]];
    // 1 title, 2 header, 3–4 records, 5 blank, 6 合计, 7 numbered in 序号 only (no 序号 column: a note).
    expect(hiddenFindings(table(rows, [1, 2, 5, 6]))).toEqual([]);
    // A blank row between hidden records does not end their run; the hidden 合计 row is not told.
    const between = [HEADER, ...records(2), [], ...records(1), ['合计', '', '', '', '', '', '', '30']];
    const found = hiddenFindings(table(between, [2, 3, 4, 5, 6]));
    expect(found.map((i) => [i.row, i.message])).toEqual([
      [2, '第 2–5 行中有 3 行数据在 Excel 中是隐藏的，但仍会被读取并计入公报（和 Excel 的求和一样）。'],
    ]);
  });

  it('tells a hidden row that has an error too (it would be counted once corrected)', () => {
    const t = table([HEADER, recordRow({ 市州: '火星' })], [2]);
    expect(validateRecords(t, ctx).issues.map((i) => i.code)).toEqual(['value.region.unknown', 'row.hidden']);
  });

  it('lists ten runs, then counts the rest in one warning (a filter can hide every other row)', () => {
    // Every other row of 2–60 (30 runs), then 62–63 (one run of two).
    const hidden = Array.from({ length: 30 }, (_, i) => 2 + i * 2).concat([62, 63]);
    const found = hiddenFindings(table([HEADER, ...records(62)], hidden));
    expect(found.map((i) => i.code)).toEqual([...Array<string>(10).fill('row.hidden'), 'row.hidden-many']);
    expect(found[9]!.row).toBe(20);
    expect(found[10]).toMatchObject({ severity: 'warning', row: 22 });
    expect(found[10]!.message).toBe(
      '从这一行起还有 21 处隐藏的数据行（共 22 行）没有逐一列出；这张表隐藏的数据行一共 32 行，都计入了公报。',
    );
  });
});

describe('hidden data rows in a summary table', () => {
  it('are told the same way', () => {
    const t = table(
      [
        ['序号', '共享缺陷线索信息用户', '共享缺陷线索报告信息', '形成有效缺陷产品召回信息', '共享检验检测信息'],
        [1, '省局', 20, 5, 25],
        [2, '长沙市局', 16, 7, 0],
        [3, '株洲市局', 1, 1, 1],
        ['', '总计', 37, 13, 26],
      ],
      [3, 4, 5],
      'clues.xlsx',
    );
    const r = readClues(t);
    expect(r.clues).toHaveLength(3);
    // The hidden 总计 row (5) is not told.
    expect(r.issues.map((i) => [i.code, i.row, i.file, i.message])).toEqual([
      [
        'row.hidden',
        3,
        'clues.xlsx',
        '第 3–4 行（共 2 行）在 Excel 中是隐藏的，但仍会被读取并计入公报（和 Excel 的求和一样）。',
      ],
    ]);
  });
});
