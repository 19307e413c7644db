/**
 * 生产日期 of a typical case, printed in 表2 as the cell has it. A number with a decimal
 * point is not the text Excel shows: 2022.10 (October, in a 0.00 format) is stored as
 * 2022.1, which reads as January, and the number alone cannot tell which was meant.
 */
import { chineseDate, fromExcelSerial } from '../model/calendar.js';

import { cellOf, fail, textOf, warn, type RowFindings } from './row-context.js';

/** 1927-05-18: no year written as a number (2022) comes near it, every production date of a recall is past it. */
const SERIAL_MIN = 10000;

export function productionPeriod(f: RowFindings, typical: boolean): string {
  const v = cellOf(f.row, f.ctx, 'productionPeriod');
  if (typical && typeof v === 'number' && !Number.isInteger(v))
    fail(
      f,
      'productionPeriod',
      'value.production.number',
      `生产日期是数字 ${v}，而不是文字：Excel 里显示的“${v}”可能是 ${v}，也可能是补了 0 的另一个月份（2022.10 存成 2022.1），公报无法确定是几月。`,
      '请把这一列设为“文本”格式后重新填写，如 2022.10 或 2022年10月。',
    );
  // A date cell read as 2022-03-15 would print unlike every other date of the bulletin; what
  // Excel showed (2022.03, 2022/3/15: its number format) is not known here, so the editor is told.
  // Excel's Chinese date formats (2021年9月: built-in formats 27-36 and 50-58) are no dates to
  // exceljs: the cell arrives as its serial number, 44440, and printed as such.
  const serial = typeof v === 'number' && Number.isInteger(v) && v >= SERIAL_MIN ? fromExcelSerial(v) : null;
  if (v instanceof Date || serial) {
    const printed = chineseDate(serial ?? (v as Date).toISOString().slice(0, 10));
    if (typical)
      warn(
        f,
        'productionPeriod',
        'value.production.date',
        `生产日期是日期格式的单元格，公报的表2会印成“${printed}”。`,
        '如要印成 2022.03 这样的月份或一段时间，请把这一列设为“文本”格式后重新填写。',
      );
    return printed;
  }
  return textOf(f.row, f.ctx, 'productionPeriod');
}
