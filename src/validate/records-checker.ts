// Checks recall rows one at a time, so a file of any size can be checked without holding it: the header is found
// among the first rows, each later row is accounted for as it comes, and duplicates are tracked by hash (record-keys.ts).
import type { RowAccount, ValidationIssue } from '../model/issues.js';
import type { RecallRecord } from '../model/record.js';
import { RecordKeys } from './record-keys.js';
import { cellText, surelyFilled, type RawRow, type RawTable } from '../ingest/table.js';
import { HEADER_SEARCH_ROWS, mapHeader, type HeaderMap } from './header-map.js';
import { issueFactory, type MakeIssue } from './issue-factory.js';
import { RECORD_SCHEMA, type FieldKey } from './record-columns.js';
import { seenBefore } from './record-key.js';
import { parseRow, type RowContext } from './row-fields.js';
import {
  cellOutsideHeader,
  duplicateRow,
  possibleDuplicate,
  findingsTruncated,
  noRecords,
  isNoteRow,
  noteRow,
  quantitySumTooLarge,
  shortRow,
} from './records-findings.js';
import { totalRowFindings, totalRowKind, type Segment } from './total-rows.js';
import { HiddenRows } from './hidden-rows.js';
import type { CheckerOptions, RecordsContext, RecordsResult } from './records-types.js';

export type { CheckerOptions, RecordsContext, RecordsResult } from './records-types.js';
/** A CSV row (never hidden), as the hidden-row count sees a row checked in place. */
const VISIBLE: RawRow = { row: 0, cells: [] };

export class RecordsChecker {
  readonly records: RecallRecord[] = [];
  private readonly issues: ValidationIssue[] = [];
  private dropped = 0;
  private readonly rows: RowAccount = { read: 0, accepted: 0, rejected: 0, blank: 0, totalRows: 0, notes: 0 };
  private readonly head: RawRow[] = [];
  private map: HeaderMap<FieldKey> | null = null;
  private headerFailed = false;
  private rowCtx: RowContext | null = null;
  private readonly issue: MakeIssue;
  private segment: Segment = { sum: 0, firstRow: null };
  private readonly grand: Segment = { sum: 0, firstRow: null };
  /** Each counted recall's key, hashed (no strings kept): duplicates and possible ones. */
  private readonly seen = new RecordKeys();
  private readonly hidden = new HiddenRows();

  constructor(
    private readonly source: Pick<RawTable, 'file' | 'sheet' | 'format' | 'encoding'>,
    private readonly ctx: RecordsContext,
    private readonly opts: CheckerOptions = { keepRecords: true, maxIssues: Infinity },
    // Each accepted record, as it is accepted (the build's running tallies). One checked in place
    // (acceptPlain) is a reused object, not a typical case, with only what the tallies read filled in.
    private readonly onRecord?: (record: RecallRecord) => void,
  ) {
    this.issue = issueFactory(source);
  }

  private add(...found: ValidationIssue[]): void {
    for (const f of found) {
      if (this.issues.length < this.opts.maxIssues) this.issues.push(f);
      else this.dropped++;
    }
  }

  push(r: RawRow): void {
    if (this.headerFailed) return;
    if (!this.map) {
      this.head.push(r);
      if (this.head.length >= HEADER_SEARCH_ROWS) this.locateHeader();
      return;
    }
    this.row(r);
  }

  /** Finds the header among the buffered first rows, then checks the rows after it. */
  private locateHeader(): void {
    const { map, issues } = mapHeader({ ...this.source, rows: this.head }, RECORD_SCHEMA);
    this.add(...issues);
    if (!map || issues.some((i) => i.severity === 'error')) {
      this.headerFailed = true;
      this.map = map;
      return;
    }
    this.map = map;
    this.rowCtx = {
      ...this.ctx,
      map,
      issue: this.issue,
      file: this.source.file,
      sheet: this.source.sheet,
      memo: new Map(),
    };
    for (const r of this.head.slice(map.headerIndex + 1)) this.row(r);
    this.head.length = 0;
  }

