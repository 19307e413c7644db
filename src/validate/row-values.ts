/**
 * The row's cells as cells (formula errors, overlong text) and the fields
 * read as values rather than looked up: the announce date and the
 * typical-case flag (the quantity and its unit: quantity-field.ts).
 */
import { quarterContains, quarterName } from '../model/quarter.js';
import { cellText, isErrorCell, isUnsavedFormula, type CellValue } from '../ingest/table.js';
import { parseDate } from './parse-date.js';
import { parseFlag } from './parse-flag.js';
import { cellOf, fail, memo, required, shown, type RowFindings } from './row-context.js';

/** Excel's own limit for one cell; longer text means a broken export. */
const MAX_CELL_CHARS = 32_767;

/** Cells with no usable value at all (formula errors, unsaved formulas, a runaway CSV quote). */
export function checkCells(f: RowFindings): void {
  if (plainCells(f.row.cells)) return;
  for (const [key, col] of f.ctx.map.columns) {
    const v = f.row.cells[col.index] ?? null;
    if (isErrorCell(v)) {
      fail(
        f,
        key,
        'value.cell.formula-error',
        `单元格是公式错误 ${v.error}，没有可用的值。`,
        '请修正该单元格的公式，或改为直接填写数值。',
      );
    } else if (isUnsavedFormula(v)) {
      fail(
        f,
        key,
        'value.cell.formula-no-result',
        '单元格是公式，但文件中没有保存公式的计算结果，无法读出数值。',
        '请用 Excel 或 WPS 打开该文件，保存一次（保存时会写入公式的结果），再重新检查。',
      );
    } else if (typeof v === 'string' && v.length > MAX_CELL_CHARS && cellText(v).length > MAX_CELL_CHARS) {
      fail(
        f,
        key,
        'value.cell.too-long',
        `单元格有 ${cellText(v).length} 个字符，超过 Excel 单元格 ${MAX_CELL_CHARS} 个字符的上限。`,
        '请删去多余的内容（单元格最多 32767 个字符）。CSV 文件出现这种情况，通常是某个引号没有成对，把后面许多行都并进了这个单元格，请在 Excel 中打开检查。',
      );
    }
  }
}

/**
 * Every cell empty or text within Excel's limit (a CSV row, nearly always): nothing above can
 * be found, and the row is done without walking the header's columns.
 */
function plainCells(cells: readonly CellValue[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v !== null && v !== undefined && (typeof v !== 'string' || v.length > MAX_CELL_CHARS)) return false;
  }
  return true;
}

/** The announce date as an ISO date, or '' after recording why not. */
export function parseAnnounceDate(f: RowFindings): string {
  const { ctx, row } = f;
  const dateCell = cellOf(row, ctx, 'announceDate');
  // Dates repeat (a quarter has 92 days): parsed once per text.
  const date =
    typeof dateCell === 'string' ? memo(ctx, 'date', dateCell, () => parseDate(dateCell)) : parseDate(dateCell);
  if (date.ok) {
    if (ctx.quarter && !quarterContains(ctx.quarter, date.value)) {
      fail(
        f,
        'announceDate',
        'value.date.outside-quarter',
        `发布日期 ${date.value} 不在${quarterName(ctx.quarter)}内，不能计入本期。`,
        `请核对日期；属于其他季度的记录请放到对应季度的文件夹中。`,
      );
    }
    return date.value;
  }
  if (date.reason === 'empty') required(f, 'announceDate');
  else if (date.reason === 'impossible') {
    fail(
      f,
      'announceDate',
      'value.date.unreadable',
      `日期“${shown(row, ctx, 'announceDate')}”不存在（没有这一天）。`,
      '请核对月份和日期。',
    );
  } else if (date.reason === 'weekday') {
    fail(
      f,
      'announceDate',
      'value.date.unreadable',
      `日期“${shown(row, ctx, 'announceDate')}”中的星期与日期不符，无法确定是哪一天。`,
      '请核对日期和星期，只写日期即可，如 2022-09-30。',
    );
  } else {
    fail(
      f,
      'announceDate',
      'value.date.unreadable',
      `无法识别的日期“${shown(row, ctx, 'announceDate')}”。`,
      '请写成 2022-08-15、2022/8/15 或 2022年8月15日，或设为 Excel 日期格式。',
    );
  }
  return '';
}

/** Whether the row is a typical case; a typical case needs a description (it fills table 2). */
export function parseTypical(f: RowFindings, description: string): boolean {
  const flag = parseFlag(cellOf(f.row, f.ctx, 'typical'));
  const typical = flag.ok && flag.value;
  if (!flag.ok)
    fail(
      f,
      'typical',
      'value.flag.invalid',
      `“${shown(f.row, f.ctx, 'typical')}”无法识别为是或否。`,
      '典型案例一栏请填“是”或“否”（留空表示否）。',
    );
  if (typical && !description) {
    fail(
      f,
      'description',
      'value.typical.no-description',
      '这条记录标为典型案例，但缺陷描述是空的，表2 无法填写。',
      '请补上缺陷描述，或取消典型案例标记。',
    );
  }
  return typical;
}
