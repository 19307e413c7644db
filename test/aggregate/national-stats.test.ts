import { beforeAll, describe, expect, it } from 'vitest';
import { computeNational, nationalFromRecords } from '../../src/aggregate/national-stats.js';
import type { NationalRecord } from '../../src/model/bulletin.js';
import type { Province, ReferenceData } from '../../src/model/reference.js';
import { hunan } from '../helpers/reference.js';
import { Q3 } from '../helpers/sample.js';

let ref: ReferenceData;
let home: Province;
beforeAll(async () => ({ ref, home } = await hunan()));

const rec = (date: string, provinceCode: string, categoryCode: string, quantity: number): NationalRecord => ({
  date,
  provinceCode,
  categoryCode,
  quantity,
});

describe('national tables from a record-level export', () => {
  const records = [
    rec('2021-05-01', '440000', '01', 100),
    rec('2022-02-10', '430000', '04', 1000),
    rec('2022-08-01', '430000', '04', 5000),
    rec('2022-08-20', '440000', '02', 7000),
    rec('2022-09-30', '340000', '02', 5000),
    rec('2022-10-01', '340000', '02', 999999),
  ];

  it('computes cumulative, year-to-date and quarter tables by category, ignoring later records', () => {
    const s = computeNational(nationalFromRecords(records, ref, Q3), ref, home);
    expect(s.source).toBe('records');
    expect(s.cumulative.total).toEqual({ recalls: 5, quantity: 18100 });
    expect(s.ytd.total).toEqual({ recalls: 4, quantity: 18000 });
    expect(s.quarter.total).toEqual({ recalls: 3, quantity: 17000 });
    expect(s.quarter.rows.find((r) => r.code === '02')).toMatchObject({ recalls: 2, quantity: 12000 });
    expect(s.cumulative.rows).toHaveLength(10);
  });

  it('ranks provinces by quantity and finds the home province and its rank', () => {
    const s = computeNational(nationalFromRecords(records, ref, Q3), ref, home);
    expect(s.provincesYtd.rows.map((r) => [r.seq, r.name, r.recalls, r.quantity])).toEqual([
      [1, '广东省', 1, 7000],
      [2, '湖南省', 2, 6000],
      [3, '安徽省', 1, 5000],
    ]);
    expect(s.home).toEqual({
      ytd: { recalls: 2, quantity: 6000 },
      quarter: { recalls: 1, quantity: 5000 },
      ytdRank: { rank: 2, tied: false },
    });
    // Equal quantity and recalls: code order.
    expect(s.provincesQuarter.rows.map((r) => r.name)).toEqual(['广东省', '安徽省', '湖南省']);
  });

  it('says 并列 when the home province ties', () => {
    const s = computeNational(
      nationalFromRecords([rec('2022-08-01', '430000', '01', 10), rec('2022-08-02', '440000', '01', 10)], ref, Q3),
      ref,
      home,
    );
    expect(s.home?.ytdRank).toEqual({ rank: 1, tied: true });
  });

  it('ranks equal quantities by recalls, as the table prints them: 并列 only when both are equal', () => {
    const records = [
      rec('2022-08-01', '430000', '01', 100),
      rec('2022-08-02', '110000', '01', 60),
      rec('2022-08-03', '110000', '01', 40),
      rec('2022-08-04', '440000', '01', 100),
    ];
    const s = computeNational(nationalFromRecords(records, ref, Q3), ref, home);
    // 北京 2次/100件 prints before 湖南 1次/100件 and 广东 1次/100件, which tie.
    expect(s.provincesYtd.rows.map((r) => r.name)).toEqual(['北京市', '湖南省', '广东省']);
    expect(s.home?.ytdRank).toEqual({ rank: 2, tied: true });
    const alone = computeNational(nationalFromRecords(records.slice(0, 3), ref, Q3), ref, home);
    expect(alone.home?.ytdRank).toEqual({ rank: 2, tied: false });
  });
});
