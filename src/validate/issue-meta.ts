/** issue.json: 期号, 总期号, publication date and the closing notice. */
import { lineOfIndex, parseJson, z } from '../model/schema.js';
import { chineseDate, isIsoDate } from '../model/calendar.js';
import { quarterEnd, quarterName, type Quarter } from '../model/quarter.js';
import type { IssueMeta } from '../model/bulletin.js';
import { fileError, makeIssue, type ValidationIssue } from '../model/issues.js';
import { duplicateKeys } from './json-keys.js';
import { textPlaceholders, withoutPlaceholders } from './placeholders.js';
import { countAdvice, dateAdvice, whenNull } from './value-advice.js';

/** 期号 and 总期号: a positive integer; left out, derived from the issue before. */
const issueNumber = (what: string) =>
  z
    .number({
      error: (iss) =>
        countAdvice(
          iss.input,
          `是空值（null）。应填写${what}，写成正整数，如 3；不写${what}时删去这一行（${what}由前一期推算）`,
          '要写成正整数（如 3）',
        ),
    })
    .int('要写成正整数（如 3）')
    .positive('要写成正整数（如 3）')
    .optional();

const schema = z
  .object({
    number: issueNumber('期号'),
    totalNumber: issueNumber('总期号'),
    publicationDate: z
      .string({
        error: whenNull(
          '是空值（null）。应填写出版日期，如 "2022-11-08"（带引号）；还没有出版日期时删去这一行（报头将没有日期）',
          '要写成带引号的日期，如 "2022-11-08"',
        ),
      })
      .refine(isIsoDate, { error: (iss) => dateAdvice(iss.input) })
      .optional(),
    notice: z
      .array(z.string({ error: '每一段要写成带引号的文字，如 "重要提示："' }), {
        error: whenNull(
          '是空值（null）。应填写一组文字，如 ["重要提示：", "……"]；不需要文末提示时删去这一行',
          '要写成一组文字，如 ["重要提示：", "……"]',
        ),
      })
      .optional(),
    noRecalls: z
      .boolean({ error: '要写成 true（不带引号），表示本季度本省确实没有召回；有召回时删去这一行' })
      .optional(),
  })
  .strict();

export const EMPTY_META: IssueMeta = {
  number: null,
  totalNumber: null,
  publicationDate: null,
  notice: [],
  noRecalls: false,
};

export function validateIssueMeta(raw: unknown, file: string): { meta: IssueMeta; issues: ValidationIssue[] } {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) =>
      makeIssue(
        'error',
        'meta.invalid',
        { file, header: i.path.join('.') || null },
        `“${i.path.join('.') || '(整个文件)'}”${i.message}。`,
        '可写的项目：number（期号，整数）、totalNumber（总期号）、publicationDate（出版日期 YYYY-MM-DD）、notice（文末提示，字符串数组）、noRecalls（本季度没有召回时写 true）。',
      ),
    );
    return { meta: EMPTY_META, issues };
  }
  const d = parsed.data;
  return {
    meta: {
      number: d.number ?? null,
      totalNumber: d.totalNumber ?? null,
      publicationDate: d.publicationDate ?? null,
      notice: d.notice ?? [],
      noRecalls: d.noRecalls ?? false,
    },
    issues: [],
  };
}

/** Keys written twice: JSON.parse keeps the last one without a word. */
function duplicateKeyFindings(text: string, file: string): ValidationIssue[] {
  return duplicateKeys(text).map((d) =>
    makeIssue(
      'error',
      'meta.key.duplicate',
      { file, row: lineOfIndex(text, d.index), header: d.path },
      `“${d.path}”写了不止一次，只有最后一个会被使用。`,
      `请只保留一个“${d.path}”，删去其余的（先确认哪一个是对的）。`,
    ),
  );
}

