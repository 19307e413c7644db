/**
 * The kinds of input table, how each is recognised (by file name, else by
 * its columns) and checked. Build and validate both go through here.
 */
import { basename, extname } from 'node:path';
import type {
  ClueRow,
  ForeignInput,
  NationalCategoryInput,
  NationalRecord,
  ProvinceFigures,
} from '../model/bulletin.js';
import type { RowAccount, ValidationIssue } from '../model/issues.js';
import type { Quarter } from '../model/quarter.js';
import type { RecallRecord } from '../model/record.js';
import type { Province, ReferenceData } from '../model/reference.js';
import type { RawRow, RawTable, SheetChooser } from '../ingest/table.js';
import { headerChooser } from '../validate/sheet-choice.js';
import { CLUES_SCHEMA, readClues } from '../validate/clues.js';
import { FOREIGN_CATEGORY_SCHEMA, FOREIGN_SCHEMA, readForeign, readForeignCategories } from '../validate/foreign.js';
import { mapHeader } from '../validate/header-map.js';
import { NATIONAL_RECORDS_SCHEMA, readNationalRecords } from '../validate/national-records.js';
import {
  NATIONAL_CATEGORY_SCHEMA,
  NATIONAL_PROVINCE_SCHEMA,
  readNationalCategories,
  readNationalProvinces,
} from '../validate/national-summary.js';
import { RECORD_SCHEMA } from '../validate/record-columns.js';
import type { TableSchema } from '../validate/table-schema.js';
import type { StatsTallies } from '../aggregate/stats-accumulator.js';
import { checkRecordsTable, type Hold } from './tallied-checker.js';

export const TABLE_KINDS = [
  'recalls',
  'national-categories',
  'national-provinces',
  'national-recalls',
  'foreign',
  'foreign-categories',
  'clues',
] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

const SCHEMAS: Record<TableKind, TableSchema> = {
  recalls: RECORD_SCHEMA,
  'national-categories': NATIONAL_CATEGORY_SCHEMA,
  'national-provinces': NATIONAL_PROVINCE_SCHEMA,
  'national-recalls': NATIONAL_RECORDS_SCHEMA,
  foreign: FOREIGN_SCHEMA,
  'foreign-categories': FOREIGN_CATEGORY_SCHEMA,
  clues: CLUES_SCHEMA,
};

export const kindTitle = (k: TableKind): string => SCHEMAS[k].title;

/** recalls.xlsx, national-categories.csv … (also recalls-2022Q3.xlsx, 2022Q3-recalls.csv). */
export function kindFromName(path: string): TableKind | null {
  const base = basename(path, extname(path)).toLowerCase();
  const byLength = [...TABLE_KINDS].sort((a, b) => b.length - a.length);
  return (
    byLength.find(
      (k) =>
        base === k ||
        base.startsWith(`${k}-`) ||
        base.startsWith(`${k}_`) ||
        base.endsWith(`-${k}`) ||
        base.endsWith(`_${k}`),
    ) ?? null
  );
}

/**
 * The kind whose columns the header matches best: most required columns
 * present, then most columns. Two matching columns at least, so that a
 * table missing a few columns is still recognised (and told what it lacks).
 */
export function kindFromColumns(table: RawTable): TableKind | null {
  let best: { kind: TableKind; score: number } | null = null;
  for (const kind of TABLE_KINDS) {
    const { map } = mapHeader(table, SCHEMAS[kind]);
    if (!map || map.columns.size < 2) continue;
    const required = SCHEMAS[kind].fields.filter((f) => f.required && map.columns.has(f.key)).length;
    const score = required * 1000 + map.columns.size;
    if (!best || score > best.score) best = { kind, score };
  }
  return best?.kind ?? null;
}

/**
 * The sheet of a workbook to read for a table of `kind` (any known kind when
 * null): the first visible one with a recognisable header; `wanted` is --sheet.
 */
export function sheetChooser(kind: TableKind | null, wanted?: string): SheetChooser {
  const hasHeader = (rows: readonly RawRow[]) => {
    const table: RawTable = { file: '', format: 'xlsx', sheet: null, encoding: null, rows: [...rows] };
    return kind ? mapHeader(table, SCHEMAS[kind]).map !== null : kindFromColumns(table) !== null;
  };
  return headerChooser(hasHeader, kind ? kindTitle(kind) : '已知表格', wanted);
}

export interface CheckContext {
  ref: ReferenceData;
  home: Province;
  /** null when the quarter is not known (a loose file): dates are then not checked against it. */
  quarter: Quarter | null;
  /** Above this a recall's quantity is a warning (configuration: maxQuantity). */
  maxQuantity?: number;
  /** Record files larger than this many bytes are read as a stream (set by the CLI). */
  streamBytes?: number;
}

export type Checked = { issues: ValidationIssue[]; rows: RowAccount; headerRow: number | null } & (
  | {
      kind: 'recalls';
      /** Held as asked (Hold): the records, or the figures they add up to; the totals always. */
      records: RecallRecord[];
      tallies: StatsTallies | null;
      totals: { recalls: number; quantity: number };
    }
  | { kind: 'national-categories'; categories: NationalCategoryInput[] }
  | { kind: 'national-provinces'; provinces: ProvinceFigures[] }
  | { kind: 'national-recalls'; records: NationalRecord[] }
  | { kind: 'foreign'; jurisdictions: ForeignInput['jurisdictions'] }
  | { kind: 'foreign-categories'; categories: ForeignInput['categories'] }
  | { kind: 'clues'; clues: ClueRow[] }
);

export function checkTable(kind: TableKind, table: RawTable, ctx: CheckContext, hold: Hold = 'records'): Checked {
  const headerRow = kind === 'recalls' ? null : (mapHeader(table, SCHEMAS[kind]).map?.headerRow ?? null);
  switch (kind) {
    case 'recalls': {
      const { records, tallies, totals, issues, rows, headerRow } = checkRecordsTable(table, ctx, hold);
      return { kind, records, tallies, totals, issues, rows, headerRow };
    }
    case 'national-categories':
      return { kind, headerRow, ...readNationalCategories(table, ctx.ref, ctx.quarter) };
    case 'national-provinces':
      return { kind, headerRow, ...readNationalProvinces(table, ctx.ref, ctx.quarter) };
    case 'national-recalls':
      return { kind, headerRow, ...readNationalRecords(table, ctx.ref, ctx.quarter) };
    case 'foreign':
      return { kind, headerRow, ...readForeign(table, ctx.ref) };
    case 'foreign-categories':
      return { kind, headerRow, ...readForeignCategories(table, ctx.ref) };
    case 'clues':
      return { kind, headerRow, ...readClues(table) };
  }
}
