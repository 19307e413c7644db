import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatLabel } from '../../src/ingest/cell-marks.js';
import type { Province, ReferenceData } from '../../src/model/reference.js';
import { validateRecords } from '../../src/validate/validate-records.js';
import { bulletin, tempDir } from '../helpers/cli.js';
import { hunan } from '../helpers/reference.js';
import { HEADER, rawTable, recordRow } from '../helpers/tables.js';

let ctx: { ref: ReferenceData; home: Province; quarter: { year: number; quarter: 3 } };
beforeAll(async () => {
  ctx = { ...(await hunan()), quarter: { year: 2022, quarter: 3 } };
});

const QTY = HEADER.indexOf('召回数量');

/** One typical case of 257500 whose cell's format shows `label` beside it, with 单位 `unit`. */
function run(label: string, unit: string) {
  const table = rawTable([
    [...HEADER, '单位'],
    [...recordRow({ 典型案例: '是', 召回数量: 257500 }), unit],
  ]);
  (table.rows[1] as { marks?: unknown }).marks = [{ col: QTY, label }];
  return validateRecords(table, ctx);
}

// Excel showed 257,500台 and 表2 printed 257500件, with no word of the 单位 column's 只.
describe('a unit shown by the quantity cell’s number format (#,##0"台")', () => {
  it('finds the word a format shows, not its codes or a "No." label', () => {
    expect(formatLabel('#,##0"台"')).toBe('台');
    expect(formatLabel('0 "pcs"')).toBe('pcs');
    expect(formatLabel('"No."0')).toBeUndefined();
    expect(formatLabel('#,##0_);(#,##0)')).toBeUndefined();
  });

  it('is the unit when 单位 is empty, a conflict when 单位 says another, refused when it counts no products', () => {
    const alone = run('台', '');
    expect(alone.issues).toEqual([]);
    expect(alone.records[0]?.unit).toBe('台');
    expect(run('台', '只').issues.map((i) => [i.code, i.column])).toEqual([['value.unit.conflict', 'K']]);
    expect(run('箱', '').issues.map((i) => i.code)).toEqual(['value.quantity.unit']);
  });

  it('is read alike by every workbook reader', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('召回记录');
    ws.addRow([...HEADER, '单位']);
    ws.addRow([...recordRow({ 召回数量: 257500 }), '只']);
    ws.getCell(`${String.fromCharCode(65 + QTY)}2`).numFmt = '#,##0"台"';
    const file = join(tempDir(), 'recalls.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const args = ['validate', file, '--quarter', '2022Q3', '--json'];
    const small = JSON.parse((await bulletin(args)).stdout);
    const streamed = JSON.parse((await bulletin(args, { env: { BULLETIN_STREAM_BYTES: '1' } })).stdout);
    expect(streamed.findings).toEqual(small.findings);
    expect(small.findings.map((f: { code: string }) => f.code)).toContain('value.unit.conflict');
  });
});
