/**
 * One input table: read it, recognise its kind, check it. A file that
 * cannot be read becomes a finding (and is marked unreadable) so the other
 * files are still checked.
 */
import { isBulletinError } from '../model/errors.js';
import type { RowAccount, ValidationIssue } from '../model/issues.js';
import { readTable } from '../ingest/read-table.js';
import { checkTable, kindFromColumns, kindFromName, kindTitle, TABLE_KINDS, type CheckContext, type Checked, type TableKind } from './input-kinds.js';

export interface FileReport {
  file: string;
  kind: TableKind | 'issue' | 'article' | null;
  format: 'csv' | 'xlsx' | 'json' | 'markdown' | null;
  sheet: string | null;
  encoding: string | null;
  headerRow: number | null;
  rows: RowAccount | null;
  unreadable: boolean;
}

export interface CheckedFile {
  report: FileReport;
  checked: Checked | null;
  issues: ValidationIssue[];
}

export function fileProblem(file: string, code: string, message: string, hint: string): ValidationIssue {
  return { severity: 'error', code, file, sheet: null, row: null, column: null, header: null, value: null, message, hint };
}

const KIND_HINT = `文件名请用：${TABLE_KINDS.map((k) => `${k}.xlsx（${kindTitle(k)}）`).join('、')}；或者让表头包含该表的全部必需列。`;

export async function checkTableFile(path: string, display: string, ctx: CheckContext, kind?: TableKind, sheet?: string): Promise<CheckedFile> {
  const report: FileReport = { file: display, kind: kind ?? kindFromName(path), format: null, sheet: null, encoding: null, headerRow: null, rows: null, unreadable: false };
  let table;
  try {
    table = await readTable(path, display, sheet);
  } catch (e) {
    if (!isBulletinError(e) || e.kind !== 'input') throw e;
    report.unreadable = true;
    return { report, checked: null, issues: [fileProblem(display, e.code, e.message.replace(`${display}：`, ''), e.hint ?? '')] };
  }
  Object.assign(report, { format: table.format, sheet: table.sheet, encoding: table.encoding });
  const found = report.kind ?? kindFromColumns(table);
  if (!found || found === 'issue' || found === 'article') {
    return { report, checked: null, issues: [fileProblem(display, 'input.kind.unknown', '无法判断这是哪一种表格：文件名和表头都对不上已知的表格。', KIND_HINT)] };
  }
  report.kind = found;
  const checked = checkTable(found, table, ctx);
  Object.assign(report, { headerRow: checked.headerRow, rows: checked.rows });
  return { report, checked, issues: checked.issues };
}
