import { cpSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dataWith } from '../helpers/edited-data.js';
import { bulletin, ROOT, tempDir } from '../helpers/cli.js';

const change = z.object({ from: z.number(), to: z.number(), diff: z.number(), pct: z.number().nullable() }).strict();
const dimChange = z
  .object({
    key: z.string(),
    name: z.string(),
    recalls: change,
    quantity: change,
    share: z.object({ from: z.number(), to: z.number(), pp: z.number() }).strict(),
  })
  .strict();
const figure = z.object({ key: z.string(), name: z.string(), recalls: z.number(), quantity: z.number() }).strict();
const rowsByDim = z
  .object({
    category: z.array(figure).optional(),
    region: z.array(figure).optional(),
    defect: z.array(figure).optional(),
    province: z.array(figure).optional(),
  })
  .strict();
const countQty = z.object({ recalls: z.number(), quantity: z.number() }).strict();
const period = z
  .object({
    id: z.string(),
    label: z.string(),
    province: z
      .object({
        recalls: z.number(),
        quantity: z.number(),
        rank: z.number().nullable(),
        rankTied: z.boolean(),
        rows: rowsByDim,
        sources: z.object({ records: countQty.nullable(), national: countQty.nullable() }).strict().optional(),
      })
      .strict(),
    national: z.object({ recalls: z.number(), quantity: z.number(), rows: rowsByDim }).strict().nullable(),
  })
  .strict();
const comparison = z
  .object({
    from: period,
    to: period,
    kind: z.enum(['同比', '环比']).nullable(),
    province: z
      .object({
        recalls: change,
        quantity: change,
        rank: z
          .object({
            from: z.number().nullable(),
            to: z.number().nullable(),
            fromTied: z.boolean(),
            toTied: z.boolean(),
          })
          .strict(),
        basis: z.enum(['records', 'national', 'mixed']),
        rows: z.array(dimChange).nullable(),
      })
      .strict(),
    national: z
      .object({ recalls: change, quantity: change, rows: z.array(dimChange).nullable() })
      .strict()
      .nullable(),
  })
  .strict();
/** The documented shape of `bulletin compare --json` (README). */
const COMPARE = z
  .object({
    schemaVersion: z.literal(1),
    comparison: comparison.nullable(),
    series: z.array(z.object({ period, qoq: comparison.nullable(), yoy: comparison.nullable() }).strict()).nullable(),
    sources: z.array(z.object({ quarter: z.string(), source: z.enum(['data', 'archive']), path: z.string() }).strict()),
    skipped: z.array(
      z
        .object({
          quarter: z.string(),
          reason: z.enum(['missing', 'invalid', 'unreadable', 'damaged']),
          code: z.string(),
          message: z.string(),
          hint: z.string(),
        })
        .strict(),
    ),
  })
  .strict();

