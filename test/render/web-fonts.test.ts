import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import wawoff2 from 'wawoff2';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { facesOf, webFontSpecs } from '../../src/render/fonts.js';
import { subsetFontCss, subsetKey, type SubsetCache } from '../../src/render/web-fonts.js';
import { sfntToWoff2 } from '../../src/render/woff2.js';

/** Table tag → bytes; head's checkSumAdjustment (bytes 8–11) depends on table offsets and is cleared. */
function tables(sfnt: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < sfnt.readUInt16BE(4); i++) {
    const at = 12 + 16 * i;
    const data = Buffer.from(
      sfnt.subarray(sfnt.readUInt32BE(at + 8), sfnt.readUInt32BE(at + 8) + sfnt.readUInt32BE(at + 12)),
    );
    const tag = sfnt.toString('latin1', at, at + 4);
    if (tag === 'head') data.fill(0, 8, 12);
    out[tag] = data.toString('hex');
  }
  return out;
}

async function sliceWith(ch: string): Promise<Buffer> {
  const { dir, faces } = await facesOf(webFontSpecs()[0]!);
  const cp = ch.codePointAt(0)!;
  const face = faces.find((f) => f.ranges.some(([a, b]) => cp >= a && cp <= b))!;
  return readFileSync(join(dir, face.file));
}

describe('sfntToWoff2', () => {
  it("gives back the subset font's tables when Google's decoder (wawoff2) reads it", async () => {
    const source = await sliceWith('召');
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...'缺陷产品召回的一是不了人我在有他这为之大来以个中上们0123456789（）']),
        async (chars) => {
          const ttf = await subsetFont(source, chars.join(''), { targetFormat: 'truetype' });
          const woff2 = await sfntToWoff2(ttf);
          expect(woff2.toString('latin1', 0, 4)).toBe('wOF2');
          expect(woff2.readUInt32BE(8)).toBe(woff2.length);
          expect(woff2.length % 4).toBe(0);
          expect(tables(Buffer.from(await wawoff2.decompress(woff2)))).toEqual(tables(ttf));
        },
      ),
      { numRuns: 8 },
    );
  });
});

describe('subsetFontCss', () => {
  it('inlines, per face, only slices with characters of the text, ranged to exactly those characters', async () => {
    const css = await subsetFontCss('缺陷产品召回 2022', webFontSpecs());
    const rules = css.split('\n');
    expect(rules.every((r) => r.startsWith("@font-face{font-family:'Noto Sans SC'"))).toBe(true);
    const ranges = rules.map((r) => /unicode-range:([^;]+);/.exec(r)?.[1] ?? '');
    const covered = new Set(
      ranges.flatMap((r) =>
        r.split(',').flatMap((part) => {
          const [a, b] = part
            .replace('U+', '')
            .split('-')
            .map((h) => parseInt(h, 16)) as [number, number?];
          return Array.from({ length: (b ?? a) - a + 1 }, (_, i) => String.fromCodePoint(a + i));
        }),
      ),
    );
    expect([...covered].sort()).toEqual([...new Set('缺陷产品召回2022')].sort());
    expect(rules.filter((r) => r.includes('font-weight:400')).length).toBe(rules.length / 2);
    expect(css.length).toBeLessThan(60_000);
  });
});

/** An in-memory cache that counts what it is asked. */
function memoryCache() {
  const files = new Map<string, Buffer>();
  const calls = { get: 0, put: 0 };
  const cache: SubsetCache = {
    get: async (k) => (calls.get++, files.get(k) ?? null),
    put: async (k, b) => void (calls.put++, files.set(k, b)),
  };
  return { files, calls, cache };
}

describe('subsetFontCss with a cache of subsets', () => {
  const text = '缺陷产品召回 2022 年第三季度';

  it('fills the cache once per slice, then gives the same bytes from it without subsetting again', async () => {
    const fresh = await subsetFontCss(text, webFontSpecs());
    const { files, calls, cache } = memoryCache();
    expect(await subsetFontCss(text, webFontSpecs(), cache)).toBe(fresh);
    const rules = fresh.split('\n').length;
    expect(calls).toEqual({ get: rules, put: rules });
    expect(files.size).toBe(rules);
    expect(await subsetFontCss(text, webFontSpecs(), cache)).toBe(fresh);
    expect(calls).toEqual({ get: 2 * rules, put: rules });
  });

  it('does not use an entry that is not a whole WOFF2 file: subsets again and replaces it', async () => {
    const fresh = await subsetFontCss(text, webFontSpecs());
    const { files, cache } = memoryCache();
    await subsetFontCss(text, webFontSpecs(), cache);
    const [key, woff2] = [...files][0]!;
    files.set(key, woff2.subarray(0, woff2.length - 4));
    expect(await subsetFontCss(text, webFontSpecs(), cache)).toBe(fresh);
    expect(files.get(key)!.equals(woff2)).toBe(true);
  });

  it('keys a subset on the slice and the code points kept', () => {
    const a = Buffer.from('slice a');
    const k = subsetKey(a, [0x4e00, 0x4e01]);
    expect(subsetKey(Buffer.from('slice a'), [0x4e00, 0x4e01])).toBe(k);
    expect(subsetKey(Buffer.from('slice b'), [0x4e00, 0x4e01])).not.toBe(k);
    expect(subsetKey(a, [0x4e00])).not.toBe(k);
    expect(subsetKey(a, [0x4e00, 0x4e10])).not.toBe(k);
  });
});

describe('subsetFontCss between rebuilds', () => {
  it('gives each text the same rules whatever was subset before it (a slice is cut again only when its characters change)', async () => {
    const specs = webFontSpecs();
    const a = await subsetFontCss('缺陷产品召回 2022', specs);
    const b = await subsetFontCss('缺陷产品召回 2023 季度', specs);
    expect(b).not.toBe(a);
    expect(b).toContain('unicode-range:U+5b63'); // 季, only in the second text
    expect(await subsetFontCss('缺陷产品召回 2022', specs)).toBe(a);
    expect(await subsetFontCss('缺陷产品召回 2023 季度', specs)).toBe(b);
  });
});
