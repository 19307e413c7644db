/**
 * Percentages that add up to exactly 100.00: largest-remainder (Hamilton)
 * rounding on integer hundredths of a percent, so no float drift.
 * Ties in remainder go to the earlier item, which keeps output stable.
 */
export function sharesInHundredths(values: readonly number[], decimals = 2): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  if (total === 0) return values.map(() => 0);
  const scale = 100 * 10 ** decimals;
  const exact = values.map((v) => (v * scale) / total);
  const floors = exact.map(Math.floor);
  let left = scale - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, rem: e - Math.floor(e) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}

/** Shares as percent numbers with `decimals` decimals (61.54 with two). */
export function percentShares(values: readonly number[], decimals = 2): number[] {
  return sharesInHundredths(values, decimals).map((h) => h / 10 ** decimals);
}

/** A single share (not part of a set), rounded half up. */
export function percentOf(part: number, total: number, decimals = 2): number {
  if (total === 0) return 0;
  return Math.round((part * 100 * 10 ** decimals) / total) / 10 ** decimals;
}

/**
 * A table's shares, or null when its total is 0: a share of nothing cannot be
 * computed, and printing 0.00 for every item would claim figures that add up
 * to 0, not 100. stats.json then holds null for each share.
 */
export function sharesOrNull(values: readonly number[], decimals = 2): number[] | null {
  return values.some((v) => v !== 0) ? percentShares(values, decimals) : null;
}
