/** Table views: rows of cells with a class per column, shared by every table of the bulletin. */

export interface Cell {
  text: string;
  /** CSS class: "num" right-aligns figures, "text" wraps long prose. */
  cls: string;
  /** Header cells only: the column's width in percent, when measured from the content (col-widths.ts). */
  width?: number;
}

export interface TableRow {
  cells: Cell[];
  /** Set only while measuring pages: an invisible tag found again in the PDF text. */
  marker: string | null;
}

/** A run of rows printed together; later parts start a new page with （续表）. */
export interface TablePart {
  continued: boolean;
  /** Print: the first part is not to be broken where it stands (it moves to the next page if it does not fit). */
  keepWhole: boolean;
  /** Print, when measuring: a marker just before the first part, where the text before the table ends. */
  before: string | null;
  /** Print, when measuring: a marker just after the last part, where the text after the table starts. */
  after: string | null;
  rows: TableRow[];
  total: TableRow | null;
}

export interface TableView {
  /** Names the table for styling (table.t-cases) and pagination. */
  id: string;
  caption: string | null;
  headers: Cell[];
  parts: TablePart[];
}

/** Pairs each cell with its column's class. */
export function row(texts: readonly string[], classes: readonly string[]): TableRow {
  return { cells: texts.map((text, i) => ({ text, cls: classes[i] ?? '' })), marker: null };
}

export function table(
  id: string,
  caption: string | null,
  headers: readonly string[],
  classes: readonly string[],
  rows: string[][],
  total: string[] | null,
): TableView {
  return {
    id,
    caption,
    headers: row(headers, classes).cells,
    parts: [
      {
        continued: false,
        keepWhole: false,
        before: null,
        after: null,
        rows: rows.map((r) => row(r, classes)),
        total: total ? row(total, classes) : null,
      },
    ],
  };
}

export const n = (v: number): string => String(v);
