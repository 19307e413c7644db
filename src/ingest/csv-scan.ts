/**
 * A fast CSV scanner (csv-reader.ts, csv-stream.ts): most rows of an export have no quotes,
 * and those are split with indexOf/split on the decoded text instead of
 * csv-parse's byte-by-byte state machine (3-4x faster, and no per-field
 * Buffer-to-string conversions). It gives exactly the records csv-parse
 * gives with our options (csv-reader.ts), which a property test checks on
 * random text; anything it is not sure of (a quote inside a field, text after
 * a closing quote, a quote never closed, a line break inside quotes before the
 * first record ends) throws CsvNeedsFullParser and the caller parses the whole
 * file again with csv-parse, which also words the error if there is one.
 */

import { IntList, forEachRecord, type CellBatch } from './cell-batch.js';

// The batch format lives in cell-batch.ts; its users import it from here, with the scanner.
export { forEachRecord, type CellBatch };

export class CsvNeedsFullParser extends Error {}

export interface CsvScanner {
  push(chunk: string): void;
  /** Flushes the last record (a file need not end with a line break). */
  end(): void;
}

const needsParser = (): never => {
  throw new CsvNeedsFullParser('CSV needs the full parser');
};

/**
 * The record delimiter as csv-parse detects it: the first line break outside
 * quotes (\r\n, \n or \r). Null when the text so far cannot tell yet.
 */
function detectTerminator(text: string, final: boolean): string | null {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 || c === 13) {
      if (quoted) needsParser();
      if (c === 10) return '\n';
      if (i + 1 < text.length) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
      return final ? '\r' : null;
    }
  }
  return null;
}

/** Cells of the record at `pos` that has a quote somewhere; the position after it, or -1 when the text ends first. */
function quotedRecord(buf: string, pos: number, delimiter: string, term: string, out: IntList): number {
  const countAt = out.n;
  out.push(0);
  let count = 0;
  let i = pos;
  for (;;) {
    count++;
    if (buf.charCodeAt(i) === 34) {
      let q = i + 1;
      for (;;) {
        q = buf.indexOf('"', q);
        if (q < 0 || q + 1 >= buf.length) return -1;
        if (buf.charCodeAt(q + 1) !== 34) break;
        q += 2;
      }
      out.push(~(i + 1));
      out.push(q);
      i = q + 1;
      if (buf.startsWith(delimiter, i)) {
        i += delimiter.length;
        continue;
      }
      out.data[countAt] = count;
      if (buf.startsWith(term, i)) return i + term.length;
      if (term.startsWith(buf.slice(i))) return -1;
      return needsParser();
    }
    const end = buf.indexOf(term, i);
    if (end < 0) return -1;
    const d = buf.indexOf(delimiter, i);
    const stop = d >= 0 && d < end ? d : end;
    const quote = buf.indexOf('"', i);
    if (quote >= 0 && quote < stop) needsParser();
    out.push(i);
    out.push(stop);
    if (stop === end) {
      out.data[countAt] = count;
      return end + term.length;
    }
    i = stop + delimiter.length;
  }
}

/** Cells of a record without quotes, from `pos` to `end`. */
function plainRecord(buf: string, pos: number, end: number, delimiter: string, out: IntList): void {
  const countAt = out.n;
  out.push(0);
  let count = 0;
  for (let s = pos; ;) {
    const d = buf.indexOf(delimiter, s);
    count++;
    out.push(s);
    if (d < 0 || d >= end) {
      out.push(end);
      break;
    }
    out.push(d);
    s = d + delimiter.length;
  }
  out.data[countAt] = count;
}

/** The scanner, giving the complete records of each chunk as one batch. */
export function csvCells(delimiter: string, onBatch: (batch: CellBatch) => void): CsvScanner {
  let term: string | null = null;
  let rest = '';
  const out = new IntList();
  const scan = (final: boolean): void => {
    const buf = rest;
    term ??= detectTerminator(buf, final);
    if (term === null) return;
    let pos = 0;
    let quote = buf.indexOf('"');
    for (;;) {
      const end = buf.indexOf(term, pos);
      if (end < 0) break;
      if (quote < 0 || quote > end) {
        plainRecord(buf, pos, end, delimiter, out);
        pos = end + term.length;
        continue;
      }
      const mark = out.n;
      const next = quotedRecord(buf, pos, delimiter, term, out);
      if (next < 0) {
        out.n = mark;
        break;
      }
      pos = next;
      quote = buf.indexOf('"', pos);
    }
    rest = buf.slice(pos);
    if (out.n > 0) onBatch({ text: buf.slice(0, pos), cells: out.take() });
  };
  return {
    push(chunk: string): void {
      rest += chunk;
      scan(false);
    },
    end(): void {
      scan(true);
      if (rest === '') return;
      // The last record ends where the text does, as if a line break followed.
      rest += term ?? '\n';
      scan(true);
      if (rest !== '') needsParser();
    },
  };
}

/** The scanner, giving each record's cells as strings. */
export function csvScanner(delimiter: string, onRecord: (cells: string[]) => void): CsvScanner {
  return csvCells(delimiter, (batch) => forEachRecord(batch, onRecord));
}
