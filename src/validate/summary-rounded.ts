/**
 * The figures of a summary table are counts copied from the source's
 * statistics table. 2598.82万 is the figure of a sentence (…涉及数量
 * 2598.82万件), rounded to the hundred; 26万 is exact only by accident, and
 * 约3400 or 3万余 say they are not. Read as 25988200, such a figure would be
 * printed in the bulletin's tables as if counted, and every total and share
 * computed from it: so the cell is refused, never scaled by a guess. (A
 * recall record's 召回数量, and a record-level national export's, stay as
 * parseQuantity reads them: one recall's quantity is what its notice says.)
 */
import type { ValidationIssue } from '../model/issues.js';
import { fold, preview } from '../model/text.js';
import { cellText, type CellValue } from '../ingest/table.js';
import type { MakeIssue } from './issue-factory.js';
import { parseQuantity } from './parse-quantity.js';
import type { FieldKind } from './summary-types.js';

/** Tallies of a summary table (not a single recall's quantity, nor text): exact counts only. */
export function isTally(kind: FieldKind): boolean {
  return kind !== 'text' && kind !== 'recall-quantity';
}

/** The finding for a tally written in 万/亿 or as an approximation, or null (the cell is for the usual checks). */
export function roundedFinding(
  field: { label: string; kind: FieldKind },
  v: CellValue,
  place: Parameters<MakeIssue>[2],
  issue: MakeIssue,
): ValidationIssue | null {
  if (typeof v !== 'string' || !isTally(field.kind)) return null;
  const q = parseQuantity(v);
  const scaled = /[万亿]/u.test(fold(v));
  if (!q.ok || (!scaled && !q.approximate)) return null;
  const what = scaled ? `是以${/亿/u.test(v) ? '亿' : '万'}为单位、四舍五入过的约数` : '是约数';
  return issue(
    'error',
    'value.number.rounded',
    place,
    `${field.label}“${preview(cellText(v), 30)}”${what}（文字材料里的写法），公报的表格会把它当作准确的 ${q.value} 印出，并计入合计。`,
    '请按数据来源的统计表填写准确的整数（如 25988207），不要写“万”“亿”“约”“余”。',
  );
}
