import { describe, expect, it } from 'vitest';
import { andJoin, listJoin, percent, wan } from '../../src/model/chinese.js';

describe('Chinese number phrasing', () => {
  it('formats quantities in 万 as the seed does', () => {
    expect(wan(82558717)).toBe('8255.87万');
    expect(wan(2288116)).toBe('228.81万');
    expect(wan(1578498)).toBe('157.85万');
    expect(wan(2105901)).toBe('210.59万');
    expect(wan(9999)).toBe('9999');
    expect(wan(250_000_000)).toBe('2.50亿');
  });

  it('prints percentages with two decimals', () => {
    expect(percent(37.5)).toBe('37.50%');
    expect(percent(61.54)).toBe('61.54%');
  });

  it('joins lists with the enumeration comma and ties with 和', () => {
    expect(listJoin(['长沙', '株洲'])).toBe('长沙、株洲');
    expect(andJoin(['甲'])).toBe('甲');
    expect(andJoin(['甲', '乙', '丙'])).toBe('甲、乙和丙');
  });
});

describe('Chinese numerals', () => {
  it('writes numbers, counts and ranks', async () => {
    const { chineseNumber, chineseCount, ordinal } = await import('../../src/model/chinese.js');
    expect([0, 4, 10, 14, 20, 24, 105, 1448].map(chineseNumber)).toEqual([
      '零',
      '四',
      '十',
      '十四',
      '二十',
      '二十四',
      '一百零五',
      '一千四百四十八',
    ]);
    expect(chineseCount(2)).toBe('两');
    expect(chineseCount(4)).toBe('四');
    expect(ordinal(1)).toBe('第一');
    expect(ordinal(2, true)).toBe('并列第二');
  });
});

describe('change phrasing', () => {
  it('computes differences and percentage changes, and says 新增 from zero', async () => {
    const { change, changePhrase, durationText, pointsPhrase, rankPhrase } = await import('../../src/model/chinese.js');
    expect(change(214, 278)).toEqual({ from: 214, to: 278, diff: 64, pct: 29.91 });
    expect(change(5140000, 709618)).toEqual({ from: 5140000, to: 709618, diff: -4430382, pct: -86.19 });
    expect(change(0, 5).pct).toBeNull();
    expect(changePhrase('召回次数', '同比', change(214, 278))).toBe('召回次数同比增长29.91%');
    expect(changePhrase('召回数量', '同比', change(5140000, 709618))).toBe('召回数量同比下降86.19%');
    expect(changePhrase('召回数量', '环比', change(7, 7))).toBe('召回数量环比持平');
    expect(changePhrase('召回次数', '环比', change(0, 3))).toBe('召回次数环比新增3');
    // Half up on the size, rises and falls alike: 3.125% either way is 3.13%.
    expect(change(32, 33).pct).toBe(3.13);
    expect(change(32, 31).pct).toBe(-3.13);
    expect(change(200, 201).pct).toBe(0.5);
    // A change too small for two decimals is no 持平.
    expect(changePhrase('召回数量', '同比', change(100000, 100001))).toBe('召回数量同比增长不足0.01%');
    expect(changePhrase('召回数量', '同比', change(100001, 100000))).toBe('召回数量同比下降不足0.01%');
    expect(pointsPhrase(37.5, 38.75)).toBe('上升1.25个百分点');
    expect(pointsPhrase(61.54, 60)).toBe('下降1.54个百分点');
    expect(rankPhrase(2, 1)).toBe('全国排名由第二上升至第一');
    expect(rankPhrase(1, 1)).toBe('全国排名保持第一');
    // A tie printed as a sole rank contradicted 位居全国并列第一 just before it.
    expect(rankPhrase(2, 1, false, true)).toBe('全国排名由第二上升至并列第一');
    expect(rankPhrase(1, 1, true, true)).toBe('全国排名保持并列第一');
    expect(rankPhrase(1, 1, false, true)).toBe('全国排名由第一变为并列第一');
    // --timeout 0.001 read "用了 0 秒".
    expect([durationText(20), durationText(1500), durationText(60_000), durationText(0.2)]).toEqual([
      '20 毫秒',
      '1.5 秒',
      '60 秒',
      '1 毫秒',
    ]);
  });
});
