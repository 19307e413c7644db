/**
 * Font names that match the weight printed. Chromium embeds a subset under
 * the PostScript name it finds in the font; with the @fontsource .woff2
 * slices the PDF said `NotoSerifSCExtraLight-Regular` and
 * `NotoSansSCThin-Bold` (the variable font's default instance) for text
 * set at 400 and 700, which a prepress check questions. The print now
 * inlines the .woff twin of each slice (WOFF 1.0: its tables can be edited
 * without undoing WOFF2's glyph transforms) with its name table rewritten
 * from the family and weight the stylesheet uses them as (family,
 * subfamily, full name, PostScript name, typographic family and
 * subfamily), so any configured @fontsource package prints under names
 * matching its use. Every other table keeps its compressed bytes.
 */
import { deflateSync, inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const NAME_TAG = 0x6e616d65; // 'name'
const HEADER = 44;
const ENTRY = 20;

interface WoffTable {
  tag: number;
  /** As stored: compressed when smaller. */
  stored: Buffer;
  origLength: number;
  checksum: number;
}

const STYLE: Record<number, string> = {
  100: 'Thin',
  200: 'ExtraLight',
  300: 'Light',
  400: 'Regular',
  500: 'Medium',
  600: 'SemiBold',
  700: 'Bold',
  800: 'ExtraBold',
  900: 'Black',
};

/** Name IDs 1, 2, 4, 6, 16, 17 for `family` at `weight` (Regular and Bold style-link within the family). */
export function namesFor(family: string, weight: number): Map<number, string> {
  const style = STYLE[weight] ?? 'Regular';
  const linked = style === 'Regular' || style === 'Bold';
  const legacyFamily = linked ? family : `${family} ${style}`;
  const full = style === 'Regular' ? family : `${family} ${style}`;
  return new Map([
    [1, legacyFamily],
    [2, linked ? style : 'Regular'],
    [4, full],
    [6, `${family.replace(/[^A-Za-z0-9]/g, '')}-${style}`],
    [16, family],
    [17, style],
  ]);
}

function readTables(woff: Buffer): WoffTable[] {
  if (woff.length < HEADER || woff.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 font');
  return Array.from({ length: woff.readUInt16BE(12) }, (_, i) => {
    const at = HEADER + i * ENTRY;
    const offset = woff.readUInt32BE(at + 4);
    return {
      tag: woff.readUInt32BE(at),
      stored: woff.subarray(offset, offset + woff.readUInt32BE(at + 8)),
      origLength: woff.readUInt32BE(at + 12),
      checksum: woff.readUInt32BE(at + 16),
    };
  });
}

const encode = (platform: number, text: string): Buffer =>
  platform === 1 ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf16le').swap16();

/** A format-0 name table with the names in `names` replaced in every platform's records. */
export function renameTable(name: Buffer, names: ReadonlyMap<number, string>): Buffer {
  const count = name.readUInt16BE(2);
  const storage = name.readUInt16BE(4);
  const records = Array.from({ length: count }, (_, i) => {
    const at = 6 + i * 12;
    const [platform, encoding, language, id, length, offset] = [0, 2, 4, 6, 8, 10].map((d) =>
      name.readUInt16BE(at + d),
    ) as [number, number, number, number, number, number];
    const replaced = names.get(id);
    const text =
      replaced === undefined ? name.subarray(storage + offset, storage + offset + length) : encode(platform, replaced);
    return { platform, encoding, language, id, text };
  });
  // Format 1 language-tag records (languageID >= 0x8000) are dropped with the tags.
  const kept = records.filter((r) => r.language < 0x8000);
  const head = Buffer.alloc(6 + kept.length * 12);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(kept.length, 2);
  head.writeUInt16BE(head.length, 4);
  let pos = 0;
  kept.forEach((r, i) => {
    const at = 6 + i * 12;
    [r.platform, r.encoding, r.language, r.id, r.text.length, pos].forEach((v, k) => head.writeUInt16BE(v, at + k * 2));
    pos += r.text.length;
  });
  return Buffer.concat([head, ...kept.map((r) => r.text)]);
}

function checksum(data: Buffer): number {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

function writeWoff(flavor: number, tables: readonly WoffTable[]): Buffer {
  const pad = (n: number) => (n + 3) & ~3;
  let pos = HEADER + tables.length * ENTRY;
  const dir = Buffer.alloc(pos);
  const bodies: Buffer[] = [];
  tables.forEach((t, i) => {
    const at = HEADER + i * ENTRY;
    [t.tag, pos, t.stored.length, t.origLength, t.checksum].forEach((v, k) => dir.writeUInt32BE(v, at + k * 4));
    bodies.push(t.stored, Buffer.alloc(pad(t.stored.length) - t.stored.length));
    pos += pad(t.stored.length);
  });
  const sfntSize = 12 + 16 * tables.length + tables.reduce((a, t) => a + pad(t.origLength), 0);
  dir.writeUInt32BE(WOFF_SIGNATURE, 0);
  dir.writeUInt32BE(flavor, 4);
  dir.writeUInt32BE(pos, 8);
  dir.writeUInt16BE(tables.length, 12);
  dir.writeUInt32BE(sfntSize, 16);
  dir.writeUInt16BE(1, 20); // font version 1.0; no metadata or private block
  return Buffer.concat([dir, ...bodies]);
}

/** `t`, a name table as stored, saying `family` at `weight`. */
function renamed(t: WoffTable, family: string, weight: number): WoffTable {
  const raw = t.stored.length < t.origLength ? inflateSync(t.stored) : t.stored;
  const name = renameTable(raw, namesFor(family, weight));
  const packed = deflateSync(name);
  const stored = packed.length < name.length ? packed : name;
  return { tag: t.tag, stored, origLength: name.length, checksum: checksum(name) };
}

// The slices of one @fontsource package share their name table: a page's 66 slices have 3 (one per
// family and weight), so each is rewritten once (renaming the sample's print: 24 -> 12 ms).
const renamedTables = new Map<string, WoffTable>();

/** The WOFF 1.0 font `woff` with its name table saying `family` at `weight`. */
export function renameWoff(woff: Buffer, family: string, weight: number): Buffer {
  const tables = readTables(woff).map((t) => {
    if (t.tag !== NAME_TAG) return t;
    const key = `${family}\0${weight}\0${t.origLength}\0${t.stored.toString('latin1')}`;
    let done = renamedTables.get(key);
    if (!done) renamedTables.set(key, (done = renamed(t, family, weight)));
    return done;
  });
  return writeWoff(woff.readUInt32BE(4), tables);
}
