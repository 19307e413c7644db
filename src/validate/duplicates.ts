import type { ValidationIssue } from '../model/issues.js';
import type { RecallRecord } from '../model/record.js';
import { fold } from '../model/text.js';
import type { MakeIssue } from './issue-factory.js';

/** Same manufacturer, product, model and date: entered twice, would be counted twice. */
export function duplicateIssues(records: RecallRecord[], issue: MakeIssue): { issues: ValidationIssue[]; duplicates: Set<RecallRecord> } {
  const seen = new Map<string, RecallRecord>();
  const out: ValidationIssue[] = [];
  const duplicates = new Set<RecallRecord>();
  for (const r of records) {
    const key = [r.manufacturer, r.product, r.model, r.announceDate].map(fold).join('\u0000');
    const first = seen.get(key);
    if (!first) {
      seen.set(key, r);
      continue;
    }
    duplicates.add(r);
    out.push(
      issue('error', 'value.record.duplicate', { row: r.source.row, value: `${r.manufacturer} ${r.product}` },
        `这一行与第 ${first.source.row} 行是同一次召回（生产者、产品名称、型号和发布日期都相同），会被重复计数。`,
        '请删除重复的一行；如果确实是两次召回，请核对型号或日期。'),
    );
  }
  return { issues: out, duplicates };
}
