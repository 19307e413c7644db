/**
 * Quantities that would print off by a multiple: a unit with a multiplier in
 * the header (召回数量（万件）), in a 单位 cell (万只), or digits spaced
 * other than in threes (12 34). Each is refused with the same findings
 * whether the file is read in memory or streamed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin, tempDir } from '../helpers/cli.js';

const HEADER = '发布日期,生产者,产品名称,型号,产品类别,市州,缺陷类型,召回数量,缺陷描述,典型案例';
const row = (i: number, qty: string) =>
  `2022-08-${String(1 + (i % 28)).padStart(2, '0')},企业${i},产品${i},M${i},01,长沙,机械物理,${qty},描述,否`;

type Finding = { code: string; row: number; column: string; severity: string };

/** The validate report of `csv`, in memory and streamed (which must agree), as [code, row, column]. */
async function findings(csv: string): Promise<{ report: { findings: Finding[] }; found: string[][] }> {
  const file = join(tempDir(), 'recalls.csv');
  writeFileSync(file, csv);
  const args = ['validate', file, '--quarter', '2022Q3', '--json'];
  const inMemory = await bulletin(args);
  const streamed = await bulletin(args, { env: { BULLETIN_STREAM_BYTES: '1' } });
  expect(JSON.parse(streamed.stdout)).toEqual(JSON.parse(inMemory.stdout));
  const report = JSON.parse(inMemory.stdout) as { findings: Finding[] };
  return {
    report,
    found: report.findings.filter((f) => f.severity === 'error').map((f) => [f.code, String(f.row), f.column]),
  };
}

/** Enough plain rows that the streamed check takes its in-place path for most. */
const plainRows = (n: number) => Array.from({ length: n }, (_, i) => row(i + 10, String(100 + i)));

describe('a multiplier unit outside the quantity cell is refused', () => {
  it.each([
    '召回数量（万件）',
    '召回数量(万件)',
    '召回数量[万台]',
    '召回数量【千只】',
    '召回数量（十万件）',
    '召回数量/万件',
    '召回数量（单位：万件）',
  ])('in the header %s', async (header) => {
    const csv = `${HEADER.replace('召回数量', header)}\n${row(1, '26')}\n${row(2, '7')}\n`;
    const { found } = await findings(csv);
    expect(found).toEqual([['structure.column.scaled-unit', '1', 'H']]);
  });

  it.each(['召回数量（件）', '召回数量（台）', '召回数量'])('but not in the header %s', async (header) => {
    const { found } = await findings(`${HEADER.replace('召回数量', header)}\n${row(1, '26')}\n`);
    expect(found).toEqual([]);
  });

  it('in a 单位 cell, on that row only, in memory and streamed', async () => {
    const head = HEADER.replace('召回数量', '召回数量,单位');
    const withUnit = (i: number, qty: string, unit: string) => row(i, qty).replace(`,${qty},`, `,${qty},${unit},`);
    const lines = [head, withUnit(1, '26', '万只'), withUnit(2, '7', '件'), withUnit(3, '5', '千件')];
    lines.push(...plainRows(300).map((l, i) => l.replace(/,(\d+),描述/, `,$1,${i % 2 ? '台' : ''},描述`)));
    lines.push(withUnit(400, '9', '万台'));
    const { found } = await findings(`${lines.join('\n')}\n`);
    expect(found).toEqual([
      ['value.unit.scaled', '2', 'I'],
      ['value.unit.scaled', '4', 'I'],
      ['value.unit.scaled', '305', 'I'],
    ]);
  });
});

describe('spaces between digits', () => {
  it('are grouping, held to threes like commas, on every path', async () => {
    const lines = [
      HEADER,
      row(1, '"12 34"'),
      row(2, '"1 234"'),
      row(3, '" 12 "'),
      row(4, '12\u00a034'),
      row(5, '12\u300034'),
    ];
    lines.push(...plainRows(300));
    const { report, found } = await findings(`${lines.join('\n')}\n`);
    expect(found).toEqual([
      ['value.quantity.invalid', '2', 'H'],
      ['value.quantity.invalid', '5', 'H'],
      ['value.quantity.invalid', '6', 'H'],
    ]);
    expect(report.findings[0]).toMatchObject({ message: expect.stringContaining('每三位') });
  });
});
