/**
 * Tables across pages. Chromium repeats a table's header on each page but
 * cannot print （续表）, so tables are split where the printed layout broke
 * them: each later part starts a new page with its caption, （续表） and the
 * header. Row markers tell which page each row landed on: each is a 1-pixel
 * link, out of the flow, to an address that cannot exist, so the printed
 * PDF gives its page as a link annotation and no text is added (the
 * annotations are removed from the final file). Where Chromium broke a
 * table is then edited as an editor would (editSplits): a table that fits
 * on a page starts on the next one instead of being split, a split leaves
 * at least MIN_ROWS body rows on each side, and a total row never stands
 * alone. Pure.
 */
import type { TableRow, TableView } from './view-table.js';

const isTable = (v: unknown): v is TableView =>
  typeof v === 'object' && v !== null && 'parts' in v && 'headers' in v && 'id' in v;

/** Applies `fn` to every table anywhere in a plain-data view. */
export function mapTables<T>(view: T, fn: (t: TableView) => TableView): T {
  if (isTable(view)) return fn(view) as T;
  if (Array.isArray(view)) return view.map((v) => mapTables(v, fn)) as T;
  if (typeof view === 'object' && view !== null) {
    return Object.fromEntries(Object.entries(view).map(([k, v]) => [k, mapTables(v, fn)])) as T;
  }
  return view;
}

/** Where row markers point: no such host can exist (RFC 2606). */
export const MARKER_PREFIX = 'https://row-marker.invalid/';

export const markerFor = (id: string, index: number): string => `${MARKER_PREFIX}${id}.${index}`;

/** Pages of the markers found in a printed PDF (0-based); -1 when not printed. */
export type MarkerPages = (marker: string) => number;

/** Distance of a marker from the top of its page, in points; undefined when not known. */
export type MarkerTops = (marker: string) => number | undefined;

/** Fewest body rows on either side of a split, unless the table is shorter. */
export const MIN_ROWS = 3;

/**
 * The printed A4 page's text area, in points from the page top: the @page
 * margins of templates/styles.css (28 mm top, 26 mm bottom). A template
 * with other margins only makes the "fits on one page" estimate less exact.
 */
export const PAGE_AREA = { top: 79.4, bottom: 841.9 - 73.7 };

/** Rows (and total, as the last index) of all parts, in order. */
function flatten(t: TableView): { rows: TableRow[]; total: TableRow | null } {
  return { rows: t.parts.flatMap((p) => p.rows), total: t.parts.at(-1)?.total ?? null };
}

/** Splits the table before each row index in `splits`; with `markers`, tags every row. */
export function layOutTable(t: TableView, splits: readonly number[], markers: boolean): TableView {
  const { rows, total } = flatten(t);
  const tag = (r: TableRow, i: number): TableRow => ({ ...r, marker: markers ? markerFor(t.id, i) : null });
  const tagged = rows.map(tag);
  const cuts = [...new Set(splits)].filter((i) => i > 0 && i <= rows.length).sort((a, b) => a - b);
  const bounds = [0, ...cuts, rows.length];
  const parts = bounds.slice(0, -1).map((start, k) => ({
    continued: k > 0,
    keepWhole: k === 0 && splits.includes(0),
    rows: tagged.slice(start, bounds[k + 1]),
    total: null as TableRow | null,
  }));
  const last = parts[parts.length - 1];
  if (last && total) last.total = tag(total, rows.length);
  return { ...t, parts };
}

/**
 * Splits for the next pass, from where the printed table broke (the page
 * of each row's marker). Every observed page change is a break, except a
 * split whose preceding part itself broke across a page: that one is
 * stale (content moved down since it was made) and is dropped. The
 * breaks are then edited (editSplits); a 0 among the splits keeps the
 * table's first part whole (CSS break-inside: avoid: it moves to the next
 * page only if it does not fit where it stands) and, once chosen, is kept:
 * it costs nothing where the table fits.
 */
