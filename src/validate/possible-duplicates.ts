/**
 * The same recall entered twice with its product or model written another way (型号 left empty,
 * V8,P8 for V8、P8, other quotes) escapes the exact duplicate key and is counted twice. Two rows
 * of one manufacturer with the same 发布日期 and the same quantity are most likely one recall; a
 * warning, as two campaigns of one maker on one day with equal quantities do happen.
 */
import type { ValidationIssue } from '../model/issues.js';
import type { RecallRecord } from '../model/record.js';
import { preview } from '../model/text.js';
import { FirstRows } from './first-rows.js';
import type { MakeIssue } from './issue-factory.js';
import { keyHashes } from './record-key.js';

export class PossibleDuplicates {
  private readonly seen = new FirstRows();

  /** Reports a warning when an earlier counted record has this one's manufacturer, date and quantity. */
  check(record: RecallRecord, issue: MakeIssue, report: (finding: ValidationIssue) => void): void {
    const [a, b] = keyHashes([record.manufacturer, record.announceDate, String(record.quantity)]);
    const first = this.seen.firstOrAdd(a, b, record.source.row);
    if (first === null) return;
    report(
      issue(
        'warning',
        'value.record.possible-duplicate',
        { row: record.source.row, value: preview(`${record.manufacturer} ${record.product}`, 80) },
        `这一行与第 ${first} 行的生产者、发布日期和召回数量都相同（${record.quantity}），可能是同一次召回录入了两次（产品名称或型号的写法不同），公报会把它计为两次召回。`,
        '如果是同一次召回，请删除其中一行；如果确实是两次召回，可以不改。',
      ),
    );
  }
}
