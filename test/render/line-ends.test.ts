import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WORD_JOINER as J } from '../../src/render/headline-words.js';
import { joinLastTwoCharacters } from '../../src/render/line-ends.js';

describe('joinLastTwoCharacters', () => {
  it('joins the last two characters of a paragraph or cell, before closing punctuation', () => {
    expect(joinLastTwoCharacters('<p>推动召回工作取得新成效。</p>')).toBe(`<p>推动召回工作取得新成${J}效。</p>`);
    expect(joinLastTwoCharacters('<td class="text">湖南省豪牌电气有限公司</td>')).toBe(
      `<td class="text">湖南省豪牌电气有限公${J}司</td>`,
    );
    expect(joinLastTwoCharacters('<p>“召回”。”</p>')).toBe(`<p>“召${J}回”。”</p>`);
  });

  it('leaves text ending in markup, charts and styles as they are', () => {
    const kept = [
      '<p>共召回<span class="nw">8次</span>。</p>',
      '<svg><text>电子电器</text></p></svg>',
      '<style>p::after{content:"ab"}</p></style>',
      '<p>一</p>',
    ];
    for (const html of kept) expect(joinLastTwoCharacters(html)).toBe(html);
  });

  it('only ever adds joiners: taking them out gives the input back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('缺', '陷', 'a', '1', '。', '<p>', '</p>', '<td>', '</td>', ' ', '”')),
        (parts) => {
          const html = parts.join('');
          const out = joinLastTwoCharacters(html);
          expect(out.replaceAll(J, '')).toBe(html);
          // Every </p> or </td> follows a joined pair, or text that could not be joined.
          expect(out.split(J).length - 1).toBeLessThanOrEqual((html.match(/<\/(p|td)>/g) ?? []).length);
        },
      ),
    );
  });
});
