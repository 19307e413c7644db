/**
 * The batch format between the CSV scanner (csv-scan.ts) and its readers.
 * Records as offsets into one text, so they can cross to a worker thread as
 * a string and a transferable array instead of a million small arrays: for
 * each record its cell count, then each cell's start and end. A quoted
 * cell's start is stored as ~start (its text between the quotes, in which
 * "" stands for ").
 */
import type { RawRow } from './table.js';

export interface CellBatch {
  text: string;
  cells: Int32Array;
}

/** A growable Int32Array: the batch is filled without an allocation per cell. */
export class IntList {
  data = new Int32Array(1 << 14);
  n = 0;
  push(v: number): void {
    if (this.n === this.data.length) {
      const bigger = new Int32Array(this.n * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.n++] = v;
  }
  take(): Int32Array {
    const out = this.data.slice(0, this.n);
    this.n = 0;
    return out;
  }
}

/**
 * ="02": Excel's way of keeping a code's leading zero through a CSV (a formula giving the text
 * 02), as system exports write it, quoted or not; Excel shows 02. Anything more than one string
 * literal ("a"&"b") stays as written, and is refused where it does not fit.
 */
export function excelText(cell: string): string {
  if (cell.length < 3 || cell.charCodeAt(0) !== 61 || cell[1] !== '"' || !cell.endsWith('"')) return cell;
  const inner = cell.slice(2, -1);
  return /^(?:[^"]|"")*$/.test(inner) ? inner.replaceAll('""', '"') : cell;
}

/** The cells, as strings, of the record whose cell count is at `cells[i]`. */
export function recordCells(text: string, cells: Int32Array, i: number): string[] {
  const n = cells[i++] as number;
  const row = new Array<string>(n);
  for (let k = 0; k < n; k++) {
    const start = cells[i++] as number;
    const end = cells[i++] as number;
    const cell = start >= 0 ? text.slice(start, end) : text.slice(~start, end).replaceAll('""', '"');
    row[k] = cell.charCodeAt(0) === 61 ? excelText(cell) : cell;
  }
  return row;
}

/** Calls `onRecord` for each record of a batch, cells as strings. */
export function forEachRecord(batch: CellBatch, onRecord: (cells: string[]) => void): void {
  const { text, cells } = batch;
  for (let i = 0; i < cells.length; i += 1 + 2 * (cells[i] as number)) onRecord(recordCells(text, cells, i));
}

/** The record at `cells[i]` as row `row`, empty cells as null. */
export function rowAt(text: string, cells: Int32Array, i: number, row: number): RawRow {
  const values: Array<string | null> = recordCells(text, cells, i);
  for (let k = 0; k < values.length; k++) if (values[k] === '') values[k] = null;
  return { row, cells: values };
}
