/**
 * A pagination model of the print's measured blocks (the report's flows and
 * every table), fed by one print: the height of each paragraph, chart,
 * caption and row comes from where its markers landed, and the page breaks
 * Chromium allows (lines of a paragraph, between rows, none inside a chart
 * or a table kept whole, the repeated header on a new page, a forced break
 * before a continued part) are played again for another layout. It only
 * predicts: print-bulletin.ts takes the layout the rules choose on the
 * predicted print as its next guess and confirms it with a real print.
 * Constants follow templates/styles.css, as PAGE_AREA does. Pure.
 */
import type { Area } from './report-flow.js';

/** A body line: 12pt at line-height 1.75. */
export const LINE = 21;
/** What follows a block's box before the next one: p 0.6em, .chart 4mm, .table-block 1em. */
export const AFTER = { text: 7.2, chart: 11.3, table: 12, box: 0, head: 0 };
/** The caption and header of a table's first part stand this much lower than when repeated on a new page. */
export const FIRST_HEAD = 2.2;

export interface Pos {
  page: number;
  top: number;
}

/** Paragraphs and charts have a start and an end marker; tables a marker before them and one per row. */
/** Articles' blocks (article-marks.ts): a picture or list moves whole ('box'), a title goes with what follows ('head'). */
export interface BlockUnit {
  kind: 'text' | 'chart' | 'box' | 'head';
  id: string;
  start: string;
  end: string;
  /** A chart's width in percent. */
  scale: number;
}
export interface TableUnit {
  kind: 'table';
  id: string;
  before: string;
  rows: string[];
  /** Just after the last part: where the text after the table starts. */
  after: string;
  /** Forced breaks (continued parts) before these rows. */
  cuts: number[];
  /** The first part is kept whole. */
  whole: boolean;
}
export type Unit = BlockUnit | TableUnit;

/** A unit's sizes as measured on a print (see measure). */
export interface Sized {
  unit: Unit;
  /** Unmarked content (headings, paragraphs, margins) between the unit before and this one. */
  glue: number;
  /** The glue ends with a heading: it goes with the unit to a new page; else it flows like text. */
  keep: boolean;
  /** text: lines; chart: box height at `unit.scale`; table: [first head, repeated head, ...row heights]. */
  size: number[];
}

/** Where the model puts things: marker → position; the page each unit's content starts on; the cursor at the end. */
export interface Placed {
  at: Map<string, Pos>;
  content: Map<string, number>;
  end: Pos;
}

interface Cursor {
  page: number;
  y: number;
}

/** Plays the units through the pages from `from`: each placed after its glue. */
export function paginate(units: readonly Sized[], from: Pos, area: Area): Placed & { ends: Pos[] } {
  const c: Cursor = { page: from.page, y: from.top };
  const at = new Map<string, Pos>();
  const content = new Map<string, number>();
  const put = (m: string, y = c.y) => at.set(m, { page: c.page, top: y });
  const room = () => area.bottom - c.y;
  const ends: Pos[] = [];
  units.forEach((s, i) => {
    const first = firstPiece(s, area);
    // A heading before the unit goes with it; other content flows on (the unit decides what stays behind).
    if (s.keep && s.glue + first > room() && c.y > area.top + 0.5) [c.page, c.y] = [c.page + 1, area.top];
    if (!s.keep && s.glue > room()) [c.page, c.y] = [c.page + 1, area.top + s.glue - room()];
    else c.y += s.glue;
    if (s.unit.kind === 'table') placeTable(s.unit, s.size, c, put, area);
    else if (s.unit.kind === 'text') placeText(s.unit, s.size[0] ?? 1, c, put, area);
    else {
      // A title must fit with the start of what follows it.
      const next = units[i + 1];
      const need = first + (s.unit.kind === 'head' && next && next.glue === 0 ? firstPiece(next, area) : 0);
      if (s.unit.kind !== 'chart') put(s.unit.start);
      if (need > room() && c.y > area.top + 0.5) [c.page, c.y] = [c.page + 1, area.top];
      if (s.unit.kind === 'chart') put(s.unit.start);
      c.y += first + AFTER[s.unit.kind];
      put(s.unit.end);
    }
    content.set(
      s.unit.id,
      s.unit.kind === 'table' || s.unit.kind === 'text' ? (at.get(firstMarkerOf(s.unit))?.page ?? c.page) : c.page,
    );
    ends.push({ page: c.page, top: c.y });
  });
  return { at, content, end: { page: c.page, top: c.y }, ends };
}

const firstMarkerOf = (u: Unit): string => (u.kind === 'table' ? (u.rows[0] ?? u.before) : u.start);

/** What must fit where a unit starts: a line, a chart, a table's head and first row (its first part when kept whole). */
function firstPiece(s: Sized, area: Area): number {
  if (s.unit.kind === 'text') return LINE;
  if (s.unit.kind !== 'table') return s.size[0] ?? 0;
  const u = s.unit as TableUnit;
  const [head = 0, , ...rows] = s.size;
  const part = rows.slice(0, u.cuts[0] ?? rows.length).reduce((a, h) => a + h, head);
  return u.whole && part <= area.bottom - area.top ? part : head + (rows[0] ?? 0);
}

function placeText(u: BlockUnit, lines: number, c: Cursor, put: (m: string, y?: number) => void, area: Area): void {
  if (area.bottom - c.y < LINE - 0.01) {
    c.page += 1;
    c.y = area.top;
  }
  put(u.start);
  let left = lines;
  for (;;) {
    const fit = Math.floor((area.bottom - c.y + 0.01) / LINE);
    if (fit >= left) break;
    left -= Math.max(0, fit);
    c.page += 1;
    c.y = area.top;
  }
  c.y += left * LINE + AFTER.text;
  put(u.end);
}

function placeTable(u: TableUnit, size: number[], c: Cursor, put: (m: string, y?: number) => void, area: Area): void {
  const [head = 0, repeated = 0, ...rows] = size;
  put(u.before);
  // The marker before the table stays where the text before it ended, when the table moves on.
  if (firstPiece({ unit: u, glue: 0, keep: false, size }, area) > area.bottom - c.y && c.y > area.top + 0.5) {
    c.page += 1;
    c.y = area.top + repeated;
  } else c.y += head;
  rows.forEach((h, i) => {
    if (i > 0 && (u.cuts.includes(i) || c.y + h > area.bottom + 0.01)) {
      c.page += 1;
      c.y = area.top + repeated;
    }
    put(u.rows[i] as string);
    c.y += h;
  });
  c.y += AFTER.table;
  put(u.after);
}
