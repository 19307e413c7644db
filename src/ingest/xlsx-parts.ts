/**
 * Workbook parts read straight from the zip, which is in memory already
 * (zip-guard has checked it): where each sheet's XML is, the shared strings,
 * and any part's bytes as a stream of chunks (a sheet's merged cells and
 * hidden rows: sheet-layout.ts). The streaming reader reads the chosen sheet through these rather than through
 * exceljs's unzipper-based stream, which could drop entries (see xlsx-stream.ts).
 */
import { createInflateRaw } from 'node:zlib';

interface Entry {
  method: number;
  data: Buffer;
}

/** The zip's entries by name (central directory); zip-guard has checked its structure. */
function entries(b: Buffer): Map<string, Entry> {
  const out = new Map<string, Entry>();
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557) && eocd < 0; i--)
    if (b.readUInt32LE(i) === 0x06054b50) eocd = i;
  if (eocd < 0) return out;
  let at = b.readUInt32LE(eocd + 16);
  for (let i = 0; i < b.readUInt16LE(eocd + 10) && at + 46 <= b.length; i++) {
    const nameLen = b.readUInt16LE(at + 28);
    const name = b.toString('utf8', at + 46, at + 46 + nameLen);
    const local = b.readUInt32LE(at + 42);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    out.set(name, { method: b.readUInt16LE(at + 10), data: b.subarray(start, start + b.readUInt32LE(at + 20)) });
    at += 46 + nameLen + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return out;
}

/** An entry's bytes, chunk by chunk (a sheet's XML can be hundreds of MB). */
async function* chunks(e: Entry): AsyncGenerator<Buffer> {
  if (e.method === 0) {
    yield e.data;
    return;
  }
  const inflate = createInflateRaw();
  inflate.end(e.data);
  for await (const c of inflate) yield c as Buffer;
}

const zipEntries = (bytes: Uint8Array) => entries(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/** The bytes of the part at `path`, chunk by chunk (none when the zip has no such part). */
export async function* partChunks(bytes: Uint8Array, path: string): AsyncGenerator<Buffer> {
  const e = zipEntries(bytes).get(path);
  if (e) yield* chunks(e);
}

export const hasPart = (bytes: Uint8Array, path: string) => zipEntries(bytes).has(path);

/** The names of the zip's entries, as its central directory lists them. */
export const partNames = (bytes: Uint8Array) => [...zipEntries(bytes).keys()];

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

export interface SheetPart {
  name: string;
  hidden: boolean;
  path: string;
}

/** A part's whole text (UTF-8), or '' when the zip has no such part. */
export async function partText(bytes: Uint8Array, name: string): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of partChunks(bytes, name)) parts.push(c);
  return Buffer.concat(parts).toString('utf8');
}

/** The sheets in workbook order (the order Excel shows their tabs), with their XML's path. */
export async function sheetParts(bytes: Uint8Array): Promise<SheetPart[]> {
  const text = (name: string) => partText(bytes, name);
  const rels = new Map<string, string>();
  for (const m of (await text('xl/_rels/workbook.xml.rels')).matchAll(/<Relationship\b[^>]*>/g)) {
    const target = attr(m[0], 'Target') ?? '';
    rels.set(attr(m[0], 'Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const decode = (s: string) =>
    s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
  return [...(await text('xl/workbook.xml')).matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: decode(attr(m[0], 'name') ?? ''),
    hidden: (attr(m[0], 'state') ?? 'visible') !== 'visible',
    path: rels.get(attr(m[0], 'r:id') ?? '') ?? '',
  }));
}

export function cellAddress(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref) ?? ['', 'A', '1'];
  let col = 0;
  for (const ch of (m[1] as string).toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export const xmlText = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITY[e] ?? ''),
  );

/**
 * One <t>'s text as exceljs's in-memory reader gives it: entities, then
 * Excel's _xHHHH_ escapes (for characters XML cannot carry, such as _x000D_),
 * upper-case hex only as exceljs decodes them, each run on its own, so both
 * readers give the same names.
 */
const excelText = (s: string) =>
  xmlText(s).replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * The shared strings, for the streaming reader (exceljs's own stream could
 * miss them when they come after the sheets, as Excel writes them). Rich-text
 * runs are joined; phonetic guides (<rPh>) are not text.
 */
export async function sharedStrings(bytes: Uint8Array): Promise<string[]> {
  const all = zipEntries(bytes);
  const name = [...all.keys()].find((k) => k.toLowerCase() === 'xl/sharedstrings.xml');
  if (!name) return [];
  const out: string[] = [];
  let carry = '';
  const decoder = new TextDecoder('utf-8');
  for await (const c of chunks(all.get(name)!)) {
    const text = carry + decoder.decode(c, { stream: true });
    const end = text.lastIndexOf('</si>');
    if (end < 0) {
      carry = text;
      continue;
    }
    for (const m of text.slice(0, end + 5).matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)) {
      const body = (m[1] ?? '').replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
      out.push([...body.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => excelText(t[1] as string)).join(''));
    }
    carry = text.slice(end + 5);
  }
  return out;
}
