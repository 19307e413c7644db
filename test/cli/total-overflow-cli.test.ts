/**
 * Totals past 2^53 − 1 (each figure below it) would print rounded with exit
 * 0. Validation finds them, so validate, build and stats refuse alike, a
 * draft too: the records' quantities (stats.quantity.overflow, which build
 * alone used to find, after validate had passed) and a summary table's
 * column (stats.total.overflow), in memory and streamed.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin, ROOT, tempDir } from '../helpers/cli.js';
import { HEADER, recordRow } from '../helpers/tables.js';

type Finding = { code: string; severity: string; column: string | null; message: string };
const MAX = Number.MAX_SAFE_INTEGER;

const errors = (json: string, key: 'findings' | 'issues') =>
  (JSON.parse(json) as Record<string, Finding[]>)[key]!.filter((f) => f.severity === 'error');

/** validate (in memory and streamed), build and a draft of the project in `cwd`: each refuses with `code`. */
async function refusedEverywhere(cwd: string, code: string): Promise<Finding> {
  const validate = await bulletin(['validate', 'data/2022Q3', '--json'], { cwd });
  const streamed = await bulletin(['validate', 'data/2022Q3', '--json'], {
    cwd,
    env: { BULLETIN_STREAM_BYTES: '1' },
  });
  expect(validate.code).toBe(1);
  expect(JSON.parse(streamed.stdout)).toEqual(JSON.parse(validate.stdout));
  const found = errors(validate.stdout, 'findings');
  expect(found.map((f) => f.code)).toEqual([code]);
  const build = ['build', '--quarter', '2022Q3', '--format', 'html', '--out', 'out', '--json'];
  for (const args of [build, [...build, '--draft']]) {
    const run = await bulletin(args, { cwd });
    expect(run.code).toBe(1);
    expect(errors(run.stdout, 'issues')).toEqual(found);
  }
  return found[0]!;
}

describe('totals too large to be computed exactly', () => {
  it('of the records are refused by validate as by build', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'data', '2022Q3'), { recursive: true });
    const rows = [
      HEADER,
      recordRow({ 生产者: '甲', 召回数量: String(MAX) }),
      recordRow({ 生产者: '乙', 召回数量: '2' }),
    ];
    writeFileSync(join(cwd, 'data', '2022Q3', 'recalls.csv'), rows.map((r) => r.join(',')).join('\n'));
    const found = await refusedEverywhere(cwd, 'stats.quantity.overflow');
    expect(found.column).toBe('H');
    expect(found.message).toContain('2 条有效召回记录的召回数量相加超出了能精确计算的范围');
  });

  it('of a summary table are refused, with the column and its exact sum', async () => {
    const cwd = tempDir();
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    const clues = join(cwd, 'data', '2022Q3', 'clues.csv');
    // 省局's 共享缺陷线索报告信息 (20) made 2^53 − 1: with the other rows' 16, past it.
    writeFileSync(
      clues,
      readFileSync(clues, 'utf8').replace(
        '1,省局缺陷产品召回服务中心,20,5,25',
        `1,省局缺陷产品召回服务中心,${MAX},5,25`,
      ),
    );
    const found = await refusedEverywhere(cwd, 'stats.total.overflow');
    expect(found.column).toBe('C');
    expect(found.message).toMatch(/^共享缺陷信息线索表“共享缺陷线索报告信息”一列各行相加为 9007199254741007，/);
    expect(found.message).toContain(`第 2 行的 ${MAX}`);
  });
});
