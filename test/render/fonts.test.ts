import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cssPathOf, DEFAULT_FONTS, facesOf, fontFaceCss, webFontSpecs } from '../../src/render/fonts.js';

describe('facesOf', () => {
  it('reads every slice’s unicode-range as the stylesheet lists it (each part, single or a range, in order)', async () => {
    for (const spec of [...DEFAULT_FONTS, ...webFontSpecs()]) {
      const css = readFileSync(cssPathOf(spec), 'utf8');
      // Read the plain way: split at commas, one part at a time.
      const expected = css
        .split('@font-face')
        .slice(1)
        .map((block) => /unicode-range:\s*([^;]+);/.exec(block)?.[1])
        .filter((r): r is string => r !== undefined)
        .map((r) =>
          r.split(',').map((part) => {
            const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
            return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
          }),
        );
      const { faces } = await facesOf(spec);
      expect(faces.length, spec.family).toBeGreaterThan(10);
      expect(faces.map((f) => f.ranges)).toEqual(expected);
    }
  });
});

describe('fontFaceCss', () => {
  it('inlines only the subsets the text needs, as data: URLs', async () => {
    const small = await fontFaceCss('召回');
    const large = await fontFaceCss('召回数量最多的是家用日用品，占湖南召回总数量的61.54%。豪牌打火机鑫灿');
    expect(small.missing).toEqual([]);
    expect(small.css).toMatch(/^@font-face\{font-family:'Noto Serif SC';/);
    expect(small.css).toContain('src:url(data:font/woff;base64,');
    expect(small.css).not.toMatch(/url\((?!data:)/);
    expect(large.css.length).toBeGreaterThan(small.css.length);
  });

  it('reports characters no bundled font covers', async () => {
    const r = await fontFaceCss('召回\u{2A6D6}');
    expect(r.missing).toEqual(['\u{2A6D6}']);
  });

  it('is deterministic', async () => {
    expect((await fontFaceCss('湖南缺陷产品召回')).css).toBe((await fontFaceCss('湖南缺陷产品召回')).css);
  });
});
