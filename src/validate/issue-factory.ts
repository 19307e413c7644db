import { columnLetter, makeIssue, type Severity, type ValidationIssue } from '../model/issues.js';
import type { RawTable } from '../ingest/table.js';

/** Builds issues for one table, so every finding carries file and sheet (the column given by its 1-based index). */
export function issueFactory(table: Pick<RawTable, 'file' | 'sheet'>) {
  return (
    severity: Severity,
    code: string,
    at: { row?: number | null; col?: number | null; header?: string | null; value?: string | null },
    message: string,
    hint: string,
  ): ValidationIssue =>
    makeIssue(
      severity,
      code,
      { ...at, file: table.file, sheet: table.sheet, column: at.col ? columnLetter(at.col) : null },
      message,
      hint,
    );
}

export type MakeIssue = ReturnType<typeof issueFactory>;
