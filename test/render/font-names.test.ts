import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { namesFor, renameWoff } from '../../src/render/font-names.js';
import { woffToSfnt } from '../../src/render/woff.js';

const require = createRequire(import.meta.url);
const files = (pkg: string) => join(dirname(require.resolve(`${pkg}/400.css`)), 'files');

/** Every (platform, nameID) → string of a WOFF's name table. */
function names(woff: Buffer): Map<string, string> {
  const n = woff.readUInt16BE(12);
  const out = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const at = 44 + i * 20;
    if (woff.subarray(at, at + 4).toString('latin1') !== 'name') continue;
    const off = woff.readUInt32BE(at + 4);
    const stored = woff.subarray(off, off + woff.readUInt32BE(at + 8));
    const t = stored.length < woff.readUInt32BE(at + 12) ? inflateSync(stored) : stored;
    const storage = t.readUInt16BE(4);
    for (let r = 0; r < t.readUInt16BE(2); r++) {
      const [platform, , , id, length, offset] = [0, 2, 4, 6, 8, 10].map((d) => t.readUInt16BE(6 + r * 12 + d));
      const raw = Buffer.from(t.subarray(storage + offset!, storage + offset! + length!));
      out.set(`${platform}:${id}`, platform === 1 ? raw.toString('latin1') : raw.swap16().toString('utf16le'));
    }
  }
  return out;
}

describe('font names for the weight used', () => {
  const serif = readFileSync(join(files('@fontsource/noto-serif-sc'), 'noto-serif-sc-100-400-normal.woff'));
  const sans = readFileSync(join(files('@fontsource/noto-sans-sc'), 'noto-sans-sc-100-700-normal.woff'));

  // As the PDF named the .woff2 slices: the default instance of the variable font.
  const misnamed = renameWoff(serif, 'Noto Serif SC', 200);

  it('can name a slice for another instance (the names the PDF used to carry)', () => {
    expect(names(misnamed).get('3:6')).toBe('NotoSerifSC-ExtraLight');
    expect(names(misnamed).get('3:1')).toBe('Noto Serif SC ExtraLight');
  });

  it('rewrites family, subfamily, full and PostScript names on every platform', () => {
    const regular = names(renameWoff(misnamed, 'Noto Serif SC', 400));
    const bold = names(renameWoff(sans, 'Noto Sans SC', 700));
    expect(regular.get('3:6')).toBe('NotoSerifSC-Regular');
    expect(regular.get('3:1')).toBe('Noto Serif SC');
    expect(regular.get('3:2')).toBe('Regular');
    expect(bold.get('3:6')).toBe('NotoSansSC-Bold');
    expect(bold.get('3:4')).toBe('Noto Sans SC Bold');
    for (const [key, v] of [...regular, ...bold])
      if (/:(1|2|4|6|16|17)$/.test(key)) expect(v, key).not.toMatch(/Thin|ExtraLight/);
  });

  it('keeps every other table byte for byte (the font still unwraps to the same glyphs)', () => {
    const before = woffToSfnt(serif);
    const after = woffToSfnt(renameWoff(serif, 'Noto Serif SC', 400));
    const glyf = (b: Buffer) => {
      for (let i = 0; i < b.readUInt16BE(4); i++) {
        const at = 12 + i * 16;
        if (b.subarray(at, at + 4).toString('latin1') === 'glyf')
          return b.subarray(b.readUInt32BE(at + 8), b.readUInt32BE(at + 8) + b.readUInt32BE(at + 12));
      }
      return Buffer.alloc(0);
    };
    expect(glyf(after).length).toBeGreaterThan(0);
    expect(glyf(after).equals(glyf(before))).toBe(true);
  });

  it('renames each slice for the family and weight asked, whatever was renamed before (one rewrite per name table)', () => {
    // Two slices of one package share a name table: renamed once, for each weight separately.
    const other = readFileSync(join(files('@fontsource/noto-serif-sc'), 'noto-serif-sc-101-400-normal.woff'));
    const [a, b] = [renameWoff(serif, 'Noto Serif SC', 700), renameWoff(other, 'Noto Serif SC', 700)];
    expect(names(a).get('3:6')).toBe('NotoSerifSC-Bold');
    expect(names(b)).toEqual(names(a));
    expect(names(renameWoff(other, 'Noto Serif SC', 400)).get('3:6')).toBe('NotoSerifSC-Regular');
    expect(names(renameWoff(other, 'Serif Alias', 700)).get('3:1')).toBe('Serif Alias');
    // Each font keeps its own glyphs.
    expect(woffToSfnt(b).equals(woffToSfnt(renameWoff(other, 'Noto Serif SC', 700)))).toBe(true);
    expect(woffToSfnt(a).equals(woffToSfnt(b))).toBe(false);
  });

  it('style-links other weights under their own family name', () => {
    expect(namesFor('Noto Sans SC', 500).get(1)).toBe('Noto Sans SC Medium');
    expect(namesFor('Noto Sans SC', 500).get(6)).toBe('NotoSansSC-Medium');
  });
});
