/**
 * A workbook's 召回数量 merged over rows, or in a format that shows another
 * figure, is refused on each row it concerns, with the same findings whether
 * the workbook is read by the light reader, by exceljs in memory, or streamed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin, tempDir } from '../helpers/cli.js';
import { markedWorkbook, pointWorkbook, POINT_FORMATS } from '../helpers/marked-workbook.js';

type Finding = { code: string; row: number; column: string; severity: string; message: string };

describe('quantities a workbook shows otherwise than it holds', () => {
  it('are refused on every path', async () => {
    const file = join(tempDir(), 'recalls.xlsx');
    writeFileSync(file, await markedWorkbook());
    const args = ['validate', file, '--quarter', '2022Q3', '--json'];
    const small = await bulletin(args);
    const streamed = await bulletin(args, { env: { BULLETIN_STREAM_BYTES: '1' } });
    expect(JSON.parse(streamed.stdout)).toEqual(JSON.parse(small.stdout));
    const report = JSON.parse(small.stdout) as { findings: Finding[]; files: Array<{ rows: { accepted: number } }> };
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.code, f.row, f.column])).toEqual([
      ['value.quantity.scaled-format', 2, 'H'],
      ['value.quantity.scaled-format', 3, 'H'],
      ['value.quantity.scaled-format', 4, 'H'],
      ['value.quantity.scaled-format', 5, 'H'],
      ['value.quantity.scaled-format', 6, 'H'],
      ['value.quantity.merged', 8, 'H'],
      ['value.quantity.merged', 9, 'H'],
    ]);
    expect(errors[0]!.message).toContain('26万件');
    expect(errors[5]!.message).toContain('H8:H9');
    // Row 7 (#,##0"件", a 万 format on another column) is counted, and so are 2–3's merged 市州.
    expect(report.files[0]!.rows.accepted).toBe(1);
  });

  it('a literal point among the digits (0!.0000 shows 23800 as 2.3800) is refused too; 0.00, #,##0, 0_ , General, @ are not', async () => {
    const file = join(tempDir(), 'recalls.xlsx');
    writeFileSync(file, await pointWorkbook());
    const args = ['validate', file, '--quarter', '2022Q3', '--json'];
    const small = await bulletin(args);
    const streamed = await bulletin(args, { env: { BULLETIN_STREAM_BYTES: '1' } });
    expect(small.code).toBe(1);
    expect(JSON.parse(streamed.stdout)).toEqual(JSON.parse(small.stdout));
    const report = JSON.parse(small.stdout) as { findings: Finding[]; files: Array<{ rows: { accepted: number } }> };
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.code, f.row, f.column])).toEqual([
      ['value.quantity.scaled-format', 2, 'H'],
      ['value.quantity.scaled-format', 3, 'H'],
      ['value.quantity.scaled-format', 4, 'H'],
    ]);
    expect(errors[0]!.message).toBe(
      `召回数量单元格的值是 23800，但它的数字格式“${POINT_FORMATS[0]}”让 Excel 显示为“2.3800”；公报会按 23800 计入，与 Excel 中看到的不一致。`,
    );
    expect(errors.map((f) => f.message)).toEqual(errors.map(() => expect.stringContaining('显示为“2.3800”')));
    expect(report.files[0]!.rows.accepted).toBe(POINT_FORMATS.length - 3);
  });
});
