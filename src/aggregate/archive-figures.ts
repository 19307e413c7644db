/** The checks archive-consistency.ts makes of an archived stats.json, as small parts. Pure. */
import { floatSharesInHundredths, sharesOrNull } from '../model/shares.js';

export type Found = string | null;

/** The first check that finds something. */
export function firstFound(checks: ReadonlyArray<() => Found>): Found {
  for (const check of checks) {
    const found = check();
    if (found) return found;
  }
  return null;
}

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** "合计召回次数为 12，但各类别之和为 11" when `total` is not the sum of `parts`. */
export function totalOf(what: string, total: number, parts: readonly number[], partsName: string): Found {
  const s = sum(parts);
  return s === total ? null : `${what}为 ${total}，但${partsName}之和为 ${s}`;
}

const shown = (share: number | null) => (share === null ? '空（null）' : `${share}%`);

/**
 * A share as the build gives it. A table or row whose total is 0 has none (null); builds
 * before null shares wrote 0 there, which claims no figure either, so it is let stand.
 */
export function shareAsBuilt(name: string, measure: string, got: number | null, want: number | null): Found {
  if (got === want || (want === null && got === 0)) return null;
  return `${name}的${measure}占比为 ${shown(got)}，但按其数字应为 ${shown(want)}`;
}

/** Each row's share against the build's own rounding (shares.ts) of the same figures. */
export function sharesAsBuilt<T extends { name: string }>(
  table: string,
  rows: readonly T[],
  measure: string,
  value: (r: T) => number,
  share: (r: T) => number | null,
  decimals: number,
): Found {
  const values = rows.map(value);
  const want = sharesOrNull(values, decimals);
  // Builds before exact remainders could settle a tie the other way (shares.ts): as archived, it stands.
  const before = want && floatSharesInHundredths(values, decimals).map((h) => h / 10 ** decimals);
  const asBefore = before !== null && rows.every((r, i) => share(r) === before[i]);
  if (asBefore) return null;
  return firstFound(
    rows.map((r, i) => () => shareAsBuilt(`${table}“${r.name}”`, measure, share(r), want?.[i] ?? null)),
  );
}
