/**
 * The next layout to print, looked ahead: the rules (print-bulletin.ts)
 * choose a layout from a print, the model (page-predict.ts) predicts the
 * print that layout would give, the rules choose again from that, until
 * they agree with themselves. A table kept whole that moves, the text that
 * floats into its gap and every table after them are then decided at once
 * instead of one print each. Only a guess: the caller prints it and checks.
 * Pure.
 */
import { articleUnits } from './article-marks.js';
import type { Unit } from './page-model.js';
import { predictPrint, type Units } from './page-predict.js';
import type { PdfLayout } from './pdf-file.js';
import type { Area, FlowBlock } from './report-flow.js';
import { markerFor } from './table-layout.js';
import type { ArticleView } from './view-bulletin.js';
import type { TableView } from './view-table.js';

/** Rounds of choosing on a predicted print before giving up on a guess. */
const LOOKS = 6;

const rowCount = (t: TableView): number =>
  t.parts.reduce((a, p) => a + p.rows.length, 0) + (t.parts.at(-1)?.total ? 1 : 0);

function tableUnit(t: TableView): Unit {
  const starts = t.parts.map((_, k) => t.parts.slice(0, k).reduce((a, p) => a + p.rows.length, 0));
  return {
    kind: 'table',
    // Unit ids are their first markers: a table and a paragraph may share a name (表1 and its paragraph).
    id: markerFor(t.id, -1),
    before: markerFor(t.id, -1),
    rows: Array.from({ length: rowCount(t) }, (_, i) => markerFor(t.id, i)),
    after: markerFor(t.id, rowCount(t)),
    cuts: starts.slice(1),
    whole: t.parts[0]?.keepWhole ?? false,
  };
}

function blockUnit(b: FlowBlock): Unit | null {
  if (b.table) return tableUnit(b.table);
  if (!b.start || !b.end) return null;
  if (b.kind === 'chart') return { kind: 'chart', id: b.start, start: b.start, end: b.end, scale: b.scale ?? 100 };
  return b.kind === 'text' ? { kind: 'text', id: b.start, start: b.start, end: b.end, scale: 100 } : null;
}

/** The model's units of a view laid out with markers: its flows' blocks, then the other tables, then the articles. */
export function unitsOf(
  flows: readonly FlowBlock[][],
  tables: readonly TableView[],
  articles: readonly ArticleView[],
): Units {
  const inFlows = flows.map((f) => f.map(blockUnit).filter((u): u is Unit => u !== null));
  // A block right after a heading takes the heading along to a new page (h4 break-after: avoid).
  const kept = flows.flatMap((f) =>
    f.flatMap((b, i) => (f[i - 1]?.kind === 'heading' ? [blockUnit(b)?.id ?? ''] : [])),
  );
  const seen = new Set(inFlows.flat().map((u) => u.id));
  const others = tables.map(tableUnit).filter((u) => !seen.has(u.id) && seen.add(u.id));
  const pieces = articles.map(articleUnits);
  // An article's title goes with the section title before it.
  const starts = pieces.flatMap((p, i) => (p[0] ? [[p[0].id, articles[i]?.id ?? ''] as const] : []));
  return {
    flows: inFlows,
    others: [...others, ...pieces.flat()],
    kept: [...kept, ...starts.map(([u]) => u)],
    anchors: Object.fromEntries(starts),
  };
}

/**
 * The layout the rules settle on when each layout's print is predicted
 * from `read` (the print of `printed`), starting from `next`; null when
 * the model cannot tell or the rules do not settle within LOOKS rounds.
 */
export function foresee<L>(
  read: PdfLayout,
  printed: L,
  next: L,
  units: (l: L) => Units,
  decide: (l: L, read: PdfLayout) => L,
  same: (a: L, b: L) => boolean,
  area: Area,
): L | null {
  const measured = units(printed);
  let guess = next;
  for (let i = 0; i < LOOKS; i++) {
    const predicted = predictPrint(read, measured, units(guess), area);
    if (!predicted) return null;
    const again = decide(guess, predicted);
    if (same(again, guess)) return guess;
    guess = again;
  }
  return null;
}
