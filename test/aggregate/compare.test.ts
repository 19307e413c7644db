import { describe, expect, it } from 'vitest';
import { compare, quarterPeriod, ytdPeriod } from '../../src/aggregate/compare.js';
import { compareQuarters, quarterRange, withEarlierReadOnce } from '../../src/pipeline/compare-quarters.js';
import type { Quarter } from '../../src/model/quarter.js';
import type { StatsOutcome } from '../../src/inputs/quarter-source.js';
import { tryStats } from '../../src/inputs/read-quarter.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import type { BulletinStats } from '../../src/model/stats.js';
import { sampleStats } from '../helpers/sample.js';
import { ROOT, sampleProject } from '../helpers/cli.js';
import { join } from 'node:path';

const opts = (ytd: boolean, by: 'category' | 'region' | 'defect' | 'province' | null = null) => ({
  dataDir: join(ROOT, 'data'),
  archiveDirs: [join(ROOT, 'data', 'archive')],
  config: DEFAULT_CONFIG,
  cwd: sampleProject(),
  ytd,
  by,
});

describe('compareQuarters on the bundled quarters (hand-computed expectations)', () => {
  it('year to date: 2022 H1 against 2021 H1 nationally is +29.91% recalls and -86.19% quantity', async () => {
    const r = await compareQuarters(['2021Q2', '2022Q2'], opts(true));
    const c = r.comparison!;
    expect(c.kind).toBe('同比');
    expect([c.from.label, c.to.label]).toEqual(['2021年上半年', '2022年上半年']);
    expect(c.national?.recalls).toEqual({ from: 214, to: 278, diff: 64, pct: 29.91 });
    expect(c.national?.quantity).toEqual({ from: 5140000, to: 709618, diff: -4430382, pct: -86.19 });
    // Hunan's 2022 first half from its two quarters' records: 10 + 16 recalls, 57758 + 94237 件.
    expect(c.province.recalls).toEqual({ from: 1, to: 26, diff: 25, pct: 2500 });
    expect(c.province.quantity.to).toBe(151995);
    expect(r.sources.map((s) => [s.quarter, s.source])).toEqual([
      ['2021Q2', 'archive'],
      ['2022Q2', 'data'],
      ['2022Q1', 'data'],
    ]);
  });

  it('quarter on quarter: 2022Q2 → 2022Q3 for Hunan is -50.00% recalls and +344.04% quantity', async () => {
    const c = (await compareQuarters(['2022Q2', '2022Q3'], opts(false))).comparison!;
    expect(c.kind).toBe('环比');
    expect(c.province.recalls).toEqual({ from: 16, to: 8, diff: -8, pct: -50 });
    // (418448 - 94237) / 94237 = 3.440397…
    expect(c.province.quantity).toEqual({ from: 94237, to: 418448, diff: 324211, pct: 344.04 });
    expect(c.national?.recalls).toEqual({ from: 162, to: 193, diff: 31, pct: 19.14 });
  });

  it('year on year, quarter against quarter, from an archive', async () => {
    const c = (await compareQuarters(['2021Q2', '2022Q2'], opts(false))).comparison!;
    expect(c.kind).toBe('同比');
    expect(c.national?.recalls).toEqual({ from: 120, to: 162, diff: 42, pct: 35 });
  });

  it('by category: changes per item with shares in percentage points', async () => {
    const c = (await compareQuarters(['2022Q2', '2022Q3'], opts(false, 'category'))).comparison!;
    const household = c.province.rows?.find((r) => r.key === '04');
    expect(household?.quantity.to).toBe(257500);
    expect(household?.share.to).toBe(61.54);
    expect(c.province.rows).toHaveLength(10);
    expect(c.national?.rows?.find((r) => r.key === '02')?.recalls.to).toBe(65);
  });

  it('a series lists every quarter that has figures, with 环比 and 同比, and every other with its reason', async () => {
    // A quarter with invalid data is skipped too (reason 'invalid'): test/cli/stats-compare-cli.test.ts.
    const r = await compareQuarters(['2021Q1..2022Q4'], opts(false));
    expect(r.series?.map((e) => e.period.id)).toEqual(['2021Q2', '2021Q4', '2022Q1', '2022Q2', '2022Q3']);
    expect(r.skipped.map((u) => [u.quarter, u.reason, u.code])).toEqual([
      ['2021Q1', 'missing', 'input.quarter.unavailable'],
      ['2021Q3', 'missing', 'input.quarter.unavailable'],
      ['2022Q4', 'missing', 'input.quarter.unavailable'],
    ]);
    const q2 = r.series?.find((e) => e.period.id === '2022Q2');
    expect(q2?.qoq?.province.recalls.pct).toBe(60);
    expect(q2?.yoy?.national?.recalls.pct).toBe(35);
    expect(r.series?.find((e) => e.period.id === '2022Q1')?.qoq?.from.id).toBe('2021Q4');
  });

  it('refuses a quarter that has neither data nor an archive', async () => {
    await expect(compareQuarters(['2019Q1', '2022Q3'], opts(false))).rejects.toThrow(/找不到 2019Q1 的数据/);
  });

  it('expands quarter ranges', () => {
    expect(quarterRange('2021Q4..2022Q2').map((q) => `${q.year}Q${q.quarter}`)).toEqual(['2021Q4', '2022Q1', '2022Q2']);
    expect(() => quarterRange('2022Q2..2021Q4')).toThrow(/结束早于开始/);
  });

  it('quotes what was typed when a range half is empty (a path typed as a quarter)', () => {
    for (const typed of ['../2022Q3', '2022Q3..', '..', '2021Q1..2021Q2..2021Q3'])
      expect(() => quarterRange(typed)).toThrow(`无法识别的季度“${typed}”。`);
  });
});

