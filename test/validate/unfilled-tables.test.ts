import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/ingest/table.js';
import type { ReferenceData } from '../../src/model/reference.js';
import { readNationalProvinces } from '../../src/validate/national-summary.js';
import { readForeign } from '../../src/validate/foreign.js';
import { reference } from '../helpers/reference.js';
import { rawTable } from '../helpers/tables.js';

let ref: ReferenceData;
beforeAll(async () => {
  ref = await reference();
});

const HEADER = ['省份', '本年召回次数', '本年召回数量', '本季度召回次数', '本季度召回数量'];
const provincesTable = (rows: CellValue[][]) => rawTable([HEADER, ...rows], 'national-provinces.xlsx', '全国各省汇总');

describe('summary tables left unfilled', () => {
  it('a table whose rows have no figure at all is one finding for the table, with what to do', () => {
    const r = readNationalProvinces(provincesTable(ref.provinces.map((p) => [p.name])), ref);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'error', code: 'table.unfilled', row: 2, column: 'B' });
    expect(r.issues[0]?.message).toBe(
      '全国各省汇总表还没有填写：31 行都没有任何数字（本年召回次数、本年召回数量、本季度召回次数、本季度召回数量）。',
    );
    expect(r.issues[0]?.hint).toContain('没有召回的填 0');
    expect(r.issues[0]?.hint).toContain('请删除这个文件');
    expect(r.provinces).toEqual([]);
    expect(r.rows).toMatchObject({ read: 31, accepted: 0, rejected: 31 });
  });

  it('a table with a header and no rows is an error saying to fill it in or delete the file', () => {
    const r = readForeign(rawTable([['国家地区', '召回次数', '召回数量']], 'foreign.csv', null), ref);
    expect(r.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'structure.rows.none',
        row: 1,
        message: '国外召回统计表的表头下面没有数据行。',
        hint: '请把数据填入这张表。如本期不需要这一部分，请删除这个文件，公报将不包含这一部分。',
      }),
    ]);
  });

  it('rows left without figures in a filled table: one finding listing them; a typed 0 is accepted', () => {
    const r = readNationalProvinces(
      provincesTable([['湖南省', 34, 570443, 8, 418448], ['北京市'], ['天津市', 0, 0, 0, 0], ['河北省', '', '']]),
      ref,
    );
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'value.required.missing', row: 3, column: 'B', value: '北京市' });
    expect(r.issues[0]?.message).toBe(
      '2 行没有填写任何数字：第 3 行（北京市）、第 5 行（河北省）。空白不会按 0 计算。',
    );
    expect(r.issues[0]?.hint).toContain('没有召回请填 0');
    expect(r.provinces.map((p) => p.code)).toEqual(['430000', '120000']);
    expect(r.rows).toMatchObject({ read: 4, accepted: 2, rejected: 2 });
  });

  it('for every table: an empty figure never counts as 0, no row is lost from the account, and rows left empty give at most one finding', () => {
    const cell = fc.oneof(fc.constant<CellValue>(''), fc.nat({ max: 1000 }));
    const row = fc.tuple(cell, cell, cell, cell);
    const table = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 30 }), row), {
      selector: ([i]) => i,
      maxLength: 31,
    });
    fc.assert(
      fc.property(table, (rows) => {
        const cells = rows.map(([i, figures]) => [ref.provinces[i]!.name, ...figures]);
        const r = readNationalProvinces(provincesTable(cells), ref);
        const empty = (v: CellValue) => v === '';
        // A quarter above its year is a contradiction: that row is rejected too (contradiction.national.period).
        const above = (q: CellValue, y: CellValue) => typeof q === 'number' && typeof y === 'number' && q > y;
        // A quantity with no recalls (an empty 本季度 count reads as 0) is one too (contradiction.national.no-recalls).
        const none = (n: CellValue, q: CellValue) => (n === 0 || n === '') && typeof q === 'number' && q > 0;
        const expectedCodes = rows
          .filter(
            ([, f]) =>
              !empty(f[0]) &&
              !empty(f[1]) &&
              !above(f[2], f[0]) &&
              !above(f[3], f[1]) &&
              !none(f[0], f[1]) &&
              !none(f[2], f[3]) &&
              // One of the 本季度 pair filled, the other empty (value.pair.missing).
              empty(f[2]) === empty(f[3]),
          )
          .map(([i]) => ref.provinces[i]!.code);
        expect(r.provinces.map((p) => p.code)).toEqual(expectedCodes);
        const unfilledRows = rows.filter(([, f]) => f.every(empty)).length;
        const wholeRows = r.issues.filter((i) => /没有任何数字|没有填写任何数字/.test(i.message));
        expect(wholeRows).toHaveLength(unfilledRows > 0 ? 1 : 0);
        expect(r.rows.read).toBe(r.rows.accepted + r.rows.rejected);
        expect(r.rows.accepted).toBe(expectedCodes.length);
      }),
    );
  });
});
