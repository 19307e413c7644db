/**
 * Column widths from the content, for tables of long text (表2): the
 * tallest row is as short as the page width allows. Each column has a
 * least width (its longest unbreakable token, see nowrap.ts; its header on
 * at most two lines, or three when long; five characters a line, or its
 * longest cell when shorter) and
 * wraps its longest cell over as few lines as possible: the smallest line
 * count L is found for which every column at max(least, longest / L) fits
 * the table, and the width left over goes to the columns in proportion.
 * A row is then taller than L lines only when its text needs it at the
 * widest column it could have. Widths are estimates in em (a Chinese
 * character 1 em, Latin letters and digits about half), returned as
 * percentages of the table. Pure.
 */
import { TOKEN } from './nowrap.js';
import type { TableView } from './view-table.js';

/** Printed width of `s` in em of the table's font (Noto Serif SC). */
export function emWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) as number) < 0x2e80 ? 0.56 : 1;
  return w;
}

/** The widest piece of `text` a line cannot break inside. */
function unbreakable(text: string): number {
  const pieces = [...(text.match(TOKEN) ?? []), ...(text.match(/[A-Za-z0-9@._-]+/g) ?? [])];
  return Math.max(text ? 1 : 0, ...pieces.map(emWidth));
}

/** A header on two lines (three when longer than eight characters), never one character a line. */
function headerLeast(header: string): number {
  const chars = [...header].length;
  if (chars <= 2) return emWidth(header);
  return Math.ceil(chars / (chars > 8 ? 3 : 2));
}

/** Ems each column loses to padding and rules (5pt each side and a 0.75pt rule, at 10pt). */
const CELL_EXTRA = 1.08;
/** A text column is not narrowed below five characters a line, or fewer when its text is shorter. */
const READABLE = 5;
// Line breaks leave the end of most lines short of the column: allow for it.
const WRAP_SLACK = 1.08;

/**
 * Widths in percent for a table `totalEm` wide (its text width over its
 * font size), from its header and every body row of every part.
 */
export function columnWidths(headers: readonly string[], rows: readonly string[][], totalEm: number): number[] {
  const cols = headers.map((h, c) => {
    const cells = rows.map((r) => r[c] ?? '');
    return {
      least: Math.max(
        headerLeast(h),
        Math.min(READABLE, Math.max(0, ...cells.map(emWidth))),
        ...cells.map(unbreakable),
      ),
      longest: Math.max(0, ...cells.map(emWidth)) * WRAP_SLACK,
    };
  });
  const avail = totalEm - CELL_EXTRA * cols.length;
  const need = (lines: number) => cols.map((c) => Math.max(c.least, c.longest / lines));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  let lines = 1;
  while (sum(need(lines)) > avail && lines < 400) lines++;
  const base = need(lines);
  const spare = Math.max(0, avail - sum(base));
  const total = sum(base);
  const em = base.map((w) => w + (spare * w) / total + CELL_EXTRA);
  const all = sum(em);
  return em.map((w) => Math.round((w / all) * 1000) / 10);
}

/** The table with its header cells carrying their column's width (data-table.hbs puts it on <col>). */
export function withWidths(t: TableView, totalEm: number): TableView {
  const rows = t.parts.flatMap((p) => p.rows.map((r) => r.cells.map((cell) => cell.text)));
  const widths = columnWidths(
    t.headers.map((h) => h.text),
    rows,
    totalEm,
  );
  return { ...t, headers: t.headers.map((h, i) => ({ ...h, width: widths[i] })) };
}
