/**
 * The README's library examples, run as written: each ```ts block of the
 * library section becomes a module in an empty folder that imports
 * '@hunan-recall/bulletin' (linked to this package, so its `exports` are
 * what resolves), with the bundled data copied in. A small runner reports
 * what the example's names hold, or the error it threw.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

/** The ```ts blocks between the library section's opening line and the exit codes. */
function libraryExamples(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const from = readme.indexOf('From TypeScript, the package exports the same functions:');
  const to = readme.indexOf('### Exit codes', from);
  expect(from, 'the README has its library section').toBeGreaterThan(0);
  return [...readme.slice(from, to).matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}

/** An empty project with the package linked in and the bundled data. */
function project(): string {
  const cwd = tempDir('library-example-');
  mkdirSync(join(cwd, 'node_modules', '@hunan-recall'), { recursive: true });
  symlinkSync(ROOT, join(cwd, 'node_modules', '@hunan-recall', 'bulletin'), 'dir');
  cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
  return cwd;
}

/** 2022Q3's records with a city of another province in the first row (row 2, column H). */
function withInvalidRecords(cwd: string): void {
  rmSync(join(cwd, 'data', '2022Q3', 'recalls.xlsx'));
  const csv = readFileSync(join(ROOT, 'fixtures', 'sample-records', 'recalls-utf8.csv'), 'utf8');
  writeFileSync(join(cwd, 'data', '2022Q3', 'recalls.csv'), csv.replace(',株洲,', ',广州,'));
}

/** Runs an example: its imports stay on top, its body runs in a function that hands back `names`. */
function runExample(cwd: string, code: string, names: string[]): Record<string, unknown> {
  const lines = code.split('\n');
  const imports = lines.filter((l) => l.startsWith('import '));
  const body = lines.filter((l) => !l.startsWith('import '));
  writeFileSync(
    join(cwd, 'example.mjs'),
    [...imports, 'export async function example() {', ...body, `return { ${names.join(', ')} };`, '}'].join('\n'),
  );
  writeFileSync(
    join(cwd, 'run.mjs'),
    `import { example } from './example.mjs';
import { BulletinError } from '@hunan-recall/bulletin';
import { writeFileSync } from 'node:fs';
const print = (o) => writeFileSync('result.json', JSON.stringify(o));
try {
  print({ result: await example() });
} catch (e) {
  print({ thrown: { bulletinError: e instanceof BulletinError, code: e.code, kind: e.kind, message: e.message, hint: e.hint, findings: e.findings } });
}
`,
  );
  const r = spawnSync(process.execPath, ['run.mjs'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(readFileSync(join(cwd, 'result.json'), 'utf8')) as Record<string, unknown>;
}

describe('the README library examples, run as written', () => {
  const [figures, build] = libraryExamples();

  it('there are two: figures and comparison, then a build', () => {
    expect(figures).toContain('computeStats(loaded)');
    expect(build).toContain('buildBulletin(');
  });

  it('loadQuarter, computeStats and compareQuarters give the bundled quarters’ figures', () => {
    const out = runExample(project(), figures!, ['loaded', 'stats', 'comparison']) as {
      result: {
        loaded: { issues: Array<{ severity: string }> };
        stats: { quarter: string; totals: unknown };
        comparison: any;
      };
    };
    expect(out.result.loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(out.result.stats.quarter).toBe('2022Q3');
    expect(out.result.stats.totals).toMatchObject({ recalls: 8, quantity: 418448 });
    expect(out.result.comparison.national.recalls.pct).toBe(29.91);
    expect(out.result.comparison.national.quantity.pct).toBe(-86.19);
  });

  it('invalid data: computeStats throws BulletinError data.quarter.invalid with its hint and the findings', () => {
    const cwd = project();
    withInvalidRecords(cwd);
    const out = runExample(cwd, figures!, ['loaded', 'stats', 'comparison']) as {
      thrown: { bulletinError: boolean; code: string; kind: string; hint: string; findings: unknown[] };
    };
    expect(out.thrown).toMatchObject({
      bulletinError: true,
      code: 'data.quarter.invalid',
      kind: 'data',
      hint: '请先运行 bulletin validate 并改正；错误清单在这个错误的 findings 中。',
    });
    expect(out.thrown.findings).toContainEqual(
      expect.objectContaining({
        code: 'value.region.other-province',
        file: 'data/2022Q3/recalls.csv',
        row: 2,
        column: 'H',
      }),
    );
  });

  it('a quarter to compare that is nowhere: BulletinError input.quarter.unavailable, saying what to do', () => {
    const cwd = project();
    rmSync(join(cwd, 'data', 'archive', '2021Q2'), { recursive: true });
    const out = runExample(cwd, figures!, ['loaded', 'stats', 'comparison']) as { thrown: Record<string, unknown> };
    expect(out.thrown).toMatchObject({
      bulletinError: true,
      code: 'input.quarter.unavailable',
      kind: 'input',
      message: '找不到 2021Q2 的数据：既没有数据文件夹，也没有存档的 stats.json。',
    });
    expect(out.thrown.hint).toContain('--archive');
  });

  it('buildBulletin writes the web edition and stats.json, and says which', () => {
    const cwd = project();
    const out = runExample(cwd, build!, ['built']) as { result: { built: { ok: boolean; outputs: string[] } } };
    expect(out.result.built.ok).toBe(true);
    expect(out.result.built.outputs).toEqual(['out/2022Q3/stats.json', 'out/2022Q3/bulletin.html']);
    for (const o of out.result.built.outputs) expect(existsSync(join(cwd, o)), o).toBe(true);
  });

  it('buildBulletin on invalid data: ok false with the findings, no throw, nothing written', () => {
    const cwd = project();
    withInvalidRecords(cwd);
    const out = runExample(cwd, build!, ['built']) as {
      result: { built: { ok: boolean; outputs: string[]; issues: Array<Record<string, unknown>> } };
    };
    expect(out.result.built.ok).toBe(false);
    expect(out.result.built.outputs).toEqual([]);
    expect(out.result.built.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', file: 'data/2022Q3/recalls.csv', row: 2, column: 'H' }),
    );
    expect(existsSync(join(cwd, 'out', '2022Q3'))).toBe(false);
  });
});
