/**
 * The usual row of a large CSV export checked in place, from a batch's text
 * and cell offsets (cell-batch.ts): no string per cell, no row, record or
 * findings array, no map lookup by a fresh string. Only a row the full check
 * (RecordsChecker.push, parseRow) would accept without a finding is done here,
 * to the same effect; any other (a finding of any kind, a quoted or overlong
 * cell, a date or quantity written another way, a possible total row, a
 * typical case, a duplicate) is handed to the full check, in order. A property
 * test feeds the same batches both ways and compares every result.
 */
import { isoDate } from '../model/calendar.js';
import { isPlaceholder } from '../model/placeholder.js';
import { quarterContains } from '../model/quarter.js';
import type { RecallRecord } from '../model/record.js';
import { rowAt, type CellBatch } from '../ingest/cell-batch.js';
import { isCountUnit } from './count-units.js';
import { parseFlag } from './parse-flag.js';
import type { FieldKey } from './record-columns.js';
import type { RecordsChecker } from './records-checker.js';
import { DEFAULT_MAX_QUANTITY, type RowContext } from './row-context.js';
import { codeWithoutFinding } from './row-lookups.js';
import { TotalMarks } from './total-marks.js';
import { TextTable } from './text-table.js';

/** Excel's limit for one cell (row-values.ts): a longer cell is a finding. */
const MAX_CELL_CHARS = 32_767;
/** Past this many distinct dates they are parsed each time (as row-context.ts's memo does). */
const DATE_LIMIT = 50_000;

/** The column of each field the in-place check reads; -1 when the header has none. */
type Columns = Record<
  'date' | 'maker' | 'product' | 'model' | 'category' | 'region' | 'defect' | 'qty' | 'flag' | 'unit',
  number
>;

export class PlainRows {
  private readonly col: Columns;
  private readonly usable: boolean;
  private readonly max: number;
  private readonly dates = new Map<number, string | null>();
  private readonly categories = new TextTable<string>();
  private readonly regions = new TextTable<string>();
  private readonly defects = new TextTable<string>();
  /** Yes/no texts: true for a plain "no" (a typical case takes the full check). */
  private readonly flags = new TextTable<boolean>();
  /** 单位 texts: true for none or a count of products (件, 只); any other (万只, 箱, 吨) takes the full check. */
  private readonly units = new TextTable<boolean>();
  /**
   * Reused for every row: the tallies read of a record that is not a typical case its codes,
   * quantity, product and manufacturer (stats-accumulator.ts); the other texts stay empty.
   */
  private readonly record: RecallRecord;

  constructor(
    private readonly ctx: RowContext,
    private readonly checker: RecordsChecker,
  ) {
    const at = (key: FieldKey) => ctx.map.columns.get(key)?.index ?? -1;
    this.col = {
      date: at('announceDate'),
      maker: at('manufacturer'),
      product: at('product'),
      model: at('model'),
      category: at('category'),
      region: at('region'),
      defect: at('defectType'),
      qty: at('quantity'),
      flag: at('typical'),
      unit: at('unit'),
    };
    // A header without one of the required columns makes a finding on every row: all go the full way.
    const { model: _model, flag: _flag, unit: _unit, ...required } = this.col;
    this.usable = Object.values(required).every((c) => c >= 0);
    this.max = ctx.maxQuantity ?? DEFAULT_MAX_QUANTITY;
    const source = { file: ctx.file, sheet: ctx.sheet, row: 0 };
    this.record = {
      ...{ source, announceDate: '', manufacturer: '', brand: '', product: '', model: '', categoryCode: '' },
      ...{ regionCode: '', defectTypeCode: '', quantity: 0, unit: '', productionPeriod: '', description: '' },
      typical: false,
    };
  }

