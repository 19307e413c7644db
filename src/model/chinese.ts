/** Chinese number and list phrasing used in narratives. */

/** 61.54 → "61.54%" (always two decimals, as bulletins print them). */
export function percent(value: number): string {
  return `${value.toFixed(2)}%`;
}

/**
 * Large counts in 万 with two decimals, truncated as SAMR does is not
 * documented; we round half up: 82558717 → "8255.87万", 2288116 → "228.81万".
 * Below 10000 the plain integer is returned.
 */
export function wan(value: number): string {
  if (Math.abs(value) < 10_000) return String(value);
  if (Math.abs(value) >= 100_000_000) return `${(Math.round(value / 1_000_000) / 100).toFixed(2)}亿`;
  return `${(Math.round(value / 100) / 100).toFixed(2)}万`;
}

/** ["长沙", "株洲"] → "长沙、株洲" */
export function listJoin(items: readonly string[]): string {
  return items.join('、');
}

/** ["A", "B", "C"] → "A、B和C" for leaders that tie. */
export function andJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}
