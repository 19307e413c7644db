/**
 * Each workbook reader marks the rows Excel hides (by hand or by a filter): the
 * in-memory reader (exceljs's row.hidden), the light reader and the streaming
 * one (both from the sheet's XML, exceljs's streaming parser drops the attribute).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExcelJS } from '../../src/ingest/exceljs.js';
import { readTable } from '../../src/ingest/read-table.js';
import type { RawRow } from '../../src/ingest/table.js';
import { readXlsxLight } from '../../src/ingest/xlsx-light.js';
import { readXlsx } from '../../src/ingest/xlsx-reader.js';
import { streamXlsx } from '../../src/ingest/xlsx-stream.js';
import { tempDir } from '../helpers/cli.js';
import { rawXlsx, type RawSheet } from '../helpers/raw-xlsx.js';

const hiddenOf = (rows: readonly RawRow[]) => rows.filter((r) => r.hidden).map((r) => r.row);
/** Each row's number and mark (the streaming reader may leave off an empty merged cell at a row's end). */
const marks = (rows: readonly RawRow[]) => rows.map((r) => [r.row, r.hidden ?? false]);

async function streamed(bytes: Uint8Array): Promise<RawRow[]> {
  const path = join(tempDir(), 'w.xlsx');
  writeFileSync(path, bytes);
  const rows: RawRow[] = [];
  await streamXlsx(path, null, 'w.xlsx', (r) => rows.push(r));
  return rows;
}

/** Rows 1–6, hidden as Excel writes it (2, 5), as other writers may (3: "true"), and not (4: "0", 6: "false"). */
const sheet: RawSheet = {
  name: '召回记录',
  rows: [
    { r: 1, cells: [{ t: 'shared', v: '生产者' }] },
    { r: 2, cells: [{ t: 'shared', v: '甲' }], hidden: true },
    { r: 3, cells: [{ t: 'inline', v: '乙' }], hidden: 'true' },
    { r: 4, cells: [{ t: 'number', v: 4 }], hidden: '0' },
    // Text that looks like the attribute, in a visible row, is text.
    { r: 5, cells: [{ t: 'number', v: 5 }], hidden: true },
    { r: 6, cells: [{ t: 'xml', xml: '<c r="@" t="inlineStr"><is><t> hidden="1"</t></is></c>' }], hidden: 'false' },
  ],
  // A merge reaching into hidden row 2 from visible row 1, and one from hidden row 5 into 6.
  merges: ['B1:B2', 'C5:C6'],
};

describe('hidden rows, in each workbook reader', () => {
  it('are marked alike by exceljs, the light reader and the streaming reader', async () => {
    const bytes = rawXlsx([sheet]);
    const memory = await readXlsx(bytes, 'w.xlsx');
    expect(hiddenOf(memory.rows)).toEqual([2, 3, 5]);
    expect(memory.rows.find((r) => r.row === 4)).not.toHaveProperty('hidden');
    const light = await readXlsxLight(bytes, 'w.xlsx');
    expect(light).not.toBeNull();
    expect(light).toStrictEqual(memory);
    expect(marks(await streamed(bytes))).toEqual(marks(memory.rows));
  });

  it('are found by the streaming reader across the chunks of a long sheet', async () => {
    const rows: RawSheet['rows'] = Array.from({ length: 20_000 }, (_, i) => ({
      r: i + 1,
      cells: [
        { t: 'inline', v: `湖南某某制造有限公司${i}` },
        { t: 'number', v: i },
      ],
      hidden: (i + 1) % 997 === 0,
    }));
    const got = await streamed(rawXlsx([{ name: 'S', rows }]));
    expect(got).toHaveLength(20_000);
    expect(hiddenOf(got)).toEqual(Array.from({ length: 20 }, (_, k) => 997 * (k + 1)));
  });

  it('are marked in a workbook Excel filtered (an AutoFilter, which the light reader leaves to exceljs)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('召回记录');
    ws.addRows([
      ['市州', '召回数量'],
      ['长沙', 1],
      ['湘潭', 2],
      ['长沙', 3],
      ['湘潭', 4],
    ]);
    ws.autoFilter = 'A1:B5';
    for (const r of [3, 5]) ws.getRow(r).hidden = true;
    // A hidden column changes nothing: only rows are marked.
    ws.getColumn(2).hidden = true;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await readXlsxLight(bytes, 'f.xlsx')).toBeNull();
    const path = join(tempDir(), 'f.xlsx');
    writeFileSync(path, bytes);
    const table = await readTable(path, 'f.xlsx');
    expect(hiddenOf(table.rows)).toEqual([3, 5]);
    expect(marks(await streamed(bytes))).toEqual(marks(table.rows));
  });
});
