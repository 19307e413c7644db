/** Foreign figures and their shares. Pure. */
import type { ClueRow, ForeignInput } from '../model/bulletin.js';
import type { ClueStats, ForeignStats } from '../model/bulletin-stats.js';
import type { ReferenceData } from '../model/reference.js';
import { percentOf, sharesOrNull } from '../model/shares.js';

const disclosed = (xs: ReadonlyArray<{ quantity: number | null }>): number =>
  xs.reduce((a, x) => a + (x.quantity ?? 0), 0);

/** A share of a positive total; of 0 there is none (percentOf would give 0.00). */
export const shareOf = (part: number | null, total: number | null, decimals: number): number | null =>
  part === null || total === null || total === 0 ? null : percentOf(part, total, decimals);

export function computeForeign(input: ForeignInput, ref: ReferenceData, decimals = 2): ForeignStats {
  // Null shares when a table's total is 0, as the records' tables have them.
  const recallShares = sharesOrNull(
    input.jurisdictions.map((j) => j.recalls),
    decimals,
  );
  const jurisdictions = input.jurisdictions.map((j, i) => ({
    ...j,
    recallShare: recallShares?.[i] ?? null,
    chinaRecallShare: shareOf(j.chinaRecalls, j.recalls, decimals),
    chinaQuantityShare: j.chinaQuantity === null ? null : shareOf(j.chinaQuantity, j.quantity, decimals),
  }));
  const names = new Map(ref.categories.map((c) => [c.code, c.name]));
  const catShares = sharesOrNull(
    input.categories.map((c) => c.recalls),
    decimals,
  );
  const catDisclosed = disclosed(input.categories);
  const qtyShares = sharesOrNull(
    input.categories.map((c) => c.quantity ?? 0),
    decimals,
  );
  const categories = input.categories
    .map((c, i) => ({
      code: c.code,
      name: names.get(c.code) ?? c.code,
      recalls: c.recalls,
      quantity: c.quantity,
      recallShare: catShares?.[i] ?? null,
      quantityShare: c.quantity === null ? null : (qtyShares?.[i] ?? null),
    }))
    .sort((a, b) => b.recalls - a.recalls || a.code.localeCompare(b.code));
  return {
    jurisdictions,
    total: {
      recalls: input.jurisdictions.reduce((a, j) => a + j.recalls, 0),
      disclosedQuantity: disclosed(input.jurisdictions),
    },
    categories,
    categoryTotal: { recalls: input.categories.reduce((a, c) => a + c.recalls, 0), disclosedQuantity: catDisclosed },
  };
}

export function computeClues(rows: readonly ClueRow[]): ClueStats {
  const total = rows.reduce(
    (a, r) => ({
      reports: a.reports + r.reports,
      effective: a.effective + r.effective,
      inspections: a.inspections + r.inspections,
    }),
    { reports: 0, effective: 0, inspections: 0 },
  );
  return { rows: [...rows], total };
}
