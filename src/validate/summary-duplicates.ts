/**
 * A summary table lists each thing once (a bureau in 表4, a country in the
 * foreign table): a second row of it would be printed twice and counted
 * twice in every total. Names are compared after fold() (spaces, full and
 * half width, case), so “长沙市 市场监督管理局” is the same bureau.
 */
import type { ValidationIssue } from '../model/issues.js';
import { fold } from '../model/text.js';
import type { SummaryResult, SummaryRow } from './summary-types.js';

/** The rows to use: the first of each name; each later row of a name is reported by `finding` and left out. */
export function firstOfEach<K extends string>(
  r: SummaryResult<K>,
  nameOf: (row: SummaryRow<K>) => string,
  finding: (row: SummaryRow<K>, first: SummaryRow<K>) => ValidationIssue,
): SummaryRow<K>[] {
  const seen = new Map<string, SummaryRow<K>>();
  return r.rows.filter((row) => {
    const name = fold(nameOf(row));
    const first = seen.get(name);
    if (!first) return seen.set(name, row);
    r.issues.push(finding(row, first));
    return false;
  });
}
