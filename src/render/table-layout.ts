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
import { editSplits, fitsOnePage, gapsOf, looseSplit, MAX_EMPTY, PAGE_AREA } from './split-rules.js';
import type { TableRow, TableView } from './view-table.js';

export { editSplits, fitsOnePage, MAX_EMPTY, MIN_ROWS, PAGE_AREA } from './split-rules.js';

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
    before: markers && k === 0 ? markerFor(t.id, -1) : null,
    after: markers && k === bounds.length - 2 ? markerFor(t.id, rows.length + (total ? 1 : 0)) : null,
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
  fill = 0,
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
  const fresh = [...new Set(observed.filter((b) => !stale.has(b)))].sort((a, b) => a - b);
  // After a new break, the splits this layout forced further on were placed for rows that have
  // since moved: drop them, and the next print shows where the page breaks them now (in one pass,
  // not one split a pass).
  const firstNew = fresh.findIndex((b) => !forced.has(b));
  const held = firstNew < 0 ? fresh : fresh.filter((b, j) => j <= firstNew || !forced.has(b));
  const keepWhole = t.parts[0]?.keepWhole ?? false;
  const top = (i: number) => markerTop(markerFor(t.id, i));
  // A forced split the page before now has room to undo goes, with the forced ones after it (their
  // rows move up too): the next print shows where the page breaks the table now.
  const ends = [...held.filter((b) => forced.has(b)), count];
  const loose = ends
    .slice(0, -1)
    .find((b, j) => pageOf(b) === pageOf(b - 1) + 1 && looseSplit(b, ends[j + 1]!, rows.length, top));
  const kept = loose === undefined ? held : held.filter((b) => b < loose || !forced.has(b));
  // Kept whole and moved to the next page, but the text before it now ends higher than when
  // that was chosen (pages before changed): it leaves more than MAX_EMPTY behind. Split it
  // again where the page breaks it (fitsOnePage will not move it back). The paragraphs that
  // float into its gap (`fill`) count as filling it.
  const lead = markerTop(markerFor(t.id, -1));
  const leftBehind = lead === undefined ? 0 : (PAGE_AREA.bottom - lead) / (PAGE_AREA.bottom - PAGE_AREA.top);
  const moved = pageOf(0) > markerPage(markerFor(t.id, -1)) && markerPage(markerFor(t.id, -1)) >= 0;
  if (keepWhole && fresh.length === 0 && moved && leftBehind - fill > MAX_EMPTY) return [];
  const fits = kept.length === 1 && fitsOnePage(count, kept[0] as number, top, fill);
  return editSplits(kept, rows.length, keepWhole, fits, gapsOf(top, kept[0], fill));
}

export function tableIds(view: unknown): TableView[] {
  const out: TableView[] = [];
  mapTables(view, (t) => {
    out.push(t);
    return t;
  });
  return out;
}