async function bulletinStats(): Promise<BulletinStats> {
  return {
    ...(await sampleStats()),
    issue: { number: 3, totalNumber: 3, publicationDate: null },
    national: null,
    foreign: null,
    clues: null,
  };
}

describe('periods', () => {
  it('a change from zero is new, not infinite', async () => {
    const s = await bulletinStats();
    const empty = { ...s, totals: { ...s.totals, recalls: 0, quantity: 0 } };
    const c = compare(quarterPeriod(empty), quarterPeriod(s));
    expect(c.province.recalls.pct).toBeNull();
    expect(c.province.recalls.diff).toBe(8);
  });

  it('a year to date needs every earlier quarter or the national row', async () => {
    const s = await bulletinStats();
    expect(ytdPeriod(s, [null, null])).toBeNull();
    expect(ytdPeriod(s, [s, s])?.province.recalls).toBe(24);
  });
});

describe('year checks in compareQuarters', () => {
  it('checks each quarter against its year, reading each earlier quarter once through the reader it is given', async () => {
    const asked: string[] = [];
    const earlierStats = (q: Quarter): Promise<StatsOutcome> => {
      asked.push(`${q.year}Q${q.quarter}`);
      return tryStats(q, opts(false));
    };
    const r = await compareQuarters(['2022Q1..2022Q3'], { ...opts(false), earlierStats });
    expect(r.series?.map((e) => e.period.id)).toEqual(['2022Q1', '2022Q2', '2022Q3']);
    // Q2 is checked against Q1, Q3 against Q1 and Q2, and Q1's 累计 against the year before's latest
    // (2021Q4, archived): the year checks ran, through the caller's reader.
    expect(asked.sort()).toEqual(['2021Q4', '2022Q1', '2022Q1', '2022Q2']);
  });

  it('by default gives the checks one memoised reader: no earlier quarter is read twice', async () => {
    const read: string[] = [];
    const counting = (q: Quarter, o: Parameters<typeof tryStats>[1]) => {
      read.push(`${q.year}Q${q.quarter}`);
      return tryStats(q, o);
    };
    const memo = withEarlierReadOnce({ ...opts(false), yearChecks: true }, counting);
    const r = await compareQuarters(['2022Q1..2022Q3'], memo);
    expect(r.skipped).toEqual([]);
    expect(read.sort()).toEqual(['2021Q4', '2022Q1', '2022Q2']);
    // compareQuarters turns the checks on by itself; off, the figures are the same for agreeing quarters.
    const on = await compareQuarters(['2022Q1..2022Q3'], opts(false));
    const off = await compareQuarters(['2022Q1..2022Q3'], { ...opts(false), yearChecks: false });
    expect(on.series?.map((e) => e.period.province.quantity)).toEqual(r.series?.map((e) => e.period.province.quantity));
    expect(off.series?.map((e) => e.period.province.quantity)).toEqual(
      r.series?.map((e) => e.period.province.quantity),
    );
  });
});
