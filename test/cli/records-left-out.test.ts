/**
 * Records the tool would not read, so that the bulletin printed part of the quarter as the whole
 * with exit 0: a workbook kept a month a sheet (only the first sheet was read), and a second
 * export beside recalls.xlsx in the quarter folder (not read at all, not named). Both are errors.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bulletin, ROOT, tempDir } from '../helpers/cli.js';
import { validateData } from '../helpers/edited-quarter.js';
import { HEADER, recordRow } from '../helpers/tables.js';

async function workbook(sheets: Array<{ name: string; dates: string[]; hidden?: boolean }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: 'hidden' } : {});
    ws.addRow(HEADER);
    s.dates.forEach((d, i) => ws.addRow(recordRow({ 发布日期: d, 型号: `${s.name}-${i}` })));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('records left out', () => {
  it('a workbook with a visible sheet a month is refused, naming every sheet and how to merge them', async () => {
    const file = join(tempDir(), 'recalls.xlsx');
    const months = [
      { name: '7月', dates: ['2022-07-12'] },
      { name: '8月', dates: ['2022-08-03', '2022-08-20'] },
      { name: '9月', dates: ['2022-09-09'] },
    ];
    writeFileSync(file, await workbook(months));
    const r = await bulletin(['validate', file, '--quarter', '2022Q3', '--json']);
    expect(r.code).toBe(1);
    const found = (
      JSON.parse(r.stdout) as { findings: Array<{ code: string; severity: string; message: string; hint: string }> }
    ).findings;
    const several = found.find((f) => f.code === 'input.xlsx.sheets.visible');
    expect(several).toMatchObject({ severity: 'error' });
    expect(several?.message).toContain('“7月”、“8月”、“9月”');
    expect(several?.hint).toContain('复制到同一个工作表');
    // Chosen with --sheet, the editor has said which: no finding.
    const chosen = await bulletin(['validate', file, '--quarter', '2022Q3', '--sheet', '8月', '--json']);
    expect(chosen.code).toBe(0);
  });

  it('a hidden second sheet stays a warning (old data kept out of sight)', async () => {
    const file = join(tempDir(), 'recalls.xlsx');
    writeFileSync(
      file,
      await workbook([
        { name: '召回记录', dates: ['2022-07-12'] },
        { name: '旧数据', dates: ['2021-07-12'], hidden: true },
      ]),
    );
    const r = await bulletin(['validate', file, '--quarter', '2022Q3', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('input.xlsx.sheets.several');
  });

  it('a second records export in the quarter folder is refused by name, as is a copy; Excel’s lock file is not', async () => {
    const data = tempDir();
    cpSync(join(ROOT, 'data', '2022Q3'), join(data, '2022Q3'), { recursive: true });
    const dir = join(data, '2022Q3');
    writeFileSync(join(dir, 'recalls-9月补报.xlsx'), await workbook([{ name: '召回记录', dates: ['2022-09-24'] }]));
    writeFileSync(join(dir, 'recalls (1).csv'), `${HEADER.join(',')}\n`);
    writeFileSync(join(dir, '~$recalls.xlsx'), 'lock');
    writeFileSync(join(dir, '说明.docx'), 'not a table');
    const r = await validateData(data);
    const unused = r.findings.filter((f) => f.code === 'input.file.unused');
    expect(r.code).toBe(1);
    expect(unused.map((f) => [f.severity, f.file.split('/').pop()])).toEqual([
      ['error', 'recalls (1).csv'],
      ['error', 'recalls-9月补报.xlsx'],
    ]);
    expect(unused[0]?.message).toContain('不会进入公报');
    const b = await bulletin([
      'build',
      '--quarter',
      '2022Q3',
      '--data',
      data,
      '--out',
      join(data, 'out'),
      '--format',
      'html',
    ]);
    expect(b.code).toBe(1);
  });
});
