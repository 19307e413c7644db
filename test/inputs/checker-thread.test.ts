import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvBatches } from '../helpers/csv-batches.js';
import { localChecker } from '../../src/inputs/checker-thread.js';
import { ROOT } from '../helpers/cli.js';
import { hunan } from '../helpers/reference.js';

// The worker runs compiled code: this suite loads the build of the same sources (global setup compiles it).
type Module = typeof import('../../src/inputs/checker-thread.js');
const compiled = (): Promise<Module> => import(join(ROOT, 'dist', 'inputs', 'checker-thread.js')) as Promise<Module>;

const HEADER = '发布日期,生产者,产品名称,型号,产品类别,市州,缺陷类型,召回数量,缺陷描述,典型案例';

const source = { file: 'recalls.csv', sheet: null, format: 'csv' as const, encoding: null };
const opts = { keepRecords: true, maxIssues: 100 };

describe('threadChecker', () => {
  it('gives the same result as checking on this thread: rows, findings, records', async () => {
    const { threadChecker } = await compiled();
    const ctx = { ...(await hunan()), quarter: { year: 2022, quarter: 3 as const } };
    const rows = Array.from(
      { length: 3000 },
      (_, i) =>
        `2022-08-${String(1 + (i % 28)).padStart(2, '0')},企业${i % 2900},"产品,${i}",M${i},${1 + (i % 11)},长沙,机械物理,${i},描述,否`,
    );
    const text = `${HEADER}\n${rows.join('\n')}\n`;
    const local = localChecker(source, ctx, opts);
    for (const b of csvBatches(text, 4096)) local.batch(b);
    const threaded = threadChecker(source, ctx, opts);
    expect(threaded).not.toBeNull();
    for (const b of csvBatches(text, 4096)) {
      threaded!.batch(b);
      await threaded!.pause();
    }
    const [want, got] = await Promise.all([local.finish(), threaded!.finish()]);
    expect(got).toEqual(want);
    expect(got.issues.some((i) => i.code === 'value.category.unknown')).toBe(true);
    expect(got.rows.accepted).toBeGreaterThan(2000);
  });

  it('gathers the same tallies as this thread, manufacturers counted on this side (folded, per region)', async () => {
    const { threadChecker } = await compiled();
    const ctx = { ...(await hunan()), quarter: { year: 2022, quarter: 3 as const } };
    // Names that fold together (case, full width, spaces), in several regions, some rows rejected.
    const makers = ['ABC 电器', 'abc电器', 'ＡＢＣ电器', '乙 厂', '乙厂', '引号"，,公司', '😀厂'];
    const quoted = (t: string) => (/[",]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
    const regions = ['长沙', '株洲', '湘潭', '衡阳'];
    const rows = Array.from(
      { length: 2500 },
      (_, i) =>
        `2022-08-${String(1 + (i % 28)).padStart(2, '0')},${quoted(`${makers[i % 7]}${i % 13}`)},产品${i},M${i},${1 + (i % 11)},${regions[i % 4]},机械物理,${i},描述,${i % 50 === 0 ? '是' : '否'}`,
    );
    const text = `${HEADER}\n${rows.join('\n')}\n`;
    const tally = { keepRecords: false, maxIssues: 100, tally: true };
    const local = localChecker(source, ctx, tally);
    for (const b of csvBatches(text, 3000)) local.batch(b);
    const threaded = threadChecker(source, ctx, tally)!;
    for (const b of csvBatches(text, 3000)) {
      threaded.batch(b);
      await threaded.pause();
    }
    const [want, got] = await Promise.all([local.finish(), threaded.finish()]);
    expect(got).toEqual(want);
    expect(got.tallies!.total.manufacturers).toBeGreaterThan(20);
    expect(got.tallies!.total.manufacturers).toBeLessThan(7 * 13);
    expect([...got.tallies!.byRegion.values()].every((t) => (t.manufacturers ?? 0) > 0)).toBe(true);
  });

  it('fails the check, rather than waiting for ever, when the checking thread crashes', async () => {
    const { threadChecker } = await compiled();
    // No reference data: the checker throws on the first data row, on the other thread.
    const broken = threadChecker(source, { ref: null, home: null, quarter: null } as never, opts);
    for (const b of csvBatches(`${HEADER}\n2022-08-01,甲,乙,丙,04,长沙,机械物理,1,描述,否\n`.repeat(3), 64))
      broken!.batch(b);
    await expect(broken!.finish()).rejects.toMatchObject({
      code: 'internal.checker-thread',
      kind: 'internal',
      message: expect.stringContaining('后台线程意外停止'),
    });
  });
});