  /** Row `row`, the record at `cells[i]`: true when it was checked and counted here, false to check it in full. */
  check(text: string, cells: Int32Array, i: number, row: number, marks: TotalMarks): boolean {
    const n = cells[i] as number;
    if (!this.usable || n !== this.ctx.map.width || !plainCells(cells, i, n)) return false;
    if (marks.within(text, cells[i + 1] as number, cells[i + 2 * n] as number)) return false;
    const c = this.col;
    const cell = (k: number): string => text.slice(cells[i + 1 + 2 * k], cells[i + 2 + 2 * k]).trim();
    const s = (k: number): number => cells[i + 1 + 2 * k] as number;
    const e = (k: number): number => cells[i + 2 + 2 * k] as number;
    const date = this.date(text, s(c.date), e(c.date));
    const quantity = this.quantity(text, s(c.qty), e(c.qty));
    if (date === null || quantity < 0 || (c.flag >= 0 && !known(this.flags, text, s(c.flag), e(c.flag), isPlainNo)))
      return false;
    // A 单位 not counting products (万只, 箱) is a finding (checkUnit); no unit after plain digits can differ.
    if (c.unit >= 0 && !known(this.units, text, s(c.unit), e(c.unit), countOrNone)) return false;
    const r = this.record;
    r.categoryCode = this.lookup(this.categories, 'category', text, s(c.category), e(c.category));
    r.regionCode = this.lookup(this.regions, 'region', text, s(c.region), e(c.region));
    r.defectTypeCode = this.lookup(this.defects, 'defect', text, s(c.defect), e(c.defect));
    r.manufacturer = cell(c.maker);
    r.product = cell(c.product);
    if (!r.categoryCode || !r.regionCode || !r.defectTypeCode || !r.manufacturer || !r.product) return false;
    if (isPlaceholder(r.manufacturer)) return false;
    const model = c.model < 0 ? '' : cell(c.model);
    r.model = model;
    r.source.row = row;
    r.announceDate = date;
    r.quantity = quantity;
    return this.checker.acceptPlain(r);
  }

  /** A date written 2022-08-15 in the quarter, as parseDate gives it; null for any other. */
  private date(text: string, s: number, e: number): string | null {
    if (e - s !== 10 || text.charCodeAt(s + 4) !== 45 || text.charCodeAt(s + 7) !== 45) return null;
    let key = 0;
    for (let k = 0; k < 10; k++) {
      if (k === 4 || k === 7) continue;
      const d = text.charCodeAt(s + k) - 48;
      if (!(d >= 0 && d <= 9)) return null;
      key = key * 10 + d;
    }
    let date = this.dates.get(key);
    if (date === undefined) {
      const iso = isoDate(Math.floor(key / 10_000), Math.floor(key / 100) % 100, key % 100);
      const q = this.ctx.quarter;
      date = iso !== null && (!q || quarterContains(q, iso)) ? iso : null;
      if (this.dates.size < DATE_LIMIT) this.dates.set(key, date);
    }
    return date;
  }

  /** Plain digits (1 to 15) up to the warning's limit, as parseQuantity reads them; -1 for any other. */
  private quantity(text: string, s: number, e: number): number {
    if (e - s < 1 || e - s > 15) return -1;
    let v = 0;
    for (let k = s; k < e; k++) {
      const d = text.charCodeAt(k) - 48;
      if (!(d >= 0 && d <= 9)) return -1;
      v = v * 10 + d;
    }
    return v > this.max ? -1 : v;
  }

  /** The code a category, region or defect type text stands for with no finding, or ''. */
  private lookup(table: TextTable<string>, kind: 'category' | 'region' | 'defect', text: string, s: number, e: number) {
    const hit = table.find(text, s, e);
    if (hit !== undefined) return hit;
    const raw = text.slice(s, e);
    const t = raw.trim();
    if (t === '') return '';
    const code = codeWithoutFinding(this.ctx, kind, t);
    table.add(raw, code);
    return code;
  }
}

const countOrNone = (u: string) => u.trim() === '' || isCountUnit(u);
/** An empty or "no" typical-case cell. */
const isPlainNo = (raw: string) => {
  const flag = parseFlag(raw);
  return flag.ok && !flag.value;
};

/** What `test` says of text[s, e), remembered by the text. */
function known(table: TextTable<boolean>, text: string, s: number, e: number, test: (raw: string) => boolean) {
  let v = table.find(text, s, e);
  if (v === undefined) {
    const raw = text.slice(s, e);
    table.add(raw, (v = test(raw)));
  }
  return v;
}

/** No quoted cell (its text needs its "" undone) and none over Excel's limit. */
function plainCells(cells: Int32Array, i: number, n: number): boolean {
  for (let k = 0; k < n; k++) {
    const s = cells[i + 1 + 2 * k] as number;
    if (s < 0 || (cells[i + 2 + 2 * k] as number) - s > MAX_CELL_CHARS) return false;
  }
  return true;
}

/** A checker's batch sink: rows numbered from 1 across batches, each checked in place or else in full. */
export function plainFeeder(checker: RecordsChecker): (batch: CellBatch) => void {
  let row = 0;
  let plain: PlainRows | null = null;
  return ({ text, cells }) => {
    const marks = new TotalMarks();
    for (let i = 0; i < cells.length; i += 1 + 2 * (cells[i] as number)) {
      row++;
      if (!plain) {
        const ctx = checker.plainContext();
        if (ctx) plain = new PlainRows(ctx, checker);
      }
      if (!plain?.check(text, cells, i, row, marks)) checker.push(rowAt(text, cells, i, row));
    }
  };
}
