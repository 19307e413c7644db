/**
 * Issue 14's check of the one quarter reader: every command reads the same
 * unusual quarter folder (upper-case names such as Recalls.XLSX, Issue.JSON, Articles/, a
 * national-recalls export instead of the two national tables) and they agree:
 * validate on the folder and on its loose files, build --json, stats and
 * build's stats.json, compare, doctor and preview. In-process through runCli.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { runPreview } from '../../src/cli/preview-command.js';
import { runCli } from '../../src/cli/run-cli.js';
import { ROOT, tempDir } from '../helpers/cli.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function testIo(cwd: string): CliIo & { out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd,
    env: { NO_COLOR: '1' },
    isTty: false,
    out: () => stdout,
    err: () => stderr,
  };
}

async function cli(cwd: string, args: string[]): Promise<Run> {
  const io = testIo(cwd);
  const code = await runCli(args, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/**
 * Hunan's national-recalls rows say 2 recalls this quarter, its records 8 (418448 件): a warning only the
 * national figures can give. Its year (8 次、456300 件) still holds the quarter's records, or the
 * export would contradict them (contradiction.home.year, an error).
 */
const NATIONAL_RECALLS = [
  '发布日期,省份,产品类别,召回数量',
  '2021-03-01,广东省,01,100',
  '2022-05-01,湖南省,04,1000',
  ...['06-01', '06-02', '06-03', '06-04', '06-05'].map((d) => `2022-${d},湖南省,04,90000`),
  '2022-08-01,湖南省,04,5000',
  '2022-08-20,湖南省,02,300',
  '2022-08-02,广东省,02,7000',
];

/** The bundled 2022Q3 with every table renamed in capitals and the national tables replaced by one export. */
function unusualFolder(): { cwd: string; data: string; quarterDir: string; files: string[] } {
  const cwd = tempDir('bulletin-same-folder-');
  const data = join(cwd, 'data');
  const quarterDir = join(data, '2022Q3');
  const sample = join(ROOT, 'data', '2022Q3');
  mkdirSync(quarterDir, { recursive: true });
  const renamed: Record<string, string> = {
    'recalls.xlsx': 'Recalls.XLSX',
    'foreign.csv': 'FOREIGN.csv',
    'foreign-categories.csv': 'Foreign-Categories.CSV',
    'clues.csv': 'Clues.Csv',
    'issue.json': 'Issue.JSON',
  };
  for (const [from, to] of Object.entries(renamed)) cpSync(join(sample, from), join(quarterDir, to));
  cpSync(join(sample, 'articles'), join(quarterDir, 'Articles'), { recursive: true });
  writeFileSync(join(quarterDir, 'National-Recalls.CSV'), `${NATIONAL_RECALLS.join('\n')}\n`);
  const articles = readdirSync(join(quarterDir, 'Articles'))
    .filter((n) => n.endsWith('.md'))
    .map((n) => join('data', '2022Q3', 'Articles', n));
  const files = [...Object.values(renamed), 'National-Recalls.CSV'].map((n) => join('data', '2022Q3', n));
  return { cwd, data, quarterDir, files: [...files, ...articles] };
}

interface Finding {
  severity: string;
  code: string;
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
}

/** What a finding says and where, in a stable order: commands may list them in different orders. */
const located = (fs: readonly Finding[]) =>
  fs.map((f) => [f.severity, f.code, f.file, f.sheet, f.row, f.column].join(' | ')).sort();

