/**
 * One data row → a RecallRecord, or the issues that stop it. Every field is
 * checked so staff see all of a row's problems at once. The field parsers
 * live in row-values.ts (read as values) and row-lookups.ts (looked up in the
 * reference data); this module orders them and assembles the record.
 */
import type { ValidationIssue } from '../model/issues.js';
import type { RecallRecord } from '../model/record.js';
import { isPlaceholder, PLACEHOLDER_MARK } from '../model/placeholder.js';
import type { RawRow } from '../ingest/table.js';
import { fail, required, textOf, type RowContext, type RowFindings } from './row-context.js';
import { parseCategory, parseDefectType, parseRegion } from './row-lookups.js';
import { productionPeriod as productionText } from './row-production.js';
import { checkUnit, parseQuantityField } from './quantity-field.js';
import { checkCells, parseAnnounceDate, parseTypical } from './row-values.js';

export { DEFAULT_MAX_QUANTITY, type RowContext } from './row-context.js';

const EXAMPLE_ROW = `这是 bulletin init 写入的示例行（带有“${PLACEHOLDER_MARK}”），还没有删除或替换。`;

export function parseRow(row: RawRow, ctx: RowContext): { record: RecallRecord | null; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const f: RowFindings = { row, ctx, issues };
  checkCells(f);
  if (issues.length > 0) return { record: null, issues };
  // The example row init writes, marked in its 生产者 (one look per row: a million-row file
  // pays for one short search each): one finding for the row, not one per invented value.
  if (isPlaceholder(textOf(row, ctx, 'manufacturer'))) {
    fail(f, 'manufacturer', 'content.placeholder', EXAMPLE_ROW, '请用真实的召回记录替换这一行，或整行删除。');
    return { record: null, issues };
  }
  // The order below is the order of the findings staff read.
  const announceDate = parseAnnounceDate(f);
  const manufacturer = required(f, 'manufacturer');
  const product = required(f, 'product');
  const categoryCode = parseCategory(f);
  const regionCode = parseRegion(f);
  const defectTypeCode = parseDefectType(f);
  const q = parseQuantityField(f);
  checkUnit(f, q);
  const description = textOf(row, ctx, 'description');
  const typical = parseTypical(f, description);
  const productionPeriod = productionText(f, typical);

  if (issues.some((i) => i.severity === 'error')) return { record: null, issues };
  const record: RecallRecord = {
    source: { file: ctx.file, sheet: ctx.sheet, row: row.row },
    announceDate,
    manufacturer,
    brand: textOf(row, ctx, 'brand'),
    product,
    model: textOf(row, ctx, 'model'),
    categoryCode,
    regionCode,
    defectTypeCode,
    quantity: q.ok ? q.value : 0,
    unit: textOf(row, ctx, 'unit') || (q.ok ? q.unit : '') || '件',
    // Only when the cell gave one: the usual record (and stats.json) has no such key.
    ...(q.ok && q.words ? { approx: q.words } : {}),
    productionPeriod,
    description,
    typical,
  };
  return { record, issues };
}
