/** issue.json: 期号, 总期号, publication date and the closing notice. */
import { z } from 'zod';
import { isIsoDate } from '../model/calendar.js';
import type { IssueMeta } from '../model/bulletin.js';
import type { ValidationIssue } from '../model/issues.js';

const schema = z
  .object({
    number: z.number().int().positive().optional(),
    totalNumber: z.number().int().positive().optional(),
    publicationDate: z.string().refine(isIsoDate, '日期要写成 YYYY-MM-DD，如 2022-11-08').optional(),
    notice: z.array(z.string()).optional(),
  })
  .strict();

export const EMPTY_META: IssueMeta = { number: null, totalNumber: null, publicationDate: null, notice: [] };

export function validateIssueMeta(raw: unknown, file: string): { meta: IssueMeta; issues: ValidationIssue[] } {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (i): ValidationIssue => ({
        severity: 'error', code: 'meta.invalid', file, sheet: null, row: null, column: null, header: i.path.join('.') || null, value: null,
        message: `期刊信息“${i.path.join('.') || '(整个文件)'}”有误：${i.message}。`,
        hint: '可写的项目：number（期号，整数）、totalNumber（总期号）、publicationDate（出版日期 YYYY-MM-DD）、notice（文末提示，字符串数组）。',
      }),
    );
    return { meta: EMPTY_META, issues };
  }
  const d = parsed.data;
  return { meta: { number: d.number ?? null, totalNumber: d.totalNumber ?? null, publicationDate: d.publicationDate ?? null, notice: d.notice ?? [] }, issues: [] };
}
