import { describe, expect, it } from 'vitest';
import { compare, type DimFigure, type Period } from '../../src/aggregate/compare.js';
import { comparisonRows } from '../../src/cli/compare-rows.js';

function period(id: string, quantities: number[]): Period {
  const category: DimFigure[] = quantities.map((quantity, i) => ({
    key: `0${i + 1}`,
    name: `c${i + 1}`,
    recalls: 1,
    quantity,
  }));
  const quantity = quantities.reduce((a, b) => a + b, 0);
  return {
    id,
    label: id,
    province: { recalls: quantities.length, quantity, rank: null, rankTied: false, rows: { category } },
    national: null,
  };
}

describe('compare by item when a period has no quantity', () => {
  it('gives no share (null) and no change in points, rather than 0.00 → 50.00', () => {
    const c = compare(period('2022Q2', [0, 0]), period('2022Q3', [10, 10]), 'category');
    expect(c.province.rows?.map((r) => r.share)).toEqual([
      { from: null, to: 50, pp: null },
      { from: null, to: 50, pp: null },
    ]);
    for (const format of ['csv', 'table'] as const) {
      const rows = comparisonRows(c, '湖南', format).filter((r) => r[1] === 'c1' && r[2] === '召回数量');
      expect(rows.map((r) => r.at(-1))).toEqual(['']);
    }
  });

  it('still gives shares and points when both periods have quantities', () => {
    const c = compare(period('2022Q2', [30, 10]), period('2022Q3', [10, 10]), 'category');
    expect(c.province.rows?.map((r) => r.share)).toEqual([
      { from: 75, to: 50, pp: -25 },
      { from: 25, to: 50, pp: 25 },
    ]);
  });
});
