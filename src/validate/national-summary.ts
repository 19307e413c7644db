/** National summary tables: by category (three periods) and by province (two periods). */
import type { NationalCategoryInput, ProvinceFigures } from '../model/bulletin.js';
import { hasErrors, type RowAccount, type ValidationIssue } from '../model/issues.js';
import type { Quarter } from '../model/quarter.js';
import type { ReferenceData } from '../model/reference.js';
import { fold, preview } from '../model/text.js';
import type { RawTable } from '../ingest/table.js';
import { rowCategory } from './category-rows.js';
import { pairedFigures } from './summary-pairs.js';
import { firstQuarterChecks } from './first-quarter.js';
import { CATEGORY_NO_RECALLS, CATEGORY_PERIODS, PROVINCE_NO_RECALLS, PROVINCE_PERIODS } from './national-periods.js';
import { rankFindings, type StatedRank } from './province-rank.js';
import {
  readSummary,
  summaryAccount,
  type SummaryField,
  type SummaryRow,
  type SummarySchema,
} from './summary-table.js';

type CatKey = 'category' | 'code' | 'cumRecalls' | 'cumQty' | 'ytdRecalls' | 'ytdQty' | 'qRecalls' | 'qQty';
type ProvKey = 'seq' | 'province' | 'ytdRecalls' | 'ytdQty' | 'qRecalls' | 'qQty';

const n = <K extends string>(key: K, label: string, aliases: string[], required = true): SummaryField<K> => ({
  key,
  label,
  aliases: [label, ...aliases],
  required,
  // 召回数量 counts products (a unit such as 吨 is refused, summary-table.ts), 召回次数 recalls.
  kind: label.endsWith('数量') ? 'quantity' : 'count',
});

export const NATIONAL_CATEGORY_SCHEMA: SummarySchema<CatKey> = {
  title: '全国分类汇总表',
  bounds: CATEGORY_PERIODS,
  noRecalls: CATEGORY_NO_RECALLS,
  fields: [
    { key: 'category', label: '产品类别', aliases: ['产品类别', '类别', '产品分类'], required: true, kind: 'text' },
    { key: 'code', label: '代码', aliases: ['代码', '类别代码'], required: false, kind: 'text' },
    n('cumRecalls', '累计召回次数', ['历年召回次数', '累计次数']),
    n('cumQty', '累计召回数量', ['历年召回数量', '累计数量']),
    n('ytdRecalls', '本年召回次数', ['年度召回次数', '本年次数']),
    n('ytdQty', '本年召回数量', ['年度召回数量', '本年数量']),
    n('qRecalls', '本季度召回次数', ['季度召回次数', '本季度次数']),
    n('qQty', '本季度召回数量', ['季度召回数量', '本季度数量']),
  ],
};

