/**
 * Summary tables that are not filled in. `bulletin init` writes the rows it
 * knows (the 31 provinces, the 10 categories, the bureaus) with their
 * figures empty: a row left that way is one finding, not one per empty
 * cell, and a table left that way is one finding for the table. An empty
 * figure never means 0: only a 0 typed in does.
 */
import type { ValidationIssue } from '../model/issues.js';
import { isPlaceholder } from '../model/placeholder.js';
import { cellText, type CellValue } from '../ingest/table.js';
import type { HeaderMap } from './header-map.js';
import type { MakeIssue } from './issue-factory.js';
import { PLACEHOLDER_HINT } from './placeholders.js';
import type { SummarySchema, UnfilledRow } from './summary-types.js';

export type { UnfilledRow } from './summary-types.js';

const figureFields = <K extends string>(schema: SummarySchema<K>) => schema.fields.filter((f) => f.kind !== 'text');

/** Has figure columns, and every one of them is empty in this row. */
export function isUnfilledRow<K extends string>(
  schema: SummarySchema<K>,
  map: HeaderMap<K>,
  cells: readonly CellValue[],
): boolean {
  const cols = figureFields(schema).flatMap((f) => map.columns.get(f.key) ?? []);
  return cols.length > 0 && cols.every((c) => cellText(cells[c.index] ?? null) === '');
}

export function rowLabel<K extends string>(
  schema: SummarySchema<K>,
  map: HeaderMap<K>,
  cells: readonly CellValue[],
): string {
  return schema.fields
    .filter((f) => f.kind === 'text' && f.required)
    .map((f) => {
      const col = map.columns.get(f.key);
      return col ? cellText(cells[col.index] ?? null) : '';
    })
    .filter(Boolean)
    .join(' ');
}

/** The first field whose cell holds a stand-in written by init. */
export function placeholderField<K extends string>(map: HeaderMap<K>, cells: readonly CellValue[]): K | null {
  for (const [key, col] of map.columns) {
    const v = cells[col.index];
    if (typeof v === 'string' && isPlaceholder(v)) return key;
  }
  return null;
}

export function placeholderRow(issue: MakeIssue, at: Parameters<MakeIssue>[2]): ValidationIssue {
  return issue(
    'error',
    'content.placeholder',
    at,
    '这一行还是 bulletin init 写入的占位内容，没有填写。',
    PLACEHOLDER_HINT,
  );
}

const DELETE_FILE = '如本期不需要这一部分，请删除这个文件，公报将不包含这一部分。';

/** No data rows, no figure in any row, or some rows without figures: one finding each. */
export function emptyTableFindings<K extends string>(
  schema: SummarySchema<K>,
  issue: MakeIssue,
  map: HeaderMap<K>,
  dataRows: number,
  unfilled: readonly UnfilledRow[],
): ValidationIssue[] {
  const figures = figureFields(schema).map((f) => f.label);
  // Findings about whole rows point at the first figure column, where typing starts.
  const first = figureFields(schema).flatMap((f) => map.columns.get(f.key) ?? [])[0];
  const at = (row: number, value: string | null = null) => ({
    row,
    col: first ? first.index + 1 : null,
    header: first?.header ?? null,
    value,
  });
  if (dataRows === 0)
    return [
      issue(
        'error',
        'structure.rows.none',
        { row: map.headerRow },
        `${schema.title}的表头下面没有数据行。`,
        `请把数据填入这张表。${DELETE_FILE}`,
      ),
    ];
  const top = unfilled[0];
  if (!top) return [];
  if (unfilled.length === dataRows)
    return [
      issue(
        'error',
        'table.unfilled',
        at(top.row),
        `${schema.title}还没有填写：${dataRows} 行都没有任何数字（${figures.join('、')}）。`,
        `请填写各行的数字，没有召回的填 0；不需要的行可以整行删除。${DELETE_FILE}`,
      ),
    ];
  const listed = unfilled.slice(0, 8).map((u) => `第 ${u.row} 行${u.label ? `（${u.label}）` : ''}`);
  const rows =
    unfilled.length === 1
      ? `${listed[0]}没有填写任何数字`
      : `${unfilled.length} 行没有填写任何数字：${listed.join('、')}${unfilled.length > listed.length ? ` 等 ${unfilled.length} 行` : ''}`;
  return [
    issue(
      'error',
      'value.required.missing',
      at(top.row, top.label || null),
      `${rows}。空白不会按 0 计算。`,
      '请填写这些行的数字：没有召回请填 0；不需要的行可以整行删除。',
    ),
  ];
}
