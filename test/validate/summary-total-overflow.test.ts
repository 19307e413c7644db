/**
 * A summary table's column whose rows add up past 2^53 − 1 (each value
 * below it) would print its 合计, and everything made of it, rounded:
 * 9007199254740991 + 2000 as …2992. Refused by validation, one error per
 * column naming the table, the column and the exact sum.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../src/model/issues.js';
import type { ReferenceData } from '../../src/model/reference.js';
import type { CellValue } from '../../src/ingest/table.js';
import { readClues } from '../../src/validate/clues.js';
import { readForeign, readForeignCategories } from '../../src/validate/foreign.js';
import { readNationalRecords } from '../../src/validate/national-records.js';
import { readNationalCategories, readNationalProvinces } from '../../src/validate/national-summary.js';
import { reference } from '../helpers/reference.js';
import { CAT_HEADER, rawTable } from '../helpers/tables.js';

const MAX = Number.MAX_SAFE_INTEGER;
const errorsOf = (r: { issues: ValidationIssue[] }) => r.issues.filter((i) => i.severity === 'error');
const table = (rows: CellValue[][], file: string) => rawTable(rows, file, null);

let ref: ReferenceData;
beforeAll(async () => {
  ref = await reference();
});

describe('a summary column adding up past 2^53 − 1', () => {
  it('is refused in the national category table, with the exact sum and the largest row', () => {
    const r = readNationalCategories(
      table(
        [CAT_HEADER, ['电子电器', '01', 5, MAX, 3, 300, 1, 100], ['儿童用品', '02', 5, 2000, 3, 300, 1, 100]],
        'national-categories.csv',
      ),
      ref,
    );
    expect(errorsOf(r)).toEqual([
      expect.objectContaining({
        code: 'stats.total.overflow',
        file: 'national-categories.csv',
        row: null,
        column: 'D',
        header: '累计召回数量',
      }),
    ]);
    const message = r.issues[0]!.message;
    expect(message).toContain('全国分类汇总表“累计召回数量”一列各行相加为 9007199254742991');
    expect(message).toContain('第 2 行的 9007199254740991');
  });

  it('is refused in the province, foreign, foreign category, clue and national record tables', () => {
    const provinces = readNationalProvinces(
      table(
        [
          ['省份', '本年召回次数', '本年召回数量'],
          ['湖南省', 3, MAX],
          ['广东省', 2, 301],
        ],
        'national-provinces.csv',
      ),
      ref,
    );
    const foreign = readForeign(
      table(
        [
          ['国家地区', '召回次数', '召回数量'],
          ['美国', MAX, '未公开'],
          ['欧盟', 2, 5],
        ],
        'foreign.csv',
      ),
      ref,
    );
    const categories = readForeignCategories(
      table(
        [
          ['产品类别', '召回次数', '召回数量'],
          ['电子电器', 1, MAX],
          ['儿童用品', 1, 1],
        ],
        'foreign-categories.csv',
      ),
      ref,
    );
    const clues = readClues(
      table(
        [
          ['共享缺陷线索信息用户', '共享缺陷线索报告信息', '形成有效缺陷产品召回信息', '共享检验检测信息'],
          ['省局', 3, 1, MAX],
          ['长沙市局', 3, 1, 1],
        ],
        'clues.csv',
      ),
    );
    const records = readNationalRecords(
      table(
        [
          ['发布日期', '省份', '产品类别', '召回数量'],
          ['2022-08-01', '湖南', '01', MAX],
          ['2022-08-02', '广东', '02', 100],
        ],
        'national-recalls.csv',
      ),
      ref,
    );
    const where = (r: { issues: ValidationIssue[] }) => errorsOf(r).map((i) => [i.code, i.column]);
    expect(where(provinces)).toEqual([['stats.total.overflow', 'C']]);
    expect(where(foreign)).toEqual([['stats.total.overflow', 'B']]);
    expect(where(categories)).toEqual([['stats.total.overflow', 'C']]);
    expect(where(clues)).toEqual([['stats.total.overflow', 'D']]);
    expect(where(records)).toEqual([['stats.total.overflow', 'D']]);
  });

  it('gives no rounded total.mismatch beside it, and a sum of exactly 2^53 − 1 passes', () => {
    const header = ['共享缺陷线索信息用户', '共享缺陷线索报告信息', '形成有效缺陷产品召回信息', '共享检验检测信息'];
    const over = readClues(table([header, ['甲', MAX, 1, 1], ['乙', 2, 1, 1], ['总计', MAX, 2, 2]], 'clues.csv'));
    expect(over.issues.map((i) => i.code)).toEqual(['stats.total.overflow']);
    const edge = readClues(table([header, ['甲', MAX - 2, 1, 1], ['乙', 2, 1, 1]], 'clues.csv'));
    expect(edge.issues).toEqual([]);
  });

  it('counts only the rows used: a row refused for another error adds nothing', () => {
    const r = readForeign(
      table(
        [
          ['国家地区', '召回次数', '召回数量', '中国产品召回次数'],
          ['美国', MAX, 5, 1],
          ['欧盟', 2, 5, 3],
        ],
        'foreign.csv',
      ),
      ref,
    );
    // 欧盟's China-made recalls above its own: that row is refused, and the total is exact.
    expect(errorsOf(r).map((i) => i.code)).toEqual(['contradiction.foreign.china']);
  });
});
