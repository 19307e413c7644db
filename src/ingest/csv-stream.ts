/**
 * CSV files too large to hold in memory: decoded and parsed as a stream,
 * one row at a time, with the same options and row numbering as
 * csv-reader.ts (whose parser module it shares).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { csvParser, malformedCsv, refusedCsv, sniffDelimiter } from './csv-reader.js';
import { decoderStream, describeEncoding, sniffEncoding } from './decode.js';
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

/** Calls `onRow` for every record, in order; returns the encoding used (as shown to users). */
export async function streamCsv(path: string, display: string, onRow: (r: RawRow) => void): Promise<{ encoding: string }> {
  const head = await headBytes(path);
  const sniffed = await sniffEncoding(head, createReadStream(path, { highWaterMark: 1 << 20 }));
  if (!sniffed.ok) throw refusedCsv(sniffed.code, display);
  const { encoding, skip } = sniffed;
  const raw = createReadStream(path, { start: skip, highWaterMark: 1 << 20 });
  const text: Readable = encoding === 'utf-8' || encoding === 'utf-8-bom' ? raw.setEncoding('utf8') : (raw.pipe(decoderStream(encoding)) as unknown as Readable);
  const firstText = new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding).decode(head.subarray(skip));
  const parser = csvParser(sniffDelimiter(firstText));
  text.pipe(parser);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      onRow({ row, cells: record.map((c) => (c === '' ? null : c)) });
    }
  } catch (e) {
    throw malformedCsv(display, encoding, e);
  } finally {
    raw.destroy();
  }
  return { encoding: describeEncoding(encoding) };
}
