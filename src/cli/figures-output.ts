/** Rows of figures as a terminal table, Markdown or CSV. */
import { toCsv } from './csv-output.js';
import { columns } from './text-width.js';

export type RowFormat = 'table' | 'md' | 'csv';

const mdCell = (v: unknown) =>
  String(v ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

export function renderRows(
  header: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
  format: RowFormat,
  numeric: readonly boolean[] = [],
): string {
  if (format === 'csv') return toCsv(header, rows);
  if (format === 'md') {
    const align = header.map((_, i) => (numeric[i] ? '---:' : '---'));
    return `${[header, align, ...rows].map((r) => `| ${r.map(mdCell).join(' | ')} |`).join('\n')}\n`;
  }
  return `${columns([header.map(String), ...rows.map((r) => r.map((c) => String(c ?? '')))], numeric)}\n`;
}

/** +29.91% / -86.19% / 新增 (from zero) / 持平 (zero to zero: no percentage, as --json's null says). */
export function pctText(pct: number | null, to: number): string {
  if (pct === null) return to === 0 ? '持平' : '新增';
  return `${pct > 0 ? '+' : ''}${pct.toFixed(2)}%`;
}

export const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));
