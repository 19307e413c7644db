/**
 * A quarter in which the province had no recall: the editor says so in issue.json
 * ("noRecalls": true), and only then is a records table with no rows the quarter's figures
 * (all zero) instead of an export taken too early or the wrong sheet (structure.rows.none).
 * The word is checked against what contradicts it: records in the table, or the national
 * province table's recalls for the province this quarter.
 */
import type { CountQty } from '../model/bulletin.js';
import { fileError, type ValidationIssue } from '../model/issues.js';

export interface NoRecallsInput {
  /** issue.json as displayed; null when the quarter has none (then the word was not given). */
  issueFile: string | null;
  noRecalls: boolean;
  recallsFile: string | undefined;
  /** Accepted records; null when the records file was not usable. */
  totals: CountQty | null;
  /** The national province table's figures of the province this quarter, when it has a row. */
  national: { table: string; file: string; quarter: CountQty } | null;
  homeName: string;
}

const WORD = '"noRecalls": true';

/** The quarter's findings with the word applied: the empty table accepted, contradictions added. */
export function applyNoRecalls(issues: readonly ValidationIssue[], r: NoRecallsInput): ValidationIssue[] {
  if (!r.noRecalls || r.issueFile === null) return [...issues];
  const found: ValidationIssue[] = [];
  const own = r.totals;
  if (own && own.recalls > 0)
    found.push(
      fileError(
        r.issueFile,
        'contradiction.no-recalls',
        `issue.json 写明本季度没有召回（${WORD}），但召回记录${r.recallsFile ? `（${r.recallsFile}）` : ''}中有 ${own.recalls} 次召回、${own.quantity} 件。`,
        '本季度有召回时，请删去 issue.json 中 noRecalls 这一行；如果这些记录不属于本季度，请把它们移走。',
      ),
    );
  const n = r.national;
  if (n && n.quarter.recalls > 0)
    found.push(
      fileError(
        n.file,
        'contradiction.no-recalls',
        `${n.table}中${r.homeName}本季度有 ${n.quarter.recalls} 次召回、${n.quarter.quantity} 件，而 issue.json 写明本季度没有召回（${WORD}）。`,
        `请与数据来源核对${r.homeName}本季度的数字；确有召回时，请补上召回记录并删去 issue.json 中 noRecalls 这一行。`,
      ),
    );
  const said = (i: ValidationIssue) =>
    (i.code === 'structure.rows.none' && i.file === r.recallsFile) ||
    // The same disagreement as the error above, as a warning: said once.
    (i.code === 'reconcile.home.quarter' && n !== null && n.quarter.recalls > 0);
  return [...issues.filter((i) => !said(i)), ...found];
}
