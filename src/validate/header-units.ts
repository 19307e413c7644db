/**
 * A figure column whose header puts its figures in a multiple of the unit:
 * 召回数量（万件）, 本年召回数量[万件], 召回数量/万件. Bracketed units are
 * otherwise ignored when headers are matched, so 26 under 召回数量（万件）
 * would be counted as 26 件: such a header is refused, not scaled by a guess.
 */
import { fold, preview } from '../model/text.js';
import { isScaledUnit } from '../model/unit-scale.js';
import type { ValidationIssue } from '../model/issues.js';
import type { MakeIssue } from './issue-factory.js';
import { fieldForHeader, type FieldDef, type TableSchema } from './table-schema.js';
import { isTally } from './summary-rounded.js';
import type { FieldKind } from './summary-types.js';

const BRACKETED = /\(([^)]*)\)|\[([^\]]*)\]|【([^】]*)】|〔([^〕]*)〕/gu;
/** 召回数量/万件, 召回数量:万件 (after fold: full-width ／ and ： are half-width). */
const SUFFIXED = /^(.+?)[/:]([^/:]+)$/u;

/** Record quantities, and the counts and quantities of summary tables (their kind is not text). */
function isFigure(field: FieldDef): boolean {
  return field.figure === true || ('kind' in field && field.kind !== 'text');
}

/**
 * The field and its scaled unit when `header` names a figure column in a multiple of its unit;
 * `field` is what the header matched as it is (undefined: it matched nothing, 召回数量/万件).
 */
export function scaledHeader<K extends string>(
  schema: TableSchema<K>,
  header: string,
  field: FieldDef<K> | undefined,
): { field: FieldDef<K>; unit: string } | null {
  const h = fold(header);
  if (field) {
    if (!isFigure(field)) return null;
    for (const m of h.matchAll(BRACKETED)) {
      const unit = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
      if (isScaledUnit(unit)) return { field, unit };
    }
    return null;
  }
  const m = SUFFIXED.exec(h);
  const base = m ? fieldForHeader(schema, m[1] as string) : undefined;
  return base && isFigure(base) && isScaledUnit(m![2] as string) ? { field: base, unit: m![2] as string } : null;
}

export function scaledHeaderIssue(
  issue: MakeIssue,
  at: { row: number; col: number; header: string; value: string },
  scaled: { field: FieldDef; unit: string },
): ValidationIssue {
  const { field, unit } = scaled;
  // A summary table's counts are exact: 26万 in a cell is refused there (value.number.rounded).
  const tally = 'kind' in field && isTally(field.kind as FieldKind);
  return issue(
    'error',
    'structure.column.scaled-unit',
    at,
    `列名“${preview(at.header, 60)}”的单位“${unit}”带有倍数，但这一列的数字会按原数计入（26 算作 26，而不是 26${unit}），公报上的${field.label}会差很多倍。`,
    `请把这一列的数字改成实际件数（如 260000），列名写“${field.label}”或“${field.label}（件）”${tally ? '。' : '；也可以在每个单元格里写“26万”。'}`,
  );
}
