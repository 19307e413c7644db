import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bulletin, tempDir } from '../helpers/cli.js';

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
const period = z
  .object({
    id: z.string(),
    label: z.string(),
    province: z
      .object({ recalls: z.number(), quantity: z.number(), rank: z.number().nullable(), rows: rowsByDim })
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
        rank: z.object({ from: z.number().nullable(), to: z.number().nullable() }).strict(),
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
  })
  .strict();

describe('bulletin stats', () => {
  it('--json is the stats.json the build writes, with a schema version', () => {
    const out = tempDir();
    expect(bulletin(['build', '--quarter', '2022Q3', '--out', out, '--format', 'html', '--quiet']).code).toBe(0);
    const r = bulletin(['stats', '--quarter', '2022Q3', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(out, '2022Q3', 'stats.json'), 'utf8'));
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
  });

  it('--csv and --md list every figure; CSV cells cannot run as formulas', () => {
    const csv = bulletin(['stats', '--quarter', '2022Q3', '--csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('本省按类别,家用日用品,04,1,257500,12.50,61.54');
    expect(csv.stdout).toContain('全国本年,合计,,471,2288116,,');
    expect(csv.stdout).toContain('国外,欧盟,,1083,未公开,74.79,');
    const md = bulletin(['stats', '--quarter', '2022Q3', '--md']);
    expect(md.stdout).toContain('| 本省按市州 | 邵阳 | 430500 | 2 | 258000 |  | 61.66 |');
  });

  it('reads an archived quarter when its data folder is gone, and says so', () => {
    const r = bulletin(['stats', '--quarter', '2021Q4']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('数据来源：存档 data/archive/2021Q4/stats.json');
    expect(r.stdout).toMatch(/全国本年\s+合计\s+549\s+7230000/);
  });

  it('exits 3 for a quarter with no data and 2 for a bad quarter', () => {
    expect(bulletin(['stats', '--quarter', '2019Q1']).code).toBe(3);
    expect(bulletin(['stats', '--quarter', '2019Q9']).code).toBe(2);
  });
});

describe('bulletin compare', () => {
  it('--ytd --json: 2022 H1 against 2021 H1, in the documented shape', () => {
    const r = bulletin(['compare', '2021Q2', '2022Q2', '--ytd', '--json']);
    expect(r.code).toBe(0);
    const doc = COMPARE.parse(JSON.parse(r.stdout));
    expect(doc.comparison?.national?.recalls.pct).toBe(29.91);
    expect(doc.comparison?.national?.quantity.pct).toBe(-86.19);
  });

  it('prints a table with the sources, and Markdown and CSV on request', () => {
    const r = bulletin(['compare', '2022Q2', '2022Q3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2022年第二季度 → 2022年第三季度（环比）');
    expect(r.stdout).toMatch(/湖南省\s+合计\s+召回数量\s+94237\s+418448\s+\+324211\s+\+344\.04%/);
    expect(r.stderr).toContain('数据来源：2022Q2 数据 data/2022Q2；2022Q3 数据 data/2022Q3');
    expect(bulletin(['compare', '2022Q2', '2022Q3', '--md']).stdout).toContain(
      '| 全国 | 合计 | 召回次数 | 162 | 193 | +31 | +19.14% |  |',
    );
    const csv = bulletin(['compare', '2022Q2', '2022Q3', '--csv', '--by', 'category']).stdout;
    // Numbers stay numbers a spreadsheet or pandas reads: no apostrophe, no % or 个百分点 in numeric cells.
    expect(csv).toContain('湖南省,电子电器,召回数量,17466,150,-17316,-99.14,-18.5');
    expect(csv.split('\r\n')[0]).toBe('\ufeff范围,项目,指标,起,止,变化,变化率(%),占比变化(个百分点)');
    expect(csv).toContain('湖南省,合计,全国排名,2,1,1,,');
  });

  it("a range with --by lists every period's items in table, Markdown and CSV", () => {
    const args = ['compare', '2022Q1..2022Q3', '--by', 'category'];
    const table = bulletin(args).stdout;
    expect(table).toMatch(/2022年第三季度\s+湖南省\s+电子电器\s+1\s+150\s+-99\.14%/);
    const md = bulletin([...args, '--md']).stdout;
    expect(md).toContain('| 2022年第三季度 | 湖南省 | 电子电器 | 1 | 150 | -99.14% |  |');
    expect(md).toContain('| 2022年第三季度 | 全国 | 电子电器 |');
    const csv = bulletin([...args, '--csv']).stdout;
    expect(csv.split('\r\n')[0]).toBe('\ufeff期间,范围,项目,召回次数,召回数量,数量环比(%),数量同比(%)');
    expect(csv).toContain('2022年第三季度,湖南省,电子电器,1,150,-99.14,');
  });

  it('a series, and a change from zero shown as 新增', () => {
    const r = bulletin(['compare', '2021Q1..2022Q4', '--json']);
    const doc = COMPARE.parse(JSON.parse(r.stdout));
    expect(doc.series?.map((e) => e.period.id)).toEqual(['2021Q2', '2021Q4', '2022Q1', '2022Q2', '2022Q3']);
    const table = bulletin(['compare', '2022Q2', '2022Q3', '--by', 'defect']).stdout;
    expect(table).toMatch(/湖南省\s+电气安全\s+召回次数/);
  });

  it('exits 2 for a bad --by and 3 for a quarter with no data', () => {
    expect(bulletin(['compare', '2022Q2', '2022Q3', '--by', 'colour']).code).toBe(2);
    expect(bulletin(['compare', '2019Q1', '2022Q3']).code).toBe(3);
  });
});

describe('the bulletin says how the quarter moved', () => {
  it('adds the 环比 sentence and the rank change when the previous quarter is available', () => {
    const out = tempDir();
    expect(bulletin(['build', '--quarter', '2022Q3', '--out', out, '--format', 'html', '--quiet']).code).toBe(0);
    expect(readFileSync(join(out, '2022Q3', 'bulletin.html'), 'utf8')).toContain(
      '共召回缺陷产品418448件。与上季度相比，召回次数环比下降50.00%，召回数量环比增长344.04%，全国排名由第二上升至第一。',
    );
  });
});