export const NATIONAL_PROVINCE_SCHEMA: SummarySchema<ProvKey> = {
  title: '全国各省汇总表',
  bounds: PROVINCE_PERIODS,
  noRecalls: PROVINCE_NO_RECALLS,
  fields: [
    { key: 'seq', label: '序号', aliases: ['序号'], required: false, kind: 'text' },
    {
      key: 'province',
      label: '省份',
      aliases: ['省份', '开展召回的省市', '省市', '省局', '地区'],
      required: true,
      kind: 'text',
    },
    n('ytdRecalls', '本年召回次数', ['年度召回次数']),
    n('ytdQty', '本年召回数量', ['年度召回数量']),
    n('qRecalls', '本季度召回次数', ['季度召回次数'], false),
    n('qQty', '本季度召回数量', ['季度召回数量'], false),
  ],
};

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** `quarter` null: not known (a loose file), so the first quarter's 本季度 = 本年 is not checked. */
export function readNationalCategories(
  table: RawTable,
  ref: ReferenceData,
  quarter: Quarter | null = null,
): { categories: NationalCategoryInput[]; issues: ValidationIssue[]; rows: RowAccount } {
  const r = readSummary(
    table,
    NATIONAL_CATEGORY_SCHEMA,
    firstQuarterChecks(NATIONAL_CATEGORY_SCHEMA, 'category', quarter),
  );
  const byCode = new Map<string, NationalCategoryInput>();
  for (const row of r.rows) {
    const text = [row.values.code, row.values.category].filter((x) => typeof x === 'string' && x).join(' ');
    const c = rowCategory(r, row, 'category', text, ref, (code) => byCode.has(code));
    if (!c) continue;
    byCode.set(c.code, categoryFigures(c.code, row.values));
  }
  const missing = ref.categories.filter((c) => !byCode.has(c.code));
  if (missing.length > 0 && r.rows.length > 0 && !hasErrors(r.issues)) {
    r.issues.push(
      r.issue(
        'warning',
        'national.category.missing',
        {},
        `${NATIONAL_CATEGORY_SCHEMA.title}中没有这些类别：${missing.map((c) => c.name).join('、')}，按 0 处理。`,
        '如果这些类别确有召回，请补上对应的行。',
      ),
    );
  }
  return {
    categories: ref.categories.map(
      (c) => byCode.get(c.code) ?? { code: c.code, cumulative: zero(), ytd: zero(), quarter: zero() },
    ),
    issues: r.issues,
    rows: summaryAccount(r),
  };
}

const zero = () => ({ recalls: 0, quantity: 0 });

/** A category row's figures for three periods; a figure not given (an optional column left blank) counts 0. */
function categoryFigures(code: string, v: SummaryRow<CatKey>['values']): NationalCategoryInput {
  return {
    code,
    cumulative: { recalls: num(v.cumRecalls), quantity: num(v.cumQty) },
    ytd: { recalls: num(v.ytdRecalls), quantity: num(v.ytdQty) },
    quarter: { recalls: num(v.qRecalls), quantity: num(v.qQty) },
  };
}

export function readNationalProvinces(
  table: RawTable,
  ref: ReferenceData,
  quarter: Quarter | null = null,
): { provinces: ProvinceFigures[]; issues: ValidationIssue[]; rows: RowAccount } {
  const r = readSummary(table, NATIONAL_PROVINCE_SCHEMA, [
    ...firstQuarterChecks(NATIONAL_PROVINCE_SCHEMA, 'province', quarter),
    pairedFigures(NATIONAL_PROVINCE_SCHEMA, [['qRecalls', 'qQty']]),
  ]);
  const provinces: ProvinceFigures[] = [];
  const ranks: StatedRank[] = [];
  for (const row of r.rows) {
    const t = fold(String(row.values.province ?? ''));
    const p = ref.provinces.find((x) => fold(x.name) === t || fold(x.short) === t || x.code === t);
    if (!p) {
      r.issues.push(
        r.issue(
          'error',
          'value.province.unknown',
          row.at('province'),
          `“${preview(String(row.values.province), 60)}”不是省级行政区。`,
          '请填写省份全称（如“湖南省”）、简称（“湖南”）或 6 位代码。',
        ),
      );
      continue;
    }
    if (provinces.some((x) => x.code === p.code)) {
      r.issues.push(
        r.issue(
          'error',
          'value.province.duplicate',
          row.at('province'),
          `${p.name}出现了不止一次。`,
          '每个省份只保留一行。',
        ),
      );
      continue;
    }
    const v = row.values;
    provinces.push({
      code: p.code,
      ytd: { recalls: num(v.ytdRecalls), quantity: num(v.ytdQty) },
      quarter: { recalls: num(v.qRecalls), quantity: num(v.qQty) },
    });
    ranks.push({ name: p.name, seq: String(v.seq ?? ''), ytd: provinces.at(-1)!.ytd, at: row.at('seq') });
  }
  r.issues.push(...rankFindings(ranks, r.issue, NATIONAL_PROVINCE_SCHEMA.title));
  return { provinces, issues: r.issues, rows: summaryAccount(r) };
}
