import fc from 'fast-check';
import { PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { Token } from '../../src/render/pdf-reader.js';
import { dateToken, hexText, literalBytes, tokenText } from '../../src/render/pdf-text.js';

// Raw string bodies as a file holds them (one character a byte), balanced and without line ends,
// where the specification and pdf-lib's reading agree.
const rawByte = fc.integer({ min: 0, max: 255 }).filter((b) => b !== 0x0a && b !== 0x0d && b !== 0x28 && b !== 0x29);
const escape = fc.constantFrom('\\n', '\\t', '\\(', '\\)', '\\\\', '\\b', '\\f', '\\101', '\\7', '\\0651', '\\x');
const literal = fc
  .array(
    fc.oneof(
      rawByte.map((b) => String.fromCharCode(b)),
      escape,
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''))
  .filter((raw) => !/\\$/.test(raw));

describe('PDF text (pdf-text.ts)', () => {
  it('reads every literal string as pdf-lib does', () => {
    fc.assert(
      fc.property(literal, (raw) => {
        expect(tokenText(new Token('string', raw))).toBe(PDFString.of(raw).decodeText());
      }),
    );
  });

  it('reads every hex string as pdf-lib does: bytes in PDFDocEncoding, text in UTF-16 after either byte order mark', () => {
    const utf16 = (text: string, le: boolean) => {
      const be = Buffer.from(text, 'utf16le').swap16();
      return Uint8Array.from(le ? [0xff, 0xfe, ...be.swap16()] : [0xfe, 0xff, ...be]);
    };
    const hex = fc.oneof(
      fc
        .uint8Array({ maxLength: 30 })
        .filter((b) => !(b[0] === 0xfe && b[1] === 0xff) && !(b[0] === 0xff && b[1] === 0xfe)),
      fc.tuple(fc.string({ unit: 'grapheme' }), fc.boolean()).map(([t, le]) => utf16(t, le)),
    );
    fc.assert(
      fc.property(hex, (bytes) => {
        const raw = Buffer.from(bytes).toString('hex');
        expect(tokenText(new Token('hex', raw))).toBe(PDFHexString.of(raw).decodeText());
      }),
    );
  });

  it('reads each of the 256 bytes in PDFDocEncoding as pdf-lib does', () => {
    for (let b = 0; b < 256; b++) {
      const raw = b.toString(16).padStart(2, '0');
      expect(tokenText(new Token('hex', raw)), `byte ${raw}`).toBe(PDFHexString.of(raw).decodeText());
    }
  });

  it('writes text (any Unicode, astral planes included) that reads back the same, as pdf-lib writes it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const token = hexText(text);
        expect(tokenText(token)).toBe(text);
        expect(`<${token.raw}>`).toBe(PDFHexString.fromText(text).toString());
      }),
    );
  });

  it('reads names with #xx codes, ends of line in strings as the specification says, and writes dates in UTC', () => {
    expect(tokenText(new Token('name', 'A#20B'))).toBe(PDFName.of('A B').decodeText());
    expect(literalBytes('a\r\nb\rc\\\r\nd')).toEqual([0x61, 10, 0x62, 10, 0x63, 0x64]);
    expect(dateToken(new Date('2022-11-08T00:00:00+08:00')).raw).toBe(
      PDFString.fromDate(new Date('2022-11-07T16:00:00Z')).asString(),
    );
  });
});
