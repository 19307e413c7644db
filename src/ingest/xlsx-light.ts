/**
 * Small workbooks read without exceljs. Loading exceljs costs 0.25–0.5 s, far
 * more than reading an 8-row sheet, and `bulletin validate` of a quarter is
 * mostly that. This reader knows only the plain cells Excel and WPS write:
 * shared and inline strings, numbers, dates (by number format, as exceljs
 * decides them), booleans, errors, plain formulas, merged ranges and hidden rows, and it gives exactly the
 * rows the in-memory reader (xlsx-reader.ts) gives (a property test holds the
 * two equal). Anything else (shared formulas, rich inline text, 1904 dates, _xHHHH_
 * escapes, overlapping merges, defined names, drawings, comments and any other
 * part, XML outside the plain subset of plain-xml.ts) makes it answer null,
 * and exceljs reads the file as before, with its own findings and messages.
 */
import { firstVisible, HEAD_ROWS, type CellValue, type RawRow, type RawTable, type SheetChooser } from './table.js';
import { plainBook, plainPart, SHEET_PARTS } from './plain-xml.js';
import { cellAddress, xmlText } from './xlsx-parts.js';
import { isoDateCell, sheetLayout, type Merge, type SheetLayout } from './sheet-layout.js';
import { markRow, mergesByRow } from './cell-marks.js';
import { inspectXlsx } from './zip-guard.js';

/** Larger workbooks go to exceljs (check-file.ts streams recall records above 2 MB anyway). */
export const LIGHT_MAX_BYTES = 2 * 1024 * 1024;

/** Built-in number formats exceljs reads as dates (its defaultnumformats.js through utils.isDateFmt). */
const DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const ESCAPE = /_x[0-9a-fA-F]{4}_/;

class Unsupported extends Error {}
const refuse = (why: string): never => {
  throw new Unsupported(why);
};
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** exceljs's utils.isDateFmt: date letters outside quotes and brackets. */
const isDateFmt = (fmt: string) => /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

function sharedStrings(xml: string): string[] {
  if (/<rPh\b/.test(xml) || ESCAPE.test(xml)) refuse('phonetic guide or escape in shared strings');
  return [...xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)].map((m) => {
    const body = (m[1] ?? '').replace(/<phoneticPr\b[^>]*\/>/g, '');
    const runs = /<r\b/.test(body)
      ? [...body.matchAll(/<r\b[^>]*>([\s\S]*?)<\/r>/g)].map((r) => r[1] as string)
      : [body];
    const texts = runs.map((run) => {
      const t = [...run.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)];
      if (t.length !== 1 || t[0]![1] === '') refuse('an empty or unusual string');
      return xmlText(t[0]![1] as string);
    });
    return texts.join('');
  });
}

/** Built-in formats exceljs names that show another figure than the number (the others never do). */
const SCALING_IDS = new Map([
  [9, '0%'],
  [10, '0.00%'],
]);

/** Style index → whether exceljs reads a number with that style as a date, and its format (as exceljs's numFmt). */
function numberStyles(xml: string): { dates: boolean[]; formats: Array<string | undefined> } {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g))
    custom.set(Number(attr(m[0], 'numFmtId')), xmlText(attr(m[0], 'formatCode') ?? ''));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const ids = [...xfs.matchAll(/<xf\b[^>]*>/g)].map((m) => parseInt(attr(m[0], 'numFmtId') ?? '0', 10) || 0);
  const dates = ids.map((id) => {
    if (!id) return false;
    const fmt = custom.get(id);
    return fmt === undefined ? DATE_IDS.has(id) : fmt !== '' && isDateFmt(fmt);
  });
  return { dates, formats: ids.map((id) => (id ? (custom.get(id) ?? SCALING_IDS.get(id)) : undefined)) };
}

interface Book {
  strings: string[];
  dates: boolean[];
  formats: Array<string | undefined>;
}

/** A number, as a Date where the cell's style is a date format. */
function numberValue(text: string, s: string | undefined, book: Book): number | Date {
  if (!NUMBER.test(text)) refuse('number');
  const n = parseFloat(text);
  return s !== undefined && book.dates[parseInt(s, 10)] ? new Date(Math.round((n - 25569) * 86_400_000)) : n;
}

/** A formula's saved result as exceljs keeps it, or the formula itself when none was saved. */
function formulaValue(t: string, formula: string, raw: string | undefined, s: string | undefined, book: Book) {
  if (raw === undefined) return { formula };
  const text = xmlText(raw);
  if (t === 'b') return /^\d+$/.test(text) ? parseInt(text, 10) !== 0 : refuse('boolean');
  if (t === 'e') return { error: text };
  // exceljs decodes a string result's entities a second time: only text without any is taken here.
  if (t === 'str') return text.includes('&') ? refuse('entity in a string result') : text;
  if (t === 'd') return isoDateCell(text);
  return t === 'n' ? numberValue(text, s, book) : refuse(`formula of type ${t}`);
}

