/**
 * What a national record-level export must hold for the figures computed from it to be the ones
 * printed: every recall since records began (its 累计 is their sum, its 本年 the year's), and
 * each recall once. Pure.
 */
import type { NationalRecord } from '../model/bulletin.js';
import { chineseDate } from '../model/calendar.js';
import type { ValidationIssue } from '../model/issues.js';
import type { Quarter } from '../model/quarter.js';
import { fold } from '../model/text.js';
import type { MakeIssue } from './issue-factory.js';

/** An accepted row: the record, where it was, and who recalled what when the export says. */
export interface ExportRow {
  record: NationalRecord;
  row: number;
  maker: string;
  product: string;
}

/**
 * An export without a recall before the quarter's year makes 历年来 (累计) the sum of this
 * year's only: SAMR's cumulative tables count thousands of earlier recalls, so such an export
 * is a cut of the year (or less), not the history. An error: the figure would be wrong.
 */
export function partialExport(
  rows: readonly ExportRow[],
  quarter: Quarter | null,
  issue: MakeIssue,
): ValidationIssue[] {
  if (!quarter || rows.length === 0) return [];
  const first = rows.reduce((a, r) => (r.record.date < a.record.date ? r : a));
  if (first.record.date < `${quarter.year}-01-01`) return [];
  return [
    issue(
      'error',
      'national.recalls.partial',
      { row: first.row, col: null, header: '发布日期', value: first.record.date },
      `全国召回记录中最早的一次召回是 ${chineseDate(first.record.date)}，没有 ${quarter.year} 年以前的召回：公报的“历年来”（累计）数字会只是导出中这些召回之和，而不是历年来的全部。`,
      '请导出自有记录以来的全部召回（包括往年的），或改用全国分类汇总表和全国各省汇总表（national-categories、national-provinces）。',
    ),
  ];
}

/**
 * The same recall twice. With 生产者 and 产品名称 the rows are one recall: an error, the
 * second left out as the records file does. Without them two recalls can share date, province,
 * category and quantity: a warning, both counted.
 */
export function repeatedRows(
  rows: readonly ExportRow[],
  issue: MakeIssue,
): { issues: ValidationIssue[]; drop: Set<number> } {
  const seen = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  const drop = new Set<number>();
  for (const r of rows) {
    const named = r.maker !== '' && r.product !== '';
    const { date, provinceCode, categoryCode, quantity } = r.record;
    const key = [date, provinceCode, categoryCode, quantity, fold(r.maker), fold(r.product)].join('\u0000');
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, r.row);
      continue;
    }
    if (named) drop.add(r.row);
    issues.push(
      issue(
        named ? 'error' : 'warning',
        named ? 'value.national.duplicate' : 'value.national.repeated',
        { row: r.row, col: null, header: null, value: `${date} ${r.maker} ${r.product}`.trim() },
        named
          ? `与第 ${first} 行是同一次召回（同一发布日期、省份、类别、数量、生产者和产品），重复的这一行不计入。`
          : `与第 ${first} 行的发布日期、省份、类别和数量都相同；没有生产者和产品名称，无法判断是不是同一次召回，两行都计入。`,
        named
          ? '请删除重复的行。'
          : '如果是同一次召回，请删除其中一行；导出时带上“生产者”和“产品名称”两列，本工具就能自动判断。',
      ),
    );
  }
  return { issues, drop };
}
