/**
 * A workbook too large to load (about fifty times its size in memory),
 * read row by row. It must give the same rows as the in-memory reader
 * (xlsx-reader.ts), and a property test holds it to that. The sheets' XML
 * comes from our own zip reader (xlsx-parts.ts) and is parsed by exceljs's
 * worksheet parser (exceljs.ts): exceljs's workbook stream, used before,
 * could silently drop sheets and left temp files behind. The sheet is chosen
 * the same way as in memory (a first pass reads the first rows of each
 * sheet), and merged cells repeat their master's value (their ranges are
 * scanned from the sheet's XML first, since Excel writes them after the rows;
 * hidden rows are found in the same scan).
 */
import { readFile } from 'node:fs/promises';
import { BulletinError } from '../model/errors.js';
import { sheetRowReader, type StreamRow } from './exceljs.js';
import {
  firstVisible,
  HEAD_ROWS,
  type CellValue,
  type RawRow,
  type ReaderNotice,
  type SheetChooser,
  type SheetHead,
} from './table.js';
import { hasPart, partChunks, sharedStrings, sheetParts, type SheetPart } from './xlsx-parts.js';
import { sheetLayout, withIsoDates, type Merge } from './sheet-layout.js';
import { markRow, mergesByRow } from './cell-marks.js';
import { chosenName, flatten, noSheet, sheetMissing, unreadable } from './xlsx-reader.js';
import { inspectXlsx } from './zip-guard.js';

function toRow(number: number, values: unknown, strings: readonly string[]): RawRow {
  const shared = (v: unknown) =>
    typeof v === 'object' && v !== null && 'sharedString' in v
      ? (strings[(v as { sharedString: number }).sharedString] ?? null)
      : v;
  const cells = (values as unknown[]).slice(1).map((v) => flatten(shared(v)));
  for (let i = 0; i < cells.length; i++) cells[i] ??= null;
  return { row: number, cells };
}

const hasValue = (r: RawRow) => r.cells.some((c) => c !== null);

/** The row marked hidden when it is, as the in-memory reader marks it. */
const hidden = (r: RawRow, rows: ReadonlySet<number>): RawRow => (rows.has(r.row) ? { ...r, hidden: true } : r);

type Rows = (part: SheetPart) => AsyncIterable<StreamRow>;

/** First pass: each sheet's first rows (reading stops there), in workbook order. */
async function heads(parts: readonly SheetPart[], rows: Rows, strings: readonly string[]): Promise<SheetHead[]> {
  const out: SheetHead[] = [];
  for (const p of parts) {
    const head: RawRow[] = [];
    for await (const r of rows(p)) {
      const row = toRow(r.number, r.values, strings);
      if (hasValue(row)) head.push(row);
      if (head.length >= HEAD_ROWS) break;
    }
    out.push({ name: p.name, hidden: p.hidden, rows: head });
  }
  return out;
}

/** The number format of a cell of `r` (0-based column), as cell-marks.ts asks for it. */
type FormatOf = ((col: number) => string | undefined) | null;

/** Repeats each merged range's master value over the range, as the in-memory reader does, and marks the rows. */
function mergeFiller(merges: readonly Merge[], emit: (r: RawRow) => void) {
  // At most 100 000 rows made up for merged ranges that have no row of their own in the file.
  const byRow = mergesByRow(merges);
  const covered = [...byRow.keys()].sort((a, b) => a - b);
  const masters = new Map<Merge, CellValue>();
  let next = 0;
  const fill = (r: RawRow, formatOf: FormatOf = null): void => {
    for (const m of byRow.get(r.row) ?? []) {
      const value = r.row === m.top ? (r.cells[m.left - 1] ?? null) : (masters.get(m) ?? null);
      if (r.row === m.top) masters.set(m, value);
      for (let c = m.left; c <= m.right; c++) if (r.row !== m.top || c !== m.left) r.cells[c - 1] = value;
    }
    for (let i = 0; i < r.cells.length; i++) r.cells[i] ??= null;
    if (hasValue(r)) emit(markRow(r, byRow.get(r.row), formatOf));
  };
  const upTo = (row: number) => {
    while (next < covered.length && (covered[next] as number) < row)
      fill({ row: covered[next++] as number, cells: [] });
    if (covered[next] === row) next++;
  };
  return {
    row(r: RawRow, formatOf: FormatOf) {
      upTo(r.row);
      fill(r, formatOf);
    },
    end: () => upTo(Infinity),
  };
}

/** Reads the chosen sheet row by row; returns its name and what the chooser had to say. */
export async function streamXlsx(
  path: string,
  bytesForCheck: Uint8Array | null,
  file: string,
  onRow: (r: RawRow, sheet: string) => void,
  choose: SheetChooser = firstVisible,
): Promise<{ sheet: string; notices: ReaderNotice[] }> {
  const bytes = bytesForCheck ?? (await readFile(path));
  const problem = inspectXlsx(bytes);
  if (problem) throw new BulletinError(problem.code, 'input', `${file}：${problem.message}`, problem.hint);
  try {
    const parts = await sheetParts(bytes);
    if (parts.length === 0) throw noSheet(file);
    const strings = await sharedStrings(bytes);
    const styles = hasPart(bytes, 'xl/styles.xml') ? partChunks(bytes, 'xl/styles.xml') : null;
    const reader = await sheetRowReader(styles, partChunks(bytes, 'xl/workbook.xml'));
    const rows: Rows = (p) => reader(partChunks(bytes, p.path));
    const { index, notices } = choose(await heads(parts, rows, strings));
    const chosen = parts[index];
    if (!chosen)
      throw sheetMissing(
        file,
        chosenName(choose),
        parts.map((p) => p.name),
      );
    const { merges, hiddenRows, isoDates } = await sheetLayout(bytes, chosen.path);
    // exceljs's streaming reader drops the hidden attribute (the scan above found the rows) and misreads ISO dates.
    const emit =
      hiddenRows.size === 0 && isoDates.size === 0
        ? onRow
        : (r: RawRow, s: string) => onRow(withIsoDates(hidden(r, hiddenRows), isoDates), s);
    const filler = mergeFiller(merges, (r) => emit(r, chosen.name));
    for await (const r of rows(chosen))
      filler.row(toRow(r.number, r.values, strings), (c) => r.getCell(c + 1).numFmt || undefined);
    filler.end();
    return { sheet: chosen.name, notices };
  } catch (e) {
    if (e instanceof BulletinError) throw e;
    throw unreadable(file, e);
  }
}
