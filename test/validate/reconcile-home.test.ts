import { beforeAll, describe, expect, it } from 'vitest';
import type { NationalInput, ProvinceFigures } from '../../src/model/bulletin.js';
import type { Province } from '../../src/model/reference.js';
import { reconcile, type ReconcileInput } from '../../src/validate/reconcile.js';
import { provinceRow } from '../helpers/province-figures.js';
import { reference } from '../helpers/reference.js';

let hunan: Province;
let guangdong: Province;
beforeAll(async () => {
  const ref = await reference();
  hunan = ref.provinces.find((p) => p.name === '湖南省')!;
  guangdong = ref.provinces.find((p) => p.name === '广东省')!;
});

const row = provinceRow;

function input(provinces: ProvinceFigures[], totals: [number, number]): ReconcileInput {
  const national: NationalInput = { source: 'summary', categories: [], provinces };
  return {
    quarter: { year: 2022, quarter: 3 },
    home: hunan,
    national,
    foreign: null,
    totals: { recalls: totals[0], quantity: totals[1] },
    files: { national: 'national-categories.csv', provinces: 'national-provinces.csv', recalls: 'recalls.csv' },
  };
}

describe("the home province's row of the national province table", () => {
  it('is an error when missing while the records have recalls, pointing at the province table', () => {
    const found = reconcile(input([row(guangdong.code, [2, 50], [1, 50])], [1, 100]));
    const missing = found.filter((i) => i.code === 'national.province.home-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'error', file: 'national-provinces.csv' });
    expect(missing[0]?.message).toContain('没有湖南省');
    expect(missing[0]?.hint).toContain('补上湖南省');
  });

  it('says nothing of a missing row when the records have no recall this quarter', () => {
    const found = reconcile(input([row(guangdong.code, [2, 50], [1, 50])], [0, 0]));
    expect(found.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it("is an error when the quarter's own records are above the province's year, naming both figures", () => {
    const found = reconcile(input([row(hunan.code, [1, 100], [1, 100])], [2, 6000]));
    const year = found.filter((i) => i.code === 'contradiction.home.year');
    expect(year).toHaveLength(1);
    expect(year[0]).toMatchObject({ severity: 'error', file: 'recalls.csv' });
    expect(year[0]?.message).toContain('2 次、6000 件');
    expect(year[0]?.message).toContain('湖南省本年的 1 次、100 件');
    // The quarter's own mismatch stays the warning it was.
    expect(found.find((i) => i.code === 'reconcile.home.quarter')?.severity).toBe('warning');
  });

  it('accepts records within the year even when they differ from the quarter column (a warning only)', () => {
    const found = reconcile(input([row(hunan.code, [30, 5000], [1, 100])], [2, 600]));
    expect(found.filter((i) => i.code.includes('home')).map((i) => [i.severity, i.code])).toEqual([
      ['warning', 'reconcile.home.quarter'],
    ]);
    expect(found.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('the national totals check', () => {
  it('compares the two national tables, and says nothing when the category table was refused whole (no rows read)', () => {
    const provinces = [row(hunan.code, [3, 30], [1, 10])];
    const both = input(provinces, [1, 10]);
    const cats = [
      {
        code: '01',
        name: '电子电器',
        cumulative: { recalls: 9, quantity: 99 },
        ytd: { recalls: 2, quantity: 20 },
        quarter: { recalls: 1, quantity: 10 },
      },
    ];
    const n = both.national!;
    expect(reconcile({ ...both, national: { ...n, categories: cats } as NationalInput }).map((i) => i.code)).toContain(
      'reconcile.national.totals',
    );
    expect(reconcile(both).map((i) => i.code)).not.toContain('reconcile.national.totals');
  });
});
