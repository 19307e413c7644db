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

/** One record that has a quote somewhere, from `pos`; null when the text ends first. */
function quotedRecord(buf: string, pos: number, delimiter: string, term: string): { cells: string[]; next: number } | null {
  const cells: string[] = [];
  let i = pos;
  for (;;) {
    if (buf.charCodeAt(i) === 34) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = buf.indexOf('"', from);
        if (q < 0 || q + 1 >= buf.length) return null;
        if (buf.charCodeAt(q + 1) === 34) {
          value += buf.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += buf.slice(from, q);
        i = q + 1;
        break;
      }
      cells.push(value);
      if (buf.startsWith(delimiter, i)) {
        i += delimiter.length;
        continue;
      }
      if (buf.startsWith(term, i)) return { cells, next: i + term.length };
      if (term.startsWith(buf.slice(i))) return null;
      return needsParser();
    }
    const end = buf.indexOf(term, i);
    if (end < 0) return null;
    const d = buf.indexOf(delimiter, i);
    const stop = d >= 0 && d < end ? d : end;
    const cell = buf.slice(i, stop);
    if (cell.includes('"')) needsParser();
    cells.push(cell);
    if (stop === end) return { cells, next: end + term.length };
    i = stop + delimiter.length;
  }
}

export function csvScanner(delimiter: string, onRecord: (cells: string[]) => void): CsvScanner {
  let term: string | null = null;
  let rest = '';
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
        onRecord(buf.slice(pos, end).split(delimiter));
        pos = end + term.length;
        continue;
      }
      const r = quotedRecord(buf, pos, delimiter, term);
      if (!r) break;
      onRecord(r.cells);
      pos = r.next;
      quote = buf.indexOf('"', pos);
    }
    rest = buf.slice(pos);
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
