/**
 * A recall-records table → accepted records, issues, and an account of
 * every row: accepted, rejected, blank, total row or note.
 */
import type { RowAccount } from '../model/issues.js';
import type { RawTable } from '../ingest/table.js';
import { RecordsChecker, type RecordsContext, type RecordsResult } from './records-checker.js';

export type { RecordsContext, RecordsResult, RowAccount };

export function validateRecords(table: RawTable, ctx: RecordsContext): RecordsResult {
  const checker = new RecordsChecker(table, ctx);
  for (const r of table.rows) checker.push(r);
  return checker.finish();
}