export function nextSplits(
  t: TableView,
  markerPage: MarkerPages,
  markerTop: MarkerTops = () => undefined,
  floats = false,
): number[] {
  const { rows, total } = flatten(t);
  const count = rows.length + (total ? 1 : 0);
  const pageOf = (i: number): number => markerPage(markerFor(t.id, i));
  const observed: number[] = [];
  let prev = -1;
  for (let i = 0; i < count; i++) {
    const p = pageOf(i);
    if (p < 0) continue;
    if (prev >= 0 && p > prev) observed.push(i);
    prev = p;
  }
  const forced = new Set(
    t.parts.slice(1).map((_, k) => t.parts.slice(0, k + 1).reduce((a, part) => a + part.rows.length, 0)),
  );
  const starts = [0, ...[...forced].sort((a, b) => a - b)];
  const stale = new Set(starts.slice(1).filter((s, j) => observed.some((b) => b > (starts[j] as number) && b < s)));
  const kept = [...new Set(observed.filter((b) => !stale.has(b)))].sort((a, b) => a - b);
  const keepWhole = t.parts[0]?.keepWhole ?? false;
  const fits = kept.length === 1 && fitsOnePage(count, kept[0] as number, (i) => markerTop(markerFor(t.id, i)), floats);
  return editSplits(kept, rows.length, keepWhole, fits);
}

/**
 * Whether a table broken once, before row `b`, is better moved whole to the
 * next page: it fits on one page (its caption and header, as repeated at
 * the top of the second page, and all its rows, measured from the row
 * tops, the last row of each page taken at the median row height), and
 * the space it leaves behind is at most a quarter of the page, unless
 * the table `floats` (report-flow.ts: the paragraphs and charts after it
 * fill that space). Elsewhere text after a table does not flow into the
 * space, so a larger gap is the worse fault and the table is split
 * instead. False when a top is unknown.
 */
export function fitsOnePage(count: number, b: number, top: (i: number) => number | undefined, floats = false): boolean {
  const tops = Array.from({ length: count }, (_, i) => top(i));
  if (tops.some((y) => y === undefined) || b <= 0 || b >= count) return false;
  const y = tops as number[];
  const gaps = y
    .slice(1)
    .map((v, i) => v - (y[i] as number))
    .filter((d, i) => d > 0 && i + 1 !== b);
  const row = gaps.length ? ([...gaps].sort((p, q) => p - q)[gaps.length >> 1] as number) : 20;
  const area = PAGE_AREA.bottom - PAGE_AREA.top;
  const header = (y[b] as number) - PAGE_AREA.top;
  const first = (y[b - 1] as number) - (y[0] as number) + row;
  const second = (y[count - 1] as number) - (y[b] as number) + row;
  const leftBehind = PAGE_AREA.bottom - ((y[0] as number) - header);
  return header + first + second <= area && (floats || leftBehind <= area / 4);
}

/**
 * An editor's rules over where the page broke a table of `n` body rows
 * (the total, if any, is index n): a table that fits on a page, or whose
 * first part would be shorter than MIN_ROWS, or that is too short to keep
 * MIN_ROWS on each side, is kept whole ([0]); a last part shorter
 * than MIN_ROWS body rows (a total alone included) takes rows from the part
 * before it. A table kept whole that still breaks is longer than a page:
 * it keeps what it cannot avoid.
 */
export function editSplits(breaks: readonly number[], n: number, keepWhole: boolean, fits: boolean): number[] {
  if (breaks.length === 0) return keepWhole ? [0] : [];
  if (!keepWhole && (fits || (breaks[0] as number) < Math.min(MIN_ROWS, n) || n < 2 * MIN_ROWS)) return [0];
  const out = [...breaks];
  const last = out.length - 1;
  if (n - (out[last] as number) < MIN_ROWS) {
    const before = last > 0 ? (out[last - 1] as number) : 0;
    if (n - MIN_ROWS - before >= MIN_ROWS) out[last] = n - MIN_ROWS;
    else if (!keepWhole) return [0];
    // On its own page already (very tall rows): at least no total alone.
    else if (before + 1 < n) out[last] = Math.max(before + 1, Math.min(out[last] as number, n - MIN_ROWS));
  }
  return keepWhole ? [0, ...out] : out;
}

export function tableIds(view: unknown): TableView[] {
  const out: TableView[] = [];
  mapTables(view, (t) => {
    out.push(t);
    return t;
  });
  return out;
}
