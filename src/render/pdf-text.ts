/**
 * Text in PDF strings and names, read and written as the PDF specification
 * says (7.3.4, 7.3.5, 7.9.2.2): a literal string's escapes, a hex string's
 * digits, a name's #xx codes; the bytes are UTF-16 after a byte order mark,
 * PDFDocEncoding otherwise. Text we write is UTF-16BE in a hex string, as
 * Chromium writes bookmark titles. A test holds the reading to pdf-lib's
 * for every byte. Pure.
 */
import { Token } from './pdf-reader.js';

/** PDFDocEncoding's bytes that are not the Unicode code point of the same number (Table D.2). */
const DOC_ENCODING: Record<number, number> = {
  0x16: 0x17,
  ...Object.fromEntries([0x2d8, 0x2c7, 0x2c6, 0x2d9, 0x2dd, 0x2db, 0x2da, 0x2dc].map((c, i) => [0x18 + i, c])),
  0x7f: 0xfffd,
  ...Object.fromEntries(
    [
      0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x192, 0x2044, 0x2039, 0x203a, 0x2212, 0x2030, 0x201e, 0x201c,
      0x201d, 0x2018, 0x2019, 0x201a, 0x2122, 0xfb01, 0xfb02, 0x141, 0x152, 0x160, 0x178, 0x17d, 0x131, 0x142, 0x153,
      0x161, 0x17e, 0xfffd, 0x20ac,
    ].map((c, i) => [0x80 + i, c]),
  ),
  0xad: 0xfffd,
};

const ESCAPED: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };

/** A literal string's bytes from its raw text (one character a byte, as pdf-reader.ts keeps it). */
export function literalBytes(raw: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    let c = raw.charCodeAt(i);
    if (c === 13) {
      // An end of line inside a string reads as one line feed, however it is written.
      if (raw[i + 1] === '\n') i++;
      c = 10;
    }
    if (c !== 0x5c) {
      out.push(c);
      continue;
    }
    const next = raw[++i];
    if (next === undefined) break;
    const octal = /^[0-7]{1,3}/.exec(raw.slice(i, i + 3));
    if (octal) {
      out.push(parseInt(octal[0], 8) & 0xff);
      i += octal[0].length - 1;
    } else if (next === '\r' || next === '\n') {
      if (next === '\r' && raw[i + 1] === '\n') i++; // a backslash at a line's end continues the string
    } else out.push(ESCAPED[next] ?? next.charCodeAt(0));
  }
  return out;
}

/** A hex string's bytes; an odd last digit is followed by 0, white space is ignored. */
export function hexBytes(raw: string): number[] {
  const digits = raw.replace(/[^0-9A-Fa-f]/g, '');
  const even = digits.length % 2 ? `${digits}0` : digits;
  return Array.from({ length: even.length / 2 }, (_, i) => parseInt(even.slice(i * 2, i * 2 + 2), 16));
}

/** Text from a string's bytes: UTF-16 after a byte order mark, PDFDocEncoding otherwise. */
export function bytesText(bytes: readonly number[]): string {
  const [a, b] = bytes;
  if ((a === 0xfe && b === 0xff) || (a === 0xff && b === 0xfe))
    return new TextDecoder(a === 0xfe ? 'utf-16be' : 'utf-16le').decode(Uint8Array.from(bytes.slice(2)));
  return String.fromCodePoint(...bytes.map((x) => DOC_ENCODING[x] ?? x));
}

/** The text of a name, string or hex string; '' for any other value. */
export function tokenText(v: unknown): string {
  if (!(v instanceof Token)) return '';
  if (v.kind === 'name')
    return v.raw.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return bytesText(v.kind === 'hex' ? hexBytes(v.raw) : literalBytes(v.raw));
}

/** `text` as a hex string in UTF-16BE with its byte order mark. */
export function hexText(text: string): Token {
  // A JavaScript string is UTF-16 already: its code units are the bytes' pairs.
  const units = Array.from({ length: text.length }, (_, i) => text.charCodeAt(i).toString(16).toUpperCase());
  return new Token('hex', `FEFF${units.map((u) => u.padStart(4, '0')).join('')}`);
}

/** A date as a PDF date string in UTC: (D:20221108000000Z). */
export function dateToken(date: Date): Token {
  const iso = date.toISOString(); // 2022-11-08T00:00:00.000Z
  return new Token('string', `D:${iso.slice(0, 19).replace(/[-T:]/g, '')}Z`);
}
