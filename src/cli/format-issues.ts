import { issueLocation, type ValidationIssue } from '../model/issues.js';
import { paint, type CliIo } from './io.js';

/** Readable lines for people: where, what is wrong, what to do. */
export function formatIssues(issues: readonly ValidationIssue[], io: CliIo, max = Infinity): string {
  const c = paint(io);
  const shown = issues.slice(0, max);
  const lines = shown.map((i) => {
    const label = i.severity === 'error' ? c(31, '错误') : c(33, '警告');
    return `${label} ${issueLocation(i)}：${i.message}\n     ${c(2, `→ ${i.hint}`)}  ${c(2, `[${i.code}]`)}`;
  });
  if (issues.length > shown.length)
    lines.push(`…… 另有 ${issues.length - shown.length} 条未显示（--max-errors 可调整）。`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function issueCounts(issues: readonly ValidationIssue[]): { errors: number; warnings: number } {
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { errors, warnings: issues.length - errors };
}
