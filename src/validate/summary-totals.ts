/**
 * Stated totals of a summary table (its 合计/总计 row) against the sum of its
 * rows. The bulletin prints the sums it computed itself, so a disagreement
 * is a warning with both figures.
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
    if (sum === stated) continue;
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
