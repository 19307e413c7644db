/**
 * The sizes the pagination model (page-model.ts) plays with, measured on a
 * print from where the markers landed: lines of a paragraph, a chart's
 * height, a table's caption and header (as first printed and as repeated
 * on a new page) and each row's height. A row whose end no marker shows
 * (the last on its page) is taken at the median of the table's others.
 * Pure.
 */
import { AFTER, FIRST_HEAD, LINE, type Pos, type Sized, type Unit } from './page-model.js';
import type { Area } from './report-flow.js';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[s.length >> 1] as number) : 20;
};

/** Row heights of a table measured where two rows share a page (the last from `after`); the others at the median. */
function rowHeights(rows: readonly string[], after: string, at: (m: string) => Pos | undefined): number[] {
  const known = rows.map((m, i) => {
    const [a, b] = [at(m), at(rows[i + 1] ?? after)];
    if (!a || !b || a.page !== b.page) return null;
    return b.top - a.top - (i === rows.length - 1 ? AFTER.table : 0);
  });
  const typical = median(known.filter((h): h is number => h !== null));
  return known.map((h) => h ?? typical);
}

/** The sizes of `unit` on the print `at`; null when a marker is missing. */
export function measure(unit: Unit, at: (m: string) => Pos | undefined, area: Area): number[] | null {
  if (unit.kind === 'table') {
    const pos = unit.rows.map(at);
    const before = at(unit.before);
    if (pos.some((p) => !p) || !before) return null;
    const p = pos as Pos[];
    const broke = p.findIndex((x, i) => i > 0 && x.page > (p[i - 1] as Pos).page);
    const repeated = broke > 0 ? (p[broke] as Pos).top - area.top : null;
    const first = before.page === (p[0] as Pos).page ? (p[0] as Pos).top - before.top : null;
    const head = first ?? (repeated ?? 41.4) + FIRST_HEAD;
    return [head, repeated ?? head - FIRST_HEAD, ...rowHeights(unit.rows, unit.after, at)];
  }
  const [s, e] = [at(unit.start), at(unit.end)];
  if (!s || !e) return null;
  const after = AFTER[unit.kind];
  if (unit.kind === 'chart') return s.page === e.page ? [e.top - s.top - after] : null;
  // A picture or title whose marker stayed behind moved whole to the next page.
  if (unit.kind !== 'text') return [s.page === e.page ? e.top - s.top : e.top - area.top];
  const lines =
    s.page === e.page
      ? Math.round((e.top - s.top - after) / LINE)
      : Math.floor((area.bottom - s.top) / LINE) + Math.round((e.top - after - area.top) / LINE);
  return [Math.max(1, lines)];
}

/** The cursor just after a unit on a print (its end marker, or below its last row). */
export function endOf(s: Sized, at: (m: string) => Pos | undefined): Pos | undefined {
  if (s.unit.kind !== 'table') return at(s.unit.end);
  const after = at(s.unit.after);
  if (after) return after;
  const last = at(s.unit.rows.at(-1) ?? '');
  return last && { page: last.page, top: last.top + (s.size.at(-1) ?? 0) + AFTER.table };
}
