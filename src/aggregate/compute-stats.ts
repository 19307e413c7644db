/** Records → every figure of the report. Pure: no I/O, no clock, no logging. */
import { quarterEnd, quarterId, quarterStart, type Quarter } from '../model/quarter.js';
import type { RecallRecord } from '../model/record.js';
import type { Province, ReferenceData } from '../model/reference.js';
import { percentShares } from '../model/shares.js';
import {
  STATS_SCHEMA_VERSION,
  type CategoryRow,
  type DefectRow,
  type Leader,
  type QuarterStats,
  type RegionRow,
} from '../model/stats.js';
import { createStatsAccumulator, type StatsTallies, type Tally } from './stats-accumulator.js';

/** Most first, ties in reference (code) order. */
function ranked<T extends { recalls: number }>(rows: readonly T[]): T[] {
  return rows
    .map((r, i) => ({ r, i }))
    .filter((x) => x.r.recalls > 0)
    .sort((a, b) => b.r.recalls - a.r.recalls || a.i - b.i)
    .map((x) => x.r);
}

function leaders(
  rows: readonly CategoryRow[],
  byCat: ReadonlyMap<string, Tally>,
  metric: 'recalls' | 'quantity',
): Leader[] {
  const max = Math.max(0, ...rows.map((r) => r[metric]));
  if (max === 0) return [];
  return rows
    .filter((r) => r[metric] === max)
    .map((r) => {
      const t = byCat.get(r.code);
      return {
        code: r.code,
        name: r.name,
        recalls: r.recalls,
        quantity: r.quantity,
        share: metric === 'recalls' ? r.recallShare : r.quantityShare,
        soleProduct: t?.recalls === 1 ? t.firstProduct : null,
      };
    });
}

export function computeStats(
  records: readonly RecallRecord[],
  ref: ReferenceData,
  home: Province,
  quarter: Quarter,
  decimals = 2,
): QuarterStats {
  const acc = createStatsAccumulator();
  for (const r of records) acc.add(r);
  return statsFromTallies(acc.finish(), ref, home, quarter, decimals);
}

const recallsOf = (t: Tally | undefined): number => t?.recalls ?? 0;
const quantityOf = (t: Tally | undefined): number => t?.quantity ?? 0;

/** The figures of the report from tallies gathered record by record (see stats-accumulator.ts). */
export function statsFromTallies(
  tallies: StatsTallies,
  ref: ReferenceData,
  home: Province,
  quarter: Quarter,
  decimals = 2,
): QuarterStats {
  const { byCategory: byCat, byRegion: byReg, byDefect: byDef, total } = tallies;
  const catCounts = ref.categories.map((c) => recallsOf(byCat.get(c.code)));
  const catQty = ref.categories.map((c) => quantityOf(byCat.get(c.code)));
  const catRecallShares = percentShares(catCounts, decimals);
  const catQtyShares = percentShares(catQty, decimals);
  const byCategory: CategoryRow[] = ref.categories.map((c, i) => ({
    code: c.code,
    name: c.name,
    recalls: catCounts[i] ?? 0,
    quantity: catQty[i] ?? 0,
    recallShare: catRecallShares[i] ?? 0,
    quantityShare: catQtyShares[i] ?? 0,
  }));

  const regQty = home.prefectures.map((p) => quantityOf(byReg.get(p.code)));
  const regShares = percentShares(regQty, decimals);
  const byRegion: RegionRow[] = home.prefectures.map((p, i) => ({
    code: p.code,
    name: p.name,
    short: p.short,
    recalls: recallsOf(byReg.get(p.code)),
    manufacturers: byReg.get(p.code)?.manufacturers?.size ?? 0,
    quantity: regQty[i] ?? 0,
    quantityShare: regShares[i] ?? 0,
  }));

  const defCounts = ref.defectTypes.map((d) => recallsOf(byDef.get(d.code)));
  const defShares = percentShares(defCounts, decimals);
  const byDefect: DefectRow[] = ref.defectTypes.map((d, i) => ({
    code: d.code,
    name: d.name,
    recalls: defCounts[i] ?? 0,
    quantity: quantityOf(byDef.get(d.code)),
    recallShare: defShares[i] ?? 0,
  }));

  const activeRegions = ranked(byRegion);
  const maxRegionRecalls = activeRegions[0]?.recalls ?? 0;
  return {
    schemaVersion: STATS_SCHEMA_VERSION,
    quarter: quarterId(quarter),
    period: { start: quarterStart(quarter), end: quarterEnd(quarter) },
    province: { code: home.code, name: home.name },
    totals: { recalls: total.recalls, quantity: total.quantity, manufacturers: total.manufacturers?.size ?? 0 },
    byCategory,
    byRegion,
    byDefect,
    typicalCases: tallies.typicalCases,
    highlights: {
      activeCategories: ranked(byCategory).map((c) => c.code),
      activeRegions: activeRegions.map((r) => r.code),
      topByQuantity: leaders(byCategory, byCat, 'quantity'),
      topByRecalls: leaders(byCategory, byCat, 'recalls'),
      leadingRegions: activeRegions
        .filter((r) => r.recalls === maxRegionRecalls && maxRegionRecalls > 1)
        .map((r) => r.code),
    },
  };
}
