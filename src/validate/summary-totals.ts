/**
 * Stated totals of a summary table (its 合计/总计 row) against the sum of its
 * rows. The bulletin prints the sums it computed itself, so a disagreement
 * is a warning with both figures; a sum too large to be computed exactly is
 * an error.
 */
import type { ValidationIssue } from '../model/issues.js';
import type { CellValue } from '../ingest/table.js';
import type { HeaderMap } from './header-map.js';
import { parseQuantity } from './parse-quantity.js';
import type { SummaryResult, SummarySchema } from './summary-types.js';

export function statedTotals<K extends string>(
  schema: SummarySchema<K>,
  map: HeaderMap<K>,
  cells: readonly CellValue[],
): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const f of schema.fields) {
    const col = map.columns.get(f.key);
    if (f.kind === 'text' || !col) continue;
    const q = parseQuantity(cells[col.index] ?? null);
    if (q.ok) out[f.key] = q.value;
  }
  return out;
}

/** Each stated total against the sum of the rows, as a warning naming both figures. */
export function totalMismatches<K extends string>(schema: SummarySchema<K>, r: SummaryResult<K>): ValidationIssue[] {
  if (!r.statedTotal) return [];
  const out: ValidationIssue[] = [];
  for (const f of schema.fields) {
    const stated = r.statedTotal.values[f.key];
    if (stated === undefined) continue;
    const sum = r.rows.reduce(
      (a, row) => a + (typeof row.values[f.key] === 'number' ? (row.values[f.key] as number) : 0),
      0,
    );
    // A sum past 2^53 − 1 is not exact: totalOverflows refuses it, no difference can be told.
    if (sum === stated || !Number.isSafeInteger(sum)) continue;
    const diff = stated - sum;
    out.push(
      r.issue(
        'warning',
        'total.mismatch',
        r.statedTotal.at(f.key),
        `${schema.title}的合计行写“${f.label}”为 ${stated}，但各行相加为 ${sum}，相差 ${diff > 0 ? '+' : ''}${diff}。公报将使用各行相加的 ${sum}。`,
        '请与数据来源核对哪一个数字正确，并改正合计行或有误的行。',
      ),
    );
  }
  return out;
}

/**
 * Each figure column whose usable rows add up past 2^53 − 1, every value below it: the bulletin's
 * 合计 would print rounded (9007199254740991 + 2000 as …2992), and so would every total, share and
 * difference made of it. Not a value's fault but the table's, so not a draft's to pass (stats.*).
 * The exact sum is told (BigInt), with the largest figure, where a typo most likely is.
 */
export function totalOverflows<K extends string>(schema: SummarySchema<K>, r: SummaryResult<K>): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const f of schema.fields) {
    if (f.kind === 'text') continue;
    let sum = 0n;
    let top: { row: number; value: number } | null = null;
    for (const row of r.rows) {
      const v = row.values[f.key];
      if (typeof v !== 'number') continue;
      sum += BigInt(v);
      if (!top || v > top.value) top = { row: row.row, value: v };
    }
    if (!top || sum <= BigInt(Number.MAX_SAFE_INTEGER)) continue;
    const { col, header } = r.rows[0]!.at(f.key);
    out.push(
      r.issue(
        'error',
        'stats.total.overflow',
        { col, header },
        `${schema.title}“${f.label}”一列各行相加为 ${sum}，超出了能精确计算的范围（最大 ${Number.MAX_SAFE_INTEGER}），公报印出的合计会不准确。其中最大的是第 ${top.row} 行的 ${top.value}。`,
        `请检查“${f.label}”一列是否有误填的超大数字（如多打了几位，或填进了编号），改正后再生成。`,
      ),
    );
  }
  return out;
}

/**
 * With no row marked as a total: a row whose every figure is the sum of the other rows' is a
 * total in words the tool does not know (another language, a unit's name for it). Read as data,
 * it doubles every total and share; which it is only the editor knows, so it is an error.
 */
export function unlabelledTotals<K extends string>(schema: SummarySchema<K>, r: SummaryResult<K>): ValidationIssue[] {
  if (r.statedTotal || r.rows.length < 3) return [];
  const fields = schema.fields.filter((f) => f.kind !== 'text').map((f) => f.key);
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  const sums = new Map(fields.map((k) => [k, r.rows.reduce((a, row) => a + num(row.values[k]), 0)]));
  const positive = (row: (typeof r.rows)[number]) => fields.some((k) => num(row.values[k]) > 0);
  // A sum of several rows: two equal rows among zeros are two rows, not a total.
  if (r.rows.filter(positive).length < 3) return [];
  const row = r.rows.find((row) => {
    const own = fields.filter((k) => typeof row.values[k] === 'number');
    // Equal to the rest: its value is half the column's sum. Zeros everywhere prove nothing.
    return (
      own.length > 0 &&
      own.some((k) => num(row.values[k]) > 0) &&
      own.every((k) => 2 * num(row.values[k]) === sums.get(k))
    );
  });
  if (!row) return [];
  const first = fields.find((k) => typeof row.values[k] === 'number') as K;
  return [
    r.issue(
      'error',
      'total.unlabelled',
      row.at(first),
      `${schema.title}第 ${row.row} 行的每个数字都正好等于其余各行之和，像是没有写“合计”字样的合计行；作为一行数据，它会让公报的合计和占比都翻倍。`,
      '如果这是合计行，请在名称一栏写“合计”（公报的合计由本工具计算，也可以删除这一行）；如果确是一行数据，请核对数字。',
    ),
  ];
}
