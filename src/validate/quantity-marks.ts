/**
 * A workbook's 召回数量 cell whose value alone would give a wrong figure
 * (the readers mark it: ingest/cell-marks.ts). Merged over several rows, the
 * one number is repeated on each (H5:H6 with 500 for two recalls would add
 * 1000); merged into a cell on its left (G5:H5), it is a copy of that cell's
 * content; in a number format that scales or labels it (0"万件"), Excel shows
 * another figure than the one counted. All are refused: which figure was
 * meant is a guess.
 */
import { columnLetter } from '../model/issues.js';
import { shownAs } from '../ingest/cell-marks.js';
import { cellOf, fail, shown, type RowFindings } from './row-context.js';

/** True, after recording why, when the row's 召回数量 cell is merged over rows or scaled by its format. */
export function quantityMarked(f: RowFindings): boolean {
  const col = f.ctx.map.columns.get('quantity')?.index;
  const mark = f.row.marks?.find((m) => m.col === col);
  // A format's word (0"台") changes no figure: it is the quantity's unit (quantity-field.ts).
  if (!mark || (!mark.merged && mark.format === undefined)) return false;
  const value = shown(f.row, f.ctx, 'quantity');
  if (mark.merged) {
    const { top, left, bottom, right } = mark.merged;
    const range = `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
    const [message, hint] =
      bottom > top
        ? [
            `召回数量所在的 ${range} 是合并单元格，跨第 ${top}–${bottom} 行，这些行共用一个数“${value}”，无法确定它属于哪一条召回（每行都按它计入会多算）。`,
            '请取消合并，在每一行填写这条召回自己的召回数量。',
          ]
        : [
            `召回数量所在的 ${range} 是跨列合并的单元格，召回数量这一格没有自己的数：读出的“${value}”是合并区域第一格 ${columnLetter(left)}${top} 的内容，不是这条召回的召回数量。`,
            '请取消合并，在召回数量一列填写这条召回自己的数量。',
          ];
    fail(f, 'quantity', 'value.quantity.merged', message, hint);
  }
  if (mark.format !== undefined) {
    const v = cellOf(f.row, f.ctx, 'quantity');
    const excel = typeof v === 'number' ? shownAs(v, mark.format) : null;
    fail(
      f,
      'quantity',
      'value.quantity.scaled-format',
      `召回数量单元格的值是 ${value}，但它的数字格式“${mark.format}”让 Excel 显示${excel === null ? '成另一个数' : `为“${excel}”`}；公报会按 ${value} 计入，与 Excel 中看到的不一致。`,
      '请把单元格的数字格式改为“常规”或“数值”，并填写实际件数（如 260000）；也可以直接输入文字“26万”。',
    );
  }
  return true;
}
