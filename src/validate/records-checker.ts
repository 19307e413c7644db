/**
 * Checks recall rows one at a time, so a file of any size can be checked
 * without holding it: the header is found among the first rows, each later
 * row is accounted for as it comes, and duplicates are tracked by hash
 * (first-rows.ts).
 */
import type { RowAccount, ValidationIssue } from '../model/issues.js';
import type { Quarter } from '../model/quarter.js';
import type { RecallRecord } from '../model/record.js';
import type { Province, ReferenceData } from '../model/reference.js';
import { fold } from '../model/text.js';
import { FirstRows } from './first-rows.js';
import { cellText, type RawRow, type RawTable } from '../ingest/table.js';
import { HEADER_SEARCH_ROWS, mapHeader, type HeaderMap } from './header-map.js';
import { issueFactory, type MakeIssue } from './issue-factory.js';
import { RECORD_SCHEMA, type FieldKey } from './record-columns.js';
import { parseRow, type RowContext } from './row-fields.js';
import { checkTotalRow, totalRowKind, type Segment } from './total-rows.js';

export interface RecordsContext {
  ref: ReferenceData;
  home: Province;
  quarter: Quarter | null;
  /** Above this a quantity is a warning (configuration: maxQuantity). */
  maxQuantity?: number;
}

export interface RecordsResult {
  records: RecallRecord[];
  issues: ValidationIssue[];
  headerRow: number | null;
  rows: RowAccount;
}

export interface CheckerOptions {
  /** Keep accepted records (build needs them; validate only counts). */
  keepRecords: boolean;
  /** Findings kept in memory; past this they are counted and summed up in one. */
  maxIssues: number;
}

/** Cells that fold() changes only by case (printable ASCII and CJK ideographs): hashed as they are. */
const FOLD_IS_CASE = /^[\x21-\x7e\u4e00-\u9fff]*$/;

/**
 * Two independent 32-bit FNV-1a hashes of the folded key fields, separated
 * by U+0000: 64 bits, no strings kept. A–Z are lowered as they are hashed,
 * so the usual cell needs no folded copy.
 */
function keyHashes(fields: readonly string[]): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let f = 0; f < fields.length; f++) {
    const raw = fields[f] as string;
    const key = FOLD_IS_CASE.test(raw) ? raw : fold(raw);
    if (f > 0) {
      a = Math.imul(a, 0x01000193) >>> 0;
      b = Math.imul(b, 0x5bd1e995) >>> 0;
    }
    for (let i = 0; i < key.length; i++) {
      let c = key.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    }
  }
  return [a, b];
}

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
  /** The key's 64-bit hash → its first row (no strings kept). */
  private readonly seen = new FirstRows();

  constructor(
    private readonly source: Pick<RawTable, 'file' | 'sheet' | 'format' | 'encoding'>,
    private readonly ctx: RecordsContext,
    private readonly opts: CheckerOptions = { keepRecords: true, maxIssues: Infinity },
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
    const issue = this.issue;
    // One pass over the cells (this runs for every row of a file of any size).
    const filled: Array<{ i: number; t: string }> = [];
    for (let i = 0; i < r.cells.length; i++) {
      const t = cellText(r.cells[i] ?? null);
      if (t !== '') filled.push({ i, t });
    }
    // 序号 filled in ahead (Excel users number empty rows, and init's template invites it): still blank.
    const seq = map.columns.get('seq');
    if (filled.length === 0 || (filled.length === 1 && seq && filled[0]!.i === seq.index)) {
      this.rows.blank++;
      return;
    }
    const kind = totalRowKind(r.cells.length > map.width ? r.cells.slice(0, map.width) : r.cells);
    if (kind) {
      this.rows.totalRows++;
      this.add(
        ...checkTotalRow(r, kind, kind === '小计' ? this.segment : this.grand, map.columns.get('quantity'), issue),
      );
      if (kind === '小计') this.segment = { sum: 0, firstRow: null };
      return;
    }
    if (filled.length === 1 && filled[0]!.i === 0 && !map.columns.has('seq')) {
      this.rows.notes++;
      this.add(
        issue(
          'warning',
          'row.note',
          { row: r.row, col: 1, value: filled[0]!.t },
          '这一行只有第一格有内容，当作备注跳过，没有计入召回。',
          '如果这是一条召回记录，请把各列填完整。',
        ),
      );
      return;
    }
    this.rows.read++;
    if (this.source.format === 'csv' && r.cells.length < map.width) {
      this.add(
        issue(
          'warning',
          'structure.row.short',
          { row: r.row, col: r.cells.length + 1 },
          `这一行只有 ${r.cells.length} 个单元格，表头有 ${map.width} 列；缺少的列按空白处理。`,
          '通常是导出时漏了末尾的逗号；如果后面的列确实为空，可以忽略。',
        ),
      );
    }
    const extra = filled.filter((c) => c.i >= map.width);
    for (const c of extra) {
      this.add(
        issue(
          'error',
          'structure.row.extra-cells',
          { row: r.row, col: c.i + 1, value: c.t },
          '这个单元格在表头范围之外（没有列名），内容无法归属到任何一列。',
          '请把内容移到正确的列，或给这一列加上列名。',
        ),
      );
    }
    const { record, issues } = parseRow(r, this.rowCtx as RowContext);
    this.add(...issues);
    if (!record || extra.length > 0) {
      this.rows.rejected++;
      return;
    }
    const first = this.duplicateOf(record);
    if (first !== null) {
      this.rows.rejected++;
      this.add(
        issue(
          'error',
          'value.record.duplicate',
          { row: r.row, value: `${record.manufacturer} ${record.product}` },
          `这一行与第 ${first} 行是同一次召回（生产者、产品名称、型号和发布日期都相同），会被重复计数。`,
          '请删除重复的一行；如果确实是两次召回，请核对型号或日期。',
        ),
      );
      return;
    }
    this.rows.accepted++;
    if (this.opts.keepRecords) this.records.push(record);
    for (const s of [this.segment, this.grand]) {
      s.sum += record.quantity;
      s.firstRow ??= r.row;
    }
  }

  /** Same manufacturer, product, model and date as an earlier row: that row's number. */
  private duplicateOf(r: RecallRecord): number | null {
    const [a, b] = keyHashes([r.manufacturer, r.product, r.model, r.announceDate]);
    return this.seen.firstOrAdd(a, b, r.source.row);
  }

  finish(): RecordsResult {
    if (!this.map && !this.headerFailed) this.locateHeader();
    const map = this.map;
    if (map && !this.headerFailed && this.rows.read === 0) {
      this.add(
        this.issue(
          'error',
          'structure.rows.none',
          { row: map.headerRow },
          '表头下面没有任何召回记录。',
          '请把本季度的召回记录填入这张表；如已填写，请检查是否选错了文件或工作表（--sheet）。',
        ),
      );
    }
    const issues = [...this.issues];
    if (this.dropped > 0) {
      issues.push(
        this.issue(
          'warning',
          'findings.truncated',
          {},
          `另有 ${this.dropped} 条问题没有逐条列出（为节省内存只保留前 ${this.opts.maxIssues} 条）。`,
          '请先改正列出的问题，再重新检查。',
        ),
      );
    }
    return { records: this.records, issues, headerRow: map?.headerRow ?? null, rows: this.rows };
  }
}
