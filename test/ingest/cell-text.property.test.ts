import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, surelyFilled } from '../../src/ingest/table.js';
import { totalRowKind } from '../../src/validate/total-rows.js';

// Any UTF-16 text, weighted towards the characters that matter: every kind of space trim() removes,
// the ends of printable ASCII and of the CJK block, and the five characters of the total-row words.
const unit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u3000', '\ufeff', '\u2028', '\u200b', '!', '~', '\x7f'),
  fc.constantFrom('\u4e00', '\u9fff', '\u4dff', '\ua000', '合', '计', '小', '总', '共', '：', ':'),
);
const text = fc.string({ unit, maxLength: 8 });

describe('surelyFilled', () => {
  it('is true only for cells whose text is not empty', () => {
    fc.assert(
      fc.property(text, (t) => {
        if (surelyFilled(t)) expect(cellText(t)).not.toBe('');
      }),
      { numRuns: 5000 },
    );
    expect([surelyFilled(null), surelyFilled(undefined), surelyFilled(''), surelyFilled(5)]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect([surelyFilled('湖南'), surelyFilled('a'), surelyFilled(' a'), surelyFilled('\u3000a')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('totalRowKind', () => {
  /** As it was before round five: the regular expression picks the cells worth folding. */
  function before(cells: readonly string[]): string | null {
    const kinds: Record<string, string> = { 合计: '合计', 小计: '小计', 总计: '总计', 共计: '总计', 总合计: '总计' };
    for (const c of cells) {
      if (!/[合计小总共]/.test(c)) continue;
      const k =
        kinds[
          c
            .normalize('NFKC')
            .replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '')
            .toLowerCase()
            .replace(/[:：]$/, '')
        ];
      if (k) return k;
    }
    return null;
  }

  it('finds the same total rows as the regular expression did', () => {
    const word = fc.constantFrom('合计', '小计', '总计', '共计', '总合计', '合 计：', '小计:', '总', '计', '');
    const cell = fc.oneof(
      text,
      word,
      fc.tuple(text, word).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 6 }), (cells) => {
        expect(totalRowKind(cells)).toBe(before(cells));
      }),
      { numRuns: 5000 },
    );
  });
});
