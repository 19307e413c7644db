/**
 * Quarter-on-quarter, year-on-year and year-to-date comparisons of the
 * figures in stats (as built, or as archived in stats.json). Pure.
 */
import type { CountQty } from '../model/bulletin.js';
import { change, type Change } from '../model/chinese.js';
import { parseQuarter, type Quarter } from '../model/quarter.js';
import type { DimFigure, Dimension, Period } from './periods.js';

export { quarterPeriod, ytdPeriod, type DimFigure, type Dimension, type Period } from './periods.js';
import { sharesOrNull } from '../model/shares.js';

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
    /**
     * Where both totals came from: the quarters' records, or (years to date) the national table's
     * row, as the issues print it; mixed only when no source covers both periods.
     */
    basis: 'records' | 'national' | 'mixed';
    rows: DimChange[] | null;
  };
  national: { recalls: Change; quantity: Change; rows: DimChange[] | null } | null;
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

/**
 * Both totals from one source. A year to date whose quarters were not all there came from the
 * national table's row, the other from its records: 2021 H1 (row) against 2022 H1 (records) mixed
 * two counts that disagree (reconcile.home.ytd). The row, which the issues print, when both have it.
 */
function sameBasis(from: Period, to: Period): { a: CountQty; b: CountQty; basis: Comparison['province']['basis'] } {
  const [x, y] = [from.province.sources, to.province.sources];
  if (!x || !y) return { a: from.province, b: to.province, basis: 'records' };
  if (x.national && y.national) return { a: x.national, b: y.national, basis: 'national' };
  if (x.records && y.records) return { a: x.records, b: y.records, basis: 'records' };
  return { a: from.province, b: to.province, basis: 'mixed' };
}

export function compare(from: Period, to: Period, by: Dimension | null = null): Comparison {
  const qa = parseQuarter(from.id.slice(0, 6));
  const qb = parseQuarter(to.id.slice(0, 6));
  const ytd = from.id.endsWith('-ytd');
  const { a, b, basis } = sameBasis(from, to);
  return {
    from,
    to,
    kind: ytd ? (qa.quarter === qb.quarter && qb.year === qa.year + 1 ? '同比' : null) : kindOf(qa, qb),
    province: {
      recalls: change(a.recalls, b.recalls),
      quantity: change(a.quantity, b.quantity),
      basis,
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
