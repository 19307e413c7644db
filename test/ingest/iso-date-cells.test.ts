/**
 * Cells of the ISO date type (t="d"), as SheetJS-based "export to Excel" features write dates.
 * exceljs read <v>2021-09-01T00:00:00.000Z</v> with parseFloat as the serial 2021, 1905-07-13,
 * and 表2 printed that as a typical case's 生产日期 with exit 0.
 */
import { describe, expect, it } from 'vitest';
import { isoDateCell } from '../../src/ingest/sheet-layout.js';
import { parseDate } from '../../src/validate/parse-date.js';
import { rawXlsx, type RawCell } from '../helpers/raw-xlsx.js';
import { rowsOfEveryReader } from '../helpers/xlsx-readers.js';

const iso = (v: string, formula = ''): RawCell => ({ t: 'xml', xml: `<c r="@" t="d">${formula}<v>${v}</v></c>` });

describe('ISO date cells (t="d")', () => {
  it('read as the day they say by every reader (in memory, light, streamed), formulas too', async () => {
    const rows = await rowsOfEveryReader(
      rawXlsx([
        {
          name: '召回记录',
          rows: [
            {
              r: 1,
              cells: [
                { t: 'shared', v: '发布日期' },
                { t: 'shared', v: '生产日期' },
              ],
            },
            { r: 2, cells: [iso('2022-07-12T00:00:00.000Z'), iso('2021-09-01')] },
            {
              r: 3,
              cells: [iso('2022-08-03T00:00:00+08:00', '<f>DATE(2022,8,3)</f>'), iso('2022-07-11T16:00:00.000Z')],
            },
          ],
        },
      ]),
    );
    expect(rows[1]?.cells).toEqual([new Date(Date.UTC(2022, 6, 12)), new Date(Date.UTC(2021, 8, 1))]);
    expect(rows[2]?.cells[0]).toEqual(new Date(Date.UTC(2022, 7, 3)));
    // A time that is another day in Hunan than in Excel's display stays the text, and is refused as a date.
    expect(rows[2]?.cells[1]).toBe('2022-07-11T16:00:00.000Z');
    expect(parseDate(rows[2]!.cells[1]!)).toMatchObject({ ok: false });
  });

  it('keeps the text of anything but a certain day', () => {
    expect(isoDateCell('2022-02-30')).toBe('2022-02-30');
    expect(isoDateCell('2022-07-12T08:30:00Z')).toBe('2022-07-12T08:30:00Z');
    expect(isoDateCell('2022-07-12T00:00:00-05:00')).toBe('2022-07-12T00:00:00-05:00');
    expect(isoDateCell('2022-07-12')).toEqual(new Date(Date.UTC(2022, 6, 12)));
  });
});
