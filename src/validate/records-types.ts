/** What the records checker (records-checker.ts) is given and gives back. */
import type { RowAccount, ValidationIssue } from '../model/issues.js';
import type { Quarter } from '../model/quarter.js';
import type { RecallRecord } from '../model/record.js';
import type { Province, ReferenceData } from '../model/reference.js';

export interface RecordsContext {
  ref: ReferenceData;
  home: Province;
  quarter: Quarter | null;
  /** Above this a quantity is a warning (configuration: maxQuantity). */
  maxQuantity?: number;
}

export interface RecordsResult {
  records: RecallRecord[];
  /** Accepted records and their quantity, always (reconciliation needs only these). */
  totals: { recalls: number; quantity: number };
  issues: ValidationIssue[];
  headerRow: number | null;
  rows: RowAccount;
}

export interface CheckerOptions {
  /** Keep accepted records (tests and small files; build aggregates them as they come instead, see `onRecord`). */
  keepRecords: boolean;
  /** Findings kept in memory; past this they are counted and summed up in one. */
  maxIssues: number;
}
