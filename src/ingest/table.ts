/** What readers hand to validation: cells as the file holds them, no meaning yet. */
export type CellValue = string | number | boolean | Date | { error: string } | { formula: string } | null;

export interface RawRow {
  /** 1-based row number as Excel shows it. */
  row: number;
  /** Index 0 is column A. */
  cells: CellValue[];
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

export function isBlankRow(cells: readonly CellValue[]): boolean {
  return cells.every((c) => cellText(c) === '');
}
