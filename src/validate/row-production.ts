/**
 * 生产日期 of a typical case, printed in 表2 as the cell has it. A number with a decimal
 * point is not the text Excel shows: 2022.10 (October, in a 0.00 format) is stored as
 * 2022.1, which reads as January, and the number alone cannot tell which was meant.
 */
import { cellOf, fail, textOf, type RowFindings } from './row-context.js';

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
  return textOf(f.row, f.ctx, 'productionPeriod');
}
