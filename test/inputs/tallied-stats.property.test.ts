import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeStats, statsFromTallies } from '../../src/aggregate/compute-stats.js';
import { readCsv } from '../../src/ingest/csv-reader.js';
import { csvBatches } from '../helpers/csv-batches.js';
import { localChecker } from '../../src/inputs/checker-thread.js';
import { checkRecordsTable } from '../../src/inputs/tallied-checker.js';
import type { Province, ReferenceData } from '../../src/model/reference.js';
import { ROOT } from '../helpers/cli.js';
import { hunan } from '../helpers/reference.js';
import { Q3 } from '../helpers/sample.js';
import { DEFECTS, RECORD_HEADER, REGIONS } from '../helpers/synthetic-records.js';

// Stats gathered while the rows are checked (what build and stats hold) against stats computed
// from every record kept in memory (computeStats, itself checked against the definition in
// test/aggregate/compute-stats.test.ts), for generated CSV files.

// Names that fold together (case, full-width letters, spaces) must count as one manufacturer.
const MAKERS = ['甲公司', 'ABC 电器', 'abc电器', 'ＡＢＣ电器', '乙 厂', '乙厂', 'Kid Toys', '丙', '丁有限公司'];

const source = { file: 'recalls.csv', sheet: null, format: 'csv' as const, encoding: null };
let ctx: { ref: ReferenceData; home: Province; quarter: typeof Q3 };
beforeAll(async () => {
  ctx = { ...(await hunan()), quarter: Q3 };
});

const row = fc.record({
  day: fc.nat({ max: 91 }),
  maker: fc.nat({ max: MAKERS.length - 1 }),
  product: fc.nat({ max: 30 }),
  category: fc.nat({ max: 10 }), // 11 is not a category: a rejected row
  region: fc.nat({ max: REGIONS.length - 1 }),
  defect: fc.nat({ max: DEFECTS.length - 1 }),
  quantity: fc.oneof(fc.nat({ max: 50 }), fc.nat({ max: 9_000_000 })),
  typical: fc.boolean(),
});

type Row = ReturnType<typeof fc.sample<typeof row extends fc.Arbitrary<infer T> ? T : never>>[number];

function csv(rows: readonly Row[]): string {
  const lines = rows.map((r) => {
    const date = new Date(Date.UTC(2022, 6, 1 + r.day)).toISOString().slice(0, 10);
    return `${date},${MAKERS[r.maker]},"产品,${r.product}",M${r.product % 4},${String(1 + r.category).padStart(2, '0')},${REGIONS[r.region]},${DEFECTS[r.defect]},${r.quantity},描述,${r.typical ? '是' : '否'}`;
  });
  return `${RECORD_HEADER}\n${lines.join('\n')}\n`;
}

describe('stats from the tallies gathered while checking', () => {
  it('equal the stats of the records held in memory, and shares add up to 100.00, for any file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 120 }), fc.nat({ max: 300 }), async (rows, cut) => {
        const text = csv(rows);
        const held = localChecker(source, ctx, { keepRecords: true, maxIssues: Infinity });
        const tallied = localChecker(source, ctx, { keepRecords: false, tally: true, maxIssues: Infinity });
        for (const b of csvBatches(text, 40 + cut)) held.batch(b);
        for (const b of csvBatches(text, 40 + cut)) tallied.batch(b);
        const [h, t] = await Promise.all([held.finish(), tallied.finish()]);
        expect(t.records).toEqual([]);
        expect(t.issues).toEqual(h.issues);
        const want = computeStats(h.records, ctx.ref, ctx.home, Q3);
        const got = statsFromTallies(t.tallies!, ctx.ref, ctx.home, Q3);
        expect(got).toEqual(want);
        expect(t.totals).toEqual({ recalls: h.records.length, quantity: want.totals.quantity });
        const cents = (xs: (number | null)[]) => Math.round(xs.reduce<number>((a, b) => a + (b ?? NaN), 0) * 100);
        if (got.totals.recalls > 0) {
          expect(cents(got.byCategory.map((c) => c.recallShare))).toBe(10_000);
          expect(cents(got.byDefect.map((c) => c.recallShare))).toBe(10_000);
        }
        if (got.totals.quantity > 0) {
          expect(cents(got.byCategory.map((c) => c.quantityShare))).toBe(10_000);
          expect(cents(got.byRegion.map((c) => c.quantityShare))).toBe(10_000);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('are the same gathered on the checking thread, which sends them back once', async () => {
    type Module = typeof import('../../src/inputs/checker-thread.js');
    const { threadChecker } = (await import(join(ROOT, 'dist', 'inputs', 'checker-thread.js'))) as Module;
    const rows = fc.sample(row, { numRuns: 3000, seed: 15 });
    const text = csv(rows);
    const opts = { keepRecords: false, tally: true, maxIssues: 100 };
    const local = localChecker(source, ctx, opts);
    const threaded = threadChecker(source, ctx, opts)!;
    for (const b of csvBatches(text, 4096)) local.batch(b);
    for (const b of csvBatches(text, 4096)) {
      threaded.batch(b);
      await threaded.pause();
    }
    const [want, got] = await Promise.all([local.finish(), threaded.finish()]);
    expect(got.tallies!.total.recalls).toBeGreaterThan(1000);
    expect(got).toEqual(want);
    expect(statsFromTallies(got.tallies!, ctx.ref, ctx.home, Q3)).toEqual(
      statsFromTallies(want.tallies!, ctx.ref, ctx.home, Q3),
    );
  });

  it('a table small enough to load is tallied the same way as a stream', () => {
    const text = csv(fc.sample(row, { numRuns: 200, seed: 7 }));
    const kept = checkRecordsTable(readCsv(Buffer.from(text), 'recalls.csv'), ctx, 'records');
    const tallied = checkRecordsTable(readCsv(Buffer.from(text), 'recalls.csv'), ctx, 'tallies');
    expect(kept.records.length).toBeGreaterThan(100);
    expect(tallied.records).toEqual([]);
    expect(statsFromTallies(tallied.tallies!, ctx.ref, ctx.home, Q3)).toEqual(
      computeStats(kept.records, ctx.ref, ctx.home, Q3),
    );
  });
});
