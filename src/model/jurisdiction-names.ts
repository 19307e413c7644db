/**
 * The foreign table's countries and regions by any of their names: 美國,
 * USA and United States are 美国 (data/reference/jurisdictions.json), so two
 * rows of one country are told apart from two countries, and the bulletin
 * prints the name it always prints. Compared after fold() (case, spaces,
 * full and half width).
 */
import type { Jurisdiction, ReferenceData } from './reference.js';
import { fold } from './text.js';

const byName = new WeakMap<readonly Jurisdiction[], Map<string, Jurisdiction>>();

/** The listed jurisdiction `text` names, or undefined for a name not in the list. */
export function findJurisdiction(ref: Pick<ReferenceData, 'jurisdictions'>, text: string): Jurisdiction | undefined {
  const list = ref.jurisdictions ?? [];
  let map = byName.get(list);
  if (!map) {
    map = new Map(list.flatMap((j) => [j.name, ...j.aliases].map((n) => [fold(n), j] as const)));
    byName.set(list, map);
  }
  return map.get(fold(text));
}
