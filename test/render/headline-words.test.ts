import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breakHeadlinesBetweenWords,
  headlinePieces,
  joinHeadlineWords,
  WORD_JOINER,
} from '../../src/render/headline-words.js';

describe('headlinePieces', () => {
  it('breaks between words, never inside 服务中心 or 缺陷产品', () => {
    const pieces = headlinePieces('省市场监管局党组书记、局长向曙光到省局缺陷产品召回服务中心检查调研');
    expect(pieces.join('')).toBe('省市场监管局党组书记、局长向曙光到省局缺陷产品召回服务中心检查调研');
    expect(pieces.join('|')).not.toMatch(/服\|务|务\|中|中\|心|缺\|陷|陷\|产|产\|品/);
    expect(pieces.some((p) => p.startsWith('、'))).toBe(false);
  });

  it('keeps a one-character word that opens a phrase with the word after it: 局长 | 向曙光 | 到省局', () => {
    const pieces = headlinePieces('省市场监管局党组书记、局长向曙光到省局缺陷产品召回服务中心检查调研');
    expect(pieces).toEqual(expect.arrayContaining(['局长', '向曙光', '到省局']));
  });

  it('keeps an opening quote with the word after it', () => {
    const pieces = headlinePieces('益阳：强化“四大举措”推进缺陷产品召回');
    expect(pieces.some((p) => p.endsWith('“'))).toBe(false);
  });

  it('for any text, loses no character and ends with a piece of three characters or more', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'缺陷产品召回服务中心湖南省市场监督管理局、“”《》（）12ab'),
          maxLength: 40,
        }),
        (s) => {
          const pieces = headlinePieces(s);
          expect(pieces.join('')).toBe(s);
          if (pieces.length > 1) expect([...(pieces.at(-1) as string)].length).toBeGreaterThanOrEqual(3);
        },
      ),
    );
  });
});

describe('breakHeadlinesBetweenWords', () => {
  it('marks the breaks with <wbr> and keeps entities whole', () => {
    const out = breakHeadlinesBetweenWords(
      '<h2 class="t">湖南省市场监督管理局&quot;召回&quot;服务中心</h2><p>缺陷产品</p>',
    );
    expect(out).toContain('<wbr>');
    expect(out.replace(/<wbr>/g, '')).toBe(
      '<h2 class="t">湖南省市场监督管理局&quot;召回&quot;服务中心</h2><p>缺陷产品</p>',
    );
  });
});

describe('joinHeadlineWords', () => {
  it('joins the characters of each word, nothing between words, and keeps the heading one text', () => {
    const out = joinHeadlineWords('<h2 class="t">缺陷产品召回服务中心检查调研</h2><p>缺陷产品</p>');
    expect(out).toMatch(/^<h2 class="t">[^<]+<\/h2><p>缺陷产品<\/p>$/);
    const text = /<h2[^>]*>([^<]+)</.exec(out)?.[1] as string;
    const words = text.split(/(?<!\u2060)(?!\u2060)/u).map((w) => w.replaceAll(WORD_JOINER, ''));
    expect(words).toEqual(headlinePieces('缺陷产品召回服务中心检查调研'));
    expect(words.join('')).toBe('缺陷产品召回服务中心检查调研');
  });

  it('for any heading, only adds joiners, and never next to a space', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'缺陷产品召回服务中心、“”《》12a &<'), maxLength: 30 }), (s) => {
        const html = `<h3>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</h3>`;
        const out = joinHeadlineWords(html);
        expect(out.replaceAll(WORD_JOINER, '')).toBe(html);
        expect(out).not.toMatch(/\s\u2060|\u2060\s/u);
      }),
    );
  });
});
