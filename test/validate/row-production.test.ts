import { beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/ingest/table.js';
import type { Province, ReferenceData } from '../../src/model/reference.js';
import { validateRecords } from '../../src/validate/validate-records.js';
import { hunan } from '../helpers/reference.js';
import { HEADER, rawTable, recordRow } from '../helpers/tables.js';

let ctx: { ref: ReferenceData; home: Province; quarter: { year: number; quarter: 3 } };
beforeAll(async () => {
  ctx = { ...(await hunan()), quarter: { year: 2022, quarter: 3 } };
});

const run = (produced: CellValue, typical = '是') =>
  validateRecords(
    rawTable([
      [...HEADER, '生产日期'],
      [...recordRow({ 典型案例: typical }), produced],
    ]),
    ctx,
  );

describe('生产日期 of a typical case (row-production.ts)', () => {
  it('a number with a decimal point is refused: 2022.10 is stored as 2022.1, October read as January', () => {
    const r = run(2022.1);
    expect(r.issues.map((i) => [i.code, i.column])).toEqual([['value.production.number', 'K']]);
    expect(r.records).toHaveLength(0);
  });

  it('text, a whole year or a date is printed as written', () => {
    for (const v of ['2022.10', '2022年10月', 2022]) {
      const r = run(v);
      expect(r.issues).toEqual([]);
      expect(r.records[0]?.productionPeriod).toBe(String(v));
    }
  });

  // It printed as 2022-03-15, unlike every other date of the bulletin, with no word to the editor.
  it('a date cell prints as 2022年3月15日, and the editor is told how to print a month instead', () => {
    const r = run(new Date(Date.UTC(2022, 2, 15)));
    expect(r.records[0]?.productionPeriod).toBe('2022年3月15日');
    expect(r.issues.map((i) => [i.code, i.severity, i.column])).toEqual([['value.production.date', 'warning', 'K']]);
    expect(run(new Date(Date.UTC(2022, 2, 15)), '否').issues).toEqual([]);
  });

  // Excel's Chinese format 57 (shows 2021年9月) is no date to exceljs: 表2 printed 44440.
  it('a date serial in a Chinese date format prints as its date, with the same warning', () => {
    const r = run(44440);
    expect(r.records[0]?.productionPeriod).toBe('2021年9月1日');
    expect(r.issues.map((i) => i.code)).toEqual(['value.production.date']);
  });

  it('is not asked of a record that is no typical case (nothing prints it)', () => {
    expect(run(2022.1, '否').issues).toEqual([]);
  });
});
