/**
 * WOFF 1.0 → plain OpenType (TrueType/CFF) bytes. The @fontsource packages
 * ship only web fonts; the SVG rasterizer (resvg) reads OpenType, not WOFF.
 * WOFF 1.0 is the OpenType tables, each zlib-compressed when that made it
 * smaller, behind a directory: undoing it takes no library. (WOFF2 would
 * need the glyf/loca transforms undone, so the .woff twins are used.)
 */
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'

interface Table {
  tag: number;
  checksum: number;
  data: Buffer;
}

function tablesOf(woff: Buffer): Table[] {
  const count = woff.readUInt16BE(12);
  return Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compressed = woff.readUInt32BE(at + 8);
    const length = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compressed);
    const data = compressed < length ? inflateSync(raw) : raw;
    if (data.length !== length) throw new Error(`WOFF table ${i}: ${data.length} bytes, directory says ${length}`);
    return { tag: woff.readUInt32BE(at), checksum: woff.readUInt32BE(at + 16), data };
  });
}

export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < 44 || woff.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 font');
  const tables = tablesOf(woff);
  const n = tables.length;
  let pos = 12 + 16 * n;
  const at = tables.map((t) => {
    const start = pos;
    pos += (t.data.length + 3) & ~3;
    return start;
  });
  const out = Buffer.alloc(pos);
  const log2 = Math.floor(Math.log2(n));
  out.writeUInt32BE(woff.readUInt32BE(4), 0); // flavor: the sfnt version
  out.writeUInt16BE(n, 4);
  out.writeUInt16BE(16 << log2, 6);
  out.writeUInt16BE(log2, 8);
  out.writeUInt16BE(n * 16 - (16 << log2), 10);
  tables.forEach((t, i) => {
    const rec = 12 + i * 16;
    out.writeUInt32BE(t.tag, rec);
    out.writeUInt32BE(t.checksum, rec + 4);
    out.writeUInt32BE(at[i] as number, rec + 8);
    out.writeUInt32BE(t.data.length, rec + 12);
    t.data.copy(out, at[i] as number);
  });
  return out;
}
