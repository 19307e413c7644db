/** National tables from summary figures or from a record-level export. Pure. */
import type { CountQty, NationalInput, NationalRecord, ProvinceFigures } from '../model/bulletin.js';
import type { CategoryTableStats, NationalStats, ProvinceTableStats, Rank } from '../model/bulletin-stats.js';
import { quarterContains, quarterEnd, type Quarter } from '../model/quarter.js';
import type { Province, ReferenceData } from '../model/reference.js';
import { BulletinError } from '../model/errors.js';

const add = (a: CountQty, b: CountQty): CountQty => ({
  recalls: a.recalls + b.recalls,
  quantity: a.quantity + b.quantity,
});
const ZERO: CountQty = { recalls: 0, quantity: 0 };

/**
 * A table's total, never rounded: validation refuses a column adding up past 2^53 − 1
 * (stats.total.overflow, summary-totals.ts), so this only stops a path that skipped it.
 */
function exact(total: CountQty): CountQty {
  if (Number.isSafeInteger(total.recalls) && Number.isSafeInteger(total.quantity)) return total;
  throw new BulletinError(
    'stats.total.overflow',
    'data',
    `全国召回情况的合计超出了能精确计算的范围（${total.recalls} 次召回）。`,
    '请检查全国分类汇总表、全国各省汇总表或全国召回记录中是否有误填的超大数字。',
  );
}

function categoryTable(ref: ReferenceData, figures: Map<string, CountQty>): CategoryTableStats {
  const rows = ref.categories.map((c) => ({ code: c.code, name: c.name, ...(figures.get(c.code) ?? ZERO) }));
  return { rows, total: exact(rows.reduce(add, ZERO)) };
}

/** The order of the province tables: by quantity, then recalls, then code (rankOf: equal in both share a rank). */
export const provinceOrder = (a: { code: string } & CountQty, b: { code: string } & CountQty): number =>
  b.quantity - a.quantity || b.recalls - a.recalls || a.code.localeCompare(b.code);

/** Provinces with recalls, in provinceOrder. */
function provinceTable(ref: ReferenceData, figures: Array<{ code: string } & CountQty>): ProvinceTableStats {
  const name = new Map(ref.provinces.map((p) => [p.code, p.name]));
  const active = figures.filter((f) => f.recalls > 0 || f.quantity > 0).sort(provinceOrder);
  const rows = active.map((f, i) => ({
    code: f.code,
    name: name.get(f.code) ?? f.code,
    recalls: f.recalls,
    quantity: f.quantity,
    seq: i + 1,
  }));
  return { rows, total: exact(rows.reduce(add, ZERO)) };
}

/**
 * A province's rank in the order the table prints (quantity, then recalls): only provinces equal in
 * both share a rank (并列), so the text never says 并列第一 of a row the table prints second.
 */
export function rankOf(table: ProvinceTableStats, code: string): Rank | null {
  const row = table.rows.find((r) => r.code === code);
  if (!row) return null;
  const ahead = table.rows.filter(
    (r) => r.quantity > row.quantity || (r.quantity === row.quantity && r.recalls > row.recalls),
  ).length;
  const equal = table.rows.filter((r) => r.quantity === row.quantity && r.recalls === row.recalls).length;
  return { rank: ahead + 1, tied: equal > 1 };
}

/** Summary-level input from records: cumulative to the quarter's end, this year, this quarter. */
export function nationalFromRecords(
  records: readonly NationalRecord[],
  ref: ReferenceData,
  quarter: Quarter,
): NationalInput {
  const end = quarterEnd(quarter);
  const upTo = records.filter((r) => r.date <= end);
  const year = upTo.filter((r) => r.date.startsWith(`${quarter.year}-`));
  const sum = (rs: readonly NationalRecord[]): CountQty => ({
    recalls: rs.length,
    quantity: rs.reduce((a, r) => a + r.quantity, 0),
  });
  const inQuarter = (rs: readonly NationalRecord[]) => rs.filter((r) => quarterContains(quarter, r.date));
  return {
    source: 'records',
    categories: ref.categories.map((c) => {
      const cum = upTo.filter((r) => r.categoryCode === c.code);
      const ytd = year.filter((r) => r.categoryCode === c.code);
      return { code: c.code, cumulative: sum(cum), ytd: sum(ytd), quarter: sum(inQuarter(ytd)) };
    }),
    provinces: ref.provinces
      .map((p): ProvinceFigures => {
        const ytd = year.filter((r) => r.provinceCode === p.code);
        return { code: p.code, ytd: sum(ytd), quarter: sum(inQuarter(ytd)) };
      })
      .filter((p) => p.ytd.recalls > 0),
  };
}

export function computeNational(input: NationalInput, ref: ReferenceData, home: Province): NationalStats {
  const period = (pick: (c: NationalInput['categories'][number]) => CountQty) =>
    categoryTable(ref, new Map(input.categories.map((c) => [c.code, pick(c)])));
  const provincesYtd = provinceTable(
    ref,
    input.provinces.map((p) => ({ code: p.code, ...p.ytd })),
  );
  const provincesQuarter = provinceTable(
    ref,
    input.provinces.map((p) => ({ code: p.code, ...p.quarter })),
  );
  const homeFigures = input.provinces.find((p) => p.code === home.code);
  const ytdRank = rankOf(provincesYtd, home.code);
  return {
    source: input.source,
    cumulative: period((c) => c.cumulative),
    ytd: period((c) => c.ytd),
    quarter: period((c) => c.quarter),
    provincesYtd,
    provincesQuarter,
    home: homeFigures && ytdRank ? { ytd: homeFigures.ytd, quarter: homeFigures.quarter, ytdRank } : null,
  };
}
