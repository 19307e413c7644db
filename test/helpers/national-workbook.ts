import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT, tempDir } from './cli.js';

/**
 * A copy of the sample's 2022Q3 folder whose national category table is a workbook (figures as
 * numbers), changed by `edit` before it is saved (a merge, a number format). Returns the folder.
 */
export async function quarterWithNationalWorkbook(edit: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const dir = join(tempDir(), '2022Q3');
  cpSync(join(ROOT, 'data', '2022Q3'), dir, { recursive: true });
  const csv = join(dir, 'national-categories.csv');
  const rows = readFileSync(csv, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line, i) => line.split(',').map((c, j) => (i > 0 && j > 1 ? Number(c) : c)));
  rmSync(csv);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('全国分类');
  rows.forEach((r) => ws.addRow(r));
  edit(ws);
  writeFileSync(join(dir, 'national-categories.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
  return dir;
}
