/** A first quarter's national tables: 本季度 and 本年 are the same three months. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../src/model/issues.js';
import type { ReferenceData } from '../../src/model/reference.js';
import { readNationalCategories, readNationalProvinces } from '../../src/validate/national-summary.js';
import { reference } from '../helpers/reference.js';
import { CAT_HEADER, PROV_HEADER, rawTable } from '../helpers/tables.js';

let ref: ReferenceData;
beforeAll(async () => {
  ref = await reference();
});

const Q1 = { year: 2022, quarter: 1 } as const;
const Q2 = { year: 2022, quarter: 2 } as const;
const found = (issues: readonly ValidationIssue[]) =>
  issues.filter((i) => i.code === 'contradiction.national.first-quarter').map((i) => [i.severity, i.row, i.column]);
const provinces = (rows: Array<Array<string | number>>, quarter: typeof Q1 | typeof Q2 | null, header = PROV_HEADER) =>
  readNationalProvinces(rawTable([header, ...rows], 'national-provinces.csv', null), ref, quarter);

describe('first quarter: 本季度 is 本年', () => {
  it('refuses a province whose 本季度 differs from its 本年, naming both figures', () => {
    const r = provinces(
      [
        [1, '湖南省', 10, 57758, 10, 57758],
        [2, '安徽省', 33, 92309, 30, 92309],
      ],
      Q1,
    );
    expect(found(r.issues)).toEqual([['error', 3, 'E']]);
    expect(r.issues[0]?.message).toBe(
      '全国各省汇总表第 3 行（安徽省）的“本季度召回次数”为 30 次，“本年召回次数”为 33 次：第一季度的本季度数字应与本年数字相同（本年到目前只有这一个季度），公报会把同一段时间印成两个不同的数字。',
    );
    expect(r.provinces.map((p) => p.code)).toEqual(['430000']);
  });

  it('does not read an empty 本季度 beside a filled 本年 as 0 (the sample’s 2022Q1 with only 湖南’s 本季度 filled)', () => {
    const r = provinces(
      [
        [1, '安徽省', 33, 92309, '', ''],
        [2, '湖南省', 10, 57758, 10, 57758],
      ],
      Q1,
    );
    expect(found(r.issues)).toEqual([
      ['error', 2, 'E'],
      ['error', 2, 'F'],
    ]);
    expect(r.issues[0]?.message).toContain('“本季度召回次数”是空的，“本年召回次数”为 33 次');
    expect(r.issues[0]?.message).toContain('空白不能按 0 计算');
    expect(r.rows).toMatchObject({ accepted: 1, rejected: 1 });
  });

  it('one finding for each 本季度 column missing from the province table', () => {
    const r = provinces(
      [
        [1, '湖南省', 10, 57758],
        [2, '安徽省', 33, 92309],
      ],
      Q1,
      PROV_HEADER.slice(0, 4),
    );
    expect(found(r.issues)).toEqual([
      ['error', null, null],
      ['error', null, null],
    ]);
    expect(r.issues[0]?.message).toContain('全国各省汇总表没有“本季度召回次数”列');
    expect(r.issues[0]?.message).toContain('“2022年第一季度”部分的数字会是 0');
  });

  it('refuses a category row and a stated total that differ, in 次 or 件', () => {
    const r = readNationalCategories(
      rawTable(
        [
          CAT_HEADER,
          ['电子电器', '01', 802, 25988207, 28, 17806, 28, 17800],
          ['合计', '', 802, 25988207, 28, 17806, 27, 17806],
        ],
        'national-categories.csv',
        null,
      ),
      ref,
      Q1,
    );
    expect(found(r.issues)).toEqual([
      ['error', 2, 'H'],
      ['error', 3, 'G'],
    ]);
    expect(r.issues.find((i) => i.row === 3)?.message).toContain('合计行');
  });

  it('accepts equal figures, 0 beside an empty 本季度, and a row refused for another reason is not told twice', () => {
    const r = provinces(
      [
        [1, '湖南省', 10, 57758, 10, 57758],
        [2, '西藏自治区', 0, 0, '', ''],
        [3, '安徽省', 3, 92309, 5, 92309],
      ],
      Q1,
    );
    expect(found(r.issues)).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['contradiction.national.period']);
  });

  it('is not checked after the first quarter (an empty 本季度 is then 0), nor when the quarter is not known', () => {
    const rows = [
      [1, '安徽省', 33, 92309, '', ''],
      [2, '湖南省', 10, 57758, 8, 50000],
    ];
    for (const quarter of [Q2, null]) {
      const r = provinces(rows, quarter);
      expect(r.issues).toEqual([]);
      expect(r.provinces[0]?.quarter).toEqual({ recalls: 0, quantity: 0 });
    }
  });
});
