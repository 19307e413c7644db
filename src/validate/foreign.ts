import { preview } from '../model/text.js';
/** Foreign recall figures: per jurisdiction, and optionally by product category. */
import type { ForeignInput } from '../model/bulletin.js';
import type { RowAccount, ValidationIssue } from '../model/issues.js';
import { matchCategory } from '../model/lookup.js';
import type { ReferenceData } from '../model/reference.js';
import type { RawTable } from '../ingest/table.js';
import { readSummary, summaryAccount, type SummarySchema } from './summary-table.js';

type JKey = 'name' | 'recalls' | 'quantity' | 'chinaRecalls' | 'chinaQuantity';
type CKey = 'category' | 'recalls' | 'quantity';

export const FOREIGN_SCHEMA: SummarySchema<JKey> = {
  title: '国外召回统计表',
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

export function readForeign(table: RawTable): {
  jurisdictions: ForeignInput['jurisdictions'];
  issues: ValidationIssue[];
  rows: RowAccount;
} {
  const r = readSummary(table, FOREIGN_SCHEMA);
  const jurisdictions = r.rows
    .filter((row) => typeof row.values.recalls === 'number')
    .map((row) => ({
      name: String(row.values.name),
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
    const m = matchCategory(ref, String(row.values.category ?? ''));
    if (!m.ok) {
      r.issues.push(
        r.issue(
          'error',
          'value.category.unknown',
          row.at('category'),
          `“${preview(String(row.values.category), 60)}”不是有效的产品类别。`,
          '请使用 10 个类别的代码或名称。',
        ),
      );
      continue;
    }
    if (typeof row.values.recalls === 'number')
      categories.push({ code: m.value.code, recalls: row.values.recalls, quantity: optional(row.values.quantity) });
  }
  return { categories, issues: r.issues, rows: summaryAccount(r) };
}
