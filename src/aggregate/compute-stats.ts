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
import { fold } from '../model/text.js';

function groupBy<K>(records: readonly RecallRecord[], key: (r: RecallRecord) => K): Map<K, RecallRecord[]> {
  const m = new Map<K, RecallRecord[]>();
  for (const r of records) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
}

const sum = (rs: readonly RecallRecord[]): number => rs.reduce((a, r) => a + r.quantity, 0);
const distinctManufacturers = (rs: readonly RecallRecord[]): number =>
  new Set(rs.map((r) => fold(r.manufacturer))).size;

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
  byCat: Map<string, RecallRecord[]>,
  metric: 'recalls' | 'quantity',
): Leader[] {
  const max = Math.max(0, ...rows.map((r) => r[metric]));
  if (max === 0) return [];
  return rows
    .filter((r) => r[metric] === max)
    .map((r) => {
      const rs = byCat.get(r.code) ?? [];
      return {
        code: r.code,
        name: r.name,
        recalls: r.recalls,
        quantity: r.quantity,
        share: metric === 'recalls' ? r.recallShare : r.quantityShare,
        soleProduct: rs.length === 1 ? (rs[0] as RecallRecord).product : null,
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
  const byCat = groupBy(records, (r) => r.categoryCode);
  const byReg = groupBy(records, (r) => r.regionCode);
  const byDef = groupBy(records, (r) => r.defectTypeCode);

  const catCounts = ref.categories.map((c) => (byCat.get(c.code) ?? []).length);
  const catQty = ref.categories.map((c) => sum(byCat.get(c.code) ?? []));
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

  const regQty = home.prefectures.map((p) => sum(byReg.get(p.code) ?? []));
  const regShares = percentShares(regQty, decimals);
  const byRegion: RegionRow[] = home.prefectures.map((p, i) => {
    const rs = byReg.get(p.code) ?? [];
    return {
      code: p.code,
      name: p.name,
      short: p.short,
      recalls: rs.length,
      manufacturers: distinctManufacturers(rs),
      quantity: regQty[i] ?? 0,
      quantityShare: regShares[i] ?? 0,
    };
  });

  const defCounts = ref.defectTypes.map((d) => (byDef.get(d.code) ?? []).length);
  const defShares = percentShares(defCounts, decimals);
  const byDefect: DefectRow[] = ref.defectTypes.map((d, i) => ({
    code: d.code,
    name: d.name,
    recalls: defCounts[i] ?? 0,
    quantity: sum(byDef.get(d.code) ?? []),
    recallShare: defShares[i] ?? 0,
  }));

  const typicalCases = records
    .map((r, i) => ({ r, i }))
    .filter((x) => x.r.typical)
    .sort((a, b) => b.r.quantity - a.r.quantity || a.i - b.i)
    .map(({ r }) => ({
      manufacturer: r.manufacturer,
      product: r.product,
      productionPeriod: r.productionPeriod,
      quantity: r.quantity,
      unit: r.unit,
      description: r.description,
    }));

  const activeRegions = ranked(byRegion);
  const maxRegionRecalls = activeRegions[0]?.recalls ?? 0;
  return {
    schemaVersion: STATS_SCHEMA_VERSION,
    quarter: quarterId(quarter),
    period: { start: quarterStart(quarter), end: quarterEnd(quarter) },
    province: { code: home.code, name: home.name },
    totals: { recalls: records.length, quantity: sum(records), manufacturers: distinctManufacturers(records) },
    byCategory,
    byRegion,
    byDefect,
    typicalCases,
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
