/**
 * A quantity needs recalls: a row of 0 次 and 26041 件 (for a province, a
 * category, a country, or the China-made part of a country's recalls)
 * cannot be true, and the bulletin would count the province among those
 * that 开展了召回工作 while printing 0 recalls for it. The count or the
 * quantity is wrong, so the row is an error, never read as it stands (the
 * table's stated total row is checked the same way). A quantity not given
 * (blank, 未公开) is never compared.
 */
import type { ValidationIssue } from '../model/issues.js';
import type { NoRecallCheck, SummaryResult, SummarySchema } from './summary-types.js';

type Values<K extends string> = Partial<Record<K, unknown>>;
type At<K extends string> = SummaryResult<K>['rows'][number]['at'];

/** “为 0 次”, “是空的（按 0 次计算）” when a blank count reads as 0, or null when the count is not 0. */
function zeroCount(v: unknown, blankIsZero: boolean): string | null {
  if (v === 0) return '为 0 次';
  return v === undefined && blankIsZero ? '是空的（按 0 次计算）' : null;
}

export function noRecallFindings<K extends string>(
  schema: SummarySchema<K>,
  r: SummaryResult<K>,
  check: NoRecallCheck<K>,
): ValidationIssue[] {
  const label = (key: K) => schema.fields.find((f) => f.key === key)?.label ?? key;
  const rows: Array<{ values: Values<K>; at: At<K>; name: string; blankIsZero: boolean }> = r.rows.map((row) => ({
    values: row.values,
    at: row.at,
    name: String(row.values[check.label] ?? ''),
    blankIsZero: check.blankIsZero,
  }));
  // A stated total's blank cell states nothing: only a written 0 is compared.
  if (r.statedTotal)
    rows.push({ values: r.statedTotal.values, at: r.statedTotal.at, name: '合计行', blankIsZero: false });
  return rows.flatMap((row) =>
    check.pairs.flatMap(({ recalls, quantity }) => {
      const none = zeroCount(row.values[recalls], row.blankIsZero);
      const qty = row.values[quantity];
      if (none === null || typeof qty !== 'number' || qty === 0) return [];
      const where = `${schema.title}第 ${row.at(recalls).row} 行${row.name ? `（${row.name}）` : ''}`;
      return [
        r.issue(
          'error',
          check.code,
          row.at(recalls),
          `${where}的“${label(recalls)}”${none}，“${label(quantity)}”却为 ${qty} 件：没有召回就不会有召回的产品，公报不能印出 0 次召回涉及 ${qty} 件。`,
          check.hint,
        ),
      ];
    }),
  );
}
