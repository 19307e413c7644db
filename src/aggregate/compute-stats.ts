/** Records → every figure of the report. Pure: no I/O, no clock, no logging. */
import { quarterEnd, quarterId, quarterStart, type Quarter } from '../model/quarter.js';
import type { RecallRecord } from '../model/record.js';
import type { Province, ReferenceData } from '../model/reference.js';
import { sharesOrNull } from '../model/shares.js';
import {
  STATS_SCHEMA_VERSION,
  type CategoryRow,
  type DefectRow,
  type Leader,
  type QuarterStats,
  type RegionRow,
} from '../model/stats.js';
import { checkSafe, createStatsAccumulator, type StatsTallies, type Tally } from './stats-accumulator.js';

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
  // A leader has a positive figure, so its table's total and share exist.
  return rows.flatMap((r) => {
    const share = metric === 'recalls' ? r.recallShare : r.quantityShare;
    if (r[metric] !== max || share === null) return [];
    const t = byCat.get(r.code);
    const soleProduct = t?.recalls === 1 ? t.firstProduct : null;
    return [{ code: r.code, name: r.name, recalls: r.recalls, quantity: r.quantity, share, soleProduct }];
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

function categoryRows(byCat: ReadonlyMap<string, Tally>, ref: ReferenceData, decimals: number): CategoryRow[] {
  const counts = ref.categories.map((c) => recallsOf(byCat.get(c.code)));
  const quantities = ref.categories.map((c) => quantityOf(byCat.get(c.code)));
  const recallShares = sharesOrNull(counts, decimals);
  const quantityShares = sharesOrNull(quantities, decimals);
  return ref.categories.map((c, i) => ({
    code: c.code,
    name: c.name,
    recalls: counts[i] ?? 0,
    quantity: quantities[i] ?? 0,
    recallShare: recallShares?.[i] ?? null,
    quantityShare: quantityShares?.[i] ?? null,
  }));
}

function regionRows(byReg: ReadonlyMap<string, Tally>, home: Province, decimals: number): RegionRow[] {
  const quantities = home.prefectures.map((p) => quantityOf(byReg.get(p.code)));
  const shares = sharesOrNull(quantities, decimals);
  return home.prefectures.map((p, i) => ({
    code: p.code,
    name: p.name,
    short: p.short,
    recalls: recallsOf(byReg.get(p.code)),
    manufacturers: byReg.get(p.code)?.manufacturers ?? 0,
    quantity: quantities[i] ?? 0,
    quantityShare: shares?.[i] ?? null,
  }));
}

function defectRows(byDef: ReadonlyMap<string, Tally>, ref: ReferenceData, decimals: number): DefectRow[] {
  const counts = ref.defectTypes.map((d) => recallsOf(byDef.get(d.code)));
  const shares = sharesOrNull(counts, decimals);
  return ref.defectTypes.map((d, i) => ({
    code: d.code,
    name: d.name,
    recalls: counts[i] ?? 0,
    quantity: quantityOf(byDef.get(d.code)),
    recallShare: shares?.[i] ?? null,
  }));
}

/** The figures of the report from tallies gathered record by record (see stats-accumulator.ts). */
export function statsFromTallies(
  tallies: StatsTallies,
  ref: ReferenceData,
  home: Province,
  quarter: Quarter,
  decimals = 2,
): QuarterStats {
  const { total } = tallies;
  checkSafe(total);
  const byCategory = categoryRows(tallies.byCategory, ref, decimals);
  const byRegion = regionRows(tallies.byRegion, home, decimals);
  const activeRegions = ranked(byRegion);
  const maxRegionRecalls = activeRegions[0]?.recalls ?? 0;
  return {
    schemaVersion: STATS_SCHEMA_VERSION,
    quarter: quarterId(quarter),
    period: { start: quarterStart(quarter), end: quarterEnd(quarter) },
    province: { code: home.code, name: home.name },
    totals: { recalls: total.recalls, quantity: total.quantity, manufacturers: total.manufacturers ?? 0 },
    byCategory,
    byRegion,
    byDefect: defectRows(tallies.byDefect, ref, decimals),
    typicalCases: tallies.typicalCases,
    highlights: {
      activeCategories: ranked(byCategory).map((c) => c.code),
      activeRegions: activeRegions.map((r) => r.code),
      topByQuantity: leaders(byCategory, tallies.byCategory, 'quantity'),
      topByRecalls: leaders(byCategory, tallies.byCategory, 'recalls'),
      leadingRegions: activeRegions
        .filter((r) => r.recalls === maxRegionRecalls && maxRegionRecalls > 1)
        .map((r) => r.code),
    },
  };
}
