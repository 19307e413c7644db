/**
 * Summary tables (national category/province tables, foreign figures, the
 * clue table): rows of text and integers with an optional stated total row.
 * Stated totals are checked against the rows; the bulletin prints sums it
 * computed itself, so a disagreement is a warning with both figures.
 */
import { accountRows, type RowAccount, type ValidationIssue } from '../model/issues.js';
import { fold, preview } from '../model/text.js';
import { cellText, isBlankRow, type CellValue, type RawRow, type RawTable } from '../ingest/table.js';
import { mapHeader, type HeaderMap } from './header-map.js';
import { issueFactory, type MakeIssue } from './issue-factory.js';
import { isCountUnit, unitProblem } from './count-units.js';
import { parseQuantity, quantityProblem } from './parse-quantity.js';
import type { FieldDef, TableSchema } from './table-schema.js';
import { boundFindings } from './summary-bounds.js';
import { noRecallFindings } from './summary-no-recalls.js';
import {
  cellsOutside,
  formulaFinding,
  isNoteLine,
  summaryMarkFinding,
  summaryNote,
  valueFinding,
} from './summary-cells.js';
import { roundedFinding } from './summary-rounded.js';
import { statedTotals, totalMismatches, unlabelledTotals, totalOverflows } from './summary-totals.js';
import { labelledTotal, totalRowKind } from './total-rows.js';
import { HiddenRows } from './hidden-rows.js';
import {
  emptyTableFindings,
  isUnfilledRow,
  placeholderField,
  placeholderRow,
  rowLabel,
  type UnfilledRow,
} from './unfilled-rows.js';

export type {
  FieldKind,
  SummaryField,
  SummaryResult,
  SummaryRow,
  SummarySchema,
  SummaryValue,
} from './summary-types.js';
import type { FieldKind, SummaryCheck, SummaryResult, SummarySchema, SummaryValue } from './summary-types.js';

const UNDISCLOSED = new Set(['未公开', '不公开', '未公布', '-', '—', '/', 'n/a', 'na']);

type Parsed = { ok: true; value: SummaryValue } | { ok: false; why: string; hint?: string };

function parseField(kind: FieldKind, v: CellValue): Parsed {
  if (kind === 'text') return { ok: true, value: cellText(v) };
  if (kind === 'quantity-or-undisclosed' && UNDISCLOSED.has(fold(cellText(v)))) return { ok: true, value: null };
  const q = parseQuantity(v);
  // A quantity is added up as 件, as a record's is: 3吨 or 1500打 is no 3 or 1500 products.
  if (q.ok && q.unit !== null && kind !== 'count' && !isCountUnit(q.unit)) {
    const { why, hint } = unitProblem(q.unit, q.value);
    return { ok: false, why: `的单位“${q.unit}”${why}`, hint };
  }
  if (q.ok) return { ok: true, value: q.value };
  if (q.reason === 'special-digit')
    return { ok: false, why: quantityProblem(q), hint: '请去掉脚注标记，只用普通数字 0–9 填写（全角数字也可以）。' };
  if (q.reason === 'text-mark') return { ok: false, why: quantityProblem(q), hint: '请删去数字前面的撇号，只留数字。' };
  return { ok: false, why: q.reason === 'not-a-number' ? '不是整数' : quantityProblem(q) };
}

/** The row account of a summary table, once its reader added its own findings. */
export function summaryAccount<K extends string>(r: SummaryResult<K>): RowAccount {
  const account = accountRows(r.rowNumbers, r.issues, r.skipped);
  const bad = new Set(r.issues.filter((i) => i.severity === 'error').map((i) => i.row));
  const rejected = account.rejected + r.unfilled.filter((u) => !bad.has(u.row)).length;
  return { ...account, accepted: account.read - rejected, rejected };
}

/** A blank row (序号 filled in ahead, and nothing else, is blank) or a note under the table: counted, true when skipped. */
function skippedRow<K extends string>(r: RawRow, map: HeaderMap<K>, result: SummaryResult<K>): boolean {
  const seq = map.columns.get('seq' as K)?.index;
  if (isBlankRow(seq === undefined ? r.cells : r.cells.filter((_, i) => i !== seq))) {
    result.skipped.blank++;
    return true;
  }
  if (!isNoteLine(r.cells)) return false;
  result.skipped.notes++;
  result.issues.push(summaryNote(result.issue, r));
  return true;
}

