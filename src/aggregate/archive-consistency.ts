/**
 * Whether an archived stats.json still says what its build wrote: the sums,
 * shares and orders that compute-stats.ts, national-stats.ts and
 * foreign-stats.ts make hold by construction, and the periods validation
 * refuses to mix. An archive edited by hand breaks one of them; its figures
 * would otherwise be compared and printed as they stand. Pure: the first
 * mismatch, in Chinese, or null.
 */
import { quarterEnd, quarterId, quarterStart, type Quarter } from '../model/quarter.js';
import type { BulletinStats } from '../model/stats.js';
import { firstFound, sharesAsBuilt, sum, totalOf, type Found } from './archive-figures.js';
import { cluesMismatch, foreignMismatch } from './archive-foreign.js';
import { nationalMismatch } from './archive-national.js';

function quarterMismatch(s: BulletinStats, q: Quarter): Found {
  const id = quarterId(q);
  if (s.quarter !== id) return `季度为 ${s.quarter}，但它在 ${id} 的文件夹中`;
  const [start, end] = [quarterStart(q), quarterEnd(q)];
  if (s.period.start !== start || s.period.end !== end)
    return `统计期为 ${s.period.start} 至 ${s.period.end}，但 ${id} 是 ${start} 至 ${end}`;
  return null;
}

/** Every record counts once in the total, once in its category, region and defect type. */
function rowSums(s: BulletinStats): Found {
  const tables = [
    ['各类别', s.byCategory],
    ['各地区', s.byRegion],
    ['各缺陷类型', s.byDefect],
  ] as const;
  return firstFound(
    tables.flatMap(([name, rows]) => [
      () =>
        totalOf(
          '合计召回次数',
          s.totals.recalls,
          rows.map((r) => r.recalls),
          name,
        ),
      () =>
        totalOf(
          '合计召回数量',
          s.totals.quantity,
          rows.map((r) => r.quantity),
          name,
        ),
    ]),
  );
}

/** Distinct manufacturers: at most one per recall, at least one for a region with recalls, none counted twice. */
function manufacturers(s: BulletinStats): Found {
  const total = s.totals.manufacturers;
  const regions = s.byRegion;
  const region = regions.find((r) => r.manufacturers > r.recalls || (r.recalls > 0 && r.manufacturers === 0));
  if (region) return `地区“${region.name}”的生产企业数为 ${region.manufacturers}，但它有 ${region.recalls} 次召回`;
  const most = regions.reduce((a, r) => (r.manufacturers > a.manufacturers ? r : a), { name: '', manufacturers: 0 });
  if (total < most.manufacturers) return `合计生产企业数为 ${total}，但地区“${most.name}”就有 ${most.manufacturers} 家`;
  const all = sum(regions.map((r) => r.manufacturers));
  return total > all ? `合计生产企业数为 ${total}，但各地区生产企业数之和只有 ${all}` : null;
}

/** The shares of the province's own tables, as its build rounds them: by recalls (次) and by quantity (件). */
function provinceShares(s: BulletinStats, decimals: number): Found {
  type Row = { name: string; recalls: number; quantity: number };
  const recalls =
    <T extends Row & { recallShare: number | null }>(table: string, rows: readonly T[]) =>
    () =>
      sharesAsBuilt(
        table,
        rows,
        '召回次数',
        (r) => r.recalls,
        (r) => r.recallShare,
        decimals,
      );
  const quantity =
    <T extends Row & { quantityShare: number | null }>(table: string, rows: readonly T[]) =>
    () =>
      sharesAsBuilt(
        table,
        rows,
        '召回数量',
        (r) => r.quantity,
        (r) => r.quantityShare,
        decimals,
      );
  return firstFound([
    recalls('类别', s.byCategory),
    quantity('类别', s.byCategory),
    quantity('地区', s.byRegion),
    recalls('缺陷类型', s.byDefect),
  ]);
}

/**
 * The first figure of `stats` (archived for quarter `q`) that its build could not have written,
 * shares rounded to `decimals`; null when there is none. The shape is checked before (archive-check.ts).
 */
export function archiveMismatch(stats: BulletinStats, q: Quarter, decimals: number): Found {
  return firstFound([
    () => quarterMismatch(stats, q),
    () => rowSums(stats),
    () => manufacturers(stats),
    () => provinceShares(stats, decimals),
    () => (stats.national ? nationalMismatch(stats.national, stats.province) : null),
    () => (stats.foreign ? foreignMismatch(stats.foreign, decimals) : null),
    () => (stats.clues ? cluesMismatch(stats.clues) : null),
  ]);
}
