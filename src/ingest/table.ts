/** What readers hand to validation: cells as the file holds them, no meaning yet. */
export type CellValue = string | number | boolean | Date | { error: string } | { formula: string } | null;

/** A cell whose value alone would give a wrong figure (cell-marks.ts makes them; only on rows that have one). */
export interface CellMark {
  /** 0-based column. */
  col: number;
  /**
   * The merged range the cell lies in (1-based, inclusive) when its value is not its own: a range over
   * several rows (every cell, the first too: the one value was repeated down), or any cell but the first
   * of a range across columns (the first one's value copied to the right).
   */
  merged?: { top: number; left: number; bottom: number; right: number };
  /** The number format of a number cell, when it shows another figure than the number (0"万件", 0,). */
  format?: string;
  /** The word a number cell's format shows beside the figure without changing it (0"台" shows 500台). */
  label?: string;
}

export interface RawRow {
  /** 1-based row number as Excel shows it. */
  row: number;
  /** Index 0 is column A. */
  cells: CellValue[];
  /**
   * Hidden in Excel (by hand or by a filter), yet read like any other row, as Excel's SUM
   * counts it. Only ever true, never false, so a visible row is the same object as before.
   */
  hidden?: true;
  /** Cells whose value alone would mislead (merged over rows or into a cell on the left, a scaling number format): cell-marks.ts. */
  marks?: CellMark[];
}

export interface RawTable {
  /** Path as the user gave it (for messages). */
  file: string;
  format: 'csv' | 'xlsx';
  sheet: string | null;
  /** CSV only: the encoding that was detected and used. */
  encoding: string | null;
  rows: RawRow[];
  /** What the reader wants the user to know about how it read the file (warnings). */
  notices?: ReaderNotice[];
}

/** A warning from a reader: which sheet it chose, an encoding it had to guess. */
export interface ReaderNotice {
  code: string;
  message: string;
  hint: string;
  /** A warning unless said: reading on would leave figures out. */
  severity?: 'error';
}

export function isErrorCell(v: CellValue): v is { error: string } {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

/**
 * A formula whose result was never saved (files written by scripts or some
 * converters): the cell shows a value in Excel, but the file holds none.
 */
export function isUnsavedFormula(v: CellValue): v is { formula: string } {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'formula' in v;
}

/** Text of a cell for messages and text fields; dates as ISO. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isErrorCell(v)) return v.error;
  if (isUnsavedFormula(v)) return '';
  return String(v).trim();
}

/**
 * True when cellText(v) is certainly not empty, told from the first character alone (printable
 * ASCII or a CJK ideograph, which trim() never removes): the usual cell, without trimming it.
 * False says nothing: ask cellText.
 */
export function surelyFilled(v: CellValue | undefined): boolean {
  if (typeof v !== 'string' || v.length === 0) return false;
  const c = v.charCodeAt(0);
  return (c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff);
}

export function isBlankRow(cells: readonly CellValue[]): boolean {
  return cells.every((c) => cellText(c) === '');
}

/** A workbook sheet as the chooser sees it: its name, whether hidden, and its first rows. */
export interface SheetHead {
  name: string;
  hidden: boolean;
  rows: RawRow[];
}

/** Which sheet to read (index -1: none such), and what to tell the user; `wanted` is the name asked for (--sheet). */
export type SheetChooser = ((sheets: readonly SheetHead[]) => { index: number; notices: ReaderNotice[] }) & {
  wanted?: string;
};

/** Rows a chooser gets from each sheet (where a header is looked for). */
export const HEAD_ROWS = 30;

/** The sheet named by --sheet; index -1 (the reader says it is missing) when there is none. */
export const sheetNamed = (name: string): SheetChooser =>
  Object.assign((sheets: readonly SheetHead[]) => ({ index: sheets.findIndex((s) => s.name === name), notices: [] }), {
    wanted: name,
  });

/** Without a header to look for: the first visible sheet (a hidden first sheet is usually old data). */
export const firstVisible: SheetChooser = (sheets) => ({
  index: Math.max(
    0,
    sheets.findIndex((s) => !s.hidden),
  ),
  notices: [],
});
