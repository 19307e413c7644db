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
  let carry = '';
  for await (const c of partChunks(bytes, path)) {
    // Tags and references are ASCII: latin1 keeps byte offsets and cannot split a character.
    const text = carry + c.toString('latin1');
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
  return { merges, hiddenRows };
}