describe('one quarter reader: every command on the same unusual folder', () => {
  let q: ReturnType<typeof unusualFolder>;
  let folder: { code: number; findings: Finding[]; summary: { files: number; warnings: number; errors: number } };
  beforeAll(async () => {
    q = unusualFolder();
    const r = await cli(q.cwd, ['validate', join('data', '2022Q3'), '--json']);
    folder = { code: r.code, ...JSON.parse(r.stdout) };
  });

  it('validate reads the folder: upper-case names found, national-recalls reconciled with the records', () => {
    expect(folder.code).toBe(0);
    expect(folder.summary.errors).toBe(0);
    const codes = folder.findings.map((f) => f.code);
    expect(codes).toContain('reconcile.home.quarter');
    expect(codes).not.toContain('input.section.missing');
    const home = folder.findings.find((f) => f.code === 'reconcile.home.quarter');
    expect(home?.file).toBe('data/2022Q3/Recalls.XLSX');
    // Issue.JSON and Articles/ are found too: their files are listed.
    const files = (folder as unknown as { files: Array<{ file: string; kind: string }> }).files;
    expect(files.filter((f) => f.kind === 'issue').map((f) => f.file)).toEqual(['data/2022Q3/Issue.JSON']);
    expect(files.filter((f) => f.kind === 'article').length).toBeGreaterThan(0);
  });

  it('validate on the loose files gives the same findings as on the folder', async () => {
    const r = await cli(q.cwd, ['validate', ...q.files, '--quarter', '2022Q3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const loose = JSON.parse(r.stdout) as { findings: Finding[]; files: Array<{ file: string; kind: string }> };
    expect(located(loose.findings)).toEqual(located(folder.findings));
    expect(loose.files.find((f) => f.file === 'data/2022Q3/National-Recalls.CSV')?.kind).toBe('national-recalls');
  });

  it('build --json gives the same findings, and stats gives the figures of its stats.json', async () => {
    const out = join(q.cwd, 'out');
    const build = await cli(q.cwd, [
      'build',
      '--quarter',
      '2022Q3',
      '--data',
      q.data,
      '--out',
      out,
      '--format',
      'html',
      '--json',
    ]);
    expect(build.code, build.stdout).toBe(0);
    const built = JSON.parse(build.stdout) as { results?: unknown; issues: Finding[] };
    expect(located(built.issues)).toEqual(located(folder.findings));
    const written = JSON.parse(readFileSync(join(out, '2022Q3', 'stats.json'), 'utf8'));
    expect(written.national.source).toBe('records');

    const stats = await cli(q.cwd, ['stats', '--quarter', '2022Q3', '--data', q.data, '--out', tempDir(), '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout)).toEqual(written);
  });

  it('compare sees the quarter in its data folder, with the same figures', async () => {
    const out = tempDir();
    const stats = await cli(q.cwd, ['stats', '--quarter', '2022Q3', '--data', q.data, '--out', out, '--json']);
    const figures = JSON.parse(stats.stdout) as { totals: { recalls: number; quantity: number } };
    const r = await cli(q.cwd, ['compare', '2022Q3..2022Q3', '--data', q.data, '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.sources).toEqual([{ quarter: '2022Q3', source: 'data', path: 'data/2022Q3' }]);
    const { recalls, quantity } = doc.series[0].period.province;
    expect({ recalls, quantity }).toEqual({ recalls: figures.totals.recalls, quantity: figures.totals.quantity });
    expect(figures.totals.recalls).toBe(8);
  });

  it('doctor reports the quarter readable, with the files and warnings validate counts', async () => {
    const r = await cli(q.cwd, ['doctor', '--quarter', '2022Q3', '--data', q.data, '--json']);
    const doc = JSON.parse(r.stdout) as { checks: Array<{ name: string; ok: boolean; detail: string }> };
    const check = doc.checks.find((c) => c.name === '2022Q3 数据');
    expect(check).toMatchObject({ ok: true });
    expect(check?.detail).toContain(`${folder.summary.files} 个文件`);
    expect(check?.detail).toContain(`0 个错误，${folder.summary.warnings} 个警告`);
  });

  it('preview builds it with the same findings', async () => {
    const io = testIo(q.cwd);
    const code = await runPreview(
      { quarter: '2022Q3', data: q.data, port: '0', host: '127.0.0.1' },
      io,
      Promise.resolve(),
    );
    expect(code).toBe(0);
    expect(io.err()).toContain(`已重新生成（0 个错误，${folder.summary.warnings} 个警告）`);
    for (const f of folder.findings) expect(io.err()).toContain(`[${f.code}]`);
  });

  // Ctrl+C is how an editor ends it; SIGTERM from a supervisor exits 143, as every command does.
  it('preview stopped by SIGTERM exits 143', async () => {
    const flags = { quarter: '2022Q3', data: q.data, port: '0', host: '127.0.0.1' };
    expect(await runPreview(flags, testIo(q.cwd), Promise.resolve('SIGTERM' as const))).toBe(143);
  });
});
