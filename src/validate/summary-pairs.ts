/**
 * A count and its quantity are one figure in two cells: 北京市 5 次 with 本季度召回数量 left
 * empty printed "5次 0件", and the national 合计 came out short with only the tables' own
 * mismatch warning. Where both cells of an optional pair have columns, one filled and the other
 * empty is an error; both empty is the period without recalls, as before.
 */
import type { ValidationIssue } from '../model/issues.js';
import type { SummaryCheck, SummaryResult, SummaryRow, SummarySchema } from './summary-types.js';

type PairFinding<K extends string> = (
  r: SummaryResult<K>,
  row: SummaryRow<K>,
  [count, quantity]: [K, K],
  label: (k: K) => string,
) => ValidationIssue | null;

/** A check of each row's pairs of fields, with the fields' labels for its messages. */
function eachPair<K extends string>(
  schema: SummarySchema<K>,
  pairs: ReadonlyArray<[K, K]>,
  finding: PairFinding<K>,
): SummaryCheck<K> {
  const label = (k: K) => schema.fields.find((f) => f.key === k)?.label ?? k;
  return (r) => r.rows.flatMap((row) => pairs.flatMap((pair) => finding(r, row, pair, label) ?? []));
}

export function pairedFigures<K extends string>(
  schema: SummarySchema<K>,
  pairs: ReadonlyArray<[K, K]>,
): SummaryCheck<K> {
  return eachPair(schema, pairs, (r, row, [a, b], label) => {
    const [hasA, hasB] = [a in row.values, b in row.values];
    if (hasA === hasB || row.at(a).col === null || row.at(b).col === null) return null;
    const [filled, empty] = hasA ? [a, b] : [b, a];
    // Written but refused (3吨, a formula): that cell has its own finding.
    if (row.at(empty).value !== '') return null;
    return r.issue(
      'error',
      'value.pair.missing',
      row.at(empty),
      `这一行填了“${label(filled)}”，却没有填“${label(empty)}”：公报会把空着的当作 0 印出。`,
      `请补上“${label(empty)}”（没有公开的数量写“未公开”）；这一期确实没有召回时，两格都留空或都填 0。`,
    );
  });
}

/**
 * Recalls with a quantity of 0: where a country does not publish its quantities, staff type 0 for
 * "not given", and 欧盟实施召回1083次，涉及产品0件 is printed. A warning: 未公开 says it.
 */
export function recallsWithoutQuantity<K extends string>(
  schema: SummarySchema<K>,
  pairs: ReadonlyArray<[K, K]>,
): SummaryCheck<K> {
  return eachPair(schema, pairs, (r, row, [count, quantity], label) => {
    const [n, q] = [row.values[count], row.values[quantity]];
    if (typeof n !== 'number' || n === 0 || q !== 0) return null;
    return r.issue(
      'warning',
      'value.quantity.zero',
      row.at(quantity),
      `这一行“${label(count)}”是 ${n}，“${label(quantity)}”却是 0：公报会印出“${n}次，涉及产品0件”。`,
      '如果数量没有公开，请写“未公开”；如果确实是 0 件，可以不改。',
    );
  });
}
