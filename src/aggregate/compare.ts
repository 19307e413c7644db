/**
 * Quarter-on-quarter, year-on-year and year-to-date comparisons of the
 * figures in stats (as built, or as archived in stats.json). Pure.
 */
import type { CountQty } from '../model/bulletin.js';
import { change, type Change } from '../model/chinese.js';
import { parseQuarter, quarterId, quarterName, yearToDateName, type Quarter } from '../model/quarter.js';
import { sharesOrNull } from '../model/shares.js';
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
  /** rankTied: the rank is shared (并列), as the issue prints it. */
  province: CountQty & { rank: number | null; rankTied: boolean; rows: Partial<Record<Dimension, DimFigure[]>> };
  national: (CountQty & { rows: Partial<Record<Dimension, DimFigure[]>> }) | null;
}

export interface DimChange {
  key: string;
  name: string;
  recalls: Change;
  quantity: Change;
  /**
   * Share of the period's quantity, percent, and its change in percentage
   * points; null when the period's quantity is 0 (no share exists), and pp
   * null when either share is.
   */
  share: { from: number | null; to: number | null; pp: number | null };
}

export interface Comparison {
  from: Period;
  to: Period;
  kind: '同比' | '环比' | null;
  province: {
    recalls: Change;
    quantity: Change;
    rank: { from: number | null; to: number | null; fromTied: boolean; toTied: boolean };
    rows: DimChange[] | null;
  };
  national: { recalls: Change; quantity: Change; rows: DimChange[] | null } | null;
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
 * Year to date up to `last`: the province from its quarters when all are
 * present (else from the national table's row for it), the nation from the
 * national year-to-date tables. Null when neither source has it.
 */
export function ytdPeriod(last: BulletinStats, earlier: ReadonlyArray<BulletinStats | null>): Period | null {
  const q = parseQuarter(last.quarter);
  const quarters = [...earlier, last];
  const complete = quarters.length === q.quarter && quarters.every((s): s is BulletinStats => s !== null);
  const parts = complete ? quarters.map(quarterPeriod) : null;
  const n = last.national;
  const own = parts
    ? parts.reduce(
        (a, p) => ({ recalls: a.recalls + p.province.recalls, quantity: a.quantity + p.province.quantity }),
        { recalls: 0, quantity: 0 },
      )
    : (n?.home?.ytd ?? null);
  if (!own) return null;
  return {
    id: `${quarterId(q)}-ytd`,
    label: `${q.year}年${yearToDateName(q)}`,
    province: {
      ...own,
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

function dimChanges(a: DimFigure[] | undefined, b: DimFigure[] | undefined): DimChange[] | null {
  if (!a || !b) return null;
  const keys = [...new Set([...a.map((r) => r.key), ...b.map((r) => r.key)])];
  const get = (l: DimFigure[], k: string) => l.find((r) => r.key === k);
  const sharesA = sharesOrNull(keys.map((k) => get(a, k)?.quantity ?? 0));
  const sharesB = sharesOrNull(keys.map((k) => get(b, k)?.quantity ?? 0));
  return keys.map((k, i) => {
    const from = sharesA?.[i] ?? null;
    const to = sharesB?.[i] ?? null;
    return {
      key: k,
      name: (get(b, k) ?? get(a, k))!.name,
      recalls: change(get(a, k)?.recalls ?? 0, get(b, k)?.recalls ?? 0),
      quantity: change(get(a, k)?.quantity ?? 0, get(b, k)?.quantity ?? 0),
      share: { from, to, pp: from === null || to === null ? null : Math.round((to - from) * 100) / 100 },
    };
  });
}

function kindOf(a: Quarter, b: Quarter): Comparison['kind'] {
  if (a.quarter === b.quarter && b.year === a.year + 1) return '同比';
  if (b.year * 4 + b.quarter === a.year * 4 + a.quarter + 1) return '环比';
  return null;
}

export function compare(from: Period, to: Period, by: Dimension | null = null): Comparison {
  const qa = parseQuarter(from.id.slice(0, 6));
  const qb = parseQuarter(to.id.slice(0, 6));
  const ytd = from.id.endsWith('-ytd');
  return {
    from,
    to,
    kind: ytd ? (qa.quarter === qb.quarter && qb.year === qa.year + 1 ? '同比' : null) : kindOf(qa, qb),
    province: {
      recalls: change(from.province.recalls, to.province.recalls),
      quantity: change(from.province.quantity, to.province.quantity),
      rank: {
        from: from.province.rank,
        to: to.province.rank,
        fromTied: from.province.rankTied,
        toTied: to.province.rankTied,
      },
      rows: by && by !== 'province' ? dimChanges(from.province.rows[by], to.province.rows[by]) : null,
    },
    national:
      from.national && to.national
        ? {
            recalls: change(from.national.recalls, to.national.recalls),
            quantity: change(from.national.quantity, to.national.quantity),
            rows:
              by === 'category' || by === 'province' ? dimChanges(from.national.rows[by], to.national.rows[by]) : null,
          }
        : null,
  };
}
