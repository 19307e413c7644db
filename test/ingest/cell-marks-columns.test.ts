/**
 * A cell merged into one on its left holds no value of its own, only a copy
 * of the first cell's: every reader marks it (never the first cell), and marks
 * every cell of a range over rows, the first too, as before.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { marksOf, rowsOfEveryReader } from '../helpers/xlsx-readers.js';

const range = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });

/** A title merged A1:D1, E3:F3 across columns, B4:C5 over rows and columns. */
async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['全国分类汇总表']);
  ws.addRow(['类别', '累计次数', '累计数量', '本年次数', '本年次数', '本年数量']);
  ws.addRow(['电子电器', 1, 2, 3, 5, null]);
  ws.addRow(['儿童用品', 7, null, 9, 9, 9]);
  ws.addRow(['家具', null, null, 9, 9, 9]);
  ws.mergeCells('A1:D1');
  ws.mergeCells('E3:F3');
  ws.mergeCells('B4:C5');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('cells merged across columns', () => {
  it('are marked past the first cell, the same by every reader', async () => {
    const rows = await rowsOfEveryReader(await workbook());
    // The copies are filled in, as before: only the marks say they are copies.
    expect(rows[2]!.cells.slice(4, 6)).toEqual([5, 5]);
    expect(marksOf(rows)).toEqual([
      [1, [1, 2, 3].map((col) => ({ col, merged: range(1, 1, 1, 4) }))],
      [3, [{ col: 5, merged: range(3, 5, 3, 6) }]],
      [4, [1, 2].map((col) => ({ col, merged: range(4, 2, 5, 3) }))],
      [5, [1, 2].map((col) => ({ col, merged: range(4, 2, 5, 3) }))],
    ]);
  });
});
