/**
 * The home province's checks when the national figures come from a record-level
 * export (national-recalls) rather than the province table: the export prints
 * the same 前三季度…位居全国第N sentence, so it is held to the records the same way.
 */
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

function input(
  provinces: ProvinceFigures[],
  totals: [number, number],
  source: NationalInput['source'] = 'records',
): ReconcileInput {
  // read-quarter.ts names the export as the file of both the categories and the provinces.
  const file = source === 'records' ? 'national-recalls.csv' : 'national-provinces.csv';
  return {
    quarter: { year: 2022, quarter: 3 },
    home: hunan,
    national: { source, categories: [], provinces },
    foreign: null,
    totals: { recalls: totals[0], quantity: totals[1] },
    files: { national: file, provinces: file, recalls: 'recalls.csv' },
  };
}

const errors = (r: ReconcileInput) => reconcile(r).filter((i) => i.severity === 'error');

describe('the home province in a national record-level export', () => {
  it('is an error when the export has no recall of it while the records have some, pointing at the export', () => {
    const found = errors(input([row(guangdong.code, [1, 60], [1, 60])], [1, 100]));
    expect(found.map((i) => [i.code, i.file, i.row])).toEqual([
      ['national.province.home-missing', 'national-recalls.csv', null],
    ]);
    expect(found[0]?.message).toContain('全国召回记录中没有湖南省本年的召回');
    expect(found[0]?.message).toContain('本省召回记录本季度有 1 次、100 件');
    expect(found[0]?.hint).toContain('全国召回记录是否完整');
  });

  it('is an error too when the export has no recall of any province this year (it lists only those it has)', () => {
    expect(errors(input([], [1, 100])).map((i) => i.code)).toEqual(['national.province.home-missing']);
    // A summary quarter without the province table has nothing to check against.
    expect(errors(input([], [1, 100], 'summary'))).toEqual([]);
  });

  it("is an error when the quarter's own records are above the export's year, on the records file", () => {
    const all = reconcile(input([row(guangdong.code, [1, 60], [1, 60]), row(hunan.code, [1, 60], [1, 60])], [2, 200]));
    const found = all.filter((i) => i.severity === 'error');
    expect(found.map((i) => [i.code, i.file, i.row])).toEqual([['contradiction.home.year', 'recalls.csv', null]]);
    expect(found[0]?.message).toBe(
      '本省召回记录本季度合计 2 次、200 件，多于全国召回记录中湖南省本年的 1 次、60 件：本季度包含在本年之内，公报不能同时印出这两个数字。',
    );
    // The quarter's own mismatch stays a warning, and names the export, not a table it did not read.
    const quarter = all.find((i) => i.code === 'reconcile.home.quarter');
    expect(quarter?.severity).toBe('warning');
    expect(quarter?.message).toContain('而全国召回记录中湖南省本季度为 1 次、60 件');
  });

  it('is an error when only the quantity is above the year', () => {
    const found = errors(input([row(hunan.code, [5, 60], [2, 60])], [2, 200]));
    expect(found.map((i) => i.code)).toEqual(['contradiction.home.year']);
  });

  it('accepts records within the export’s year (the quarter differing is a warning only)', () => {
    const found = reconcile(input([row(hunan.code, [30, 5000], [1, 100])], [2, 600]));
    expect(found.map((i) => [i.severity, i.code])).toEqual([['warning', 'reconcile.home.quarter']]);
  });

  it('says nothing when the records have no recall this quarter', () => {
    expect(reconcile(input([row(guangdong.code, [1, 60], [1, 60])], [0, 0]))).toEqual([]);
  });
});
