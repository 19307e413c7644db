import { describe, expect, it } from 'vitest';
import { BulletinError } from '../../src/model/errors.js';
import {
  parseQuarter,
  quarterContains,
  quarterEnd,
  quarterName,
  quarterStart,
  yearToDateName,
} from '../../src/model/quarter.js';

describe('parseQuarter', () => {
  it.each(['2022Q3', '2022-Q3', '2022q3', ' 2022-q3 '])('accepts %s', (text) => {
    expect(parseQuarter(text)).toEqual({ year: 2022, quarter: 3 });
  });

  it.each(['2022Q5', '2022', 'Q3', '2022-09', '22Q3'])('rejects %s with a usage error', (text) => {
    expect(() => parseQuarter(text)).toThrow(BulletinError);
    try {
      parseQuarter(text);
    } catch (e) {
      expect((e as BulletinError).kind).toBe('usage');
      expect((e as BulletinError).hint).toContain('2022Q3');
    }
  });
});

describe('years', () => {
  // It matched, and every path and message after it said "0Q1".
  it('refuses 0000Q1, quoting what was typed', () => {
    expect(() => parseQuarter('0000Q1')).toThrow('季度“0000Q1”的年份 0000 不对。');
    expect(parseQuarter('1900Q1')).toEqual({ year: 1900, quarter: 1 });
  });
});

describe('quarter names and ranges', () => {
  it('names quarters and year-to-date periods as bulletins do', () => {
    expect(quarterName({ year: 2022, quarter: 3 })).toBe('2022年第三季度');
    expect(yearToDateName({ year: 2022, quarter: 3 })).toBe('前三季度');
    expect(yearToDateName({ year: 2022, quarter: 2 })).toBe('上半年');
  });

  it('knows where each quarter starts and ends', () => {
    expect(quarterStart({ year: 2022, quarter: 3 })).toBe('2022-07-01');
    expect(quarterEnd({ year: 2022, quarter: 3 })).toBe('2022-09-30');
    expect(quarterEnd({ year: 2024, quarter: 1 })).toBe('2024-03-31');
    expect(quarterEnd({ year: 2022, quarter: 4 })).toBe('2022-12-31');
  });

  it('contains its first and last day and nothing outside', () => {
    const q = { year: 2022, quarter: 3 } as const;
    expect(quarterContains(q, '2022-07-01')).toBe(true);
    expect(quarterContains(q, '2022-09-30')).toBe(true);
    expect(quarterContains(q, '2022-06-30')).toBe(false);
    expect(quarterContains(q, '2022-10-01')).toBe(false);
  });
});