/** One cell as exceljs's cell-xform and flatten() make it; undefined: no cell (exceljs's "Merge" type). */
function cellValue(attrs: string, body: string, book: Book): CellValue | undefined {
  const t = attr(attrs, 't') ?? 'n';
  const s = attr(attrs, 's');
  if (t === 'inlineStr' && /<is\b/.test(body)) {
    const text = /^\s*<is>\s*<t\b[^>]*>([^<]+)<\/t>\s*<\/is>\s*$/.exec(body)?.[1] ?? refuse('rich inline');
    return xmlText(text);
  }
  const m = /^\s*(?:<f>([^<]+)<\/f>)?\s*(?:<v>([^<]*)<\/v>|<v\s*\/>)?\s*$/.exec(body) ?? refuse('cell content');
  const raw = m[2] || undefined;
  if (m[1] !== undefined) return formulaValue(t, xmlText(m[1]), raw, s, book);
  if (raw === undefined) return s && parseInt(s, 10) ? null : undefined;
  const text = xmlText(raw);
  if (t === 's') return /^\d+$/.test(text) ? (book.strings[Number(text)] ?? refuse('string index')) : refuse('index');
  if (t === 'b') return /^\d+$/.test(text) ? parseInt(text, 10) !== 0 : refuse('boolean');
  if (t === 'e') return { error: text };
  // An ISO date (t="d"), read as the other readers read it (sheet-layout.ts).
  if (t === 'd') return isoDateCell(text);
  return t === 'n' ? numberValue(text, s, book) : refuse(`cell type ${t}`);
}

/** Repeats each merged range's master value over it, creating the cells, as exceljs's mergeCells does. */
function applyMerges(rows: Map<number, CellValue[]>, merges: readonly Merge[]): void {
  const taken = new Set<string>();
  for (const m of merges) {
    const master = rows.get(m.top)?.[m.left - 1] ?? null;
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        if (taken.has(`${r},${c}`)) refuse('overlapping merges');
        taken.add(`${r},${c}`);
        const cells = rows.get(r) ?? [];
        rows.set(r, cells);
        cells[c - 1] = master;
      }
  }
}

function sheetRows(xml: string, { merges, hiddenRows }: SheetLayout, book: Book): RawRow[] {
  if (/<f\s|<f\/>|<hyperlink\b/.test(xml) || ESCAPE.test(xml)) refuse('shared formula, hyperlink or escape');
  if (!/<\/worksheet>\s*$/.test(xml)) refuse('incomplete sheet');
  const data = /<sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/sheetData>)/.exec(xml) ?? refuse('no sheetData');
  const rows = new Map<number, CellValue[]>();
  /** Row → column → the number format of its number cells that have one. */
  const formats = new Map<number, Map<number, string>>();
  for (const row of (data[1] ?? '').matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(attr(row[1] as string, 'r') ?? refuse('row without r'));
    const cells = rows.get(r) ?? [];
    for (const c of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const at = cellAddress(attr(c[1] as string, 'r') ?? refuse('cell without r'));
      if (at.row !== r) refuse('cell outside its row');
      const value = cellValue(c[1] as string, c[2] ?? '', book);
      if (value !== undefined) cells[at.col - 1] = value;
      const format =
        typeof value === 'number' ? book.formats[parseInt(attr(c[1] as string, 's') ?? '0', 10)] : undefined;
      if (format !== undefined) formats.set(r, (formats.get(r) ?? new Map()).set(at.col - 1, format));
    }
    if (!rows.has(r)) rows.set(r, cells);
  }
  applyMerges(rows, merges);
  const byRow = mergesByRow(merges);
  return [...rows]
    .sort(([a], [b]) => a - b)
    .map(([row, cells]): RawRow => {
      const all = Array.from(cells, (c) => c ?? null);
      const fmt = formats.get(row);
      const r: RawRow = hiddenRows.has(row) ? { row, cells: all, hidden: true } : { row, cells: all };
      return markRow(r, byRow.get(row), fmt ? (c) => fmt.get(c) : null);
    })
    .filter((r) => r.cells.some((c) => c !== null));
}

/** The table readXlsx would give, or null where only exceljs can say (then it reads the file). */
export async function readXlsxLight(
  bytes: Uint8Array,
  file: string,
  choose: SheetChooser = firstVisible,
): Promise<RawTable | null> {
  if (bytes.length > LIGHT_MAX_BYTES || inspectXlsx(bytes)) return null;
  try {
    const parts = (await plainBook(bytes)) ?? refuse('not a plain workbook');
    const part = async (name: string, elements?: ReadonlySet<string>) =>
      (await plainPart(bytes, name, elements)) ?? refuse(`${name}: missing or not plain`);
    const book = {
      strings: sharedStrings(await part('xl/sharedStrings.xml')),
      ...numberStyles(await part('xl/styles.xml')),
    };
    const sheets: RawRow[][] = [];
    for (const p of parts)
      sheets.push(sheetRows(await part(p.path, SHEET_PARTS), await sheetLayout(bytes, p.path), book));
    const heads = parts.map((p, i) => ({ name: p.name, hidden: p.hidden, rows: sheets[i]!.slice(0, HEAD_ROWS) }));
    const { index, notices } = choose(heads);
    const chosen = parts[index];
    if (!chosen) return null;
    return { file, format: 'xlsx', sheet: chosen.name, encoding: null, rows: sheets[index]!, notices };
  } catch (e) {
    // Unsupported, or a zip or XML fault: exceljs reads the file again and words the finding.
    if (e instanceof Unsupported || e instanceof Error) return null;
    throw e;
  }
}
