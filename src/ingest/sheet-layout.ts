/**
 * A sheet's merged ranges and hidden rows, scanned from its XML (in one pass,
 * without parsing it) for the readers that do not load the workbook through
 * exceljs: the streaming reader (exceljs's streaming parser drops both) and
 * the light one.
 */
import { cellAddress, partChunks } from './xlsx-parts.js';

/** A merged range: rows and columns 1-based, inclusive. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What the streaming and light readers need of a sheet besides its cells. */
export interface SheetLayout {
  merges: Merge[];
  /** Rows marked hidden (hidden="1" or "true", as exceljs reads the attribute). */
  hiddenRows: Set<number>;
  /**
   * Cells of the ISO date type (t="d", as SheetJS writes dates: <v>2022-07-12T00:00:00.000Z</v>)
   * by row, then 0-based column, as written. exceljs reads such a value with parseFloat: 2022,
   * a serial number, the date 1905-07-14; the readers read the text instead (withIsoDates).
   */
  isoDates: Map<number, Map<number, string>>;
}

const ISO_TYPE = /\st=(?:"d"|'d')/;

/** The t="d" cells whose </c> is in `text`, into `out`. */
function isoDatesIn(text: string, out: SheetLayout['isoDates']): void {
  for (let at = text.indexOf('t='); at >= 0; at = text.indexOf('t=', at + 2)) {
    const open = text.lastIndexOf('<c', at);
    const tagEnd = text.indexOf('>', open);
    if (open < 0 || tagEnd < at || !/^<c\s/.test(text.slice(open, open + 3))) continue;
    const tag = text.slice(open, tagEnd);
    if (!ISO_TYPE.test(tag) || tag.endsWith('/')) continue;
    const close = text.indexOf('</c>', tagEnd);
    const v = /<v>([^<]*)<\/v>/.exec(text.slice(tagEnd, close))?.[1];
    const r = quoted(tag, 'r');
    if (v === undefined || r === undefined) continue;
    const { row, col } = cellAddress(r);
    out.set(row, (out.get(row) ?? new Map<number, string>()).set(col - 1, v));
  }
}

/**
 * An ISO date cell's value: a date (UTC midnight, as other date cells arrive) when the day is
 * certain, a day or midnight with no zone, Z or +08:00; else the text as written, which the
 * date parser refuses (2022-07-11T16:00:00Z is 11 July in Excel's display, 12 July in Hunan).
 */
export function isoDateCell(text: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00|\+08:?00)?)?$/.exec(text);
  if (!m) return text;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]) ? d : text;
}

/** `row` with its ISO date cells read as isoDateCell reads them. */
export function withIsoDates<R extends { row: number; cells: unknown[] }>(
  row: R,
  isoDates: SheetLayout['isoDates'],
): R {
  const dates = isoDates.get(row.row);
  if (!dates) return row;
  const cells = [...row.cells];
  for (const [col, text] of dates) cells[col] = isoDateCell(text);
  return { ...row, cells };
}

/** An attribute's value in either quotes (XML allows both; Excel writes double). */
const quoted = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
};

/** The attribute saying hidden, at the place it is looked at (LibreOffice writes hidden="false" on every row). */
const HIDDEN_TRUE = /hidden=(?:"(?:1|true)"|'(?:1|true)')/y;

/**
 * The rows of `text` (whole tags only) marked hidden. Looked for by the attribute's name, and
 * its value first: a sheet without hidden rows or columns costs one indexOf per chunk, and
 * one that says hidden="false" of each row a look at that value, not at each <row> tag.
 */
function hiddenRowsIn(text: string, out: Set<number>): void {
  for (let at = text.indexOf('hidden='); at >= 0; at = text.indexOf('hidden=', at + 7)) {
    HIDDEN_TRUE.lastIndex = at;
    if (!HIDDEN_TRUE.test(text)) continue;
    const open = text.lastIndexOf('<', at);
    const close = text.indexOf('>', open);
    // Inside a <row> tag, as a whole attribute name (not in a cell's text, not a <col>).
    if (close < at || !/^<row\s/.test(text.slice(open, open + 5)) || !/\s/.test(text[at - 1] ?? '')) continue;
    const r = quoted(text.slice(open, close), 'r');
    if (r !== undefined && /^\d+$/.test(r)) out.add(Number(r));
  }
}

/**
 * The merged cells and hidden rows of the sheet at `path`, scanned from its XML without
 * parsing it, in one pass (the merged ranges come after the rows, so the sheet is read
 * before its rows are).
 */
export async function sheetLayout(bytes: Uint8Array, path: string): Promise<SheetLayout> {
  const merges: Merge[] = [];
  const hiddenRows = new Set<number>();
  const isoDates: SheetLayout['isoDates'] = new Map();
  let carry = '';
  // The date cells are taken whole: up to the last </c>, the rest carried to the next chunk.
  let cells = '';
  for await (const c of partChunks(bytes, path)) {
    // Tags and references are ASCII: latin1 keeps byte offsets and cannot split a character.
    const chunk = c.toString('latin1');
    const text = carry + chunk;
    cells += chunk;
    const cut = cells.lastIndexOf('</c>') + 4;
    if (cut >= 4) {
      const complete = cells.slice(0, cut);
      if (ISO_TYPE.test(complete)) isoDatesIn(complete, isoDates);
      cells = cells.slice(cut);
    }
    const last = text.lastIndexOf('<');
    if (last < 0) {
      carry = text;
      continue;
    }
    const whole = text.slice(0, last);
    for (const m of whole.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)) {
      const [a, b = a] = (m[1] as string).split(':');
      const from = cellAddress(a as string);
      const to = cellAddress(b as string);
      merges.push({ top: from.row, left: from.col, bottom: to.row, right: to.col });
    }
    hiddenRowsIn(whole, hiddenRows);
    carry = text.slice(last);
  }
  return { merges, hiddenRows, isoDates };
}
