/**
 * CSV the tool writes (validate --csv, and later stats): UTF-8 with a BOM so
 * Excel opens Chinese correctly, RFC 4180 quoting, and cells that start
 * with = + - @ (or tab/CR) prefixed with an apostrophe so a spreadsheet
 * never runs data as a formula. A cell that is only a number (-51.87,
 * +5, -51.87%) is no formula and stays as it is, so the column stays numeric.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?%?$/;

export function neutralise(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? String(value) : neutralise(String(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return `\ufeff${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
