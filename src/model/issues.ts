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
