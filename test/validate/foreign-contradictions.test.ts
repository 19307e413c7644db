import { beforeAll, describe, expect, it } from 'vitest';
import { computeForeign } from '../../src/aggregate/foreign-stats.js';
import type { ValidationIssue } from '../../src/model/issues.js';
import type { ReferenceData } from '../../src/model/reference.js';
import { buildForeignView } from '../../src/render/view-foreign.js';
import { readForeign, readForeignCategories } from '../../src/validate/foreign.js';
import { reference } from '../helpers/reference.js';
import { rawTable } from '../helpers/tables.js';

let ref: ReferenceData;
beforeAll(async () => {
  ref = await reference();
});

const HEADER = ['国家地区', '召回次数（次）', '召回数量（件）', '中国产品召回次数（次）', '中国产品召回数量（件）'];
const foreign = (...rows: Array<Array<string | number>>) =>
  readForeign(rawTable([HEADER, ...rows], 'foreign.csv', null), ref);
const errors = (issues: readonly ValidationIssue[]) => issues.filter((i) => i.severity === 'error');

describe('foreign table: contradictions', () => {
  it('refuses China-made recalls above the country’s own, in count and quantity', () => {
    const r = foreign(['美国', 100, 1000000, 150, 2000000], ['欧盟', 50, '未公开', 10, '未公开']);
    const found = errors(r.issues);
    expect(found.map((i) => [i.code, i.row, i.column])).toEqual([
      ['contradiction.foreign.china', 2, 'D'],
      ['contradiction.foreign.china', 2, 'E'],
    ]);
    expect(found[0]?.message).toContain('“中国产品召回次数”为 150 次，大于“召回次数”的 100 次');
    expect(found[1]?.message).toContain('2000000 件，大于“召回数量”的 1000000 件');
  });

  it('never compares with an undisclosed quantity', () => {
    const r = foreign(['美国', 100, '未公开', 50, 300000]);
    expect(errors(r.issues)).toEqual([]);
  });

  it('refuses a country given twice and keeps only its first row', () => {
    const r = foreign(['美国', 100, 1000, 50, 300], ['美国', 5, 10, '', '']);
    expect(errors(r.issues).map((i) => [i.code, i.row, i.column])).toEqual([['value.foreign.duplicate', 3, 'A']]);
    expect(errors(r.issues)[0]?.message).toContain('“美国”出现了不止一次');
    expect(r.jurisdictions.map((j) => j.recalls)).toEqual([100]);
    expect(r.rows.rejected).toBe(1);
  });

  it('refuses a category given twice in the foreign category table', () => {
    const r = readForeignCategories(
      rawTable(
        [
          ['产品类别', '召回次数', '召回数量'],
          ['儿童用品', 3, 30],
          ['02', 4, 40],
        ],
        'foreign-categories.csv',
        null,
      ),
      ref,
    );
    expect(errors(r.issues).map((i) => [i.code, i.row])).toEqual([['value.category.duplicate', 3]]);
    expect(r.categories).toEqual([{ code: '02', recalls: 3, quantity: 30 }]);
  });
});

describe('foreign tables: a quantity with no recalls', () => {
  it('refuses a country, or its China-made part, of 0 次 with a quantity', () => {
    const r = foreign(['美国', 0, 1000, '', ''], ['日本', 54, 3833800, 0, 300], ['欧盟', 0, '未公开', '', '']);
    expect(errors(r.issues).map((i) => [i.code, i.row, i.column])).toEqual([
      ['contradiction.foreign.no-recalls', 2, 'B'],
      ['contradiction.foreign.no-recalls', 3, 'D'],
    ]);
    expect(errors(r.issues)[1]?.message).toContain(
      '（日本）的“中国产品召回次数”为 0 次，“中国产品召回数量”却为 300 件',
    );
    expect(r.jurisdictions.map((j) => j.name)).toEqual(['欧盟']);
  });

  it('does not read a blank China-made count as 0', () => {
    // Nor as a contradiction (0 次 with a quantity): a count missing beside its quantity is one of a pair.
    expect(errors(foreign(['日本', 54, 3833800, '', 300]).issues).map((i) => i.code)).toEqual(['value.pair.missing']);
  });

  it('refuses a category of 0 次 with a quantity in the foreign category table', () => {
    const r = readForeignCategories(
      rawTable(
        [
          ['产品类别', '召回次数', '召回数量'],
          ['家具', 0, 402300],
          ['儿童用品', 0, 0],
        ],
        'foreign-categories.csv',
        null,
      ),
      ref,
    );
    expect(errors(r.issues).map((i) => [i.code, i.row, i.column])).toEqual([
      ['contradiction.foreign.no-recalls', 2, 'B'],
    ]);
    expect(r.categories).toEqual([{ code: '02', recalls: 0, quantity: 0 }]);
  });
});

describe('foreign paragraph: an undisclosed quantity is never printed as 0', () => {
  it('says 数量未公开 for the total when no country disclosed its quantity', () => {
    const r = foreign(['美国', 100, '未公开', 50, 300000]);
    const view = buildForeignView(computeForeign({ jurisdictions: r.jurisdictions, categories: [] }, ref), {
      year: 2022,
      quarter: 3,
    });
    expect(view.paragraph).toContain('共实施消费品召回100次，数量未公开。');
    expect(view.paragraph).not.toContain('0件');
    expect(view.paragraph).not.toContain('总数量的');
  });

  it('keeps the disclosed sum when some countries disclosed theirs', () => {
    const r = foreign(['美国', 192, 18713400, 100, 6642000], ['欧盟', 1083, '未公开', 725, '未公开']);
    const view = buildForeignView(computeForeign({ jurisdictions: r.jurisdictions, categories: [] }, ref), {
      year: 2022,
      quarter: 3,
    });
    expect(view.paragraph).toContain('共实施消费品召回1275次，涉及产品1871.34万件。');
    expect(view.paragraph).toContain('欧盟实施召回1083次，数量未公开');
  });
});
