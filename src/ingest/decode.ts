/**
 * Text decoding for CSV files. Excel on Chinese Windows writes GBK/GB18030
 * with no BOM, so after BOMs and strict UTF-8 we fall back to GB18030 (a
 * superset of GBK). The name of the encoding used is reported to the user.
 * Files that are not text at all, or that mix UTF-8 and GBK lines, are
 * refused rather than decoded into garbage.
 */
import { createRequire } from 'node:module';

type Iconv = typeof import('iconv-lite');
let iconvLib: Iconv | null = null;
/** iconv-lite (about 20 ms to load) is loaded for the first file that is not UTF-8; UTF-8 needs only TextDecoder. */
const iconv = (): Iconv => (iconvLib ??= createRequire(import.meta.url)('iconv-lite') as Iconv);

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; guessed?: boolean }
  | { ok: false; code: 'input.csv.binary' | 'input.csv.mixed-encoding'; detail: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function validUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 code units that text holds: tab and line breaks, Latin, punctuation, CJK, full-width forms, BOM. */
function textUnit(u: number): boolean {
  return (
    u === 0x09 ||
    u === 0x0a ||
    u === 0x0d ||
    (u >= 0x20 && u <= 0x7e) ||
    (u >= 0xa0 && u <= 0x24f) ||
    (u >= 0x2000 && u <= 0x206f) ||
    (u >= 0x3000 && u <= 0x303f) ||
    (u >= 0x3400 && u <= 0x4dbf) ||
    (u >= 0x4e00 && u <= 0x9fff) ||
    (u >= 0xff00 && u <= 0xffef) ||
    u === 0xfeff
  );
}

/**
 * UTF-16 without a BOM. A CSV always has ASCII (commas, line breaks), whose
 * high byte is zero, so a file with no zero byte is not UTF-16. Zeros alone
 * prove nothing (binary files have them too, and Chinese characters such as
 * 一 U+4E00 put zeros at the other parity): the head is decoded both ways
 * and must be almost all text. Binary data is told apart here, before any
 * guess, so a binary file is never read as UTF-16 garbage.
 */
function utf16Guess(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 8192) & ~1;
  if (n < 4 || !b.subarray(0, n).includes(0)) return null;
  let le = 0;
  let be = 0;
  for (let i = 0; i < n; i += 2) {
    const x = b[i] as number;
    const y = b[i + 1] as number;
    if (textUnit(x | (y << 8))) le++;
    if (textUnit((x << 8) | y)) be++;
  }
  const units = n / 2;
  if (le >= be && le >= units * 0.97) return 'utf-16le';
  if (be > le && be >= units * 0.97) return 'utf-16be';
  return null;
}

function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i] as number;
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  return control > n * 0.05;
}

/**
 * Whether a line is really UTF-8 text, not GBK bytes that happen to form
 * valid UTF-8 (GBK 司 is CB BE, which is UTF-8 for U+02FE): every
 * non-ASCII character must be CJK or common CJK punctuation.
 */
function plausibleUtf8(line: Uint8Array): boolean {
  if (!validUtf8(line)) return false;
  for (const ch of strictUtf8.decode(line)) {
    const cp = ch.codePointAt(0) as number;
    const cjk =
      (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0x3400 && cp <= 0x4dbf) ||
      (cp >= 0x3000 && cp <= 0x303f) ||
      (cp >= 0xff00 && cp <= 0xffef) ||
      (cp >= 0x2000 && cp <= 0x206f) ||
      cp >= 0x20000;
    if (cp >= 0x80 && !cjk) return false;
  }
  return true;
}

/** Line numbers (1-based) of the first UTF-8 line and the first non-UTF-8 line with non-ASCII bytes. */
function mixedLines(b: Uint8Array): { utf8: number; other: number } | null {
  let utf8 = 0;
  let other = 0;
  let start = 0;
  let line = 1;
  for (let i = 0; i <= b.length; i++) {
    if (i < b.length && b[i] !== 0x0a) continue;
    const slice = b.subarray(start, i);
    if (slice.some((c) => c >= 0x80)) {
      if (plausibleUtf8(slice)) utf8 ||= line;
      else if (!validUtf8(slice)) other ||= line;
    }
    if (utf8 && other) return { utf8, other };
    start = i + 1;
    line++;
  }
  return null;
}

export function decodeText(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A BOM before GBK bytes is GBK: as UTF-8 each such character was U+FFFD, two names one name.
  const rest = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : null;
  if (rest && validUtf8(rest)) return { ok: true, text: strictUtf8.decode(rest), encoding: 'utf-8-bom' };
  if (rest) return decodeText(rest);
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { ok: true, text: iconv().decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { ok: true, text: iconv().decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const utf16 = utf16Guess(bytes);
  if (utf16) return { ok: true, text: iconv().decode(buf, utf16), encoding: utf16, guessed: true };
  if (looksBinary(bytes)) return { ok: false, code: 'input.csv.binary', detail: '' };
  if (validUtf8(bytes)) return { ok: true, text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  const mixed = mixedLines(bytes);
  if (mixed)
    return {
      ok: false,
      code: 'input.csv.mixed-encoding',
      detail: `第 ${mixed.utf8} 行是 UTF-8，第 ${mixed.other} 行是 GBK 等其他编码`,
    };
  return { ok: true, text: iconv().decode(buf, 'gb18030'), encoding: 'gb18030' };
}

const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（带 BOM）',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  gb18030: 'GBK/GB18030',
};
export const describeEncoding = (e: Encoding): string => ENCODING_NAMES[e];

/** A streaming decoder for the encodings iconv handles (GB18030, UTF-16). */
export interface ChunkDecoder {
  /** Text of the next bytes; a character cut between chunks waits for the rest. */
  write(bytes: Uint8Array): string;
  end(): string;
}

/** Incremental decoding; UTF-8 (with or without a BOM) is strict and throws NotUtf8 on a byte that is not UTF-8. */
export function chunkDecoder(encoding: Encoding): ChunkDecoder {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    const d = new TextDecoder('utf-8', { fatal: true });
    const guard = (f: () => string): string => {
      try {
        return f();
      } catch {
        throw new NotUtf8('not UTF-8');
      }
    };
    return { write: (b) => guard(() => d.decode(b, { stream: true })), end: () => guard(() => d.decode()) };
  }
  const d = iconv().getDecoder(encoding);
  return { write: (b) => d.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength)), end: () => d.end() ?? '' };
}

export class NotUtf8 extends Error {}

/**
 * The encoding of a file too large to hold, from its first bytes: BOMs, UTF-16 and binary data.
 * UTF-8 (a BOM's too) is only a first guess: the reader decodes strictly and starts again as
 * GB18030 when a byte is not UTF-8 (read once, not twice). Mixed encodings are not told apart.
 */
export function sniffHead(
  head: Uint8Array,
): { ok: true; encoding: Encoding; skip: number } | { ok: false; code: 'input.csv.binary' } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { ok: true, encoding: 'utf-8-bom', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { ok: true, encoding: 'utf-16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { ok: true, encoding: 'utf-16be', skip: 2 };
  const utf16 = utf16Guess(head);
  if (utf16) return { ok: true, encoding: utf16, skip: 0 };
  if (looksBinary(head)) return { ok: false, code: 'input.csv.binary' };
  return { ok: true, encoding: 'utf-8', skip: 0 };
}
