import { describe, expect, it } from 'vitest';
import { fontFaceCss } from '../../src/render/fonts.js';

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
