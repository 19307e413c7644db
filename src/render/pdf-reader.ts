/**
 * A small reader for the prints Chromium makes: a classic cross-reference
 * table and plain objects (Skia compresses only the streams). Objects are
 * parsed when first looked up: measuring a layout needs a few hundred of
 * the file's thousands. A file this reader does not expect (a
 * cross-reference stream, an update appended, anything it cannot parse)
 * makes it give up (NotPlain): pdf-file.ts then has pdf-lib copy it plainly.
 */

import { NotPlain, Parser, Ref, type PdfValue } from './pdf-syntax.js';

export { NotPlain, Ref, Token, type PdfValue } from './pdf-syntax.js';

/** The file's objects by number, parsed on first use, and its trailer. */
export interface PlainPdf {
  /** The file, one character a byte (latin1). */
  text: string;
  /** Each object in use: its number, generation and offset, in the order of the file. */
  objects: Array<{ num: number; gen: number; offset: number }>;
  /** Where the cross-reference table starts: the end of the last object. */
  xrefAt: number;
  trailer: Map<string, PdfValue>;
  /** The value, following a reference (undefined for an object the table does not have). */
  resolve(v: PdfValue | undefined): PdfValue | undefined;
  /** Where an object resolved before starts ("n g obj") and where its value ends (before "endobj"). */
  span(ref: Ref): [start: number, end: number] | undefined;
}

type InUse = PlainPdf['objects'][number];

/** The objects in use that the table (at the parser) lists, by number; then the parser is at the trailer. */
function readTable(p: Parser): Map<number, InUse> {
  p.expect('xref');
  const table = new Map<number, InUse>();
  while (p.peek() !== 'trailer') {
    const [first, count] = [p.int(), p.int()];
    for (let i = 0; i < count; i++) {
      const [offset, gen, kind] = [p.int(), p.int(), p.keyword()];
      if (kind === 'n') table.set(first + i, { num: first + i, gen, offset });
      else if (kind !== 'f') throw new NotPlain(`a cross-reference entry of kind ${kind}`);
    }
  }
  return table;
}

/** Reads the cross-reference table at the end of `bytes`; throws NotPlain for any other kind of file. */
export function readPlainPdf(bytes: Uint8Array): PlainPdf {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(s.slice(-64));
  if (!m) throw new NotPlain('no startxref at the end');
  const xrefAt = Number(m[1]);
  const p = new Parser(s, xrefAt);
  const table = readTable(p);
  p.expect('trailer');
  const trailer = p.value();
  if (!(trailer instanceof Map) || trailer.has('Prev') || trailer.has('XRefStm')) throw new NotPlain('an updated file');
  const objects = new Map<number, PdfValue>();
  const ends = new Map<number, number>();
  const resolve = (v: PdfValue | undefined): PdfValue | undefined => {
    if (!(v instanceof Ref)) return v;
    if (objects.has(v.num)) return objects.get(v.num);
    const at = table.get(v.num)?.offset;
    if (at === undefined) return undefined;
    const q = new Parser(s, at);
    if (q.int() !== v.num || q.int() !== v.gen) throw new NotPlain(`object ${v.num} is not where the table says`);
    q.expect('obj');
    const value = q.value();
    objects.set(v.num, value);
    ends.set(v.num, q.at);
    return value;
  };
  const span = (ref: Ref): [number, number] | undefined => {
    const [start, end] = [table.get(ref.num)?.offset, ends.get(ref.num)];
    return start === undefined || end === undefined ? undefined : [start, end];
  };
  const inUse = [...table.values()].sort((a, b) => a.offset - b.offset);
  if ((inUse.at(-1)?.offset ?? 0) >= xrefAt) throw new NotPlain('an object after the cross-reference table');
  return { text: s, objects: inUse, xrefAt, trailer, resolve, span };
}
