/** Findings for the stand-ins `bulletin init` wrote and nobody replaced (see model/placeholder.ts). */
import { makeIssue, type ValidationIssue } from '../model/issues.js';
import { isPlaceholder, PLACEHOLDER_MARK, placeholderLines } from '../model/placeholder.js';
import { preview } from '../model/text.js';

export const PLACEHOLDER_HINT = `请把这段文字换成真正的内容（连同“${PLACEHOLDER_MARK}”一起删去）；不需要的可以整行删除。如只想先看排版效果，可用 bulletin build --draft 生成草稿。`;

/** One finding per line of a text file (article, issue.json) that still holds a stand-in. */
export function textPlaceholders(text: string, file: string): ValidationIssue[] {
  return placeholderLines(text).map((l) =>
    makeIssue(
      'error',
      'content.placeholder',
      { file, row: l.line, value: preview(l.text, 80) },
      `还没有填写，这一行仍是 bulletin init 写入的占位内容：${preview(l.text, 60)}`,
      PLACEHOLDER_HINT,
    ),
  );
}

/**
 * The object without the keys whose value is a stand-in, except `keep`: a
 * placeholder date is reported once as a placeholder, not again as a
 * malformed date. Kept keys (a title) print as they are in a draft.
 */
export function withoutPlaceholders(data: unknown, keep: readonly string[] = []): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  return Object.fromEntries(
    Object.entries(data).filter(([k, v]) => keep.includes(k) || typeof v !== 'string' || !isPlaceholder(v)),
  );
}
