/** A national record-level export (one row per recall, with a province column). */
import type { NationalRecord } from '../model/bulletin.js';
import type { RowAccount, ValidationIssue } from '../model/issues.js';
import { matchCategory } from '../model/lookup.js';
import type { ReferenceData } from '../model/reference.js';
import { fold, preview } from '../model/text.js';
import type { RawTable } from '../ingest/table.js';
import { parseDate } from './parse-date.js';
import { partialExport, repeatedRows, type ExportRow } from './national-export.js';
import type { Quarter } from '../model/quarter.js';
import { readSummary, summaryAccount, type SummarySchema } from './summary-table.js';

type Key = 'date' | 'province' | 'category' | 'quantity' | 'maker' | 'product';

export const NATIONAL_RECORDS_SCHEMA: SummarySchema<Key> = {
  title: '全国召回记录',
  fields: [
    {
      key: 'date',
      label: '发布日期',
      aliases: ['发布日期', '公告日期', '召回日期', '日期'],
      required: true,
      kind: 'text',
    },
    { key: 'province', label: '省份', aliases: ['省份', '省局', '所在省份', '省市'], required: true, kind: 'text' },
    { key: 'category', label: '产品类别', aliases: ['产品类别', '类别', '产品分类'], required: true, kind: 'text' },
    {
      key: 'quantity',
      label: '召回数量',
      aliases: ['召回数量', '数量', '涉及数量'],
      required: true,
      kind: 'recall-quantity',
    },
    // Optional: with them a recall listed twice is told from two recalls alike (national-export.ts).
    { key: 'maker', label: '生产者', aliases: ['生产者', '生产企业', '企业名称'], required: false, kind: 'text' },
    { key: 'product', label: '产品名称', aliases: ['产品名称', '产品', '召回产品'], required: false, kind: 'text' },
  ],
};

type Read = ReturnType<typeof readSummary<Key>>;

/** One row's recall, or null with its findings added to `r`. */
function exportRow(row: Read['rows'][number], ref: ReferenceData, r: Read): ExportRow | null {
  const v = row.values;
  if (v.date === undefined || v.province === undefined || v.category === undefined || typeof v.quantity !== 'number')
    return null;
  const date = parseDate(String(v.date));
  const t = fold(String(v.province));
  const province = ref.provinces.find((p) => fold(p.name) === t || fold(p.short) === t || p.code === t);
  const category = matchCategory(ref, String(v.category));
  const bad = (key: Key, code: string, message: string, hint: string) =>
    r.issues.push(r.issue('error', code, row.at(key), message, hint));
  if (!date.ok)
    bad(
      'date',
      'value.date.unreadable',
      `无法识别的日期“${preview(String(v.date), 60)}”。`,
      '请写成 2022-08-15 或 2022年8月15日。',
    );
  if (!province)
    bad(
      'province',
      'value.province.unknown',
      `“${preview(String(v.province), 60)}”不是省级行政区。`,
      '请填写省份全称、简称或 6 位代码。',
    );
  if (!category.ok)
    bad(
      'category',
      'value.category.unknown',
      `“${preview(String(v.category), 60)}”不是有效的产品类别。`,
      '请使用 10 个类别的代码或名称。',
    );
  if (!date.ok || !province || !category.ok) return null;
  return {
    record: { date: date.value, provinceCode: province.code, categoryCode: category.value.code, quantity: v.quantity },
    row: row.row,
    maker: String(v.maker ?? '').trim(),
    product: String(v.product ?? '').trim(),
  };
}

/** The export's recalls (each once), and its findings; `quarter` (when known) to tell a cut of a year from the history. */
export function readNationalRecords(
  table: RawTable,
  ref: ReferenceData,
  quarter: Quarter | null = null,
): { records: NationalRecord[]; issues: ValidationIssue[]; rows: RowAccount } {
  const r = readSummary(table, NATIONAL_RECORDS_SCHEMA);
  const accepted = r.rows.flatMap((row) => exportRow(row, ref, r) ?? []);
  const repeated = repeatedRows(accepted, r.issue);
  r.issues.push(...repeated.issues, ...partialExport(accepted, quarter, r.issue));
  const records = accepted.filter((a) => !repeated.drop.has(a.row)).map((a) => a.record);
  return { records, issues: r.issues, rows: summaryAccount(r) };
}
