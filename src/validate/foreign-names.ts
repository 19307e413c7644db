/**
 * The foreign table's country names: one row per country however it is
 * written (美国, 美國, USA), printed under the name the bulletin uses
 * (data/reference/jurisdictions.json, model/jurisdiction-names.ts). A name
 * not in the list is a country of its own, printed as written.
 */
import { findJurisdiction } from '../model/jurisdiction-names.js';
import type { ReferenceData } from '../model/reference.js';
import { fold, preview } from '../model/text.js';
import { firstOfEach } from './summary-duplicates.js';
import type { SummaryResult, SummaryRow } from './summary-types.js';

/**
 * A row's country by the name the bulletin prints: a listed alias (USA) is its standard name (美国),
 * any other name as written (a country not in the list is not refused).
 */
export const standardName = (ref: ReferenceData, written: string) => findJurisdiction(ref, written)?.name ?? written;

type Name = 'name';

const writtenName = <K extends string>(row: SummaryRow<K | Name>) => String(row.values.name ?? '');

/** Rows of distinct countries: a second row of one country, however written, is an error, and only the first is kept. */
export function firstOfEachCountry<K extends string>(
  r: SummaryResult<K | Name>,
  ref: ReferenceData,
): SummaryResult<K | Name>['rows'] {
  return firstOfEach(
    r,
    (row) => standardName(ref, writtenName(row)),
    (row, first) => {
      const [now, before] = [writtenName(row), writtenName(first)].map((n) => `“${preview(n, 30)}”`);
      const same = fold(writtenName(row)) === fold(writtenName(first));
      return r.issue(
        'error',
        'value.foreign.duplicate',
        row.at('name'),
        same
          ? `国家地区${now}出现了不止一次（第 ${first.row} 行已有），公报会把它列两遍并重复计入合计。`
          : `国家地区${now}与第 ${first.row} 行的${before}是同一个国家地区（${standardName(ref, writtenName(row))}），公报会把它列两遍并重复计入合计。`,
        '每个国家地区只保留一行（如是分批的数字，请相加后填在一行）。',
      );
    },
  );
}

/** A row written with an alias is counted and printed under the standard name, with a warning saying so. */
export function aliasFindings<K extends string>(
  r: SummaryResult<K | Name>,
  rows: SummaryResult<K | Name>['rows'],
  ref: ReferenceData,
): void {
  for (const row of rows) {
    const written = writtenName(row);
    const name = standardName(ref, written);
    if (name === written) continue;
    r.issues.push(
      r.issue(
        'warning',
        'value.foreign.alias',
        row.at('name'),
        `“${preview(written, 30)}”按“${name}”统计，公报印作“${name}”。`,
        `国家地区一栏请填写公报使用的名称“${name}”；如果不是这个国家地区，请改正。`,
      ),
    );
  }
}
