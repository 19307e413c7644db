import { columnLetter, type Severity, type ValidationIssue } from '../model/issues.js';
import type { RawTable } from '../ingest/table.js';

/** Builds issues for one table, so every finding carries file and sheet. */
export function issueFactory(table: Pick<RawTable, 'file' | 'sheet'>) {
  return (
    severity: Severity,
    code: string,
    at: { row?: number | null; col?: number | null; header?: string | null; value?: string | null },
    message: string,
    hint: string,
  ): ValidationIssue => ({
    severity,
    code,
    file: table.file,
    sheet: table.sheet,
    row: at.row ?? null,
    column: at.col ? columnLetter(at.col) : null,
    header: at.header ?? null,
    value: at.value ?? null,
    message,
    hint,
  });
}

export type MakeIssue = ReturnType<typeof issueFactory>;