/**
 * The publication date: absent, the masthead prints none (a warning: the
 * bundled 2022Q1 and 2022Q2 have no date, and no date is better than an
 * invented one); before the quarter ends, the masthead dates the issue
 * before the figures it prints (an error); more than a year after it ends,
 * most likely a mistyped year (a warning: a late issue is not impossible).
 * A stand-in left by init is reported as such (content.placeholder), not here.
 */
function dateFindings(raw: unknown, meta: IssueMeta, file: string, quarter: Quarter | null): ValidationIssue[] {
  const stated = !!raw && typeof raw === 'object' && 'publicationDate' in raw;
  if (!stated && raw && typeof raw === 'object' && !Array.isArray(raw))
    return [
      makeIssue(
        'warning',
        'meta.date.missing',
        { file, header: 'publicationDate' },
        'issue.json 没有写出版日期（publicationDate），报头将没有日期。',
        '请加上一行 "publicationDate": "YYYY-MM-DD"，如 "publicationDate": "2022-11-08"。',
      ),
    ];
  const date = meta.publicationDate;
  if (!quarter || !date) return [];
  const end = quarterEnd(quarter);
  const at = { file, header: 'publicationDate', value: date };
  if (date < end)
    return [
      makeIssue(
        'error',
        'meta.date.early',
        at,
        `出版日期 ${chineseDate(date)}早于${quarterName(quarter)}结束的 ${chineseDate(end)}：报头的日期会早于公报统计的数字。`,
        `请把 publicationDate 改为实际出版的日期（不早于 ${end}）。`,
      ),
    ];
  // A year past the quarter's end (the quarters end on 03-31, 06-30, 09-30, 12-31: each exists a year on).
  const yearOn = `${quarter.year + 1}${end.slice(4)}`;
  if (date <= yearOn) return [];
  return [
    makeIssue(
      'warning',
      'meta.date.late',
      at,
      `出版日期 ${chineseDate(date)}比${quarterName(quarter)}结束的 ${chineseDate(end)}晚了一年多，报头会印出这个日期；常见原因是年份写错了。`,
      '请核对 publicationDate 的年份；如果出版日期确实如此，可以忽略本提示。',
    ),
  ];
}

/** 期号 restarts each year and 总期号 counts every issue since the first: 期号 above 总期号 is a typo or a swap. */
function numberFindings(meta: IssueMeta, file: string): ValidationIssue[] {
  const { number, totalNumber } = meta;
  if (number === null || totalNumber === null || number <= totalNumber) return [];
  return [
    makeIssue(
      'error',
      'meta.number.order',
      { file, header: 'number', value: String(number) },
      `期号（number）为 ${number}，大于总期号（totalNumber）${totalNumber}：报头会印成“第${number}期（总第${totalNumber}期）”，而总期号从第一期起累计，不会小于当年的期号。`,
      '请核对 number 和 totalNumber：常见原因是两个数填反了，或总期号没有随本期更新。',
    ),
  ];
}

/**
 * issue.json's text: not JSON, its stand-ins (by line; left out of the checks
 * that follow), keys written twice, then its fields: 期号 against 总期号 and,
 * for a known quarter, the publication date against the quarter's end.
 */
export function checkIssueMetaText(
  text: string,
  file: string,
  quarter: Quarter | null = null,
): { meta: IssueMeta; issues: ValidationIssue[] } {
  const json = parseJson(text);
  if (!json.ok)
    return {
      meta: EMPTY_META,
      issues: [
        fileError(
          file,
          'meta.json',
          `issue.json 不是有效的 JSON：${json.message}。`,
          '请检查逗号、引号和括号（最后一项后面不能有逗号）。',
        ),
      ],
    };
  const v = validateIssueMeta(withoutPlaceholders(json.value), file);
  const fields =
    v.issues.length > 0 ? [] : [...numberFindings(v.meta, file), ...dateFindings(json.value, v.meta, file, quarter)];
  return {
    meta: v.meta,
    issues: [...textPlaceholders(text, file), ...duplicateKeyFindings(text, file), ...v.issues, ...fields],
  };
}
