import { describe, expect, it } from 'vitest';
import { chineseDate, chineseMonthDay, fromExcelSerial, isoDate, missingDay } from '../../src/model/calendar.js';

describe('calendar', () => {
  it('writes dates the Chinese way', () => {
    expect(chineseDate('2022-11-08')).toBe('2022年11月8日');
    expect(chineseMonthDay('2022-09-30')).toBe('9月30日');
  });

  it('rejects impossible dates', () => {
    expect(isoDate(2022, 2, 30)).toBeNull();
    expect(isoDate(2022, 13, 1)).toBeNull();
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
  });

  it('says why a date in the form YYYY-MM-DD does not exist, and nothing of one that does or of another form', () => {
    expect(missingDay('2022-02-30')).toBe('2022年2月没有30日');
    expect(missingDay('2023-02-29')).toBe('2023年2月没有29日');
    expect(missingDay('2022-04-31')).toBe('2022年4月没有31日');
    expect(missingDay('2022-13-01')).toBe('一年没有13月');
    expect(missingDay('2024-02-29')).toBeNull();
    expect(missingDay('2022/02/30')).toBeNull();
  });

  it('converts Excel serial numbers (1900 date system)', () => {
    expect(fromExcelSerial(44788)).toBe('2022-08-15');
    expect(fromExcelSerial(45841)).toBe('2025-07-03');
    expect(fromExcelSerial(0)).toBeNull();
  });
});
