/**
 * A quarter whose national figures come from a record-level export
 * (national-recalls): the home province's checks hold as for the province
 * table. Without them the build printed 前三季度湖南省…召回1次…60件 beside
 * 第三季度…召回2次…200件, or left 湖南省 out of 全国有1个省(市)局, with exit 0.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin, tempDir } from '../helpers/cli.js';

const RECALLS_HEADER = '发布日期,生产者,产品名称,型号,产品类别,市州,缺陷类型,召回数量,缺陷描述,典型案例';
const recall = (maker: string) => `2022-08-20,${maker},测试产品,X1,01,长沙,机械物理,100,描述,否`;

/** A data folder whose 2022Q3 has these records (100 件 each) and this national export. */
function quarter(makers: string[], national: string[]): string {
  const data = tempDir();
  mkdirSync(join(data, '2022Q3'));
  writeFileSync(join(data, '2022Q3', 'recalls.csv'), `${[RECALLS_HEADER, ...makers.map(recall)].join('\n')}\n`);
  writeFileSync(
    join(data, '2022Q3', 'national-recalls.csv'),
    // A recall of an earlier year: an export of this year alone is not the history (national.recalls.partial).
    `${['发布日期,省份,产品类别,召回数量', '2021-05-01,广东省,02,10', ...national].join('\n')}\n`,
  );
  return data;
}

interface Finding {
  severity: string;
  code: string;
  file: string;
  row: number | null;
  message: string;
}

async function validate(data: string): Promise<{ code: number | null; findings: Finding[] }> {
  const r = await bulletin(['validate', join(data, '2022Q3'), '--json']);
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings };
}

const build = (data: string) =>
  bulletin(['build', '--quarter', '2022Q3', '--data', data, '--out', tempDir(), '--format', 'html']);

describe('the home province against a national record-level export', () => {
  it("refuses an export whose year for 湖南省 is below the quarter's own records", async () => {
    const data = quarter(['测试企业X', 'B'], ['2022-08-02,广东省,01,60', '2022-08-02,湖南省,01,60']);
    const r = await build(data);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[contradiction.home.year]');
    expect(r.stderr).toContain('多于全国召回记录中湖南省本年的 1 次、60 件');
    const v = await validate(data);
    const errors = v.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.code, f.file, f.row])).toEqual([
      ['contradiction.home.year', expect.stringMatching(/2022Q3\/recalls\.csv$/), null],
    ]);
  });

  it('refuses an export with no recall of 湖南省 while its records have one, naming the export', async () => {
    const data = quarter(['测试企业X'], ['2022-08-02,广东省,01,60']);
    const r = await build(data);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[national.province.home-missing]');
    const v = await validate(data);
    const errors = v.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.code, f.file, f.row])).toEqual([
      ['national.province.home-missing', expect.stringMatching(/2022Q3\/national-recalls\.csv$/), null],
    ]);
    expect(errors[0]?.message).toContain('全国召回记录中没有湖南省本年的召回');
  });

  it("builds an export that holds the quarter's records in 湖南省's year", async () => {
    const data = quarter(
      ['测试企业X'],
      ['2022-08-02,广东省,01,60', '2022-05-02,湖南省,01,40', '2022-08-20,湖南省,01,100'],
    );
    const r = await build(data);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('contradiction.home.year');
    expect(r.stderr).not.toContain('home-missing');
  });
});
