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

/** The cells, as strings, of the record whose cell count is at `cells[i]`. */
export function recordCells(text: string, cells: Int32Array, i: number): string[] {
  const n = cells[i++] as number;
  const row = new Array<string>(n);
  for (let k = 0; k < n; k++) {
    const start = cells[i++] as number;
    const end = cells[i++] as number;
    row[k] = start >= 0 ? text.slice(start, end) : text.slice(~start, end).replaceAll('""', '"');
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
