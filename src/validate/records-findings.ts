/**
 * The records checker's findings about the table's shape rather than a
 * field's value: a note row, a short CSV row, cells beyond the header, a
 * repeated record, no records at all, quantities adding up past what can be
 * computed exactly, findings left unlisted. Module
 * functions so the per-row checker builds nothing it does not report.
 */
import type { ValidationIssue } from '../model/issues.js';
import type { RecallRecord } from '../model/record.js';
import { preview } from '../model/text.js';
import type { RawRow } from '../ingest/table.js';
import type { MakeIssue } from './issue-factory.js';
import type { HeaderMap } from './header-map.js';
import type { FieldKey } from './record-columns.js';

/** A non-empty cell of a row: its index and text (found in the checker's one pass over the cells). */
export interface FilledCell {
  i: number;
  t: string;
}

/**
 * A row that is a note: one filled cell, the first, in a table without 序号 (one with it numbers
 * its rows there). When 召回数量 is the first column, a figure there (25000, 3400件) is a recall
 * whose other cells are missing: checked as one, never skipped as a note.
 */
export function isNoteRow(r: RawRow, map: HeaderMap<FieldKey>, filled: number, first: number): boolean {
  if (filled !== 1 || first !== 0 || map.columns.has('seq')) return false;
  const v = r.cells[0];
  const figure = typeof v === 'number' || (typeof v === 'string' && /^[\s\d０-９,，.]+\p{Script=Han}{0,2}$/u.test(v));
  return !(map.columns.get('quantity')?.index === 0 && figure);
}

export function noteRow(issue: MakeIssue, r: RawRow, only: FilledCell): ValidationIssue {
  return issue(
    'warning',
    'row.note',
    { row: r.row, col: 1, value: only.t },
    '这一行只有第一格有内容，当作备注跳过，没有计入召回。',
    '如果这是一条召回记录，请把各列填完整。',
  );
}

export function shortRow(issue: MakeIssue, r: RawRow, width: number): ValidationIssue {
  return issue(
    'warning',
    'structure.row.short',
    { row: r.row, col: r.cells.length + 1 },
    `这一行只有 ${r.cells.length} 个单元格，表头有 ${width} 列；缺少的列按空白处理。`,
    '通常是导出时漏了末尾的逗号；如果后面的列确实为空，可以忽略。',
  );
}

export function cellOutsideHeader(issue: MakeIssue, r: RawRow, c: FilledCell): ValidationIssue {
  return issue(
    'error',
    'structure.row.extra-cells',
    { row: r.row, col: c.i + 1, value: c.t },
    '这个单元格在表头范围之外（没有列名），内容无法归属到任何一列。',
    '请把内容移到正确的列，或给这一列加上列名。',
  );
}

export function duplicateRow(issue: MakeIssue, r: RawRow, value: string, first: number): ValidationIssue {
  return issue(
    'error',
    'value.record.duplicate',
    { row: r.row, value },
    `这一行与第 ${first} 行是同一次召回（生产者、产品名称、型号和发布日期都相同），会被重复计数。`,
    '请删除重复的一行；如果确实是两次召回，请核对型号或日期。',
  );
}

/** One maker, one date, one quantity, another product or model: most likely one recall entered twice. */
export function possibleDuplicate(issue: MakeIssue, record: RecallRecord, first: number): ValidationIssue {
  return issue(
    'warning',
    'value.record.possible-duplicate',
    { row: record.source.row, value: preview(`${record.manufacturer} ${record.product}`, 80) },
    `这一行与第 ${first} 行的生产者、发布日期和召回数量都相同（${record.quantity}），可能是同一次召回录入了两次（产品名称或型号的写法不同），公报会把它计为两次召回。`,
    '如果是同一次召回，请删除其中一行；如果确实是两次召回，可以不改。',
  );
}

export function noRecords(issue: MakeIssue, headerRow: number): ValidationIssue {
  return issue(
    'error',
    'structure.rows.none',
    { row: headerRow },
    '表头下面没有任何召回记录。',
    '请把本季度的召回记录填入这张表；如已填写，请检查是否选错了文件或工作表（--sheet）。本季度确实没有召回时，请在 issue.json 中写上 "noRecalls": true。',
  );
}

export function findingsTruncated(issue: MakeIssue, dropped: number, kept: number): ValidationIssue {
  return issue(
    'warning',
    'findings.truncated',
    {},
    `另有 ${dropped} 条问题没有逐条列出（为节省内存只保留前 ${kept} 条）。`,
    '请先改正列出的问题，再重新检查。',
  );
}

/**
 * The accepted quantities add up past 2^53 − 1 (each one below it): the total would print rounded.
 * The build's own check (stats.quantity.overflow, stats-accumulator.ts) told it only after
 * validate had passed; found here, validate and build refuse the file alike.
 */
export function quantitySumTooLarge(
  issue: MakeIssue,
  map: HeaderMap<FieldKey> | null,
  recalls: number,
): ValidationIssue {
  const col = map?.columns.get('quantity');
  return issue(
    'error',
    'stats.quantity.overflow',
    { col: col ? col.index + 1 : null, header: col?.header ?? null },
    `${recalls} 条有效召回记录的召回数量相加超出了能精确计算的范围（最大 ${Number.MAX_SAFE_INTEGER}），公报印出的合计会不准确。`,
    '请检查召回数量一列是否有误填的超大数字（如多打了几位，或填进了编号），改正后再生成。',
  );
}
