import { describe, expect, it } from 'vitest';
import { readNationalRecords } from '../../src/validate/national-records.js';
import { reference } from '../helpers/reference.js';
import { rawTable } from '../helpers/tables.js';

const Q3 = { year: 2022, quarter: 3 } as const;

async function read(rows: unknown[][], header = ['发布日期', '省份', '产品类别', '召回数量']) {
  return readNationalRecords(rawTable([header, ...rows] as never), await reference(), Q3);
}

describe('a national record-level export (national-export.ts)', () => {
  it('without a recall before the quarter’s year is refused: its 历年来 would be this year’s sum', async () => {
    const r = await read([
      ['2022-08-02', '广东省', '01', 60],
      ['2022-03-01', '湖南省', '02', 5],
    ]);
    expect(r.issues.map((i) => [i.code, i.severity, i.row])).toEqual([['national.recalls.partial', 'error', 3]]);
    expect(r.issues[0]!.message).toContain('最早的一次召回是 2022年3月1日，没有 2022 年以前的召回');
  });

  it('with earlier years is the history, and passes', async () => {
    const r = await read([
      ['2019-01-05', '广东省', '01', 60],
      ['2022-08-02', '湖南省', '02', 5],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.records).toHaveLength(2);
  });

  it('one recall listed twice (same 生产者 and 产品名称) is an error, counted once', async () => {
    const header = ['发布日期', '省份', '产品类别', '召回数量', '生产者', '产品名称'];
    const row = ['2022-08-02', '广东省', '01', 60, '某电器公司', '电暖器'];
    const r = await read([['2019-01-05', '广东省', '01', 1, '甲', '乙'], row, [...row]], header);
    expect(r.issues.map((i) => [i.code, i.severity, i.row])).toEqual([['value.national.duplicate', 'error', 4]]);
    expect(r.records).toHaveLength(2);
    expect(r.rows).toMatchObject({ accepted: 2, rejected: 1 });
  });

  it('two rows alike without 生产者 and 产品名称 are a warning, both counted', async () => {
    const row = ['2022-08-02', '广东省', '01', 60];
    const r = await read([['2019-01-05', '广东省', '01', 1], row, [...row]]);
    expect(r.issues.map((i) => [i.code, i.severity, i.row])).toEqual([['value.national.repeated', 'warning', 4]]);
    expect(r.records).toHaveLength(3);
  });
});
