/**
 * Cells of a summary table (national, foreign, clue tables) that hold no
 * usable figure: a formula with no value (an error, or a result never
 * saved), and a figure cell whose value alone would give a wrong figure, as
 * the readers mark it (ingest/cell-marks.ts): merged over several rows, its one number is
 * repeated on each row and summed once per row; merged into a cell on its left, it holds a
 * copy of that cell's figure (E2:F2 prints 本年次数 as 本年数量); in a number format that
 * scales or labels it (0"万件"), Excel shows another figure than the one
 * counted. Refused as the records' 召回数量 is (quantity-marks.ts): which
 * figure was meant is a guess.
 */
import { columnLetter, type ValidationIssue } from '../model/issues.js';
import { preview } from '../model/text.js';
import { shownAs } from '../ingest/cell-marks.js';
import {
  cellText,
  isErrorCell,
  isUnsavedFormula,
  type CellMark,
  type CellValue,
  type RawRow,
} from '../ingest/table.js';
import type { MakeIssue } from './issue-factory.js';
import type { SummaryField } from './summary-types.js';
import { cellOutsideHeader } from './records-findings.js';

type Place = Parameters<MakeIssue>[2];

/** The finding for a marked figure cell, or null when the cell has no mark. */
export function summaryMarkFinding(
  label: string,
  v: CellValue,
  mark: CellMark | undefined,
  place: Place,
  issue: MakeIssue,
): ValidationIssue | null {
  if (!mark) return null;
  const value = cellText(v);
  if (mark.merged) return mergedFinding(label, value, mark.merged, place, issue);
  if (mark.format === undefined) return null;
  const excel = typeof v === 'number' ? shownAs(v, mark.format) : null;
  return issue(
    'error',
    'value.number.scaled-format',
    place,
    `${label}单元格的值是 ${value}，但它的数字格式“${mark.format}”让 Excel 显示${excel === null ? '成另一个数' : `为“${excel}”`}；公报会按 ${value} 计入，与 Excel 中看到的不一致。`,
    '请把单元格的数字格式改为“常规”或“数值”，并填写实际的数（如 260000）。',
  );
}

/** A figure merged over rows (one number shared by them), or into a cell on its left (a copy of that one). */
function mergedFinding(
  label: string,
  value: string,
  { top, left, bottom, right }: NonNullable<CellMark['merged']>,
  place: Place,
  issue: MakeIssue,
): ValidationIssue {
  const range = `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
  if (bottom > top)
    return issue(
      'error',
      'value.number.merged',
      place,
      `${label}所在的 ${range} 是合并单元格，跨第 ${top}–${bottom} 行，这些行共用一个数“${value}”，无法确定它属于哪一行（每行都按它计入会多算）。`,
      `请取消合并，在每一行填写它自己的${label}。`,
    );
  return issue(
    'error',
    'value.number.merged',
    place,
    `${label}所在的 ${range} 是跨列合并的单元格，这一格没有自己的数：读出的“${value}”是合并区域第一格 ${columnLetter(left)}${top} 的内容，不是${label}。`,
    `请取消合并，在这一格填写它自己的${label}（没有的填 0）。`,
  );
}

/** A formula cell with no value to read (an error, or a result never saved). */
export function formulaFinding(v: CellValue, place: Place, issue: MakeIssue): ValidationIssue | null {
  if (isErrorCell(v)) {
    return issue(
      'error',
      'value.cell.formula-error',
      place,
      `单元格是公式错误 ${v.error}，没有可用的值。`,
      '请修正该单元格的公式，或改为直接填写数值。',
    );
  }
  if (isUnsavedFormula(v)) {
    return issue(
      'error',
      'value.cell.formula-no-result',
      place,
      '单元格是公式，但文件中没有保存公式的计算结果，无法读出数值。',
      '请用 Excel 或 WPS 打开该文件，保存一次（保存时会写入公式的结果），再重新检查。',
    );
  }
  return null;
}

/**
 * Cells right of the header's last column: as in the recall records, a figure there belongs to no
 * column (two rows run together by a stray line break put the second row's cells there), so it is
 * an error, not silently dropped.
 */
export function cellsOutside(r: RawRow, width: number, issue: MakeIssue): ValidationIssue[] {
  return r.cells.slice(width).flatMap((c, k) => {
    const t = cellText(c);
    return t === '' ? [] : [cellOutsideHeader(issue, r, { i: width + k, t })];
  });
}

/** A required field left empty, or (a problem given) a value that is not a usable number. */
export function valueFinding(
  f: SummaryField<string>,
  v: CellValue,
  problem: { why: string; hint?: string } | null,
  place: Place,
  issue: MakeIssue,
): ValidationIssue {
  if (problem === null || cellText(v) === '')
    return issue(
      'error',
      'value.required.missing',
      place,
      `“${f.label}”是必填项，这一行是空的。`,
      f.kind === 'text' ? `请填写${f.label}。` : `请填写${f.label}：没有的填 0（空白不按 0 计算）。`,
    );
  return issue(
    'error',
    'value.number.invalid',
    place,
    `${f.label}“${preview(cellText(v), 60)}”${problem.why}。`,
    problem.hint ??
      (f.kind === 'quantity-or-undisclosed'
        ? '请填写不小于 0 的整数；数量没有公开时填“未公开”。'
        : '请填写不小于 0 的整数。'),
  );
}

/**
 * A note under a table (注：以上数据来源于…, 数据来源：…, 备注…): text alone in the first cell,
 * starting with a word notes start with. Skipped with a warning, as in the recall records; any
 * other row with text only is a row without figures (an error: empty is never 0).
 */
export function isNoteLine(cells: readonly CellValue[]): boolean {
  const filled = cells.flatMap((c, i) => (cellText(c) === '' ? [] : [i]));
  return (
    filled.length === 1 &&
    filled[0] === 0 &&
    /^(注|备注|说明|数据来源|资料来源|来源)[:：\s]/u.test(cellText(cells[0] ?? null))
  );
}

export function summaryNote(issue: MakeIssue, r: RawRow): ValidationIssue {
  return issue(
    'warning',
    'row.note',
    { row: r.row, col: 1, value: cellText(r.cells[0] ?? null) },
    '这一行是表下的注释，当作备注跳过，没有计入。',
    '如果这一行应有数字，请把各列填完整。',
  );
}
