import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/validate/parse-date.js';

describe('parseDate', () => {
  it.each([
    ['2022-08-15'],
    ['2022/8/15'],
    ['2022.8.15'],
    ['2022年8月15日'],
    ['2022-08-15 00:00:00'],
    ['20220815'],
    ['２０２２年８月１５日'],
    [44788],
    ['44788'],
    [new Date(Date.UTC(2022, 7, 15))],
  ])('reads %s', (input) => {
    expect(parseDate(input)).toEqual({ ok: true, value: '2022-08-15' });
  });

  it.each([['15/08/2022'], ['下周一'], [12]])('rejects %s', (input) => {
    expect(parseDate(input)).toEqual({ ok: false, reason: 'unreadable' });
  });

  it.each([['2022-02-30'], ['2022-13-01'], ['2022年4月31日']])('says %s does not exist', (input) => {
    expect(parseDate(input)).toEqual({ ok: false, reason: 'impossible' });
  });

  it('refuses a footnote or circled digit, which NFKC would read as a day (2022-08-1⑤ as the 15th)', () => {
    for (const v of ['2022-08-1⑤', '2022-08-15¹', '２０２２-０８-１５'.replace('５', '⁵')])
      expect(parseDate(v)).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseDate('２０２２-０８-１５')).toEqual({ ok: true, value: '2022-08-15' });
  });

  it('reads an export’s time without a zone, a weekday and a trailing point; refuses a zone', () => {
    for (const v of [
      '2022-07-01T00:00:00',
      '2022-07-01T08:30:00.000',
      '2022年7月1日 星期五',
      '2022年7月1日周五',
      '2022.07.01.',
    ])
      expect(parseDate(v)).toEqual({ ok: true, value: '2022-07-01' });
    for (const v of ['2022-06-30T20:00:00Z', '2022-07-01T00:00:00+08:00'])
      expect(parseDate(v)).toEqual({ ok: false, reason: 'unreadable' });
    // 24:00 is the next day's start: 2022-09-30T24:00 is 1 October, and was counted in Q3.
    for (const v of ['2022-09-30T24:00', '2022-08-30 24:00', '2022-08-30 23:60', '2022-08-30 12:00:61'])
      expect(parseDate(v)).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseDate('2022-09-30 23:59:59')).toEqual({ ok: true, value: '2022-09-30' });
  });

  it('refuses a weekday that is not the date’s (2022-09-30 was a Friday; Saturday was 1 October, Q4)', () => {
    expect(parseDate('2022-09-30 星期六')).toEqual({ ok: false, reason: 'weekday' });
    expect(parseDate('2022年9月30日周五')).toEqual({ ok: true, value: '2022-09-30' });
    expect(parseDate('2022-10-02 星期日')).toEqual({ ok: true, value: '2022-10-02' });
    expect(parseDate('2022-10-02 周天')).toEqual({ ok: true, value: '2022-10-02' });
    expect(parseDate('2022-10-03 星期日')).toEqual({ ok: false, reason: 'weekday' });
  });

  it('reads 20220712 typed as a number as the text 20220712 is read', () => {
    expect(parseDate(20220712)).toEqual({ ok: true, value: '2022-07-12' });
    expect(parseDate(20220231)).toEqual({ ok: false, reason: 'impossible' });
    expect(parseDate(44754)).toEqual({ ok: true, value: '2022-07-12' });
  });

  it('treats an empty cell as empty, not unreadable', () => {
    expect(parseDate(null)).toEqual({ ok: false, reason: 'empty' });
  });
});
