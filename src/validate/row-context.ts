/**
 * What parsing one row needs, and the cell helpers every field parser shares.
 * They are plain module functions taking the row, not closures made per row:
 * parseRow runs for each of a million rows.
 */
import type { ValidationIssue } from '../model/issues.js';
import type { Quarter } from '../model/quarter.js';
import type { Province, ReferenceData } from '../model/reference.js';
import { preview } from '../model/text.js';
import { cellText, type CellValue, type RawRow } from '../ingest/table.js';
import type { MakeIssue } from './issue-factory.js';
import type { HeaderMap } from './header-map.js';
import { RECORD_FIELDS, type FieldKey } from './record-columns.js';

export interface RowContext {
  /** Lookups by the text as written, one map per kind: a file repeats the same few categories and regions. */
  memo?: Map<string, Map<string, unknown>>;
  ref: ReferenceData;
  home: Province;
  quarter: Quarter | null;
  /** Above this a quantity is a warning. */
  maxQuantity?: number;
  map: HeaderMap<FieldKey>;
  issue: MakeIssue;
  file: string;
  sheet: string | null;
}

/** A recall of more units than this is most likely a typo (configuration: maxQuantity). */
export const DEFAULT_MAX_QUANTITY = 100_000_000;

export const LABEL = new Map(RECORD_FIELDS.map((f) => [f.key, f.label]));

/** Past this many distinct texts (a file of unique values) lookups are computed each time: memory stays flat. */
const MEMO_LIMIT = 50_000;

export function memo<T>(ctx: RowContext, kind: string, key: string, compute: () => T): T {
  if (!ctx.memo) return compute();
  let m = ctx.memo.get(kind);
  if (!m) ctx.memo.set(kind, (m = new Map()));
  const hit = m.get(key);
  if (hit !== undefined || m.has(key)) return hit as T;
  const v = compute();
  if (m.size < MEMO_LIMIT) m.set(key, v);
  return v;
}

/** The row's cell under the field's column; null when the column is absent or the row is short. */
export function cellOf(row: RawRow, ctx: RowContext, key: FieldKey): CellValue {
  const col = ctx.map.columns.get(key);
  return col ? (row.cells[col.index] ?? null) : null;
}

export function textOf(row: RawRow, ctx: RowContext, key: FieldKey): string {
  return cellText(cellOf(row, ctx, key));
}

/** A cell quoted in a message: one line, at most 60 characters. */
export function shown(row: RawRow, ctx: RowContext, key: FieldKey): string {
  return preview(textOf(row, ctx, key), 60);
}

/** Where a finding about the field points: Excel row, column, header and the value seen. */
export function placeOf(row: RawRow, ctx: RowContext, key: FieldKey) {
  const col = ctx.map.columns.get(key);
  return {
    row: row.row,
    col: col ? col.index + 1 : null,
    header: col?.header ?? LABEL.get(key) ?? key,
    value: preview(cellText(cellOf(row, ctx, key)), 80),
  };
}

/** The finding sink for one row: where it goes, and how findings are made. */
export interface RowFindings {
  row: RawRow;
  ctx: RowContext;
  issues: ValidationIssue[];
}

export function fail(f: RowFindings, key: FieldKey, code: string, message: string, hint: string): void {
  f.issues.push(f.ctx.issue('error', code, placeOf(f.row, f.ctx, key), message, hint));
}

export function warn(f: RowFindings, key: FieldKey, code: string, message: string, hint: string): void {
  f.issues.push(f.ctx.issue('warning', code, placeOf(f.row, f.ctx, key), message, hint));
}

/** The field's text; an error when it is empty. */
export function required(f: RowFindings, key: FieldKey): string {
  const v = textOf(f.row, f.ctx, key);
  if (!v)
    fail(
      f,
      key,
      'value.required.missing',
      `“${LABEL.get(key)}”是必填项，这一行是空的。`,
      `请填写${LABEL.get(key)}；如果这一行不是召回记录，请删除整行。`,
    );
  return v;
}
