/** Foreign recall figures: per jurisdiction, and optionally by product category. */
import { pairedFigures, recallsWithoutQuantity } from './summary-pairs.js';
import type { ForeignInput } from '../model/bulletin.js';
import type { RowAccount, ValidationIssue } from '../model/issues.js';
import type { ReferenceData } from '../model/reference.js';
import type { RawTable } from '../ingest/table.js';
import type { BoundCheck } from './summary-bounds.js';
import { rowCategory } from './category-rows.js';
import { aliasFindings, firstOfEachCountry, standardName } from './foreign-names.js';
import { readSummary, summaryAccount, type SummarySchema } from './summary-table.js';
import type { NoRecallCheck } from './summary-types.js';

type JKey = 'name' | 'recalls' | 'quantity' | 'chinaRecalls' | 'chinaQuantity';
type CKey = 'category' | 'recalls' | 'quantity';

const WITHIN = '中国生产产品的召回是该国家地区召回的一部分';

/** China-made recalls above a country's own total would print shares above 100%. */
const CHINA_WITHIN_TOTAL: BoundCheck<JKey> = {
  code: 'contradiction.foreign.china',
  label: 'name',
  hint: '请与数据来源核对这一行：常见原因是中国产品的数字与总数填反了列，或填成了别的国家地区的数字。',
  bounds: [
    { part: 'chinaRecalls', whole: 'recalls', unit: '次', why: WITHIN },
    { part: 'chinaQuantity', whole: 'quantity', unit: '件', why: WITHIN },
  ],
};

const NO_RECALLS_HINT =
  '请与数据来源核对这一行：常见原因是召回次数漏填或填成了 0，或召回数量填错了行；数量没有公开时填“未公开”。';

/** A quantity with 0 recalls: of a country, of its China-made part, of a category (a blank China count is no figure). */
const noRecalls = <K extends string>(label: K, pairs: NoRecallCheck<K>['pairs']): NoRecallCheck<K> => ({
  code: 'contradiction.foreign.no-recalls',
  label,
  pairs,
  blankIsZero: false,
  hint: NO_RECALLS_HINT,
});

export const FOREIGN_SCHEMA: SummarySchema<JKey> = {
  title: '国外召回统计表',
  bounds: CHINA_WITHIN_TOTAL,
  noRecalls: noRecalls<JKey>('name', [
    { recalls: 'recalls', quantity: 'quantity' },
    { recalls: 'chinaRecalls', quantity: 'chinaQuantity' },
  ]),
  fields: [
    {
      key: 'name',
      label: '国家地区',
      aliases: ['国家地区', '国家/地区', '国家或地区', '国家', '地区'],
      required: true,
      kind: 'text',
    },
    { key: 'recalls', label: '召回次数', aliases: ['召回次数', '次数'], required: true, kind: 'count' },
    {
      key: 'quantity',
      label: '召回数量',
      aliases: ['召回数量', '数量', '涉及数量'],
      required: true,
      kind: 'quantity-or-undisclosed',
    },
    {
      key: 'chinaRecalls',
      label: '中国产品召回次数',
      aliases: ['中国产品召回次数', '召回中国产品次数', '中国生产产品召回次数'],
      required: false,
      kind: 'count',
    },
    {
      key: 'chinaQuantity',
      label: '中国产品召回数量',
      aliases: ['中国产品召回数量', '召回中国产品数量', '中国生产产品召回数量'],
      required: false,
      kind: 'quantity-or-undisclosed',
    },
  ],
};

export const FOREIGN_CATEGORY_SCHEMA: SummarySchema<CKey> = {
  title: '国外分类召回表',
  noRecalls: noRecalls<CKey>('category', [{ recalls: 'recalls', quantity: 'quantity' }]),
  fields: [
    { key: 'category', label: '产品类别', aliases: ['产品类别', '类别', '产品分类'], required: true, kind: 'text' },
    { key: 'recalls', label: '召回次数', aliases: ['召回次数', '次数'], required: true, kind: 'count' },
    {
      key: 'quantity',
      label: '召回数量',
      aliases: ['召回数量', '数量'],
      required: true,
      kind: 'quantity-or-undisclosed',
    },
  ],
};

const optional = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function readForeign(
  table: RawTable,
  ref: ReferenceData,
): {
  jurisdictions: ForeignInput['jurisdictions'];
  issues: ValidationIssue[];
  rows: RowAccount;
} {
  const r = readSummary(table, FOREIGN_SCHEMA, [
    pairedFigures(FOREIGN_SCHEMA, [['chinaRecalls', 'chinaQuantity']]),
    recallsWithoutQuantity(FOREIGN_SCHEMA, [
      ['recalls', 'quantity'],
      ['chinaRecalls', 'chinaQuantity'],
    ]),
  ]);
  const rows = firstOfEachCountry(r, ref);
  aliasFindings(r, rows, ref);
  const jurisdictions = rows
    .filter((row) => typeof row.values.recalls === 'number')
    .map((row) => ({
      name: standardName(ref, String(row.values.name)),
      recalls: row.values.recalls as number,
      quantity: optional(row.values.quantity),
      chinaRecalls: optional(row.values.chinaRecalls),
      chinaQuantity: optional(row.values.chinaQuantity),
    }));
  return { jurisdictions, issues: r.issues, rows: summaryAccount(r) };
}

export function readForeignCategories(
  table: RawTable,
  ref: ReferenceData,
): { categories: ForeignInput['categories']; issues: ValidationIssue[]; rows: RowAccount } {
  const r = readSummary(table, FOREIGN_CATEGORY_SCHEMA);
  const categories: ForeignInput['categories'] = [];
  for (const row of r.rows) {
    const c = rowCategory(r, row, 'category', String(row.values.category ?? ''), ref, (code) =>
      categories.some((x) => x.code === code),
    );
    if (!c) continue;
    if (typeof row.values.recalls === 'number')
      categories.push({ code: c.code, recalls: row.values.recalls, quantity: optional(row.values.quantity) });
  }
  return { categories, issues: r.issues, rows: summaryAccount(r) };
}
