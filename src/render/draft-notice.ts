/**
 * A draft's marks: a 草稿 stamp on every page (a fixed element, which
 * Chromium repeats on every printed page and keeps in view on screen) and a
 * closing page listing the findings that would have stopped a final build.
 * They are added to the rendered page by code rather than by bulletin.hbs,
 * so a replaced template (--templates) cannot leave them out; only their
 * look (partials/draft.hbs) can be replaced. Pure.
 */
import { issueLocation, type ValidationIssue } from '../model/issues.js';

export interface DraftView {
  stamp: string;
  title: string;
  summary: string;
  findings: Array<{ where: string; message: string; hint: string; code: string }>;
  /** Findings past the listed ones. */
  more: string | null;
}

/** Enough to act on; a file with thousands of faults is listed in full by `bulletin validate`. */
const MAX_LISTED = 200;

export function buildDraftView(errors: readonly ValidationIssue[]): DraftView {
  const listed = errors.slice(0, MAX_LISTED);
  return {
    stamp: '草稿',
    title: '草稿说明：正式出版前需要解决的问题',
    summary: errors.length
      ? `这是草稿，不能作为正式公报发布。以下 ${errors.length} 个问题会使正式生成（不带 --draft 的 bulletin build）停止；有问题的行和单元格没有计入本草稿的数字。`
      : '这是草稿，不能作为正式公报发布。数据没有会使正式生成停止的问题：去掉 --draft 重新生成即为正式版。',
    findings: listed.map((i) => ({ where: issueLocation(i), message: i.message, hint: i.hint, code: i.code })),
    more:
      errors.length > listed.length
        ? `另有 ${errors.length - listed.length} 个问题没有列出，请运行 bulletin validate 查看全部。`
        : null,
  };
}

/** The rendered marks, placed last in the body (or at the end of a page without one). */
export function withDraftMarks(html: string, marks: string): string {
  const at = html.lastIndexOf('</body>');
  return at < 0 ? `${html}${marks}` : `${html.slice(0, at)}${marks}\n${html.slice(at)}`;
}
