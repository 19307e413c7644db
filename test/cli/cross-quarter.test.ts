/**
 * Figures that must agree across quarters, checked by validate and build
 * alike, on temporary copies of the bundled data with one figure changed.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin } from '../helpers/cli.js';
import { codes, dataWith, validate, type Finding } from '../helpers/edited-data.js';

async function build(cwd: string): Promise<{ code: number | null; issues: Finding[]; written: boolean }> {
  const out = join(cwd, 'out');
  const r = await bulletin(['build', '--quarter', '2022Q3', '--format', 'html', '--json', '--out', out], { cwd });
  const doc = JSON.parse(r.stdout) as { issues: Finding[]; outputs: string[] };
  return { code: r.code, issues: doc.issues, written: doc.outputs.length > 0 };
}

interface Unavailable {
  quarter: string;
  code: string;
}

describe('the bundled quarters agree with each other', () => {
  it('2022Q1, 2022Q2 and 2022Q3 give no cross-quarter finding', async () => {
    for (const q of ['2022Q1', '2022Q2', '2022Q3']) {
      const r = await bulletin(['validate', `data/${q}`, '--json']);
      expect(
        codes(JSON.parse(r.stdout).findings).filter((c: string) =>
          /^reconcile\.(home\.ytd|national\.(ytd|quarter|rank|cumulative)|issue|quarters)/.test(c),
        ),
        q,
      ).toEqual([]);
    }
  });
});

// A stale 历年来 (850 次 after 845, with 29 次 this quarter) printed as the national headline, exit 0.
describe('reconcile.national.cumulative: 累计 grows with 本年 within a year', () => {
  const HEAD = '电子电器,01,874,26520643,100,550242,29,503384';
  const TOTAL = '合计,11,3895,82558717,471,2288116,193,1578498';

  it('a 累计 that grew by less than 本年 since 2022Q2 is an error naming both', async () => {
    const cwd = dataWith({
      '2022Q3/national-categories.csv': [
        [HEAD, '电子电器,01,850,26020000,100,550242,29,503384'],
        [TOTAL, ''],
      ],
    });
    const v = await validate(cwd);
    expect(v.code).toBe(1);
    const f = v.findings.filter((x) => x.code === 'reconcile.national.cumulative');
    expect(f.map((x) => x.severity)).toEqual(['error']);
    expect(f[0]?.message).toContain('电子电器 累计减本年 本期 750 次、25469758 件，2022Q2 为 774 次、');
  });

  it('one that grew by more (a late filing for an earlier year) is a warning', async () => {
    const cwd = dataWith({
      '2022Q3/national-categories.csv': [
        [HEAD, '电子电器,01,875,26520643,100,550242,29,503384'],
        [TOTAL, ''],
      ],
    });
    const v = await validate(cwd);
    expect(v.findings.filter((x) => x.code === 'reconcile.national.cumulative').map((x) => x.severity)).toEqual([
      'warning',
    ]);
  });
});

describe('reconcile.home.ytd', () => {
  it("Hunan's 本年 against its three quarters' records: both figures, every source, the difference", async () => {
    const cwd = dataWith({ '2022Q3/national-provinces.csv': [['1,湖南省,34,570443', '1,湖南省,36,570443']] });
    const v = await validate(cwd);
    expect(v.code).toBe(0);
    const f = v.findings.find((x) => x.code === 'reconcile.home.ytd')!;
    expect(f.severity).toBe('warning');
    expect(f.file).toBe('data/2022Q3/national-provinces.csv');
    for (const s of [
      '湖南省本年为 36 次、570443 件',
      '合计为 34 次、570443 件',
      '2022Q1 10 次、57758 件（data/2022Q1）',
      '2022Q2 16 次、94237 件（data/2022Q2）',
      '2022Q3 8 次、418448 件（data/2022Q3/recalls.xlsx）',
      '相差 2 次、0 件',
    ])
      expect(f.message).toContain(s);
    // Loose files inside the quarter folder are checked the same way.
    const files = ['recalls.xlsx', 'national-categories.csv', 'national-provinces.csv'].map((f) => `data/2022Q3/${f}`);
    const loose = JSON.parse((await bulletin(['validate', ...files, '--quarter', '2022Q3', '--json'], { cwd })).stdout);
    expect(loose.findings.find((x: Finding) => x.code === 'reconcile.home.ytd')?.message).toBe(f.message);
    // The build reports the same finding, as a warning that does not stop it.
    const b = await build(cwd);
    expect(b.code).toBe(0);
    expect(b.issues.find((x) => x.code === 'reconcile.home.ytd')?.message).toBe(f.message);
  });

  it('uses an archived stats.json for an earlier quarter whose data folder is gone', async () => {
    const cwd = dataWith({ '2022Q3/national-provinces.csv': [['1,湖南省,34,570443', '1,湖南省,34,570000']] });
    const out = join(cwd, 'out');
    expect(
      (await bulletin(['build', '--quarter', '2022Q1', '--format', 'html', '--out', out, '--quiet'], { cwd })).code,
    ).toBe(0);
    mkdirSync(join(cwd, 'data', 'archive', '2022Q1'));
    cpSync(join(out, '2022Q1', 'stats.json'), join(cwd, 'data', 'archive', '2022Q1', 'stats.json'));
    rmSync(join(cwd, 'data', '2022Q1'), { recursive: true });
    rmSync(out, { recursive: true });
    // 本年 below the year's own records: an error, not the warning of a 本年 above them.
    const v = await validate(cwd);
    expect(v.code).toBe(1);
    const f = v.findings.find((x) => x.code === 'contradiction.home.ytd');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain(
      '湖南省本年为 34 次、570000 件，少于本省 2022 年各季度召回记录合计为 34 次、570443 件',
    );
    expect(f?.message).toContain('2022Q1 10 次、57758 件（data/archive/2022Q1/stats.json）');
    expect(f?.message).toContain('相差 0 次、-443 件');
    expect(codes(v.findings)).not.toContain('reconcile.home.ytd');
  });

  it('an earlier quarter with errors is not used, and the finding says the checks against it were not made', async () => {
    const cwd = dataWith({ '2022Q1/recalls.csv': [['电取暖器', '']] });
    const v = await validate(cwd);
    expect(v.code).toBe(0);
    const f = v.findings.find((x) => x.code === 'reconcile.quarters.unavailable');
    expect(f?.message).toMatch(/没有与 2022Q1 核对.*2022Q1 的数据有 \d+ 个错误/);
    expect(codes(v.findings)).not.toContain('reconcile.home.ytd');
  });
});

describe('reconcile.national.ytd-decrease', () => {
  it('a national 本年 below the previous quarter’s is an error: validate and build exit 1, nothing written', async () => {
    const cwd = dataWith({
      '2022Q3/national-categories.csv': [['电子电器,01,874,26520643,100,550242', '电子电器,01,874,26520643,60,550242']],
    });
    const v = await validate(cwd);
    expect(v.code).toBe(1);
    const f = v.findings.find((x) => x.code === 'reconcile.national.ytd-decrease')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('电子电器 本期 60 次、550242 件，2022Q2 为 71 次、46858 件，相差 -11 次、503384 件');
    expect(f.message).toContain('data/2022Q2');
    const b = await build(cwd);
    expect(b.code).toBe(1);
    expect(b.written).toBe(false);
    expect(codes(b.issues)).toContain('reconcile.national.ytd-decrease');
    // stats gives no figures build would refuse: the same finding, exit 1.
    const s = await bulletin(['stats', '--quarter', '2022Q3', '--json'], { cwd });
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('2022Q3 的数据有 1 个错误，不能用于统计或比较。');
    expect(s.stdout).toContain('reconcile.national.ytd-decrease');
    // Nor does compare, alone or in a range: the quarter is refused, not compared.
    const c = await bulletin(['compare', '2022Q2', '2022Q3', '--json'], { cwd });
    expect(c.code).toBe(1);
    expect(c.stdout).toContain('reconcile.national.ytd-decrease');
    const range = await bulletin(['compare', '2022Q1..2022Q3', '--json'], { cwd });
    expect(range.code).toBe(1);
    const doc = JSON.parse(range.stdout) as { series: Array<{ period: { id: string } }>; skipped: Unavailable[] };
    expect(doc.series.map((e) => e.period.id)).toEqual(['2022Q1', '2022Q2']);
    expect(doc.skipped.map((u) => [u.quarter, u.code])).toEqual([['2022Q3', 'data.quarter.invalid']]);
  });

  it('a province missing from this quarter’s table that had recalls before has gone down too', async () => {
    const cwd = dataWith({ '2022Q3/national-provinces.csv': [['19,海南省,1,560,,\r\n', '']] });
    const f = (await validate(cwd)).findings.find((x) => x.code === 'reconcile.national.ytd-decrease');
    expect(f?.message).toContain('海南省 本期 0 次、0 件，2022Q2 为 1 次、560 件');
  });

  it('a row rejected for an error of its own is not compared as 0 with the earlier quarters', async () => {
    // 本季度 above 本年: contradiction.national.period rejects the row; it is not 本期 0 次 besides.
    const cwd = dataWith({
      '2022Q3/national-categories.csv': [
        ['电子电器,01,874,26520643,100,550242,29,503384', '电子电器,01,874,26520643,100,550242,29,5033840'],
      ],
    });
    const v = await validate(cwd);
    expect(v.code).toBe(1);
    expect(codes(v.findings)).toContain('contradiction.national.period');
    expect(codes(v.findings)).not.toContain('reconcile.national.ytd-decrease');
    expect(codes(v.findings)).not.toContain('reconcile.national.quarter');
    expect(v.findings.map((f) => f.message).join('\n')).not.toContain('本期 0 次');
  });

  it('with the quarter between missing, against the latest earlier quarter that has figures', async () => {
    const cwd = dataWith({
      '2022Q3/national-provinces.csv': [['1,湖南省,34,570443,8,418448', '1,湖南省,9,570443,8,418448']],
    });
    rmSync(join(cwd, 'data', '2022Q2'), { recursive: true });
    const v = await validate(cwd);
    expect(v.code).toBe(1);
    const f = v.findings.find((x) => x.code === 'reconcile.national.ytd-decrease');
    expect(f?.message).toContain('比本年此前的 2022Q1（data/2022Q1）还少');
    expect(f?.message).toContain('湖南省 本期 9 次、570443 件，2022Q1 为 10 次、57758 件，相差 -1 次、512685 件');
    expect((await build(cwd)).written).toBe(false);
  });
});

describe('reconcile.national.quarter', () => {
  it('本季度 against 本年 minus the previous quarter’s 本年', async () => {
    const cwd = dataWith({
      '2022Q3/national-provinces.csv': [['2,安徽省,101,472249,29,266553', '2,安徽省,101,472249,30,266553']],
    });
    const f = (await validate(cwd)).findings.find((x) => x.code === 'reconcile.national.quarter')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('安徽省 本季度 30 次、266553 件，本年减上季度本年为 29 次、266553 件，相差 1 次、0 件');
  });
});

describe('reconcile.national.rank', () => {
  it('a 序号 that is not the printed order names the row, the column and the rank it should be', async () => {
    const cwd = dataWith({ '2022Q3/national-provinces.csv': [['2,安徽省', '5,安徽省']] });
    const f = (await validate(cwd)).findings.find((x) => x.code === 'reconcile.national.rank')!;
    expect(f).toMatchObject({ severity: 'warning', row: 3, column: 'A', value: '5' });
    expect(f.message).toContain('安徽省 序号为 5，按本年召回数量 472249 件应为第 2');
  });
});

describe('reconcile.issue.number', () => {
  it('a gap in 期号 and 总期号 against the quarter before and after', async () => {
    const cwd = dataWith({
      '2022Q3/issue.json': [['"number": 3,\n  "totalNumber": 3', '"number": 5,\n  "totalNumber": 5']],
    });
    // The quarter after: a folder begun for 2022Q4 with its issue.json filled in.
    mkdirSync(join(cwd, 'data', '2022Q4'));
    writeFileSync(join(cwd, 'data', '2022Q4', 'issue.json'), '{ "number": 4, "totalNumber": 4 }\n');
    const f = (await validate(cwd)).findings.find((x) => x.code === 'reconcile.issue.number')!;
    expect(f.file).toBe('data/2022Q3/issue.json');
    expect(f.message).toContain('2022年第二季度是第2期，2022年第三季度是第5期，应为第3期');
    expect(f.message).toContain('2022年第三季度是总第5期，2022年第四季度是总第4期，应为总第6期');
  });
});
