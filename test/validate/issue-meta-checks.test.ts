import { describe, expect, it } from 'vitest';
import { checkIssueMetaText } from '../../src/validate/issue-meta.js';
import { duplicateKeys } from '../../src/validate/json-keys.js';

const Q3 = { year: 2022, quarter: 3 } as const;
const codes = (text: string) =>
  checkIssueMetaText(text, 'issue.json', Q3).issues.map((i) => [i.severity, i.code, i.header]);

describe('issue.json: keys written twice', () => {
  it('is an error naming the key and its line, where JSON.parse silently keeps the last', () => {
    const r = checkIssueMetaText(
      '{\n"number": 3,\n"totalNumber": 4,\n"number": 4,\n"publicationDate": "2022-11-08"\n}',
      'issue.json',
      Q3,
    );
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'error', code: 'meta.key.duplicate', header: 'number', row: 4 });
    expect(r.issues[0]?.message).toContain('“number”写了不止一次');
  });

  it('tells keys from values and strings, and nested objects apart', () => {
    expect(duplicateKeys('{"a":"b","b":"a,\\"a\\":","c":["a","a"],"d":{"a":1},"e":[{"x":1},{"x":2}]}')).toEqual([]);
    expect(duplicateKeys('{"d":{"a":1,"a":2}}').map((d) => d.path)).toEqual(['d.a']);
  });
});

describe('issue.json: the publication date', () => {
  it('is an error before the quarter ends, with both dates', () => {
    const r = checkIssueMetaText('{"number":3,"publicationDate":"2022-07-15"}', 'issue.json', Q3);
    expect(r.issues.map((i) => [i.severity, i.code])).toEqual([['error', 'meta.date.early']]);
    expect(r.issues[0]?.message).toContain('2022年7月15日');
    expect(r.issues[0]?.message).toContain('2022年9月30日');
  });

  it('accepts the quarter’s last day and later', () => {
    expect(codes('{"publicationDate":"2022-09-30"}')).toEqual([]);
    expect(codes('{"publicationDate":"2022-11-08"}')).toEqual([]);
  });

  it('warns when issue.json has no date at all (the masthead would have none)', () => {
    expect(codes('{"number":3,"totalNumber":3}')).toEqual([['warning', 'meta.date.missing', 'publicationDate']]);
  });

  it('reports a date still left as init wrote it as a placeholder only', () => {
    expect(codes('{"number":1,"publicationDate":"【待填写】出版日期，如 2022-12-31"}')).toEqual([
      ['error', 'content.placeholder', null],
    ]);
  });
});

describe('issue.json: a wrong value is told what to write, in the words of what was found', () => {
  const messages = (text: string) => checkIssueMetaText(text, 'issue.json', Q3).issues.map((i) => i.message);

  it.each([
    [
      '{"number": null}',
      '“number”是空值（null）。应填写期号，写成正整数，如 3；不写期号时删去这一行（期号由前一期推算）。',
    ],
    [
      '{"totalNumber": null}',
      '“totalNumber”是空值（null）。应填写总期号，写成正整数，如 3；不写总期号时删去这一行（总期号由前一期推算）。',
    ],
    [
      '{"publicationDate": null}',
      '“publicationDate”是空值（null）。应填写出版日期，如 "2022-11-08"（带引号）；还没有出版日期时删去这一行（报头将没有日期）。',
    ],
    [
      '{"notice": null}',
      '“notice”是空值（null）。应填写一组文字，如 ["重要提示：", "……"]；不需要文末提示时删去这一行。',
    ],
  ])('null: %s is told what to fill in, never to drop quotes', (text, message) => {
    expect(messages(text)).toEqual([message]);
    expect(messages(text)[0]).not.toContain('不要加引号');
  });

  it('a number in quotes is told to drop them; a number of another kind is not', () => {
    expect(messages('{"number": "3"}')).toEqual(['“number”要写成正整数（如 3），不要加引号。']);
    expect(messages('{"number": true}')).toEqual(['“number”要写成正整数（如 3）。']);
    expect(messages('{"totalNumber": 2.5}')).toEqual(['“totalNumber”要写成正整数（如 3）。']);
  });

  it('a date that does not exist is told so, not to use the form it already has', () => {
    expect(messages('{"publicationDate": "2022-02-30"}')).toEqual([
      '“publicationDate”写的 2022-02-30 不是存在的日期：2022年2月没有30日。请改为实际的日期，如 2022-11-08。',
    ]);
    expect(messages('{"publicationDate": "2022-13-01"}')[0]).toContain('一年没有13月');
  });

  it('a date in another form is told the form; a number, the quotes', () => {
    expect(messages('{"publicationDate": "2022/11/08"}')).toEqual([
      '“publicationDate”日期要写成 YYYY-MM-DD，如 2022-11-08。',
    ]);
    expect(messages('{"publicationDate": 20221108}')).toEqual([
      '“publicationDate”要写成带引号的日期，如 "2022-11-08"。',
    ]);
  });
});

describe('issue.json: 期号 and 总期号', () => {
  it('is an error when 期号 is above 总期号 (第7期（总第5期）), naming both', () => {
    const r = checkIssueMetaText('{"number":7,"totalNumber":5,"publicationDate":"2022-11-08"}', 'issue.json', Q3);
    expect(r.issues.map((i) => [i.severity, i.code, i.header, i.value])).toEqual([
      ['error', 'meta.number.order', 'number', '7'],
    ]);
    expect(r.issues[0]?.message).toContain('“第7期（总第5期）”');
  });

  it('accepts equal numbers (the first year) and a 总期号 above 期号', () => {
    expect(codes('{"number":3,"totalNumber":3,"publicationDate":"2022-11-08"}')).toEqual([]);
    expect(codes('{"number":3,"totalNumber":27,"publicationDate":"2022-11-08"}')).toEqual([]);
    expect(codes('{"number":3,"publicationDate":"2022-11-08"}')).toEqual([]);
  });
});

describe('issue.json: a publication date long after the quarter', () => {
  it('warns past a year after the quarter’s end, with both dates', () => {
    const r = checkIssueMetaText('{"number":3,"publicationDate":"2031-04-20"}', 'issue.json', Q3);
    expect(r.issues.map((i) => [i.severity, i.code, i.header])).toEqual([
      ['warning', 'meta.date.late', 'publicationDate'],
    ]);
    expect(r.issues[0]?.message).toContain('2031年4月20日');
    expect(r.issues[0]?.message).toContain('2022年9月30日');
  });

  it('accepts up to a year after, to the day, in every quarter', () => {
    expect(codes('{"publicationDate":"2023-09-30"}')).toEqual([]);
    expect(codes('{"publicationDate":"2023-10-01"}')).toEqual([['warning', 'meta.date.late', 'publicationDate']]);
    const q4 = (date: string) =>
      checkIssueMetaText(`{"publicationDate":"${date}"}`, 'issue.json', { year: 2022, quarter: 4 }).issues.map(
        (i) => i.code,
      );
    expect(q4('2023-12-31')).toEqual([]);
    expect(q4('2024-01-01')).toEqual(['meta.date.late']);
  });
});
