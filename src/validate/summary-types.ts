/** The shapes of summary tables and what reading one gives (summary-table.ts reads, summary-totals.ts checks totals). */
import type { ValidationIssue } from '../model/issues.js';
import type { MakeIssue } from './issue-factory.js';
import type { FieldDef, TableSchema } from './table-schema.js';

/**
 * count: 次 (a tally); quantity: 件 of a table's row (a tally); quantity-or-undisclosed: the same, or
 * 未公开; recall-quantity: one recall's 件 (a record-level export), which may be written 25.75万 as
 * its notice has it.
 */
export type FieldKind = 'text' | 'count' | 'quantity' | 'quantity-or-undisclosed' | 'recall-quantity';

export interface SummaryField<K extends string> extends FieldDef<K> {
  kind: FieldKind;
}

export interface SummarySchema<K extends string> extends TableSchema<K> {
  fields: readonly SummaryField<K>[];
  /** Figures of a row that cannot exceed another of the same row (summary-bounds.ts): errors, the row left out. */
  bounds?: BoundCheck<K>;
  /** Counts whose quantity must be 0 when they are (summary-no-recalls.ts): errors, the row left out. */
  noRecalls?: NoRecallCheck<K>;
}

/**
 * A check a reader adds for this table only (one that depends on the quarter): its errors leave
 * their rows out, as the schema's own checks do.
 */
export type SummaryCheck<K extends string> = (r: SummaryResult<K>) => ValidationIssue[];

/** The number of recalls and the quantity they recalled, in one period or of one kind. */
export interface RecallPair<K extends string> {
  recalls: K;
  quantity: K;
}

export interface NoRecallCheck<K extends string> {
  code: string;
  pairs: readonly RecallPair<K>[];
  /** The field naming the row (类别, 省份, 国家地区), for the message. */
  label: K;
  /** An empty count cell reads as 0 in this table (the national province table's 本季度), so it is compared as 0. */
  blankIsZero: boolean;
  hint: string;
}

export interface Bound<K extends string> {
  /** The figure that is part of `whole`. */
  part: K;
  whole: K;
  unit: '次' | '件' | '条';
  /** Why the part cannot be larger, for the message: “本季度包含在本年之内”. */
  why: string;
}

export interface BoundCheck<K extends string> {
  code: string;
  bounds: readonly Bound<K>[];
  /** The field naming the row (类别, 省份, 国家地区, 单位), for the message. */
  label: K;
  hint: string;
}

/** null means 未公开 (not disclosed). */
export type SummaryValue = string | number | null;

export interface SummaryRow<K extends string> {
  row: number;
  values: Partial<Record<K, SummaryValue>>;
  /** Where each field's cell is, for later messages. */
  at: (key: K) => { row: number; col: number | null; header: string | null; value: string };
}

export interface SummaryResult<K extends string> {
  rows: SummaryRow<K>[];
  issues: ValidationIssue[];
  /** Totals stated in the file (the last 合计/总计 row), by field, and where. */
  statedTotal: { values: Partial<Record<K, number>>; at: SummaryRow<K>['at'] } | null;
  issue: MakeIssue;
  /** Excel rows of the data rows, and the rows skipped, for the row account. */
  rowNumbers: number[];
  skipped: { blank: number; totalRows: number; notes: number };
  /** Data rows without a single figure: rejected, reported together (unfilled-rows.ts). */
  unfilled: UnfilledRow[];
}

/** A data row without a single figure: rejected, and reported with the others (unfilled-rows.ts). */
export interface UnfilledRow {
  row: number;
  /** The row's names (省份, 类别, 单位 …), for messages. */
  label: string;
}
