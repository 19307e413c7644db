import type { ValidationIssue } from '../model/issues.js';
import { preview } from '../model/text.js';
import { cellText, isBlankRow, type CellValue, type RawRow, type RawTable } from '../ingest/table.js';
import { fieldForHeader, type TableSchema } from './table-schema.js';
import { issueFactory, type MakeIssue } from './issue-factory.js';
import { scaledHeader, scaledHeaderIssue } from './header-units.js';

export interface ColumnRef {
  /** 0-based cell index. */
  index: number;
  header: string;
}

export interface HeaderMap<K extends string = string> {
  /** Index into table.rows of the header row. */
  headerIndex: number;
  headerRow: number;
  columns: Map<K, ColumnRef>;
  /** Number of columns that have a header. */
  width: number;
}

/** Title rows sit above the header; we look this far down for it. */
export const HEADER_SEARCH_ROWS = 30;
const MIN_MATCHES = 3;
/** Past this many, unknown columns are summed up in one finding (an export with 100 000 columns must not flood the report). */
const MAX_UNKNOWN_REPORTED = 10;

/**
 * A row's cells for a message: each cut at 60 characters, at most 20 of
 * them (a binary file's "first row" must not fill the screen).
 */
function cellList(cells: readonly CellValue[]): string {
  const texts = cells.map(cellText).filter(Boolean);
  const shown = texts.slice(0, 20).map((t) => preview(t, 60));
  return `${shown.join('、')}${texts.length > 20 ? `……（共 ${texts.length} 格）` : ''}`;
}

function matchCount(schema: TableSchema, cells: readonly unknown[]): number {
  return cells.filter((c) => typeof c === 'string' && fieldForHeader(schema, c)).length;
}

/** Index of the first row with the most known column names among the first rows; -1 when none has any. */
function bestHeaderRow(table: RawTable, schema: TableSchema): { best: number; bestCount: number } {
  let best = -1;
  let bestCount = 0;
  table.rows.slice(0, HEADER_SEARCH_ROWS).forEach((r, i) => {
    const n = matchCount(schema, r.cells);
    if (n > bestCount) [best, bestCount] = [i, n];
  });
  return { best, bestCount };
}

function headerMissing(table: RawTable, schema: TableSchema, issue: MakeIssue, expected: string): ValidationIssue {
  const first = table.rows.find((r) => !isBlankRow(r.cells));
  const found = first ? cellList(first.cells) : '（无内容）';
  return issue(
    'error',
    'structure.header.missing',
    { row: first?.row ?? null },
    `找不到${schema.title}的表头行。前 ${HEADER_SEARCH_ROWS} 行中没有一行包含足够的已知列名；第一行内容为：${found}。`,
    `请确认表头行包含这些列：${expected}（列名可以带单位，如“召回数量（件）”）。`,
  );
}

/** The header row's cells → the schema's columns; unknown and repeated columns are reported into issues. */
function readColumns<K extends string>(
  headerRow: RawRow,
  schema: TableSchema<K>,
  issue: MakeIssue,
  issues: ValidationIssue[],
): { columns: Map<K, ColumnRef>; width: number } {
  const columns = new Map<K, ColumnRef>();
  let width = 0;
  let unknown = 0;
  headerRow.cells.forEach((c, index) => {
    const header = cellText(c);
    if (!header) return;
    width = index + 1;
    const matched = fieldForHeader(schema, header);
    const at = { row: headerRow.row, col: index + 1, header, value: header };
    const scaled = scaledHeader(schema, header, matched);
    if (scaled) issues.push(scaledHeaderIssue(issue, at, scaled));
    const field = matched ?? scaled?.field;
    if (!field) {
      if (++unknown <= MAX_UNKNOWN_REPORTED) {
        issues.push(
          issue(
            'warning',
            'structure.column.unknown',
            at,
            `不认识的列“${preview(header)}”，该列内容不会被使用。`,
            '如果这一列有用，请改成说明文档中的列名；否则可以忽略本提示。',
          ),
        );
      }
      return;
    }
    const prior = columns.get(field.key);
    if (prior) {
      issues.push(
        issue(
          'error',
          'structure.column.duplicate',
          at,
          `“${preview(header, 60)}”与“${preview(prior.header, 60)}”都表示${field.label}，重复了。`,
          '请删除或改名其中一列，每种信息只保留一列。',
        ),
      );
      return;
    }
    columns.set(field.key, { index, header });
  });
  if (unknown > MAX_UNKNOWN_REPORTED) {
    issues.push(
      issue(
        'warning',
        'structure.column.unknown-many',
        { row: headerRow.row },
        `另有 ${unknown - MAX_UNKNOWN_REPORTED} 个不认识的列没有逐一列出（共 ${unknown} 个）。`,
        '表头可能错位，或导出时带出了大量无关的列；请检查表头行。',
      ),
    );
  }
  return { columns, width };
}

export function mapHeader<K extends string>(
  table: RawTable,
  schema: TableSchema<K>,
): { map: HeaderMap<K> | null; issues: ValidationIssue[] } {
  const issue = issueFactory(table);
  const issues: ValidationIssue[] = [];
  const { best, bestCount } = bestHeaderRow(table, schema);
  const minMatches = Math.min(MIN_MATCHES, schema.fields.filter((f) => f.required).length);
  const expected = schema.fields
    .filter((f) => f.required)
    .map((f) => f.label)
    .join('、');
  if (best < 0 || bestCount < minMatches) {
    issues.push(headerMissing(table, schema, issue, expected));
    return { map: null, issues };
  }
  const headerRow = table.rows[best]!;
  const { columns, width } = readColumns(headerRow, schema, issue, issues);
  const missing = schema.fields.filter((f) => f.required && !columns.has(f.key));
  if (missing.length > 0) {
    const found = cellList(headerRow.cells);
    issues.push(
      issue(
        'error',
        'structure.column.missing',
        { row: headerRow.row },
        `缺少必需的列：${missing.map((f) => f.label).join('、')}。表头行（第 ${headerRow.row} 行）中找到的列：${found}。`,
        `需要的列：${expected}。请补上缺少的列，或把列名改成可识别的写法（见说明文档的列名表）。`,
      ),
    );
  }
  return { map: { headerIndex: best, headerRow: headerRow.row, columns, width }, issues };
}
