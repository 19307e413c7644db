/** issue.json: 期号, 总期号, publication date and the closing notice. */
import { parseJson, z } from '../model/schema.js';
import { isIsoDate } from '../model/calendar.js';
import type { IssueMeta } from '../model/bulletin.js';
import { fileError, makeIssue, type ValidationIssue } from '../model/issues.js';
import { textPlaceholders, withoutPlaceholders } from './placeholders.js';

const schema = z
  .object({
    number: z
      .number({ error: '要写成正整数（如 3），不要加引号' })
      .int('要写成正整数（如 3）')
      .positive('要写成正整数（如 3）')
      .optional(),
    totalNumber: z
      .number({ error: '要写成正整数（如 3），不要加引号' })
      .int('要写成正整数（如 3）')
      .positive('要写成正整数（如 3）')
      .optional(),
    publicationDate: z.string().refine(isIsoDate, '日期要写成 YYYY-MM-DD，如 2022-11-08').optional(),
    notice: z.array(z.string(), { error: '要写成一组文字，如 ["重要提示：", "……"]' }).optional(),
  })
  .strict();

export const EMPTY_META: IssueMeta = { number: null, totalNumber: null, publicationDate: null, notice: [] };

export function validateIssueMeta(raw: unknown, file: string): { meta: IssueMeta; issues: ValidationIssue[] } {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) =>
      makeIssue(
        'error',
        'meta.invalid',
        { file, header: i.path.join('.') || null },
        `“${i.path.join('.') || '(整个文件)'}”${i.message}。`,
        '可写的项目：number（期号，整数）、totalNumber（总期号）、publicationDate（出版日期 YYYY-MM-DD）、notice（文末提示，字符串数组）。',
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
    },
    issues: [],
  };
}

/** issue.json's text: not JSON, its stand-ins (by line; left out of the checks that follow), then its fields. */
export function checkIssueMetaText(text: string, file: string): { meta: IssueMeta; issues: ValidationIssue[] } {
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
  return { meta: v.meta, issues: [...textPlaceholders(text, file), ...v.issues] };
}
