/**
 * A workbook too large to load (about fifty times its size in memory),
 * read row by row with exceljs's streaming reader. It must give the same
 * rows as the in-memory reader (xlsx-reader.ts), and a property test holds
 * it to that; where exceljs's stream falls short, this module makes up for
 * it: the sheet is chosen the same way (a first pass reads the first rows
 * of each sheet), and merged cells repeat their master's value (their
 * ranges are scanned from the sheet's XML first, since Excel writes them
 * after the rows).
 */
import { readFile } from 'node:fs/promises';
import { BulletinError } from '../model/errors.js';
import { ExcelJS } from './exceljs.js';
import {
  firstVisible,
  HEAD_ROWS,
  type CellValue,
  type RawRow,
  type ReaderNotice,
  type SheetChooser,
  type SheetHead,
} from './table.js';
import { sharedStrings, sheetMerges, sheetParts, type Merge } from './xlsx-parts.js';
import { chosenName, flatten, noSheet, sheetMissing, unreadable } from './xlsx-reader.js';
import { inspectXlsx } from './zip-guard.js';

type StreamSheet = AsyncIterable<{ number: number; values: unknown }> & { name: string; state?: string };

function reader(path: string): AsyncIterable<StreamSheet> {
  return new ExcelJS.stream.xlsx.WorkbookReader(path, {
    // Kept so sheets after the shared strings are parsed directly (not via temp files);
    // where exceljs misses them, toRow resolves { sharedString } from xlsx-parts.ts.
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  }) as unknown as AsyncIterable<StreamSheet>;
}

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

/** First pass: each sheet's first rows (reading stops there), by name. */
async function heads(path: string, strings: readonly string[]): Promise<Map<string, SheetHead>> {
  const out = new Map<string, SheetHead>();
  for await (const ws of reader(path)) {
    const rows: RawRow[] = [];
    for await (const r of ws) {
      const row = toRow(r.number, r.values, strings);
      if (hasValue(row)) rows.push(row);
      if (rows.length >= HEAD_ROWS) break;
    }
    out.set(ws.name, { name: ws.name, hidden: (ws.state ?? 'visible') !== 'visible', rows });
  }
  return out;
}

/** Most rows made up for merged ranges that have no row of their own in the file. */
const MAX_SYNTHESISED = 100_000;

/** Repeats each merged range's master value over the range, as the in-memory reader does. */
function mergeFiller(merges: readonly Merge[], emit: (r: RawRow) => void) {
  const byRow = new Map<number, Merge[]>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom && byRow.size < MAX_SYNTHESISED; r++) byRow.set(r, [...(byRow.get(r) ?? []), m]);
  const covered = [...byRow.keys()].sort((a, b) => a - b);
  const masters = new Map<Merge, CellValue>();
  let next = 0;
  const fill = (r: RawRow): void => {
    for (const m of byRow.get(r.row) ?? []) {
      const value = r.row === m.top ? (r.cells[m.left - 1] ?? null) : (masters.get(m) ?? null);
      if (r.row === m.top) masters.set(m, value);
      for (let c = m.left; c <= m.right; c++) if (r.row !== m.top || c !== m.left) r.cells[c - 1] = value;
    }
    for (let i = 0; i < r.cells.length; i++) r.cells[i] ??= null;
    if (hasValue(r)) emit(r);
  };
  const upTo = (row: number) => {
    while (next < covered.length && (covered[next] as number) < row)
      fill({ row: covered[next++] as number, cells: [] });
    if (covered[next] === row) next++;
  };
  return {
    row(r: RawRow) {
      upTo(r.row);
      fill(r);
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
    const seen = await heads(path, strings);
    const ordered = parts.map((p) => ({ ...(seen.get(p.name) ?? { name: p.name, rows: [] }), hidden: p.hidden }));
    const { index, notices } = choose(ordered);
    const chosen = parts[index];
    if (!chosen)
      throw sheetMissing(
        file,
        chosenName(choose),
        parts.map((p) => p.name),
      );
    const filler = mergeFiller(await sheetMerges(bytes, chosen.path), (r) => onRow(r, chosen.name));
    for await (const ws of reader(path)) {
      if (ws.name !== chosen.name) {
        // Read through, not skipped: a sheet exceljs parked in a temp file (stored before the shared
        // strings) is deleted when we move on. Suspected, not reproduced: a skipped sheet's file deleted
        // before exceljs opened it, the uncaught ENOENT the stream-equals-memory test once reported.
        for await (const _ of ws);
        continue;
      }
      for await (const r of ws) filler.row(toRow(r.number, r.values, strings));
      break;
    }
    filler.end();
    return { sheet: chosen.name, notices };
  } catch (e) {
    if (e instanceof BulletinError) throw e;
    throw unreadable(file, e);
  }
}
