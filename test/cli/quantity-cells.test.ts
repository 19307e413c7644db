/**
 * 召回数量 cells whose digits are not that many products: a footnote or special digit (257500¹),
 * a bound (100以上), a unit that does not count products (3吨, 1500打, 3箱, or 单位 箱), a unit
 * other than the 单位 column's. Each was counted as the digits, with exit 0; each is refused with
 * the same findings from a CSV read in memory or streamed and from a workbook. What is accepted
 * (约1500本, 1500双) is printed in 表2 as the cell says it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bulletin, ROOT, tempDir } from '../helpers/cli.js';

const HEADER = '发布日期,生产者,产品名称,型号,产品类别,市州,缺陷类型,召回数量,单位,缺陷描述,典型案例';
const row = (i: number, qty: string, unit = '', typical = '否') =>
  [`2022-08-${String(1 + (i % 28)).padStart(2, '0')}`, `企业${i}`, `产品${i}`, `M${i}`, '01', '长沙', '机械物理']
    .concat([qty, unit, '描述', typical])
    .join(',');

/** [quantity, 单位] of each row from 2 on, and the error it gets (none for the last four). */
const CASES: [string, string, string | null][] = [
  ['257500¹', '', 'value.quantity.invalid H'],
  ['５⁰⁰', '', 'value.quantity.invalid H'],
  ['①', '', 'value.quantity.invalid H'],
  ['3吨', '', 'value.quantity.unit H'],
  ['1500打', '', 'value.quantity.unit H'],
  ['3箱', '', 'value.quantity.unit H'],
  ['1500', '打', 'value.quantity.unit I'],
  ['1500', '箱', 'value.quantity.unit I'],
  ['100以上', '', 'value.quantity.bound H'],
  ['3400起', '', 'value.quantity.bound H'],
  ['不少于100', '', 'value.quantity.bound H'],
  ['超过3400件', '', 'value.quantity.bound H'],
  ['500只', '台', 'value.unit.conflict I'],
  ['１２３', '', null],
  ['1500', '双', null],
  ['1500', '件（套）', null],
  ['约1500本', '', null],
];
/** Enough plain rows after them that the streamed check takes its in-place path for most. */
const PLAIN = Array.from({ length: 300 }, (_, i) => [String(100 + i), ['', '台', '只'][i % 3]!] as const);

type Finding = { code: string; row: number; column: string; severity: string; message: string };

async function report(file: string): Promise<Finding[]> {
  const r = await bulletin(['validate', file, '--quarter', '2022Q3', '--json']);
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
}

describe('quantity cells whose digits are not the number of products', () => {
  it('are refused alike in memory, streamed and from a workbook', async () => {
    const dir = tempDir();
    const all = [...CASES.map(([q, u]) => [q, u] as const), ...PLAIN];
    const csv = join(dir, 'recalls.csv');
    writeFileSync(csv, `${[HEADER, ...all.map(([q, u], i) => row(i, q, u))].join('\n')}\n`);
    const inMemory = await report(csv);
    const args = ['validate', csv, '--quarter', '2022Q3', '--json'];
    const streamed = await bulletin(args, { env: { BULLETIN_STREAM_BYTES: '1' } });
    expect(JSON.parse(streamed.stdout).findings).toEqual(inMemory);

    const errors = inMemory.filter((f) => f.severity === 'error').map((f) => [f.row, `${f.code} ${f.column}`]);
    const expected = CASES.flatMap(([, , e], i) => (e ? [[i + 2, e]] : []));
    expect(errors).toEqual(expected);
    expect(inMemory.find((f) => f.row === 2)!.message).toBe('召回数量“257500¹”中的“¹”是上标或特殊数字，不是普通数字。');

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('召回记录');
    sheet.addRow(HEADER.split(','));
    all.forEach(([q, u], i) => sheet.addRow(row(i, q, u).split(',')));
    const xlsx = join(dir, 'recalls.xlsx');
    await book.xlsx.writeFile(xlsx);
    const fromBook = await report(xlsx);
    const bookStreamed = await bulletin(['validate', xlsx, '--quarter', '2022Q3', '--json'], {
      env: { BULLETIN_STREAM_BYTES: '1' },
    });
    expect(JSON.parse(bookStreamed.stdout).findings).toEqual(fromBook);
    const strip = (fs: Finding[]) =>
      fs.map(({ code, row: r, column, severity, message }) => [code, r, column, severity, message]);
    expect(strip(fromBook)).toEqual(strip(inMemory));
  });

  it('an accepted approximate quantity is printed in 表2 as the cell says it', async () => {
    const project = tempDir();
    const quarter = join(project, 'data', '2022Q3');
    mkdirSync(quarter, { recursive: true });
    writeFileSync(join(project, 'bulletin.config.json'), readFileSync(join(ROOT, 'bulletin.config.json')));
    const rows = [row(1, '约1500本', '', '是'), row(2, '3万余', '件', '是'), row(3, '1500', '双', '是')];
    writeFileSync(join(quarter, 'recalls.csv'), `${[HEADER, ...rows].join('\n')}\n`);
    const out = join(project, 'out');
    const r = await bulletin(['build', '--quarter', '2022Q3', '--format', 'html', '--out', out], { cwd: project });
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, '2022Q3', 'bulletin.html'), 'utf8');
    const cases = html.slice(html.indexOf('data-table="cases"'));
    for (const shown of ['约1500本', '30000余件', '1500双']) expect(cases).toContain(`>${shown}<`);
    const stats = JSON.parse(readFileSync(join(out, '2022Q3', 'stats.json'), 'utf8'));
    expect(stats.totals.quantity).toBe(33000);
    expect(stats.typicalCases.map((c: { approx?: object }) => c.approx ?? null)).toEqual([
      { before: '', middle: '余', after: '' },
      { before: '约', middle: '', after: '' },
      null,
    ]);
  });
});
