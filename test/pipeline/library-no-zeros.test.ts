/** The library never hands out figures for data with errors. */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulletinError, computeStats, DEFAULT_CONFIG, loadQuarter, parseQuarter } from '../../src/index.js';
import { ROOT, sampleProject, tempDir } from '../helpers/cli.js';

describe('computeStats', () => {
  it('on a quarter with errors throws a data BulletinError carrying the findings, never zeros', async () => {
    const cwd = tempDir();
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    writeFileSync(join(cwd, 'data', '2022Q2', 'recalls.csv'), '序号,发布日期,生产者\n1,2022-05-01,某公司\n');
    const loaded = await loadQuarter({
      dataDir: join(cwd, 'data'),
      quarter: parseQuarter('2022Q2'),
      config: DEFAULT_CONFIG,
      cwd,
    });
    let thrown: unknown;
    try {
      computeStats(loaded);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(BulletinError);
    const e = thrown as BulletinError;
    expect([e.code, e.kind]).toEqual(['data.quarter.invalid', 'data']);
    expect(e.message).toContain('2022Q2');
    expect(e.findings.length).toBeGreaterThan(0);
    expect(e.findings).toEqual(loaded.issues);
    expect(e.findings.some((f) => f.severity === 'error' && f.file === 'data/2022Q2/recalls.csv')).toBe(true);
  });

  it('on a quarter with a file that cannot be read throws an input BulletinError (exit 3 in the CLI)', async () => {
    const cwd = tempDir();
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    writeFileSync(join(cwd, 'data', '2022Q2', 'recalls.csv'), '');
    const loaded = await loadQuarter({
      dataDir: join(cwd, 'data'),
      quarter: parseQuarter('2022Q2'),
      config: DEFAULT_CONFIG,
      cwd,
    });
    expect(() => computeStats(loaded)).toThrow(
      expect.objectContaining({ code: 'input.quarter.unreadable', kind: 'input', findings: loaded.issues }),
    );
  });

  it('on a valid quarter gives its figures', async () => {
    const loaded = await loadQuarter({
      dataDir: join(ROOT, 'data'),
      quarter: parseQuarter('2022Q2'),
      config: DEFAULT_CONFIG,
      cwd: sampleProject(),
    });
    expect(computeStats(loaded).totals).toMatchObject({ recalls: 16, quantity: 94237 });
  });
});