  private row(r: RawRow): void {
    const map = this.map as HeaderMap<FieldKey>;
    // One pass over the cells, counting the filled ones without an object per cell (every row of any file).
    let filled = 0;
    let first = -1;
    let extra = 0;
    for (let i = 0; i < r.cells.length; i++) {
      if (!surelyFilled(r.cells[i]) && cellText(r.cells[i] ?? null) === '') continue;
      if (filled++ === 0) first = i;
      if (i >= map.width) extra++;
    }
    if (this.skipped(r, map, filled, first)) return;
    this.rows.read++;
    this.hidden.data(r);
    if (this.source.format === 'csv' && r.cells.length < map.width) this.add(shortRow(this.issue, r, map.width));
    for (let i = map.width; extra > 0 && i < r.cells.length; i++) {
      const t = cellText(r.cells[i] ?? null);
      if (t !== '') this.add(cellOutsideHeader(this.issue, r, { i, t }));
    }
    const { record, issues } = parseRow(r, this.rowCtx as RowContext);
    if (issues.length > 0) this.add(...issues);
    if (!record || extra > 0) {
      this.rows.rejected++;
      return;
    }
    this.accept(r, record);
  }

  /** Rows that are not records (blank, 小计/合计, a note in the first cell): counted, true when skipped. */
  private skipped(r: RawRow, map: HeaderMap<FieldKey>, filled: number, first: number): boolean {
    // 序号 filled in ahead (Excel users number empty rows, and init's template invites it): still blank.
    const seq = map.columns.get('seq');
    if (filled === 0 || (filled === 1 && seq && first === seq.index)) {
      this.rows.blank++;
      return true;
    }
    const kind = totalRowKind(r.cells.length > map.width ? r.cells.slice(0, map.width) : r.cells);
    if (kind) {
      this.rows.totalRows++;
      const seg = kind === '小计' ? this.segment : this.grand;
      this.add(...totalRowFindings(r, kind, seg, map.columns, this.issue));
      if (kind === '小计') this.segment = { sum: 0, firstRow: null };
      return true;
    }
    if (isNoteRow(r, map, filled, first)) {
      this.rows.notes++;
      this.add(noteRow(this.issue, r, { i: 0, t: cellText(r.cells[0] ?? null) }));
      return true;
    }
    return false;
  }

  /** A valid record: rejected if it repeats an earlier row, else counted into the running totals. */
  private accept(r: RawRow, record: RecallRecord): void {
    const seen = seenBefore(this.seen, record);
    if (seen.exact !== null) {
      this.rows.rejected++;
      this.add(duplicateRow(this.issue, r, `${record.manufacturer} ${record.product}`, seen.exact));
      return;
    }
    this.counted(record, seen.near);
  }

  private counted(record: RecallRecord, near: number | null): void {
    if (near !== null) this.add(possibleDuplicate(this.issue, record, near));
    this.rows.accepted++;
    if (this.opts.keepRecords) this.records.push(record);
    this.onRecord?.(record);
    this.segment.sum += record.quantity;
    this.segment.firstRow ??= record.source.row;
    this.grand.sum += record.quantity;
    this.grand.firstRow ??= record.source.row;
  }

  /** What checking a CSV row in place needs (plain-rows.ts): the header found, records not kept. */
  plainContext(): RowContext | null {
    const plain = this.map && !this.headerFailed && !this.opts.keepRecords && this.source.format === 'csv';
    return plain ? this.rowCtx : null;
  }

  /** A CSV record checked in place, no finding, key hashed: counted as `push` counts it; false for a duplicate. */
  acceptPlain(record: RecallRecord): boolean {
    const seen = seenBefore(this.seen, record);
    if (seen.exact !== null) return false;
    this.rows.read++;
    this.hidden.data(VISIBLE);
    this.counted(record, seen.near);
    return true;
  }

  finish(): RecordsResult {
    if (!this.map && !this.headerFailed) this.locateHeader();
    const map = this.map;
    if (map && !this.headerFailed && this.rows.read === 0) this.add(noRecords(this.issue, map.headerRow));
    this.add(...this.hidden.findings(this.issue));
    const issues = [...this.issues];
    if (this.dropped > 0) issues.push(findingsTruncated(this.issue, this.dropped, this.opts.maxIssues));
    if (!Number.isSafeInteger(this.grand.sum)) issues.push(quantitySumTooLarge(this.issue, map, this.rows.accepted));
    const totals = { recalls: this.rows.accepted, quantity: this.grand.sum };
    return { records: this.records, totals, issues, headerRow: map?.headerRow ?? null, rows: this.rows };
  }
}
