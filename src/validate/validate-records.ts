/**
 * A recall-records table → accepted records, issues, and an account of
 * every row: accepted, rejected, blank, total row or note.
 */
import type { RowAccount, ValidationIssue } from '../model/issues.js';

export type { RowAccount };
import type { Quarter } from '../model/quarter.js';
import type { RecallRecord } from '../model/record.js';
import type { Province, ReferenceData } from '../model/reference.js';
import { cellText, isBlankRow, type RawTable } from '../ingest/table.js';
import { mapHeader } from './header-map.js';
import { RECORD_SCHEMA } from './record-columns.js';
import { issueFactory } from './issue-factory.js';
import { parseRow } from './row-fields.js';
import { checkTotalRow, totalRowKind, type Segment } from './total-rows.js';
import { duplicateIssues } from './duplicates.js';

export interface RecordsResult {
  records: RecallRecord[];
  issues: ValidationIssue[];
  headerRow: number | null;
  rows: RowAccount;
}

export interface RecordsContext {
  ref: ReferenceData;
  home: Province;
  quarter: Quarter | null;
}

export function validateRecords(table: RawTable, ctx: RecordsContext): RecordsResult {
  const issue = issueFactory(table);
  const rows: RowAccount = { read: 0, accepted: 0, rejected: 0, blank: 0, totalRows: 0, notes: 0 };
  const { map, issues } = mapHeader(table, RECORD_SCHEMA);
  const records: RecallRecord[] = [];
  if (!map || issues.some((i) => i.severity === 'error')) return { records, issues, headerRow: map?.headerRow ?? null, rows };

  const rowCtx = { ...ctx, map, issue, file: table.file, sheet: table.sheet };
  const qtyCol = map.columns.get('quantity');
  let segment: Segment = { sum: 0, firstRow: null };
  let grand: Segment = { sum: 0, firstRow: null };
  for (const r of table.rows.slice(map.headerIndex + 1)) {
    if (isBlankRow(r.cells)) {
      rows.blank++;
      continue;
    }
    const kind = totalRowKind(r.cells.slice(0, map.width));
    if (kind) {
      rows.totalRows++;
      issues.push(...checkTotalRow(r, kind, kind === '小计' ? segment : grand, qtyCol, issue));
      if (kind === '小计') segment = { sum: 0, firstRow: null };
      continue;
    }
    const filled = r.cells.map((c, i) => ({ i, t: cellText(c) })).filter((c) => c.t !== '');
    if (filled.length === 1 && filled[0]!.i === 0 && !map.columns.has('seq')) {
      rows.notes++;
      issues.push(issue('warning', 'row.note', { row: r.row, col: 1, value: filled[0]!.t }, '这一行只有第一格有内容，当作备注跳过，没有计入召回。', '如果这是一条召回记录，请把各列填完整。'));
      continue;
    }
    rows.read++;
    if (table.format === 'csv' && r.cells.length < map.width) {
      issues.push(issue('warning', 'structure.row.short', { row: r.row, col: r.cells.length + 1 }, `这一行只有 ${r.cells.length} 个单元格，表头有 ${map.width} 列；缺少的列按空白处理。`, '通常是导出时漏了末尾的逗号；如果后面的列确实为空，可以忽略。'));
    }
    const extra = filled.filter((c) => c.i >= map.width);
    for (const c of extra) {
      issues.push(issue('error', 'structure.row.extra-cells', { row: r.row, col: c.i + 1, value: c.t }, '这个单元格在表头范围之外（没有列名），内容无法归属到任何一列。', '请把内容移到正确的列，或给这一列加上列名。'));
    }
    const { record, issues: rowIssues } = parseRow(r, rowCtx);
    issues.push(...rowIssues);
    if (record && extra.length === 0) {
      rows.accepted++;
      records.push(record);
      for (const s of [segment, grand]) {
        s.sum += record.quantity;
        s.firstRow ??= r.row;
      }
    } else {
      rows.rejected++;
    }
  }
  if (rows.read === 0) {
    issues.push(issue('warning', 'structure.rows.none', { row: map.headerRow }, '表头下面没有任何召回记录，本季度将按“没有召回”统计。', '如果本季度确有召回，请检查是否选错了文件或工作表。'));
  }
  const dup = duplicateIssues(records, issue);
  issues.push(...dup.issues);
  rows.accepted -= dup.duplicates.size;
  rows.rejected += dup.duplicates.size;
  const kept = records.filter((r) => !dup.duplicates.has(r));
  return { records: kept, issues, headerRow: map.headerRow, rows };
}
