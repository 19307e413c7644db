/**
 * A summary table's figure that a workbook shows otherwise than it holds (a
 * scaling number format) or shares between rows (merged over them) is
 * refused, as the records' 召回数量 is, in memory and streamed alike.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bulletin, ROOT, tempDir } from '../helpers/cli.js';

type Finding = { code: string; row: number; column: string; severity: string; message: string };

/** The sample quarter with its national category table as a workbook: H2 shown in 万件, D3:D4 merged. */
async function quarterWithMarkedNationalTable(): Promise<string> {
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
  ws.getCell('H2').numFmt = '0"万件"';
  ws.getCell('D4').value = ws.getCell('D3').value;
  ws.mergeCells('D3:D4');
  writeFileSync(join(dir, 'national-categories.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
  return dir;
}

describe('national table figures a workbook shows otherwise than it holds', () => {
  it('are refused on the cells concerned, in memory and streamed', async () => {
    const dir = await quarterWithMarkedNationalTable();
    const small = await bulletin(['validate', dir, '--json']);
    const streamed = await bulletin(['validate', dir, '--json'], { env: { BULLETIN_STREAM_BYTES: '1' } });
    expect(small.code).toBe(1);
    expect(JSON.parse(streamed.stdout)).toEqual(JSON.parse(small.stdout));
    const errors = (JSON.parse(small.stdout) as { findings: Finding[] }).findings.filter(
      (f) => f.severity === 'error' && f.code.startsWith('value.number.'),
    );
    expect(errors.map((f) => [f.code, f.row, f.column])).toEqual([
      ['value.number.scaled-format', 2, 'H'],
      ['value.number.merged', 3, 'D'],
      ['value.number.merged', 4, 'D'],
    ]);
    expect(errors[0]!.message).toContain('Excel 显示为“503384万件”');
    expect(errors[1]!.message).toContain('D3:D4');
  });
});
