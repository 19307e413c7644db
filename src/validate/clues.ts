/** 表4: defect clues shared by each bureau. */
import type { ClueRow } from '../model/bulletin.js';
import type { RowAccount, ValidationIssue } from '../model/issues.js';
import { preview } from '../model/text.js';
import type { RawTable } from '../ingest/table.js';
import type { BoundCheck } from './summary-bounds.js';
import { firstOfEach } from './summary-duplicates.js';
import { readSummary, summaryAccount, type SummarySchema } from './summary-table.js';

type Key = 'seq' | 'unit' | 'reports' | 'effective' | 'inspections';

/**
 * 形成有效缺陷产品召回信息 is what came of the unit's 共享缺陷线索报告信息 (the
 * bulletin's lead: 提供共享缺陷信息35条，形成有效…12条), so it cannot be more.
 * 共享检验检测信息 is a separate share and is not compared.
 */
const EFFECTIVE_WITHIN_REPORTS: BoundCheck<Key> = {
  code: 'contradiction.clues.effective',
  label: 'unit',
  hint: '请与数据来源核对这一行：常见原因是两列的数字填反了，或把检验检测信息也算进了有效召回信息。',
  bounds: [{ part: 'effective', whole: 'reports', unit: '条', why: '有效召回信息由共享的缺陷线索报告形成' }],
};

export const CLUES_SCHEMA: SummarySchema<Key> = {
  title: '共享缺陷信息线索表',
  bounds: EFFECTIVE_WITHIN_REPORTS,
  fields: [
    { key: 'seq', label: '序号', aliases: ['序号'], required: false, kind: 'text' },
    {
      key: 'unit',
      label: '共享缺陷线索信息用户',
      aliases: ['共享缺陷线索信息用户', '单位', '用户', '单位名称'],
      required: true,
      kind: 'text',
    },
    {
      key: 'reports',
      label: '共享缺陷线索报告信息',
      aliases: ['共享缺陷线索报告信息', '线索报告', '共享缺陷信息'],
      required: true,
      kind: 'count',
    },
    {
      key: 'effective',
      label: '形成有效缺陷产品召回信息',
      aliases: ['形成有效缺陷产品召回信息', '有效召回信息'],
      required: true,
      kind: 'count',
    },
    {
      key: 'inspections',
      label: '共享检验检测信息',
      aliases: ['共享检验检测信息', '检验检测信息'],
      required: true,
      kind: 'count',
    },
  ],
};

export function readClues(table: RawTable): { clues: ClueRow[]; issues: ValidationIssue[]; rows: RowAccount } {
  const r = readSummary(table, CLUES_SCHEMA);
  const unit = (row: { values: { unit?: unknown } }) => String(row.values.unit ?? '');
  const clues = firstOfEach(r, unit, (row, first) =>
    r.issue(
      'error',
      'value.clues.duplicate',
      row.at('unit'),
      `单位“${preview(unit(row), 30)}”在第 ${first.row} 行已经有了，公报会把它列两遍，并把它的数字重复计入合计。`,
      '每个单位只保留一行（如是分批的数字，请相加后填在一行）。',
    ),
  )
    .filter((row) =>
      [row.values.reports, row.values.effective, row.values.inspections].every((v) => typeof v === 'number'),
    )
    .map((row) => ({
      unit: String(row.values.unit),
      reports: row.values.reports as number,
      effective: row.values.effective as number,
      inspections: row.values.inspections as number,
    }));
  return { clues, issues: r.issues, rows: summaryAccount(r) };
}