export function readSummary<K extends string>(
  table: RawTable,
  schema: SummarySchema<K>,
  checks: readonly SummaryCheck<K>[] = [],
): SummaryResult<K> {
  const issue = issueFactory(table);
  const { map, issues } = mapHeader(table, schema);
  const result: SummaryResult<K> = {
    rows: [],
    issues,
    statedTotal: null,
    issue,
    rowNumbers: [],
    skipped: { blank: 0, totalRows: 0, notes: 0 },
    unfilled: [],
  };
  if (!map || issues.some((i) => i.severity === 'error')) return result;
  const hidden = new HiddenRows();
  for (const r of table.rows.slice(map.headerIndex + 1)) {
    if (skippedRow(r, map, result)) continue;
    const at = locator(map, r.row, r.cells);
    const labels = r.cells.slice(0, map.width);
    if (totalRowKind(labels) || labelledTotal(labels)) {
      result.skipped.totalRows++;
      result.statedTotal = { values: statedTotals(schema, map, r.cells), at };
      continue;
    }
    result.rowNumbers.push(r.row);
    issues.push(...cellsOutside(r, map.width, issue));
    hidden.data(r);
    const marked = placeholderField(map, r.cells);
    if (marked) {
      issues.push(placeholderRow(issue, at(marked)));
      continue;
    }
    if (isUnfilledRow(schema, map, r.cells)) {
      result.unfilled.push({ row: r.row, label: rowLabel(schema, map, r.cells) });
      continue;
    }
    const values = readValues(schema, map, r, at, issue, issues);
    result.rows.push({ row: r.row, values, at });
  }
  issues.push(...hidden.findings(issue));
  issues.push(...emptyTableFindings(schema, issue, map, result.rowNumbers.length, result.unfilled));
  issues.push(...totalMismatches(schema, result));
  issues.push(...unlabelledTotals(schema, result));
  if (schema.bounds) issues.push(...boundFindings(schema, result, schema.bounds));
  if (schema.noRecalls) issues.push(...noRecallFindings(schema, result, schema.noRecalls));
  for (const check of checks) issues.push(...check(result));
  // A row with an error gives no figures at all, not zeros for its bad cells: a draft prints without it.
  const rejected = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.row));
  result.rows = result.rows.filter((row) => !rejected.has(row.row));
  // Of the rows used: a row refused anyway adds nothing to the bulletin's totals.
  issues.push(...totalOverflows(schema, result));
  return result;
}

type Locate<K extends string> = ReturnType<typeof locator<K>>;
type Place = ReturnType<Locate<string>>;

/** A summary row's field values; each unusable cell is reported into issues instead. */
function readValues<K extends string>(
  schema: SummarySchema<K>,
  map: HeaderMap<K>,
  { cells, marks }: RawRow,
  at: Locate<K>,
  issue: MakeIssue,
  issues: ValidationIssue[],
): Partial<Record<K, SummaryValue>> {
  const values: Partial<Record<K, SummaryValue>> = {};
  for (const f of schema.fields) {
    const col = map.columns.get(f.key);
    const v = col ? (cells[col.index] ?? null) : null;
    if (!col || (!f.required && cellText(v) === '')) continue;
    const mark = f.kind === 'text' ? undefined : marks?.find((m) => m.col === col.index);
    const unusable =
      formulaFinding(v, at(f.key), issue) ??
      summaryMarkFinding(f.label, v, mark, at(f.key), issue) ??
      roundedFinding(f, v, at(f.key), issue);
    if (unusable) {
      issues.push(unusable);
      continue;
    }
    const p = parseField(f.kind, v);
    if (p.ok && !(f.required && p.value === '')) values[f.key] = p.value;
    else issues.push(valueFinding(f, v, p.ok ? null : p, at(f.key), issue));
  }
  return values;
}

function locator<K extends string>(map: HeaderMap<K>, row: number, cells: readonly CellValue[]) {
  return (key: K) => {
    const col = map.columns.get(key);
    return {
      row,
      col: col ? col.index + 1 : null,
      header: col?.header ?? null,
      value: preview(col ? cellText(cells[col.index] ?? null) : '', 80),
    };
  };
}
