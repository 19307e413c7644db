/**
 * Writing a PDF out from its objects (pdf-edit.ts), compactly as PDF 1.5
 * allows (7.5.7, 7.5.8): the objects that are not streams go, 100 at a
 * time, into deflated object streams, and a deflated cross-reference stream
 * ends the file. Chromium's print holds 3,000 small objects (the tagged
 * structure, annotations, bookmarks) written out plainly: packed, the
 * sample's PDF is a third smaller. Streams keep their bytes. Node's zlib
 * gives the same bytes for the same input. Pure.
 */
import { deflateSync } from 'node:zlib';
import { Token, serialize, type PdfValue } from './pdf-syntax.js';

/** A stream's dictionary and its bytes as stored (still encoded). */
export interface PdfStream {
  dict: Map<string, PdfValue>;
  data: Buffer;
}

export const isStream = (v: PdfValue | PdfStream): v is PdfStream =>
  v !== null && typeof v === 'object' && 'data' in v && Buffer.isBuffer(v.data);

/** One object: its value, a stream's whole bytes as they were ("n g obj" to the next), or a value's text. */
export type Body = { num: number; gen: number } & (
  { value: PdfValue | PdfStream } | { bytes: Buffer } | { text: string }
);

const PER_STREAM = 100;

/** A cross-reference entry (7.5.8.3): free (next free, generation), at an offset, or in an object stream. */
type Entry = [type: 0 | 1 | 2, field2: number, field3: number];

const streamBytes = (num: number, dict: Map<string, PdfValue>, data: Buffer): Buffer[] => [
  Buffer.from(`${num} 0 obj\n${serialize(new Map([...dict, ['Length', data.length]]))}\nstream\n`, 'latin1'),
  data,
  Buffer.from('\nendstream\nendobj\n', 'latin1'),
];

const flate = (dict: Array<[string, PdfValue]>): Map<string, PdfValue> =>
  new Map([...dict, ['Filter', new Token('name', 'FlateDecode')]]);

/**
 * The file: `header`, the objects, and a cross-reference stream with
 * `trailer`'s entries. The streams it adds are numbered from `size` (the
 * numbers of removed objects stay free).
 */
export function writePdf(
  header: string,
  bodies: readonly Body[],
  trailer: Map<string, PdfValue>,
  size: number,
): Uint8Array {
  const parts: Buffer[] = [Buffer.from(header, 'latin1')];
  let at = parts[0]!.length;
  const emit = (chunks: Buffer[]) => {
    parts.push(...chunks);
    at += chunks.reduce((n, c) => n + c.length, 0);
  };
  const entries = new Map<number, Entry>();
  const packed: Array<{ num: number; text: string }> = [];
  for (const b of bodies) {
    const value = 'value' in b ? b.value : undefined;
    const text = 'text' in b ? b.text : value !== undefined && !isStream(value) ? serialize(value) : undefined;
    // Only generation 0 may go into an object stream.
    if (text !== undefined && b.gen === 0) packed.push({ num: b.num, text });
    else {
      entries.set(b.num, [1, at, b.gen]);
      if ('bytes' in b) emit([b.bytes]);
      else if (text !== undefined) emit([Buffer.from(`${b.num} ${b.gen} obj\n${text}\nendobj\n`, 'latin1')]);
      else if (value !== undefined && isStream(value)) emit(streamBytes(b.num, value.dict, value.data));
    }
  }
  let next = Math.max(size, ...bodies.map((b) => b.num + 1));
  for (let i = 0; i < packed.length; i += PER_STREAM) {
    const group = packed.slice(i, i + PER_STREAM);
    const num = next++;
    const offsets: string[] = [];
    let body = '';
    group.forEach((o, j) => {
      offsets.push(`${o.num} ${body.length}`);
      body += `${o.text}\n`;
      entries.set(o.num, [2, num, j]);
    });
    const head = `${offsets.join(' ')}\n`;
    const dict = flate([
      ['Type', new Token('name', 'ObjStm')],
      ['N', group.length],
      ['First', head.length],
    ]);
    entries.set(num, [1, at, 0]);
    emit(streamBytes(num, dict, deflateSync(Buffer.from(head + body, 'latin1'))));
  }
  const xrefNum = next++;
  entries.set(xrefNum, [1, at, 0]);
  const dict = flate([['Type', new Token('name', 'XRef')], ['Size', next], ['W', [1, 4, 2]], ...trailer]);
  const xrefAt = at;
  emit(streamBytes(xrefNum, dict, deflateSync(xrefRows(entries, next))));
  emit([Buffer.from(`startxref\n${xrefAt}\n%%EOF\n`, 'latin1')]);
  return Buffer.concat(parts);
}

/** The table's rows for every number below `size`, the free ones linked from object 0 (7.5.4). */
function xrefRows(entries: Map<number, Entry>, size: number): Buffer {
  const free = Array.from({ length: size }, (_, n) => n).filter((n) => !entries.has(n));
  const nextFree = new Map(free.map((n, i) => [n, free[i + 1] ?? 0]));
  const rows = Buffer.alloc(size * 7);
  for (let n = 0; n < size; n++) {
    const [type, f2, f3] = entries.get(n) ?? [0, nextFree.get(n) ?? 0, n === 0 ? 65535 : 1];
    rows.writeUInt8(type, n * 7);
    rows.writeUInt32BE(f2, n * 7 + 1);
    rows.writeUInt16BE(f3, n * 7 + 5);
  }
  return rows;
}
