/**
 * Percentages that add up to exactly 100.00: largest-remainder (Hamilton)
 * rounding on integer hundredths of a percent, in integers (BigInt), so
 * equal counts have equal remainders: as floats 4/15 and 1/15 of 10000 left
 * remainders that differed in the 15th digit, and two categories of 4 recalls
 * each printed 26.67% and 26.66%. Ties in remainder go to the earlier item,
 * which keeps output stable.
 */
export function sharesInHundredths(values: readonly number[], decimals = 2): number[] {
  const total = BigInt(values.reduce((a, b) => a + b, 0));
  if (total === 0n) return values.map(() => 0);
  const scale = 100n * 10n ** BigInt(decimals);
  const parts = values.map((v) => BigInt(v) * scale);
  const floors = parts.map((p) => p / total);
  let left = scale - floors.reduce((a, b) => a + b, 0n);
  const order = parts
    .map((p, i) => ({ i, rem: p % total }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (left <= 0n) break;
    floors[i] = (floors[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return floors.map(Number);
}

/**
 * The rounding of builds before 2026-12-04: the same, but the remainders compared as floats.
 * Kept only so that an archived stats.json those builds wrote is not called inconsistent.
 */
export function floatSharesInHundredths(values: readonly number[], decimals = 2): number[] {
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
  const scaled = BigInt(Math.abs(part)) * 100n * 10n ** BigInt(decimals);
  const t = BigInt(Math.abs(total));
  const units = (2n * scaled + t) / (2n * t);
  return (Math.sign(part) * Math.sign(total) * Number(units)) / 10 ** decimals;
}

/**
 * A table's shares, or null when its total is 0: a share of nothing cannot be
 * computed, and printing 0.00 for every item would claim figures that add up
 * to 0, not 100. stats.json then holds null for each share.
 */
export function sharesOrNull(values: readonly number[], decimals = 2): number[] | null {
  return values.some((v) => v !== 0) ? percentShares(values, decimals) : null;
}
