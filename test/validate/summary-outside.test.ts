import { beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceData } from '../../src/model/reference.js';
import { readForeign } from '../../src/validate/foreign.js';
import { readNationalCategories, readNationalProvinces } from '../../src/validate/national-summary.js';
import { reference } from '../helpers/reference.js';
import { CAT_HEADER, PROV_HEADER, rawTable } from '../helpers/tables.js';

let ref: ReferenceData;
beforeAll(async () => {
  ref = await reference();
});

describe('a summary-table cell right of the header (summary-cells.ts cellsOutside)', () => {
  it('is an error naming its cell: a row run into the one before left its figures there', () => {
    const r = readForeign(
      rawTable(
        [
          ['国家地区', '召回次数', '召回数量'],
          ['美国', 192, 18713400],
          ['日本', 54, '3833800', '欧盟', 10, 1000],
        ],
        'foreign.csv',
        null,
      ),
      ref,
    );
    expect(r.issues.map((i) => [i.code, i.severity, i.row, i.column, i.value])).toContainEqual([
      'structure.row.extra-cells',
      'error',
      3,
      'D',
      '欧盟',
    ]);
    expect(r.issues.filter((i) => i.code === 'structure.row.extra-cells')).toHaveLength(3);
  });

  it('an empty cell there is nothing', () => {
    const t = rawTable([PROV_HEADER, [1, '湖南省', 10, 100, 5, 50, null, '']], 'national-provinces.csv', null);
    expect(readNationalProvinces(t, ref).issues).toEqual([]);
  });
});

describe('a note under a summary table (summary-cells.ts isNoteLine)', () => {
  const row = ['电子电器', '01', 800, 25000000, 28, 17806, 28, 17806];
  const read = (extra: unknown[][]) =>
    readNationalCategories(rawTable([CAT_HEADER, row, ...extra] as never, 'national-categories.csv', null), ref);

  it('注：… or 数据来源：… alone in the first cell is a row.note warning, not a row without figures', () => {
    const r = read([['注：以上数据来源于市场监管总局缺陷产品召回技术中心'], ['数据来源：国家市场监督管理总局']]);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.issues.filter((i) => i.code === 'row.note').map((i) => [i.severity, i.row])).toEqual([
      ['warning', 3],
      ['warning', 4],
    ]);
  });

  it('other text alone is still a row without figures (empty is never 0)', () => {
    expect(read([['儿童用品']]).issues.map((i) => i.severity)).toContain('error');
  });
});
