/**
 * The periods compare sets side by side: a quarter's figures, or a year to
 * date summed from its quarters and read from the national table. Pure.
 */
import type { CountQty } from '../model/bulletin.js';
import { parseQuarter, quarterId, quarterName, yearToDateName } from '../model/quarter.js';
import type { BulletinStats } from '../model/stats.js';

export type Dimension = 'category' | 'region' | 'defect' | 'province';

export interface DimFigure extends CountQty {
  key: string;
  name: string;
}

/** One period's figures: a quarter, or a year to date. */
export interface Period {
  id: string;
  label: string;
  /**
   * rankTied: the rank is shared (并列), as the issue prints it. sources: a year to date's total from
   * the province's quarters and from its row in the national table, each when known (compare
   * takes both sides from one).
   */
  province: CountQty & {
    rank: number | null;
    rankTied: boolean;
    rows: Partial<Record<Dimension, DimFigure[]>>;
    sources?: { records: CountQty | null; national: CountQty | null };
  };
  national: (CountQty & { rows: Partial<Record<Dimension, DimFigure[]>> }) | null;
}

const rows = (xs: ReadonlyArray<{ code: string; name: string; recalls: number; quantity: number }>): DimFigure[] =>
  xs.map((x) => ({ key: x.code, name: x.name, recalls: x.recalls, quantity: x.quantity }));

/** A quarter's own figures. */
export function quarterPeriod(s: BulletinStats): Period {
  const q = parseQuarter(s.quarter);
  const n = s.national;
  return {
    id: s.quarter,
    label: quarterName(q),
    province: {
      recalls: s.totals.recalls,
      quantity: s.totals.quantity,
      // The rank the quarter's issue prints (位居全国第N, by 本年), as its trend sentence compares
      // it: one 全国排名, not also a quarter rank of the same name.
      rank: n?.home?.ytdRank.rank ?? null,
      rankTied: n?.home?.ytdRank.tied ?? false,
      rows: {
        category: rows(s.byCategory),
        region: s.byRegion.map((r) => ({ key: r.code, name: r.short, recalls: r.recalls, quantity: r.quantity })),
        defect: rows(s.byDefect),
      },
    },
    national: n
      ? { ...n.quarter.total, rows: { category: rows(n.quarter.rows), province: rows(n.provincesQuarter.rows) } }
      : null,
  };
}

function sumRows(lists: ReadonlyArray<DimFigure[] | undefined>): DimFigure[] | undefined {
  if (lists.some((l) => !l)) return undefined;
  const out = new Map<string, DimFigure>();
  for (const l of lists as DimFigure[][])
    for (const r of l) {
      const prev = out.get(r.key);
      out.set(r.key, { ...r, recalls: (prev?.recalls ?? 0) + r.recalls, quantity: (prev?.quantity ?? 0) + r.quantity });
    }
  return [...out.values()];
}

/**
 * Year to date up to `last`: the province from the national table's row for it
 * (what the issue prints), else from its quarters when all are present; the
 * nation from the national year-to-date tables. Null when neither source has it.
 */
export function ytdPeriod(last: BulletinStats, earlier: ReadonlyArray<BulletinStats | null>): Period | null {
  const q = parseQuarter(last.quarter);
  const quarters = [...earlier, last];
  const complete = quarters.length === q.quarter && quarters.every((s): s is BulletinStats => s !== null);
  const parts = complete ? quarters.map(quarterPeriod) : null;
  const n = last.national;
  const records = parts
    ? parts.reduce(
        (a, p) => ({ recalls: a.recalls + p.province.recalls, quantity: a.quantity + p.province.quantity }),
        { recalls: 0, quantity: 0 },
      )
    : null;
  // The national row first, as the issue prints its 本年 (位居全国第N beside it); else the quarters.
  const own = n?.home?.ytd ?? records;
  if (!own) return null;
  return {
    id: `${quarterId(q)}-ytd`,
    label: `${q.year}年${yearToDateName(q)}`,
    province: {
      ...own,
      sources: { records, national: n?.home?.ytd ?? null },
      rank: n?.home?.ytdRank.rank ?? null,
      rankTied: n?.home?.ytdRank.tied ?? false,
      rows: parts
        ? {
            category: sumRows(parts.map((p) => p.province.rows.category)),
            region: sumRows(parts.map((p) => p.province.rows.region)),
            defect: sumRows(parts.map((p) => p.province.rows.defect)),
          }
        : {},
    },
    national: n ? { ...n.ytd.total, rows: { category: rows(n.ytd.rows), province: rows(n.provincesYtd.rows) } } : null,
  };
}
