/**
 * Rows hidden in Excel are counted, as Excel's SUM counts them, and the data
 * staff are told so: a warning in validate (text and --json) and build, which
 * still builds, with the hidden rows in its figures.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExcelJS } from '../../src/ingest/exceljs.js';
import { bulletin, ROOT, tempDir } from '../helpers/cli.js';

/** The sample's 2022Q3 folder, its records' rows 6–7 (two recalls), title (1) and 合计 row (12) hidden. */
async function quarterWithHiddenRows(): Promise<string> {
  const data = tempDir();
  const dir = join(data, '2022Q3');
  cpSync(join(ROOT, 'data', '2022Q3'), dir, { recursive: true });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'recalls.xlsx'));
  const ws = wb.getWorksheet('召回记录')!;
  for (const r of [1, 6, 7, 12]) ws.getRow(r).hidden = true;
  writeFileSync(join(dir, 'recalls.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
  return dir;
}

const MESSAGE = '第 6–7 行（共 2 行）在 Excel 中是隐藏的，但仍会被读取并计入公报（和 Excel 的求和一样）。';

describe('rows hidden in Excel', () => {
  it('are one warning in validate, in the text report and in --json, and still counted', async () => {
    const dir = await quarterWithHiddenRows();
    const text = await bulletin(['validate', dir]);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain(`警告 工作表“召回记录” 第 6 行：${MESSAGE}`);
    expect(text.stderr).toContain('请取消隐藏（用了筛选的，请清除筛选）');
    expect(text.stderr).toContain('[row.hidden]');
    expect(text.stderr).toContain('没有错误，4 个警告。');

    const json = await bulletin(['validate', dir, '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.ok).toBe(true);
    expect(report.findings.filter((f: { code: string }) => f.code === 'row.hidden')).toEqual([
      {
        severity: 'warning',
        code: 'row.hidden',
        file: expect.stringMatching(/2022Q3\/recalls\.xlsx$/),
        sheet: '召回记录',
        row: 6,
        column: null,
        header: null,
        value: null,
        message: MESSAGE,
        hint: '若这些行不应计入公报，请把它们从表中删除；若应计入，请取消隐藏（用了筛选的，请清除筛选），以便核对。',
      },
    ]);
    const records = report.files.find((f: { kind: string }) => f.kind === 'recalls');
    expect(records.rows).toMatchObject({ read: 8, accepted: 8, totalRows: 1 });
    // The same report when the workbook is read as a stream (as a large one is).
    const streamed = await bulletin(['validate', dir, '--json'], { env: { BULLETIN_STREAM_BYTES: '1' } });
    expect(streamed.stdout).toBe(json.stdout);
  });

  it('are a warning in build, which builds with them counted', async () => {
    const dir = await quarterWithHiddenRows();
    const out = tempDir();
    const args = ['build', '--quarter', '2022Q3', '--data', join(dir, '..'), '--out', out, '--format', 'html'];
    const r = await bulletin([...args, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).issues.map((i: { code: string }) => i.code)).toContain('row.hidden');
    const stats = JSON.parse(readFileSync(join(out, '2022Q3', 'stats.json'), 'utf8'));
    expect(stats.totals).toMatchObject({ recalls: 8, quantity: 418448 });
  });
});
