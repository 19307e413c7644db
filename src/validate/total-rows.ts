import type { ValidationIssue } from '../model/issues.js';
import { fold, preview } from '../model/text.js';
import { cellText, type CellValue, type RawRow } from '../ingest/table.js';
import type { MakeIssue } from './issue-factory.js';
import type { ColumnRef } from './header-map.js';
import { parseQuantity } from './parse-quantity.js';

export type TotalKind = '合计' | '小计' | '总计';

const KINDS: Record<string, TotalKind> = { 合计: '合计', 小计: '小计', 总计: '总计', 共计: '总计', 总合计: '总计' };

/** The words, as fold() makes a cell's text (less a closing colon). */
export const TOTAL_WORDS = Object.keys(KINDS);

/** Sum of accepted quantities since the segment began. */
export interface Segment {
  sum: number;
  firstRow: number | null;
}

/**
 * Every total-row word has one of 合计小总共; other cells are not worth folding. Looked for
 * with a loop rather than /[合计小总共]/: this runs for every cell of every row, and the
 * call of a regular expression cost more than the look (about 0.2 s of a million rows).
 */
function maybeTotal(c: string): boolean {
  for (let i = 0; i < c.length; i++) {
    const k = c.charCodeAt(i);
    if (k === 0x5408 || k === 0x8ba1 || k === 0x5c0f || k === 0x603b || k === 0x5171) return true;
  }
  return false;
}

/** The total a cell's text names (合计, 合 计, 小计：), if it is one of the words and nothing else. */
const wordKind = (text: string): TotalKind | undefined => KINDS[fold(text).replace(/[:：]$/, '')];

export function totalRowKind(cells: readonly CellValue[]): TotalKind | null {
  for (const c of cells) {
    if (typeof c !== 'string' || !maybeTotal(c)) continue;
    const k = wordKind(c);
    if (k) return k;
  }
  return null;
}

/** Total words inside a summary table's label, and the English ones, as fold() makes them. */
const LABELLED = /合计|总计|共计|小计|汇总|累计/;
const ENGLISH_TOTALS = new Set(['total', 'sum', 'grandtotal', 'subtotal']);

/**
 * A summary table's row labelled as a total in other words than the plain ones: 全省合计,
 * 四国合计, 合计（四国）, 合计（条）, 汇总, 累计, Total. Read as a data row, 全省合计 was a 16th
 * bureau of the clue table and every clue figure doubled; 四国合计 a fifth country. Only for
 * summary tables, whose labels (bureaus, countries, categories, provinces) never hold these
 * words; a recall's product or description may (合计器), so the records table keeps the plain words.
 */
export function labelledTotal(cells: readonly CellValue[]): boolean {
  for (const c of cells) {
    if (typeof c !== 'string' || c.length > 20) continue;
    const f = fold(c);
    if (LABELLED.test(f) || ENGLISH_TOTALS.has(f.replace(/[:：]$/, ''))) return true;
  }
  return false;
}

/** A 合计/小计/总计 row must equal the rows it closes; it is never a recall. */
export function checkTotalRow(
  row: RawRow,
  kind: TotalKind,
  seg: Segment,
  qtyCol: ColumnRef | undefined,
  issue: MakeIssue,
): ValidationIssue[] {
  if (!qtyCol) return [];
  const v = row.cells[qtyCol.index] ?? null;
  const at = { row: row.row, col: qtyCol.index + 1, header: qtyCol.header, value: preview(cellText(v), 80) };
  if (cellText(v) === '') return [];
  const q = parseQuantity(v);
  if (!q.ok) {
    return [
      issue(
        'warning',
        'total.unreadable',
        at,
        `${kind}行的召回数量“${preview(cellText(v), 60)}”无法识别，未能核对。`,
        '请填写整数，或删除该合计行（合计由本工具计算）。',
      ),
    ];
  }
  // A sum past 2^53 − 1 is not exact: no difference can be told (stats.quantity.overflow says why).
  if (q.value === seg.sum || !Number.isSafeInteger(seg.sum)) return [];
  const diff = q.value - seg.sum;
  const span = seg.firstRow ? `第 ${seg.firstRow}–${row.row - 1} 行` : '上方各行';
  return [
    issue(
      'warning',
      'total.mismatch',
      at,
      `${kind}行写的召回数量是 ${q.value}，但${span}中有效记录之和是 ${seg.sum}，相差 ${diff > 0 ? '+' : ''}${diff}。公报将使用各行相加的 ${seg.sum}。`,
      '请核对是否漏填或多填了记录，或合计数是否写错；合计由本工具计算，也可以删除该合计行。',
    ),
  ];
}

/**
 * A row with a total word that also names a manufacturer and a product is a recall someone marked
 * 合计 (in 序号, say), or a product called 小计 or 合计: dropped as a total row, its quantity would be
 * missing from every figure with only a total.mismatch warning. An error: which it is only the
 * editor knows.
 */
export function recordInTotalRow(
  row: RawRow,
  kind: TotalKind,
  cols: ReadonlyMap<string, ColumnRef>,
  issue: MakeIssue,
): ValidationIssue[] {
  const at0 = cols.get('manufacturer');
  const text = (c: ColumnRef | undefined) => (c ? cellText(row.cells[c.index] ?? null) : '');
  const maker = text(at0);
  const product = text(cols.get('product'));
  const isWord = (t: string) => wordKind(t) !== undefined;
  if (maker === '' || isWord(maker) || product === '' || !at0) return [];
  // A manufacturer's 小计 row names it with the word for the product; a recall of a product
  // called 合计 has the rest of a record too (its date, category, region, defect type).
  const rest = RECORD_SIGNS.filter((k) => text(cols.get(k)) !== '').length;
  if (isWord(product) && rest < 2) return [];
  const at = { row: row.row, col: at0.index + 1, header: at0.header, value: preview(maker, 80) };
  return [
    issue(
      'error',
      'structure.total.record',
      at,
      `这一行有“${kind}”字样，但也填了生产者“${preview(maker, 30)}”和产品“${preview(product, 30)}”，像是一条召回记录；作为${kind}行，它不会计入任何数字。`,
      `如果这是一条召回，请删去这一行里的“${kind}”；如果是${kind}行，请删去生产者和产品名称。`,
    ),
  ];
}

/** Fields a manufacturer's 小计 row leaves empty and a recall fills in. */
const RECORD_SIGNS = ['announceDate', 'category', 'region', 'defectType'];

/** A total row's findings: its figure against the rows it closes, and a recall marked as a total. */
export function totalRowFindings(
  row: RawRow,
  kind: TotalKind,
  seg: Segment,
  cols: ReadonlyMap<string, ColumnRef>,
  issue: MakeIssue,
): ValidationIssue[] {
  return [...checkTotalRow(row, kind, seg, cols.get('quantity'), issue), ...recordInTotalRow(row, kind, cols, issue)];
}
