/** A finding about input data. Validation returns these; it never throws. */
export type Severity = 'error' | 'warning';

export interface ValidationIssue {
  severity: Severity;
  /** Stable identifier, e.g. `value.category.unknown`; documented in the README. */
  code: string;
  file: string;
  sheet: string | null;
  /** 1-based row as Excel shows it (or the CSV line of the record). */
  row: number | null;
  /** Column letter as Excel shows it (A, B, … AA). */
  column: string | null;
  header: string | null;
  value: string | null;
  message: string;
  hint: string;
}

export type IssueLocation = Pick<ValidationIssue, 'file' | 'sheet' | 'row' | 'column' | 'header' | 'value'>;

/** Where a finding points: only the file is required, every other place is null when not given. */
export type IssueAt = Pick<ValidationIssue, 'file'> & Partial<Omit<IssueLocation, 'file'>>;

/** The one way a finding is made (validation, inputs, render notes, preview), so no field is forgotten. */
export function makeIssue(
  severity: Severity,
  code: string,
  at: IssueAt,
  message: string,
  hint: string,
): ValidationIssue {
  return {
    severity,
    code,
    file: at.file,
    sheet: at.sheet ?? null,
    row: at.row ?? null,
    column: at.column ?? null,
    header: at.header ?? null,
    value: at.value ?? null,
    message,
    hint,
  };
}

/** A warning about a whole file (no sheet, row or cell), such as a cross-table or cross-quarter check. */
export function fileWarning(file: string, code: string, message: string, hint: string): ValidationIssue {
  return makeIssue('warning', code, { file }, message, hint);
}

/** An error about a whole file: unreadable, of no known kind, or in the wrong place. */
export function fileError(file: string, code: string, message: string, hint: string): ValidationIssue {
  return makeIssue('error', code, { file }, message, hint);
}

/** Files whose findings name a key (issue.json, an article's front matter), not a spreadsheet column. */
const KEYED = /\.(json|md|markdown)$/i;

/**
 * Where a finding is, for people: file, sheet, Excel row, column (and its
 * header), or the key of issue.json or a front matter (字段: a column is a
 * spreadsheet's). The one formatter for the terminal, the validate report
 * (grouped by file, so `file: false`), the preview page and the draft's
 * findings page.
 */
export function issueLocation(i: IssueLocation, opts: { file?: boolean } = {}): string {
  const parts = opts.file === false ? [] : [i.file];
  if (i.sheet) parts.push(`工作表“${i.sheet}”`);
  if (i.row !== null) parts.push(`第 ${i.row} 行`);
  if (i.column) parts.push(`${i.column} 列${i.header ? `（${i.header}）` : ''}`);
  else if (i.header) parts.push(KEYED.test(i.file) ? `字段“${i.header}”` : `“${i.header}”列`);
  return parts.join(' ');
}

export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** Excel column letter for a 1-based column index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Every input row accounted for: read = accepted + rejected; the rest were skipped and why. */
export interface RowAccount {
  /** Rows below the header that are neither blank nor total rows nor notes. */
  read: number;
  accepted: number;
  rejected: number;
  blank: number;
  totalRows: number;
  notes: number;
}

/** Account for data rows `rows`, rejecting those that have an error among `issues`. */
export function accountRows(
  rows: readonly number[],
  issues: readonly ValidationIssue[],
  skipped: Pick<RowAccount, 'blank' | 'totalRows' | 'notes'>,
): RowAccount {
  const bad = new Set(issues.filter((i) => i.severity === 'error' && i.row !== null).map((i) => i.row));
  const rejected = rows.filter((r) => bad.has(r)).length;
  return { read: rows.length, accepted: rows.length - rejected, rejected, ...skipped };
}
