/**
 * Every XLSX reader (in memory through exceljs, the light one, the streaming
 * one) marks the same cells: merged over several rows, or a number in a
 * format that shows another figure (0"万件", 0.00"万", #,##0"千", 0,, 0%,
 * a literal point among the digits: 0!.0000).
 */
import { describe, expect, it } from 'vitest';
import { isScalingFormat, shownAs } from '../../src/ingest/cell-marks.js';
import { markedWorkbook, pointWorkbook, POINT_FORMATS } from '../helpers/marked-workbook.js';
import { marksOf, rowsOfEveryReader } from '../helpers/xlsx-readers.js';

describe('cell marks', () => {
  it('are the same from every reader', async () => {
    const rows = await rowsOfEveryReader(await markedWorkbook());
    const merged = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });
    expect(marksOf(rows)).toEqual([
      [
        2,
        [
          { col: 5, merged: merged(2, 6, 3, 6) },
          { col: 7, format: '0"万件"' },
        ],
      ],
      [
        3,
        [
          { col: 5, merged: merged(2, 6, 3, 6) },
          { col: 7, format: '0.00"万"' },
        ],
      ],
      [4, [{ col: 7, format: '#,##0"千"' }]],
      [5, [{ col: 7, format: '#,##0,' }]],
      [6, [{ col: 7, format: '0%' }]],
      // #,##0"件" changes no figure: its word is the quantity's unit.
      [7, [{ col: 7, label: '件' }]],
      [8, [{ col: 7, merged: merged(8, 8, 9, 8) }]],
      [9, [{ col: 7, merged: merged(8, 8, 9, 8) }]],
    ]);
  });

  it('a literal point among the digits, escaped with \\ or ! or quoted, is the same from every reader (exceljs unescapes \\. unless told not to)', async () => {
    const rows = await rowsOfEveryReader(await pointWorkbook());
    expect(marksOf(rows)).toEqual(POINT_FORMATS.slice(0, 3).map((format, i) => [i + 2, [{ col: 7, format }]]));
  });

  it.each([
    ['0"万件"', true],
    ['0.00"万"', true],
    ['#,##0"千"', true],
    ['0!.0,"万"', true],
    ['[>=10000]0.0,"万";0', true],
    ['#,##0,', true],
    ['0.0,,', true],
    ['0%', true],
    ['0万件', true],
    ['0!.0000', true],
    ['0"."0000', true],
    ['0\\.0000', true],
    ['#,##0\\.00', true],
    ['\\.0000', true],
    ['[Red]0!.0000;-0!.0000', true],
    ['General;0!.000', true],
    ['0"0"', true],
    ['"1"0', true],
    ['0 "0000"', true],
    ['"约"0', true],
    ['0"余件"', true],
    [';;;', true],
    [';;;@', true],
    ['0;-0;;@', false],
    ['yyyy"年"m"月"d"日"', false],
    ['[$-804]0', false],
    ['0.00', false],
    ['#,##0.00_);[Red](#,##0.00)', false],
    ['0_ ', false],
    ['"No."0', false],
    ['0"."', false],
    ['0.0"."', false],
    ['yyyy"."mm"."dd', false],
    ['yyyy\\.m\\.d', false],
    ['mm:ss.0', false],
    ['0.00E+00', false],
    ['General', false],
    ['#,##0', false],
    ['0"件"', false],
    ['#,##0_);(#,##0)', false],
    ['0"千克"', false],
    ['@', false],
    // Elapsed time shows 23800 (days) as 571200 hours.
    ['[h]', true],
    ['[mm]:ss', true],
    ['[h]:mm:ss', true],
    // The fourth section is for text cells only.
    ['0;0;0;"约"@', false],
    ['0;0;0;"0"@', false],
    ['"约"0;0;0;@', true],
    ['0;"a;b"0;0;"约"@', false],
  ])('%s scales: %s', (fmt, scales) => expect(isScalingFormat(fmt)).toBe(scales));

  it.each([
    [26, '0"万件"', '26万件'],
    [2.38, '0.00"万"', '2.38万'],
    [26000, '#,##0,', '26'],
    [1234567, '#,##0,"千"', '1,235千'],
    [26, '0%', '2600%'],
    [26, '0!.0,"万"', null],
    [23800, '0!.0000', '2.3800'],
    [23800, '0"."0000', '2.3800'],
    [23800, '0\\.0000', '2.3800'],
    [238, '0!.0000', '0.0238'],
    [238, '#!.0000', '.0238'],
    [23800, '\\.0000', '.23800'],
    [23.5, '0!.0000', null],
  ])('%d in %s shows as %s', (v, fmt, shown) => expect(shownAs(v, fmt)).toBe(shown));
});
