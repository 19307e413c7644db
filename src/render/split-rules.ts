/**
 * Where a table may break, as an editor decides it: the rules over the
 * breaks Chromium made (editSplits, in order of precedence) and the
 * measurements they need from the printed rows (fitsOnePage, gapsOf).
 * table-layout.ts applies them pass by pass. Pure.
 */
/** Fewest body rows on either side of a split, unless the table is shorter. */
export const MIN_ROWS = 3;

/**
 * The printed A4 page's text area, in points from the page top: the @page
 * margins of templates/styles.css (28 mm top, 26 mm bottom). A template
 * with other margins only makes the "fits on one page" estimate less exact.
 */
export const PAGE_AREA = { top: 79.4, bottom: 841.9 - 73.7 };

/**
 * The empty share of the text area a page is left with when the table's
 * rows from `s` on move to the next page, measured on the print: below
 * row s-1 for a split, below the text before the table for s = 0 (its
 * caption and header are as tall as their repeat under the first break
 * `b`), less `fill` (the share the paragraphs and charts that float up
 * into the gap fill, report-flow.ts); 0 where a top is unknown.
 */
export function gapsOf(top: (i: number) => number | undefined, b: number | undefined, fill = 0): (s: number) => number {
  const area = PAGE_AREA.bottom - PAGE_AREA.top;
  return (s) => {
    const y = top(s);
    if (y === undefined) return 0;
    const header = s === 0 && b !== undefined ? (top(b) ?? PAGE_AREA.top) - PAGE_AREA.top : 0;
    // The text above a row's top ends some 6 pt higher (cell padding, half the leading).
    return Math.max(0, PAGE_AREA.bottom - (y - header) + (s === 0 ? 0 : 6) - (s === 0 ? fill * area : 0)) / area;
  };
}

/**
 * Whether a table broken once, before row `b`, is better moved whole to the
 * next page: it fits on one page (its caption and header, as repeated at
 * the top of the second page, and all its rows, measured from the row
 * tops, the last row of each page taken at the median row height), and
 * the space it leaves behind, less the share `fill` that the paragraphs
 * and charts after it fill when they float up (report-flow.ts), is at most
 * a quarter of the page. A larger gap is the worse fault: the table is
 * split instead. False when a top is unknown.
 */
export function fitsOnePage(count: number, b: number, top: (i: number) => number | undefined, fill = 0): boolean {
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
  return header + first + second <= area && leftBehind - fill * area <= area / 4;
}

/** What a loose split's estimate leaves spare: a body line, for rows measured on another page. */
const LEEWAY = 21;

/**
 * Whether a split this layout forced before row `s` is loose: the page the part before it ends on
 * now has room for what the rules let it take, because what stands above the table moved up since
 * the split was placed. Splits are only placed where a print broke the table, so a loose one would
 * otherwise stay: the long issue's 22-row province table kept a split after 16 rows with its 6 last
 * rows and total fitting in the 36% of the page left. Loose: the rows s..end-1 (the part after, as
 * printed on its page) fit in the room; or one more row does and both parts keep MIN_ROWS body
 * rows (`n`). Margins (LEEWAY) keep an estimate from undoing a split the next print needs again.
 */
export function looseSplit(s: number, end: number, n: number, top: (i: number) => number | undefined): boolean {
  const [last, first, final] = [top(s - 1), top(s), top(end - 1)];
  const steps = Array.from({ length: end - s - 1 }, (_, k) => (top(s + k + 1) ?? NaN) - (top(s + k) ?? NaN));
  if (last === undefined || first === undefined || final === undefined || steps.some((d) => !(d > 0))) return false;
  const row = steps.length ? ([...steps].sort((p, q) => p - q)[steps.length >> 1] as number) : 20;
  const room = PAGE_AREA.bottom - (last + row) - LEEWAY;
  if (final - first + row <= room) return true;
  return (steps[0] ?? row) <= room && Math.min(end, n) - (s + 1) >= MIN_ROWS;
}

/** The most of a page's text area a split or a moved table may leave empty (as report-flow.ts's MAX_GAP). */
export const MAX_EMPTY = 0.25;

/**
 * An editor's rules over where the page broke a table of `n` body rows
 * (the total, if any, is index n), in this order of precedence:
 * 1. the total never stands alone (at least one body row goes with it);
 * 2. no page is left more than MAX_EMPTY empty by an edit: `gapAt(s)` is
 *    the empty share moving rows s.. to the next page would leave;
 * 3. each part keeps at least MIN_ROWS body rows (fewer when the table is
 *    that short);
 * 4. a table that fits on a page is not split (`fits`).
 * So a table that fits, or whose first part would be shorter than
 * MIN_ROWS, or that is too short to keep MIN_ROWS on each side, is kept
 * whole ([0]) when moving it leaves at most MAX_EMPTY behind; a last part
 * shorter than MIN_ROWS takes rows from the part before as long as that
 * leaves its page at most MAX_EMPTY empty. Rules 2 and 3 conflict only for
 * tall rows (three ordinary rows are a tenth of a page): there a part of
 * one or two rows stays, and is then itself more than a quarter of a page.
 * A table kept whole that still breaks is longer than a page: it keeps
 * what it cannot avoid.
 */
export function editSplits(
  breaks: readonly number[],
  n: number,
  keepWhole: boolean,
  fits: boolean,
  gapAt: (s: number) => number = () => 0,
): number[] {
  if (breaks.length === 0) return keepWhole ? [0] : [];
  const movable = !keepWhole && gapAt(0) <= MAX_EMPTY;
  const short = (breaks[0] as number) < Math.min(MIN_ROWS, n) || n < 2 * MIN_ROWS;
  if (!keepWhole && (fits || (short && movable))) return [0];
  const out = [...breaks];
  const last = out.length - 1;
  const before = last > 0 ? (out[last - 1] as number) : 0;
  const b = out[last] as number;
  if (n - b < MIN_ROWS) {
    // The part before keeps MIN_ROWS, or what it has when that is fewer (rule 2 kept it short).
    const keep = Math.min(MIN_ROWS, b - before);
    let s = b;
    // Rule 1 outranks rule 2: the total takes a body row along even where that leaves a gap; where
    // the part before has only that row, its split goes (for the first part: the table moves whole).
    if (s === n) s = n - 1;
    while (s > n - MIN_ROWS && s - 1 - before >= keep && gapAt(s - 1) <= MAX_EMPTY) s--;
    if (n - s < MIN_ROWS && movable) return [0];
    out[last] = s;
    if (s === before && last > 0) out.pop();
  }
  return keepWhole && out[0] !== 0 ? [0, ...out] : out;
}
