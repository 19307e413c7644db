/**
 * The category a row of a summary table names (the national and foreign
 * category tables): one of the ten, named once. Otherwise the finding says
 * why the row cannot be used, and the row gives no figures.
 */
import { matchCategory } from '../model/lookup.js';
import type { Category, ReferenceData } from '../model/reference.js';
import { preview } from '../model/text.js';
import type { SummaryResult, SummaryRow } from './summary-types.js';

export function rowCategory<K extends string>(
  r: SummaryResult<K>,
  row: SummaryRow<K>,
  at: K,
  text: string,
  ref: ReferenceData,
  named: (code: string) => boolean,
): Category | null {
  const m = matchCategory(ref, text);
  if (!m.ok) {
    r.issues.push(
      r.issue(
        'error',
        'value.category.unknown',
        row.at(at),
        `“${preview(text, 60)}”不是有效的产品类别。`,
        `请使用 10 个类别的代码或名称：${ref.categories.map((c) => `${c.code} ${c.name}`).join('、')}。`,
      ),
    );
    return null;
  }
  if (named(m.value.code)) {
    r.issues.push(
      r.issue(
        'error',
        'value.category.duplicate',
        row.at(at),
        `产品类别“${m.value.name}”出现了不止一次。`,
        '每个类别只保留一行。',
      ),
    );
    return null;
  }
  return m.value;
}
