import { readFileSync } from 'node:fs';
import { ExcelJS, type ExcelJSTypes } from '../../src/ingest/exceljs.js';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/ingest/xlsx-reader.js';
import { sheetNamed } from '../../src/ingest/table.js';
import { BulletinError } from '../../src/model/errors.js';

async function workbook(fill: (ws: ExcelJSTypes.Worksheet, wb: ExcelJSTypes.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('记录'), wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readXlsx', () => {
  it('repeats a merged title cell and keeps Excel row numbers', async () => {
    const bytes = await workbook((ws) => {
      ws.getCell('A1').value = '2022年第三季度召回记录';
      ws.mergeCells('A1:C1');
      ws.getRow(3).values = ['生产者', '产品名称', '召回数量'];
      ws.getRow(4).values = ['甲', '乙', 5];
    });
    const t = await readXlsx(bytes, 'm.xlsx');
    expect(t.rows.map((r) => r.row)).toEqual([1, 3, 4]);
    expect(t.rows[0]?.cells).toEqual(['2022年第三季度召回记录', '2022年第三季度召回记录', '2022年第三季度召回记录']);
  });

  it('uses formula results, flattens rich text and hyperlinks, keeps error values', async () => {
    const bytes = await workbook((ws) => {
      ws.getCell('A1').value = { formula: 'SUM(1,2)', result: 3 };
      ws.getCell('B1').value = { richText: [{ text: '豪牌' }, { text: '打火机' }] };
      ws.getCell('C1').value = { text: '官网', hyperlink: 'https://example.invalid' };
      ws.getCell('D1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    });
    const t = await readXlsx(bytes, 'f.xlsx');
    expect(t.rows[0]?.cells).toEqual([3, '豪牌打火机', '官网', { error: '#DIV/0!' }]);
  });

  it('reads dates as UTC-midnight Date cells', async () => {
    const bytes = await workbook((ws) => {
      ws.getCell('A1').value = new Date(Date.UTC(2022, 7, 15));
      ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    });
    const v = (await readXlsx(bytes, 'd.xlsx')).rows[0]?.cells[0];
    expect(v).toBeInstanceOf(Date);
    expect((v as Date).toISOString()).toBe('2022-08-15T00:00:00.000Z');
  });

  it('returns East-Asian built-in date formats as serial numbers (parse-date handles them)', async () => {
    const t = await readXlsx(readFileSync('fixtures/xlsx/east-asian-date-format.xlsx'), 'e.xlsx');
    expect(t.rows[1]?.cells[0]).toBe(44788);
  });

  it('reads the named sheet and says which sheets exist when it is missing', async () => {
    const bytes = await workbook((ws, wb) => {
      ws.getCell('A1').value = 'first';
      wb.addWorksheet('第二').getCell('A1').value = 'second';
    });
    expect((await readXlsx(bytes, 'n.xlsx', sheetNamed('第二'))).rows[0]?.cells).toEqual(['second']);
    await expect(readXlsx(bytes, 'n.xlsx', sheetNamed('第三'))).rejects.toThrow(
      /找不到工作表“第三”。现有工作表：记录、第二/,
    );
  });

  it('refuses bytes that are not a workbook with an input error', async () => {
    const err = await readXlsx(Buffer.from('not a zip at all'), 'junk.xlsx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulletinError);
    expect((err as BulletinError).code).toBe('input.xlsx.not-zip');
    expect((err as BulletinError).kind).toBe('input');
  });
});

describe('large workbooks', () => {
  it('keeps Chinese text whole across exceljs stream chunks (its SAX helper is replaced)', async () => {
    const { streamXlsx } = await import('../../src/ingest/xlsx-stream.js');
    const { tempDir } = await import('../helpers/cli.js');
    const { join } = await import('node:path');
    const file = join(tempDir(), 'big.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
    const ws = wb.addWorksheet('召回记录');
    const words = ['机械物理', '湘西土家族苗族自治州', '电气安全', '张家界'];
    for (let i = 0; i < 20_000; i++) ws.addRow([words[i % 4], `湖南某某制造有限公司${i}`]).commit();
    await ws.commit();
    await wb.commit();
    const seen: string[] = [];
    await streamXlsx(file, null, 'big.xlsx', (r) => seen.push(String(r.cells[0]), String(r.cells[1])));
    expect(seen).toHaveLength(40_000);
    expect(seen.filter((s) => s.includes('\ufffd'))).toEqual([]);
    expect(seen.slice(0, 4)).toEqual([words[0], '湖南某某制造有限公司0', words[1], '湖南某某制造有限公司1']);
  });
});
