/**
 * Figures of a summary row that cannot exceed another figure of the same
 * row: a quarter is part of its year, the year part of all time, China-made
 * recalls part of a country's recalls, effective recall information part of
 * the clues it came from. A row where the part is larger has a figure in the
 * wrong column or a wrong figure, and the bulletin would print both side by
 * side as if true; so it is an error, never a warning (the table's stated
 * total row is checked the same way).
 */
import type { ValidationIssue } from '../model/issues.js';
import type { BoundCheck, Bound, SummaryResult, SummarySchema } from './summary-types.js';

export type { Bound, BoundCheck } from './summary-types.js';

type Values<K extends string> = Partial<Record<K, unknown>>;
type At<K extends string> = SummaryResult<K>['rows'][number]['at'];

/** The bounds one row breaks: a figure not given (blank, 未公开) is never compared. */
function broken<K extends string>(values: Values<K>, bounds: readonly Bound<K>[]) {
  return bounds.flatMap((b) => {
    const part = values[b.part];
    const whole = values[b.whole];
    if (typeof part !== 'number' || typeof whole !== 'number' || part <= whole) return [];
    return [{ b, part, whole }];
  });
}

export function boundFindings<K extends string>(
  schema: SummarySchema<K>,
  r: SummaryResult<K>,
  check: BoundCheck<K>,
): ValidationIssue[] {
  const label = (key: K) => schema.fields.find((f) => f.key === key)?.label ?? key;
  const rows: Array<{ values: Values<K>; at: At<K>; name: string }> = r.rows.map((row) => ({
    values: row.values,
    at: row.at,
    name: String(row.values[check.label] ?? ''),
  }));
  if (r.statedTotal) rows.push({ values: r.statedTotal.values, at: r.statedTotal.at, name: '合计行' });
  return rows.flatMap((row) =>
    broken(row.values, check.bounds).map(({ b, part, whole }) =>
      r.issue(
        'error',
        check.code,
        row.at(b.part),
        `${schema.title}第 ${row.at(b.part).row} 行${row.name ? `（${row.name}）` : ''}的“${label(b.part)}”为 ${part} ${b.unit}，大于“${label(b.whole)}”的 ${whole} ${b.unit}。${b.why}，不可能更多，公报不能同时印出这两个数字。`,
        check.hint,
      ),
    ),
  );
}
