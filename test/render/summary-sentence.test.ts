import { describe, expect, it } from 'vitest';
import type { NationalStats } from '../../src/model/bulletin-stats.js';
import { summarySentence } from '../../src/render/view-national.js';

/** Only what the sentence reads: the province's national row and its rank. */
const national = (ytd: [number, number], rank: number) =>
  ({
    home: {
      ytd: { recalls: ytd[0], quantity: ytd[1] },
      quarter: { recalls: ytd[0], quantity: ytd[1] },
      ytdRank: { rank, tied: false },
    },
  }) as unknown as NationalStats;

describe('the opening sentence', () => {
  it('gives a first quarter the national row’s figures beside the rank they earn, not the records’', () => {
    const records = { recalls: 10, quantity: 57758, end: '2022-03-31' };
    expect(summarySentence({ year: 2022, quarter: 1 }, '湖南省', records, national([12, 100000], 2))).toBe(
      '根据市场监督管理总局数据统计显示，2022年第一季度（截至3月31日），湖南省省局开展缺陷产品召回12次，共召回缺陷产品100000件，位居全国第二。',
    );
  });

  it('says so when the quarter had no recall, with no rank while the year has none', () => {
    const none = { recalls: 0, quantity: 0, end: '2022-03-31' };
    expect(summarySentence({ year: 2022, quarter: 1 }, '湖南省', none, null)).toBe(
      '2022年第一季度（截至3月31日），湖南省省局没有开展缺陷产品召回。',
    );
    expect(summarySentence({ year: 2022, quarter: 1 }, '湖南省', none, national([0, 0], 18))).toBe(
      '2022年第一季度（截至3月31日），湖南省省局没有开展缺陷产品召回。',
    );
  });
});
