/**
 * CSV files too large to hold in memory: decoded and parsed as a stream,
 * one row at a time, with the same records and row numbering as
 * csv-reader.ts. The file is read with the fast scanner (csv-scan.ts) and
 * decoded as strict UTF-8; when the scanner hands over, or a byte is not
 * UTF-8 (then it is GB18030), the file is read again from the start and the
 * caller's sink is started afresh (`begin`), so no row is counted twice.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { csvParser, malformedCsv, refusedCsv, sniffDelimiter } from './csv-reader.js';
import { excelText, rowAt } from './cell-batch.js';
import { csvCells, CsvNeedsFullParser, type CellBatch } from './csv-scan.js';
import { chunkDecoder, describeEncoding, NotUtf8, sniffHead, type Encoding } from './decode.js';
import { lineBreakUnifier } from './line-breaks.js';
import type { RawRow } from './table.js';

async function headBytes(path: string, size = 65_536): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = new Uint8Array(size);
    const { bytesRead } = await fh.read(buf, 0, size, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function* decoded(path: string, skip: number, encoding: Encoding): AsyncGenerator<string> {
  const decoder = chunkDecoder(encoding);
  const breaks = lineBreakUnifier();
  const raw = createReadStream(path, { start: skip, highWaterMark: 1 << 20 });
  try {
    for await (const chunk of raw as AsyncIterable<Buffer>) yield breaks.write(decoder.write(chunk));
    yield breaks.write(decoder.end()) + breaks.end();
  } finally {
    raw.destroy();
  }
}

/** Receives the records of a file, a batch at a time, in order. */
export type BatchSink = (batch: CellBatch) => void;

/** A consumer of rows as a BatchSink: numbered from 1 across batches, empty cells as null. */
export function rowFeeder(onRow: (r: RawRow) => void): BatchSink {
  let row = 0;
  return ({ text, cells }) => {
    for (let i = 0; i < cells.length; i += 1 + 2 * (cells[i] as number)) onRow(rowAt(text, cells, i, ++row));
  };
}

async function scanPass(
  path: string,
  skip: number,
  encoding: Encoding,
  delimiter: string,
  sink: BatchSink,
  pause: () => Promise<void>,
): Promise<void> {
  const scanner = csvCells(delimiter, sink);
  for await (const text of decoded(path, skip, encoding)) {
    scanner.push(text);
    await pause();
  }
  scanner.end();
}

/** csv-parse's records, re-packed as batches (plain cells: no quoting left to undo). */
async function parserPass(
  path: string,
  display: string,
  skip: number,
  encoding: Encoding,
  delimiter: string,
  sink: BatchSink,
  pause: () => Promise<void>,
): Promise<void> {
  const source = Readable.from(decoded(path, skip, encoding));
  const parser = csvParser(delimiter);
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  let text = '';
  let cells: number[] = [];
  const flush = () => {
    if (cells.length > 0) sink({ text, cells: Int32Array.from(cells) });
    text = '';
    cells = [];
  };
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      cells.push(record.length);
      for (const cell of record) cells.push(text.length, (text += excelText(cell)).length);
      if (text.length > 1 << 20) {
        flush();
        await pause();
      }
    }
    flush();
  } catch (e) {
    if (e instanceof NotUtf8) throw e;
    throw malformedCsv(display, encoding, e);
  }
}

/** The first bytes as text, and the encoding they confirm (GB18030 when not UTF-8). */
function headText(head: Uint8Array, encoding: Encoding, skip: number): { text: string; encoding: Encoding } {
  try {
    return { text: chunkDecoder(encoding).write(head.subarray(skip)), encoding };
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    return { text: chunkDecoder('gb18030').write(head.subarray(skip)), encoding: 'gb18030' };
  }
}

/**
 * Calls `begin()` for a sink, then the sink with every record, a batch at a
 * time, in order, waiting for `pause()` between batches (a consumer that has
 * fallen behind); returns the encoding used (as shown to users).
 */
export async function streamCsv(
  path: string,
  display: string,
  begin: () => BatchSink,
  pause: () => Promise<void> = async () => undefined,
): Promise<{ encoding: string }> {
  const head = await headBytes(path);
  const sniffed = sniffHead(head);
  if (!sniffed.ok) throw refusedCsv(sniffed.code, display);
  const { skip } = sniffed;
  const first = headText(head, sniffed.encoding, skip);
  let encoding = first.encoding;
  const delimiter = sniffDelimiter(first.text);
  let full = false;
  for (;;) {
    try {
      if (full) await parserPass(path, display, skip, encoding, delimiter, begin(), pause);
      else await scanPass(path, skip, encoding, delimiter, begin(), pause);
      return { encoding: describeEncoding(encoding) };
    } catch (e) {
      // Not UTF-8 after all (a BOM before GBK bytes included): read again as GB18030, after the BOM.
      if (e instanceof NotUtf8 && (encoding === 'utf-8' || encoding === 'utf-8-bom')) encoding = 'gb18030';
      else if (e instanceof CsvNeedsFullParser && !full) full = true;
      else throw e;
    }
  }
}
