import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bulletin, bulletinProcess, ROOT, tempDir } from '../helpers/cli.js';

/** The documented shape of `bulletin validate --json` (README, "Validation report"). */
const finding = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string().regex(/^[a-z0-9.-]+$/),
  file: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int().positive().nullable(),
  column: z
    .string()
    .regex(/^[A-Z]+$/)
    .nullable(),
  header: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string().min(1),
  hint: z.string().min(1),
});
const rows = z.object({
  read: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  blank: z.number(),
  totalRows: z.number(),
  notes: z.number(),
});
const REPORT = z
  .object({
    schemaVersion: z.literal(1),
    ok: z.boolean(),
    quarter: z.string().nullable(),
    summary: z.object({
      files: z.number(),
      errors: z.number(),
      warnings: z.number(),
      rows: z.object({ read: z.number(), accepted: z.number(), rejected: z.number() }),
    }),
    files: z.array(
      z
        .object({
          file: z.string(),
          kind: z.string().nullable(),
          format: z.string().nullable(),
          sheet: z.string().nullable(),
          encoding: z.string().nullable(),
          headerRow: z.number().nullable(),
          rows: rows.nullable(),
          unreadable: z.boolean(),
          errors: z.number(),
          warnings: z.number(),
        })
        .strict(),
    ),
    findings: z.array(finding.strict()),
    truncated: z.boolean(),
    unreadable: z.boolean(),
    error: z
      .object({ code: z.string(), message: z.string(), hint: z.string(), exitCode: z.number().int() })
      .strict()
      .optional(),
  })
  .strict();

function copyQuarter(): string {
  const data = tempDir();
  cpSync(join(ROOT, 'data', '2022Q3'), join(data, '2022Q3'), { recursive: true });
  return join(data, '2022Q3');
}

describe('bulletin validate on the bundled 2022Q3 data', () => {
  it('finds exactly the three reconciliation warnings of the seed and no errors', async () => {
    // The real binary: the suite's end-to-end validate.
    const r = bulletinProcess(['validate', 'data/2022Q3', '--json']);
    expect(r.code).toBe(0);
    const report = REPORT.parse(JSON.parse(r.stdout));
    expect(report.summary).toMatchObject({ errors: 0, warnings: 3 });
    expect(report.findings.map((f) => f.code)).toEqual([
      'total.mismatch',
      'reconcile.national.totals',
      'reconcile.foreign.categories',
    ]);
    const [clues, national, foreign] = report.findings;
    expect(clues).toMatchObject({ file: 'data/2022Q3/clues.csv', row: 17, column: 'C', value: '35' });
    expect(clues?.message).toContain('为 35，但各行相加为 36');
    expect(national?.message).toBe(
      '全国分类汇总表与全国各省汇总表的合计不一致：本年按类别合计 471 次、2288116 件，按省份合计 470 次、2105901 件，相差 1 次、182215 件；2022年第三季度按类别合计 193 次、1578498 件，按省份合计 192 次、1396283 件，相差 1 次、182215 件。',
    );
    expect(foreign?.message).toContain(
      '按类别的占比是以 912 次为分母计算的（如最多的一类 350 次占 38.38%），不是 1448 次',
    );
    for (const f of report.files) if (f.rows) expect(f.rows.read).toBe(f.rows.accepted + f.rows.rejected);
    expect(report.files.find((f) => f.kind === 'recalls')?.rows).toMatchObject({
      read: 8,
      accepted: 8,
      rejected: 0,
      totalRows: 1,
    });
  });

  it('prints a readable report by default, with the quarter taken from --quarter', async () => {
    const r = await bulletin(['validate', '--quarter', '2022Q3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('文件');
    expect(r.stderr).toMatch(/data\/2022Q3\/recalls\.xlsx（工作表“召回记录”）\s+召回记录\s+8\s+8\s+0\s+0\s+0/);
    expect(r.stderr).toContain('警告 第 17 行 C 列（共享缺陷线索报告信息）');
    expect(r.stderr).toContain('检查了 13 个文件、71 行数据：没有错误，3 个警告。');
  });
});

describe('bulletin validate: every problem in one run', () => {
  it('reports all errors of all files, and says when the province disagrees with the national table', async () => {
    const dir = copyQuarter();
    const provinces = join(dir, 'national-provinces.csv');
    writeFileSync(
      provinces,
      readFileSync(provinces, 'utf8').replace('1,湖南省,34,570443,8,418448', '1,湖南省,34,570443,9,418448'),
    );
    writeFileSync(
      join(dir, 'clues.csv'),
      readFileSync(join(dir, 'clues.csv'), 'utf8').replace('株洲市市场监督管理局,4,2,0', '株洲市市场监督管理局,四,2,0'),
    );
    writeFileSync(join(dir, 'foreign.csv'), 'not,a,table\n\u0000\u0001');
    const r = await bulletin(['validate', dir, '--json']);
    expect(r.code).toBe(3);
    const report = REPORT.parse(JSON.parse(r.stdout));
    expect(report.unreadable).toBe(true);
    expect(report.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['input.csv.binary', 'value.number.invalid', 'reconcile.home.quarter']),
    );
    expect(report.findings.find((f) => f.code === 'reconcile.home.quarter')?.message).toBe(
      '本省召回记录合计 8 次、418448 件，而全国各省汇总表中湖南省本季度为 9 次、418448 件，相差 -1 次、0 件。',
    );
  });

  it('limits the list with --max-errors and says so', async () => {
    const dir = tempDir();
    const bad = [
      '发布日期,生产者,产品名称,产品类别,市州,缺陷类型,召回数量',
      ...Array.from({ length: 5 }, (_, i) => `2022-08-0${i + 1},企业${i},产品,99,长沙,机械物理,1`),
    ];
    writeFileSync(join(dir, 'recalls.csv'), bad.join('\n'));
    const r = await bulletin([
      'validate',
      join(dir, 'recalls.csv'),
      '--quarter',
      '2022Q3',
      '--json',
      '--max-errors',
      '2',
    ]);
    expect(r.code).toBe(1);
    const report = REPORT.parse(JSON.parse(r.stdout));
    expect(report.summary.errors).toBe(5);
    expect(report.findings).toHaveLength(2);
    expect(report.truncated).toBe(true);
  });

  it('exits 2 on usage errors and 3 when the folder does not exist', async () => {
    expect((await bulletin(['validate'])).code).toBe(2);
    expect((await bulletin(['validate', 'data/2022Q3', '--max-errors', 'lots'])).code).toBe(2);
    const missing = await bulletin(['validate', '--quarter', '2019Q1']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('找不到季度数据文件夹');
  });
});

describe('bulletin build runs the same checks', () => {
  it('prints the reconciliation warnings and still builds', async () => {
    const r = await bulletin(['build', '--quarter', '2022Q3', '--out', tempDir(), '--format', 'html', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).issues.map((i: { code: string }) => i.code)).toEqual([
      'total.mismatch',
      'reconcile.national.totals',
      'reconcile.foreign.categories',
    ]);
  });

  it('exits 3 and writes nothing when an input cannot be read', async () => {
    const dir = copyQuarter();
    writeFileSync(join(dir, 'clues.csv'), Buffer.from([0, 1, 2, 3, 4, 5]));
    const out = tempDir();
    const r = await bulletin([
      'build',
      '--quarter',
      '2022Q3',
      '--data',
      join(dir, '..'),
      '--out',
      out,
      '--format',
      'html',
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('文件内容不是文本');
  });
});
