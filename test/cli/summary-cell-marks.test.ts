/**
 * A summary table's figure that a workbook shows otherwise than it holds (a
 * scaling number format) or shares between rows (merged over them) is
 * refused, as the records' 召回数量 is, in memory and streamed alike.
 */
import { describe, expect, it } from 'vitest';
import { bulletin } from '../helpers/cli.js';
import { quarterWithNationalWorkbook } from '../helpers/national-workbook.js';

type Finding = { code: string; row: number; column: string; severity: string; message: string };

/** The sample quarter with its national category table as a workbook: H2 shown in 万件, D3:D4 merged. */
const quarterWithMarkedNationalTable = () =>
  quarterWithNationalWorkbook((ws) => {
    ws.getCell('H2').numFmt = '0"万件"';
    ws.getCell('D4').value = ws.getCell('D3').value;
    ws.mergeCells('D3:D4');
  });

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
