/**
 * A figure cell merged into the cell on its left reads as a copy of that
 * cell (E3:F3 printed 本年次数 5 as 本年数量 5, exit 0): refused, in a summary
 * table and in the records, in memory and streamed alike, with a message
 * about columns (no 跨第 x–y 行).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bulletin, tempDir } from '../helpers/cli.js';
import { quarterWithNationalWorkbook } from '../helpers/national-workbook.js';
import { HEADER, recordRow } from '../helpers/tables.js';

type Finding = { code: string; row: number; column: string; severity: string; message: string };
type Report = { findings: Finding[] };

/** Findings of `validate args` in memory, after checking the streamed run finds the same. */
async function validated(args: string[]): Promise<Finding[]> {
  const small = await bulletin(['validate', ...args, '--json']);
  const streamed = await bulletin(['validate', ...args, '--json'], { env: { BULLETIN_STREAM_BYTES: '1' } });
  expect(small.code).toBe(1);
  expect(JSON.parse(streamed.stdout)).toEqual(JSON.parse(small.stdout));
  return (JSON.parse(small.stdout) as Report).findings.filter((f) => f.severity === 'error');
}

/** The sample quarter with its national category table as a workbook, E3:F3 (本年次数, 本年数量) merged. */
const quarterWithMergedFigures = () => quarterWithNationalWorkbook((ws) => ws.mergeCells('E3:F3'));

describe('figures merged across columns', () => {
  it('are refused in a summary table', async () => {
    const dir = await quarterWithMergedFigures();
    const errors = await validated([dir]);
    expect(errors.map((f) => [f.code, f.row, f.column])).toEqual([['value.number.merged', 3, 'F']]);
    expect(errors[0]!.message).toContain('E3:F3 是跨列合并的单元格');
    expect(errors[0]!.message).toContain('第一格 E3');
    expect(errors[0]!.message).not.toContain('跨第');
  });

  it('are refused as a record’s 召回数量, the first cell of the range left alone', async () => {
    // 型号 right before 召回数量: G2:H2 merged gives the recall the model number 2000 as its quantity.
    const header = HEADER.filter((h) => h !== '型号').flatMap((h) => (h === '召回数量' ? ['型号', h] : [h]));
    const row = (over: Record<string, ExcelJS.CellValue>) => {
      const cells = recordRow(over as Record<string, string>);
      return header.map((h) => cells[HEADER.indexOf(h)]);
    };
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('召回记录');
    ws.addRow(header);
    ws.addRow(row({ 生产者: '企业甲', 型号: 2000, 召回数量: null }));
    ws.addRow(row({ 生产者: '企业乙', 召回数量: 30 }));
    ws.addRow(row({ 生产者: '企业丙', 召回数量: 40, 缺陷描述: '插头过热' }));
    ws.mergeCells('G2:H2');
    // 召回数量 merged into 缺陷描述: the description copies the figure, which is the recall's own.
    ws.mergeCells('H4:I4');
    const file = join(tempDir(), 'recalls.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const errors = await validated([file, '--quarter', '2022Q3']);
    expect(errors.map((f) => [f.code, f.row, f.column])).toEqual([['value.quantity.merged', 2, 'H']]);
    expect(errors[0]!.message).toContain('G2:H2 是跨列合并的单元格');
    expect(errors[0]!.message).not.toContain('跨第');
  });
});
