import iconv from 'iconv-lite';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bulletin, bulletinProcess, ROOT, tempDir } from '../helpers/cli.js';
import { REGIONS } from '../helpers/synthetic-records.js';

const HEADER = '发布日期,生产者,品牌,产品名称,型号,产品类别,市州,缺陷类型,召回数量,缺陷描述,典型案例';
/** n valid records; with a duplicate and a bad row when asked. */
function records(n: number, faults = false): string {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    lines.push(
      `2022-0${7 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')},湖南某制造有限公司${i},牌${i % 7},"产品,名称${i}",M-${i},${String(1 + (i % 10)).padStart(2, '0')},${REGIONS[i % 14]},机械物理,${1 + (i % 997)},"描述""引号""",否`,
    );
  }
  if (faults) lines.push(lines[1]!, `2022-08-01,甲,乙,丙,丁,99,长沙,机械物理,5,描述,否`);
  return `${lines.join('\r\n')}\r\n`;
}

describe('streaming validation of large CSV files', () => {
  it('reads GBK after a UTF-8 BOM as GBK, streamed as in memory (names were U+FFFD, two of them one)', async () => {
    const file = join(tempDir(), 'recalls.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(records(3, false), 'gbk')]));
    const inMemory = await bulletin(['validate', file, '--quarter', '2022Q3', '--json']);
    const streamed = await bulletin(['validate', file, '--quarter', '2022Q3', '--json'], {
      env: { BULLETIN_STREAM_BYTES: '1' },
    });
    expect(JSON.parse(streamed.stdout)).toEqual(JSON.parse(inMemory.stdout));
    const report = JSON.parse(streamed.stdout);
    expect(report.files[0].encoding).toBe('GBK/GB18030');
    expect(report.files[0].rows).toMatchObject({ read: 3, accepted: 3 });
  });

  it('gives the same report as the in-memory path on a file larger than one chunk', async () => {
    const dir = tempDir();
    const file = join(dir, 'recalls.csv');
    writeFileSync(file, records(30_000, true));
    const inMemory = await bulletin(['validate', file, '--quarter', '2022Q3', '--json']);
    const streamed = await bulletin(['validate', file, '--quarter', '2022Q3', '--json'], {
      env: { BULLETIN_STREAM_BYTES: '1' },
    });
    expect(streamed.code).toBe(1);
    expect(JSON.parse(streamed.stdout)).toEqual(JSON.parse(inMemory.stdout));
    const report = JSON.parse(streamed.stdout);
    expect(report.files[0].rows).toEqual({
      read: 30_002,
      accepted: 30_000,
      rejected: 2,
      blank: 0,
      totalRows: 0,
      notes: 0,
    });
    expect(report.findings.map((f: { code: string; row: number }) => [f.code, f.row])).toEqual([
      ['value.record.duplicate', 30_002],
      ['value.category.unknown', 30_003],
    ]);
  });

  it('streams large workbooks too, with the same row account as loading them', async () => {
    const dir = tempDir();
    const file = join(dir, 'recalls.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
    const ws = wb.addWorksheet('召回记录');
    ws.addRow(HEADER.split(',')).commit();
    for (let i = 0; i < 5_000; i++)
      ws.addRow([
        new Date(Date.UTC(2022, 6 + (i % 3), 1 + (i % 28))),
        `企业${i}`,
        '牌',
        `产品${i}`,
        `M${i}`,
        '08',
        REGIONS[i % 14],
        '标识',
        10 + i,
        '描述',
        '否',
      ]).commit();
    ws.addRow(['合计', '', '', '', '', '', '', '', 999, '', '']).commit();
    await ws.commit();
    await wb.commit();
    const loaded = JSON.parse((await bulletin(['validate', file, '--quarter', '2022Q3', '--json'])).stdout);
    const streamed = await bulletin(['validate', file, '--quarter', '2022Q3', '--json'], {
      env: { BULLETIN_STREAM_BYTES: '1' },
    });
    const report = JSON.parse(streamed.stdout);
    expect(report.files[0].rows).toEqual(loaded.files[0].rows);
    expect(report.files[0].rows).toMatchObject({ read: 5_000, accepted: 5_000, totalRows: 1 });
    expect(
      report.findings.map((f: { code: string; row: number; column: string }) => [f.code, f.row, f.column]),
    ).toEqual([['total.mismatch', 5_002, 'I']]);
    expect(report.findings.map((f: { message: string }) => f.message)).toEqual(
      loaded.findings.map((f: { message: string }) => f.message),
    );
  });

  it('reads GBK as a stream too', async () => {
    const dir = tempDir();
    const file = join(dir, 'recalls.csv');
    writeFileSync(
      file,
      execFileSync(
        process.execPath,
        ['-e', `process.stdout.write(require('iconv-lite').encode(require('fs').readFileSync(0, 'utf8'), 'gbk'))`],
        { input: records(2_000), cwd: ROOT },
      ),
    );
    const r = await bulletin(['validate', file, '--quarter', '2022Q3', '--json'], {
      env: { BULLETIN_STREAM_BYTES: '1' },
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({
      encoding: 'GBK/GB18030',
      rows: { read: 2_000, accepted: 2_000 },
    });
  });

  it('does not hold the file: 200,000 rows are checked within a 40 MB heap (on both threads), which the in-memory path cannot do', async () => {
    const dir = tempDir();
    const file = join(dir, 'recalls.csv');
    writeFileSync(file, records(200_000));
    // The heap limit is Node's own: these two run the real binary.
    const limited = { NODE_OPTIONS: '--max-old-space-size=40' };
    const streamed = bulletinProcess(['validate', file, '--quarter', '2022Q3', '--json'], {
      env: { ...limited, BULLETIN_STREAM_BYTES: '1' },
    });
    expect(streamed.code).toBe(0);
    expect(JSON.parse(streamed.stdout).files[0].rows.accepted).toBe(200_000);
    const held = bulletinProcess(['validate', file, '--quarter', '2022Q3', '--json'], {
      env: { ...limited, BULLETIN_STREAM_BYTES: String(1e12) },
    });
    expect(held.code).not.toBe(0);
  }, 120_000);
});
