/**
 * A record's 召回数量 and 单位: the figure the bulletin adds up as 件 and
 * prints in 表2, so a cell whose figure is not that many products (a bound,
 * a footnote digit, a unit that is not a count of products, a unit other
 * than the 单位 column's) is refused, not read as the digits it holds.
 */
import { isScaledUnit } from '../model/unit-scale.js';
import { countWords, isCountUnit, unitProblem } from './count-units.js';
import { parseQuantity, quantityProblem, type QuantityFailure, type QuantityResult } from './parse-quantity.js';
import { quantityMarked } from './quantity-marks.js';
import { cellOf, DEFAULT_MAX_QUANTITY, fail, required, shown, textOf, warn, type RowFindings } from './row-context.js';

const REFUSED: QuantityResult = { ok: false, reason: 'not-a-number' };

/** The quantity as parsed (the caller takes value, unit and wording from it), its findings recorded. */
export function parseQuantityField(f: RowFindings): QuantityResult {
  const { ctx, row } = f;
  if (row.marks && quantityMarked(f)) return REFUSED;
  const q = withFormatUnit(f, parseQuantity(cellOf(row, ctx, 'quantity')));
  if (!q.ok) {
    if (q.reason === 'empty') required(f, 'quantity');
    else quantityFailure(f, q);
    return q;
  }
  if (q.unit !== null && !isCountUnit(q.unit)) {
    // 3400起: from 3400 on (or 3400 recalls), a bound as 3400以上 is.
    if (q.unit === '起') quantityFailure(f, { reason: 'bound', mark: q.unit });
    else unitFailure(f, 'quantity', q.unit, q.value);
    return REFUSED;
  }
  if (q.approximate) {
    warn(
      f,
      'quantity',
      'value.quantity.approximate',
      `召回数量“${shown(row, ctx, 'quantity')}”是约数，按 ${q.value} 计入。`,
      '如有准确数量，请改为准确的整数。',
    );
  }
  const max = ctx.maxQuantity ?? DEFAULT_MAX_QUANTITY;
  if (q.value > max) {
    warn(
      f,
      'quantity',
      'value.quantity.implausible',
      `召回数量 ${q.value} 超过了 ${max} 件，一次召回很少有这么多，请确认没有多打数字。`,
      '如果数量确实如此，可以忽略本提示；上限可在配置文件中用 maxQuantity 调整。',
    );
  }
  return q;
}

/**
 * A number cell formatted 0"台" shows 257500台: the word is its unit, as if typed after the figure.
 * 表2 printed 257500件 beside an Excel that showed 台, and no 单位 column conflict was seen.
 */
function withFormatUnit(f: RowFindings, q: QuantityResult): QuantityResult {
  const col = f.ctx.map.columns.get('quantity')?.index;
  const label = f.row.marks?.find((m) => m.col === col)?.label;
  return q.ok && q.unit === null && label !== undefined ? { ...q, unit: label } : q;
}

function quantityFailure(f: RowFindings, q: { reason: QuantityFailure; mark?: string }): void {
  const code =
    q.reason === 'too-large'
      ? 'value.quantity.too-large'
      : q.reason === 'bound'
        ? 'value.quantity.bound'
        : 'value.quantity.invalid';
  const hint =
    q.reason === 'special-digit'
      ? '请去掉脚注标记，只填写件数（普通数字 0–9，全角数字也可以）。'
      : q.reason === 'bound'
        ? '请填写召回产品的准确件数；不清楚的，请向企业核实后填写。'
        : q.reason === 'text-mark'
          ? '请删去数字前面的撇号，只留数字，如 5275。'
          : '请填写不小于 0 的整数，如 257500；可以写“25.75万”或“257,500”（逗号每三位一个）。';
  fail(f, 'quantity', code, `召回数量“${shown(f.row, f.ctx, 'quantity')}”${quantityProblem(q)}。`, hint);
}

/** A unit that does not count products, after the number (`key` quantity) or in the 单位 column. */
function unitFailure(f: RowFindings, key: 'quantity' | 'unit', unit: string, n: number | null): void {
  const { why, hint } = unitProblem(unit, n);
  const where = key === 'quantity' ? `召回数量“${shown(f.row, f.ctx, 'quantity')}”的单位` : '单位';
  fail(f, key, 'value.quantity.unit', `${where}“${unit}”${why}。`, hint);
}

/**
 * The 单位 column: a unit with a multiplier (万只, 千件) would count 26 while 表2 printed 26万只;
 * one that does not count products (箱, 吨, 打) would count boxes or tons as 件; one other than
 * the unit written after the number (500只, 单位 台) would print 500台 for a cell that says 500只.
 * Refused rather than multiplied or chosen: which figure was meant is a guess.
 */
export function checkUnit(f: RowFindings, q: QuantityResult): void {
  const unit = textOf(f.row, f.ctx, 'unit');
  if (unit === '') return;
  const quantity = textOf(f.row, f.ctx, 'quantity');
  if (isScaledUnit(unit)) {
    fail(
      f,
      'unit',
      'value.unit.scaled',
      `单位“${shown(f.row, f.ctx, 'unit')}”带有倍数：召回数量会按 ${quantity || '填写的数字'} 计入总数，表2 却印成“${quantity}${unit}”，两处不一致。`,
      '单位请只写件、只、台、本等；数量请写实际件数（如 260000），或在召回数量里写“26万”。',
    );
  } else if (!isCountUnit(unit)) {
    unitFailure(f, 'unit', unit, q.ok ? q.value : null);
  } else if (q.ok && q.unit !== null && isCountUnit(q.unit) && !sameUnit(q.unit, unit)) {
    fail(
      f,
      'unit',
      'value.unit.conflict',
      `召回数量“${shown(f.row, f.ctx, 'quantity')}”写的单位是“${q.unit}”，单位一列却是“${shown(f.row, f.ctx, 'unit')}”，两处不一致：表2 会印成“${q.value}${unit}”。`,
      '请核对是哪一个单位，改成一致；也可以在召回数量里只写数字，单位只写在单位一列。',
    );
  }
}

/** The cell's unit is one the 单位 column names: 套 under 件（套）. */
function sameUnit(cell: string, column: string): boolean {
  const allowed = new Set(countWords(column));
  return countWords(cell).every((w) => allowed.has(w));
}