describe('bulletin stats', () => {
  it('--json is the stats.json the build writes, with a schema version', async () => {
    const out = tempDir();
    expect((await bulletin(['build', '--quarter', '2022Q3', '--out', out, '--format', 'html', '--quiet'])).code).toBe(
      0,
    );
    const r = await bulletin(['stats', '--quarter', '2022Q3', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(out, '2022Q3', 'stats.json'), 'utf8'));
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
  });

  it('--csv prints the shares at the configured decimals, as the bulletin does', async () => {
    const cwd = tempDir();
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    writeFileSync(join(cwd, 'bulletin.config.json'), JSON.stringify({ decimals: 0 }));
    const csv = await bulletin(['stats', '--quarter', '2022Q3', '--csv'], { cwd });
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('本省按类别,家用日用品,04,1,257500,13,62');
    expect(csv.stdout).toContain('国外,欧盟,,1083,未公开,75,');
  });

  it('--csv and --md list every figure; CSV cells cannot run as formulas', async () => {
    const csv = await bulletin(['stats', '--quarter', '2022Q3', '--csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('本省按类别,家用日用品,04,1,257500,12.50,61.54');
    expect(csv.stdout).toContain('全国本年,合计,,471,2288116,,');
    expect(csv.stdout).toContain('国外,欧盟,,1083,未公开,74.79,');
    const md = await bulletin(['stats', '--quarter', '2022Q3', '--md']);
    expect(md.stdout).toContain('| 本省按市州 | 邵阳 | 430500 | 2 | 258000 |  | 61.66 |');
  });

  it('finds the records by the same rule as build: Recalls.XLSX is recalls.xlsx', async () => {
    const cwd = tempDir();
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    renameSync(join(cwd, 'data', '2022Q3', 'recalls.xlsx'), join(cwd, 'data', '2022Q3', 'Recalls.XLSX'));
    const stats = await bulletin(['stats', '--quarter', '2022Q3', '--json'], { cwd });
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout).totals).toMatchObject({ recalls: 8, quantity: 418448 });
    const compare = await bulletin(['compare', '2022Q2', '2022Q3', '--json'], { cwd });
    expect(compare.code, compare.stderr).toBe(0);
    expect(JSON.parse(compare.stdout).sources[1]).toMatchObject({ quarter: '2022Q3', source: 'data' });
    const build = await bulletin(['build', '--quarter', '2022Q3', '--format', 'html', '--out', join(cwd, 'out')], {
      cwd,
    });
    expect(build.code, build.stderr).toBe(0);
  });

  it('reads an archived quarter when its data folder is gone, and says so', async () => {
    const r = await bulletin(['stats', '--quarter', '2021Q4']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('数据来源：存档 data/archive/2021Q4/stats.json');
    expect(r.stdout).toMatch(/全国本年\s+合计\s+549\s+7230000/);
  });

  it('exits 3 for a quarter with no data and 2 for a bad quarter', async () => {
    expect((await bulletin(['stats', '--quarter', '2019Q1'])).code).toBe(3);
    expect((await bulletin(['stats', '--quarter', '2019Q9'])).code).toBe(2);
  });
});

describe('bulletin compare', () => {
  it('a category at zero in both quarters is 持平 in the table and empty in CSV, as --json says null', async () => {
    const cwd = tempDir();
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    const line = (out: string) => out.split('\n').find((l) => /^湖南省\s*,?\s*家具\s*,?\s*召回数量/.test(l)) ?? '';
    const table = await bulletin(['compare', '2022Q2', '2022Q3', '--by', 'category'], { cwd });
    expect(line(table.stdout)).toMatch(/\s0\s+0\s+0\s+持平\s/);
    const csv = await bulletin(['compare', '2022Q2', '2022Q3', '--by', 'category', '--csv'], { cwd });
    expect(line(csv.stdout)).toBe('湖南省,家具,召回数量,0,0,0,,0\r');
    const json = JSON.parse(
      (await bulletin(['compare', '2022Q2', '2022Q3', '--by', 'category', '--json'], { cwd })).stdout,
    );
    expect(JSON.stringify(json)).toContain('"from":0,"to":0,"diff":0,"pct":null');
  });

  it('--ytd --json: 2022 H1 against 2021 H1, in the documented shape', async () => {
    const r = await bulletin(['compare', '2021Q2', '2022Q2', '--ytd', '--json']);
    expect(r.code).toBe(0);
    const doc = COMPARE.parse(JSON.parse(r.stdout));
    expect(doc.comparison?.national?.recalls.pct).toBe(29.91);
    expect(doc.comparison?.national?.quantity.pct).toBe(-86.19);
  });

  it('--ytd --by refuses, naming the quarters missing, where only the total can be had (it printed no items, exit 0)', async () => {
    const r = await bulletin(['compare', '2021Q2', '2022Q2', '--ytd', '--by', 'category']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('无法按类别比较 2021 年截至 2021Q2 的累计：缺少 2021Q1 的数据');
  });

  it('prints a table with the sources, and Markdown and CSV on request', async () => {
    const r = await bulletin(['compare', '2022Q2', '2022Q3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2022年第二季度 → 2022年第三季度（环比）');
    expect(r.stdout).toMatch(/湖南省\s+合计\s+召回数量\s+94237\s+418448\s+\+324211\s+\+344\.04%/);
    expect(r.stderr).toContain('数据来源：2022Q2 数据 data/2022Q2；2022Q3 数据 data/2022Q3');
    expect((await bulletin(['compare', '2022Q2', '2022Q3', '--md'])).stdout).toContain(
      '| 全国 | 合计 | 召回次数 | 162 | 193 | +31 | +19.14% |  |',
    );
    const csv = (await bulletin(['compare', '2022Q2', '2022Q3', '--csv', '--by', 'category'])).stdout;
    // Numbers stay numbers a spreadsheet or pandas reads: no apostrophe, no % or 个百分点 in numeric cells.
    expect(csv).toContain('湖南省,电子电器,召回数量,17466,150,-17316,-99.14,-18.5');
    expect(csv.split('\r\n')[0]).toBe('\ufeff范围,项目,指标,起,止,变化,变化率(%),占比变化(个百分点)');
    expect(csv).toContain('湖南省,合计,全国排名,2,1,1,,');
  });

  it("a range with --by lists every period's items in table, Markdown and CSV", async () => {
    const args = ['compare', '2022Q1..2022Q3', '--by', 'category'];
    const table = (await bulletin(args)).stdout;
    expect(table).toMatch(/2022年第三季度\s+湖南省\s+电子电器\s+1\s+150\s+-99\.14%/);
    const md = (await bulletin([...args, '--md'])).stdout;
    expect(md).toContain('| 2022年第三季度 | 湖南省 | 电子电器 | 1 | 150 | -99.14% |  |');
    expect(md).toContain('| 2022年第三季度 | 全国 | 电子电器 |');
    const csv = (await bulletin([...args, '--csv'])).stdout;
    expect(csv.split('\r\n')[0]).toBe('\ufeff期间,范围,项目,召回次数,召回数量,数量环比(%),数量同比(%)');
    expect(csv).toContain('2022年第三季度,湖南省,电子电器,1,150,-99.14,');
  });

  /** The bundled data plus a 2022Q4 begun with bulletin init (its stand-ins left: invalid). */
  async function withUnfinishedQ4(): Promise<string> {
    const cwd = tempDir();
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    expect((await bulletin(['init', '2022Q4'], { cwd })).code).toBe(0);
    return cwd;
  }

  it('a series lists every quarter it could not use, with the reason, and exits 1', async () => {
    const cwd = await withUnfinishedQ4();
    const r = await bulletin(['compare', '2021Q1..2022Q4', '--json'], { cwd });
    expect(r.code).toBe(1);
    const doc = COMPARE.parse(JSON.parse(r.stdout));
    expect(doc.series?.map((e) => e.period.id)).toEqual(['2021Q2', '2021Q4', '2022Q1', '2022Q2', '2022Q3']);
    expect(doc.skipped.map((u) => [u.quarter, u.reason])).toEqual([
      ['2021Q1', 'missing'],
      ['2021Q3', 'missing'],
      ['2022Q4', 'invalid'],
    ]);
    expect(doc.skipped[2]?.message).toMatch(/2022Q4 的数据有 \d+ 个错误/);
    const table = await bulletin(['compare', '2021Q1..2022Q4'], { cwd });
    expect(table.code).toBe(1);
    expect(table.stdout).toBe('');
    expect(table.stderr).toContain('以下 3 个季度没有可用的数据');
    expect(table.stderr).toMatch(/2022Q4：2022Q4 的数据有 \d+ 个错误/);
    expect(table.stderr).toContain('--allow-gaps');
  });

  it('--allow-gaps prints the series with a note and exits 0; the JSON still lists what was skipped', async () => {
    const cwd = await withUnfinishedQ4();
    const r = await bulletin(['compare', '2021Q1..2022Q4', '--allow-gaps'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2022年第三季度');
    expect(r.stderr).toContain('注意：以下 3 个季度没有可用的数据，已跳过（--allow-gaps）');
    const doc = COMPARE.parse(
      JSON.parse((await bulletin(['compare', '2021Q1..2022Q4', '--json', '--allow-gaps'], { cwd })).stdout),
    );
    expect(doc.skipped.map((u) => u.quarter)).toEqual(['2021Q1', '2021Q3', '2022Q4']);
  });

  it('a refused quarter lists its findings (where, what, what to do) before the error, not only in --json', async () => {
    const cwd = tempDir();
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    writeFileSync(join(cwd, 'data', '2022Q2', 'recalls.csv'), '');
    const r = await bulletin(['stats', '--quarter', '2022Q2'], { cwd });
    // A file that cannot be read is an input failure, as build and validate give it.
    expect(r.code).toBe(3);
    const finding = r.stderr.indexOf('错误 data/2022Q2/recalls.csv：文件是空的（0 字节）。');
    expect(finding).toBeGreaterThanOrEqual(0);
    expect(r.stderr).toContain('→ 请重新导出该文件。  [input.file.empty]');
    expect(r.stderr.indexOf('错误：2022Q2 的数据有 1 个错误')).toBeGreaterThan(finding);
  });

  it('data with errors (every file read) is a data failure: exit 1, data.quarter.invalid', async () => {
    const cwd = tempDir();
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    writeFileSync(join(cwd, 'data', '2022Q2', 'recalls.csv'), '序号,发布日期,生产者\n1,2022-05-01,某公司\n');
    const r = await bulletin(['stats', '--quarter', '2022Q2', '--json'], { cwd });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'data.quarter.invalid', exitCode: 1 });
  });

  it('a range with one broken quarter names it: exit 1, or 0 with --allow-gaps', async () => {
    const cwd = tempDir();
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    writeFileSync(join(cwd, 'data', '2022Q2', 'recalls.csv'), '');
    const r = await bulletin(['compare', '2022Q1..2022Q3', '--json'], { cwd });
    expect(r.code).toBe(1);
    const doc = COMPARE.parse(JSON.parse(r.stdout));
    expect(doc.skipped.map((u) => [u.quarter, u.reason, u.code])).toEqual([
      ['2022Q2', 'unreadable', 'input.quarter.unreadable'],
    ]);
    expect(doc.series?.map((e) => e.period.id)).toEqual(['2022Q1', '2022Q3']);
    const allowed = await bulletin(['compare', '2022Q1..2022Q3', '--allow-gaps'], { cwd });
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain('2022Q2：2022Q2 的数据有');
  });

  // 第二 → 第一 was printed where the issue says 位居全国并列第一.
  it('a shared rank is compared as one: 并列第一 in the table, toTied in JSON', async () => {
    const cwd = dataWith({
      '2022Q3/national-provinces.csv': [['3,广东省,44,372329,36,359790', '3,广东省,34,570443,26,557904']],
    });
    const json = JSON.parse((await bulletin(['compare', '2022Q2', '2022Q3', '--json'], { cwd })).stdout);
    expect(json.comparison.province.rank).toEqual({ from: 2, to: 1, fromTied: false, toTied: true });
    const table = (await bulletin(['compare', '2022Q2', '2022Q3'], { cwd })).stdout;
    expect(table).toMatch(/全国排名\s+第二\s+并列第一/);
  });

  // 2021 H1 from the national row against 2022 H1 from the records: two counts that disagree, mixed.
  it('--ytd takes both years from one source: the national rows the issues print, when both have one', async () => {
    const cwd = dataWith({
      '2022Q2/national-provinces.csv': [['2,湖南省,26,151995,16,94237', '2,湖南省,30,160000,20,102242']],
    });
    const r = await bulletin(['compare', '2021Q2', '2022Q2', '--ytd', '--json'], { cwd });
    const doc = COMPARE.parse(JSON.parse(r.stdout));
    expect(doc.comparison?.province.basis).toBe('national');
    expect([doc.comparison?.province.recalls.to, doc.comparison?.province.quantity.to]).toEqual([30, 160000]);
  });

  // 2021年全年 → 2022年前三季度 -14.21% was printed without a word: four quarters against three.
  it('--ytd of periods of different length says so', async () => {
    const r = await bulletin(['compare', '2021Q4', '2022Q3', '--ytd']);
    expect(r.stderr).toContain('注意：2021年全年与2022年前三季度的时段长短不同，变化率不是同期比较。');
    expect((await bulletin(['compare', '2021Q2', '2022Q2', '--ytd'])).stderr).not.toContain('时段长短不同');
  });

  it('compares by defect type', async () => {
    const table = (await bulletin(['compare', '2022Q2', '2022Q3', '--by', 'defect'])).stdout;
    expect(table).toMatch(/湖南省\s+电气安全\s+召回次数/);
  });

  it('exits 2 for a bad --by and 3 for a quarter with no data', async () => {
    expect((await bulletin(['compare', '2022Q2', '2022Q3', '--by', 'colour'])).code).toBe(2);
    expect((await bulletin(['compare', '2019Q1', '2022Q3'])).code).toBe(3);
  });
});

describe('the trend sentence (同比/环比) is a feature the configuration turns on', () => {
  /** A folder with the bundled data and a configuration with `trend: true`. */
  function trendOn(): string {
    const cwd = tempDir();
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    const config = JSON.parse(readFileSync(join(ROOT, 'bulletin.config.json'), 'utf8'));
    writeFileSync(join(cwd, 'bulletin.config.json'), JSON.stringify({ ...config, trend: true }));
    return cwd;
  }
  const SENTENCE =
    '共召回缺陷产品418448件。与上季度相比，召回次数环比下降50.00%，召回数量环比增长344.04%，全国排名由第二上升至第一。';

  it('off in the bundled configuration: the sample reproduces the seed, and stats.json says trend null', async () => {
    const out = tempDir();
    expect((await bulletin(['build', '--quarter', '2022Q3', '--out', out, '--format', 'html', '--quiet'])).code).toBe(
      0,
    );
    const html = readFileSync(join(out, '2022Q3', 'bulletin.html'), 'utf8');
    expect(html).not.toMatch(/环比|同比|与上季度相比|与上年同期相比/);
    expect(JSON.parse(readFileSync(join(out, '2022Q3', 'stats.json'), 'utf8')).trend).toBeNull();
  });

  it('on, with two sample quarters: the 环比 sentence, and its figures in stats.json and stats --json', async () => {
    const cwd = trendOn();
    const r = await bulletin(['build', '--quarter', '2022Q3', '--out', 'out', '--format', 'html', '--json'], { cwd });
    expect(r.code).toBe(0);
    // The year-ago quarter (2021Q3) has no data: the documented fallback to the quarter before, no warning.
    expect(JSON.parse(r.stdout).issues.map((i: { code: string }) => i.code)).not.toContain('trend.unavailable');
    expect(readFileSync(join(cwd, 'out', '2022Q3', 'bulletin.html'), 'utf8')).toContain(SENTENCE);
    const stats = readFileSync(join(cwd, 'out', '2022Q3', 'stats.json'), 'utf8');
    expect(JSON.parse(stats).trend).toEqual({
      kind: '环比',
      against: '2022Q2',
      recalls: { from: 16, to: 8, diff: -8, pct: -50 },
      quantity: { from: 94237, to: 418448, diff: 324211, pct: 344.04 },
      rank: { from: 2, to: 1, fromTied: false, toTied: false },
    });
    expect((await bulletin(['stats', '--quarter', '2022Q3', '--json'], { cwd })).stdout).toBe(stats);
  });

  it('says so when the quarter to compare with is invalid: a warning, and no sentence', async () => {
    const cwd = trendOn();
    writeFileSync(join(cwd, 'data', '2022Q2', 'recalls.csv'), '');
    const r = await bulletin(['build', '--quarter', '2022Q3', '--out', 'out', '--format', 'html', '--json'], { cwd });
    expect(r.code).toBe(0);
    const note = JSON.parse(r.stdout).issues.find((i: { code: string }) => i.code === 'trend.unavailable');
    expect(note.severity).toBe('warning');
    expect(note.message).toMatch(
      /没有同比\/环比的句子.*2021Q3：找不到 2021Q3 的数据.*2022Q2：2022Q2 的数据有 \d+ 个错误/,
    );
    expect(readFileSync(join(cwd, 'out', '2022Q3', 'bulletin.html'), 'utf8')).not.toContain('与上季度相比');
    expect(JSON.parse(readFileSync(join(cwd, 'out', '2022Q3', 'stats.json'), 'utf8')).trend).toBeNull();
  });
});
