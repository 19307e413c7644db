/** The only module that loads exceljs (see the note below); readers and writers import it from here. */
import Module, { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJSTypes from 'exceljs';

/**
 * exceljs 4.4 decodes each streamed chunk of XML on its own, so a Chinese
 * character split across two chunks becomes two replacement characters
 * (seen on a 200,000-row workbook: 27 cells garbled). Its SAX helper is
 * replaced, before exceljs loads it, by one that carries partial characters
 * over with a StringDecoder.
 */
interface Tag {
  name?: string;
  attributes?: Record<string, string>;
}

/**
 * The formula of a cell whose cached result is an error or a boolean
 * (t="e", t="b") is dropped, so the cell reads as that value. exceljs's
 * streaming reader otherwise parses "#REF!" as a number (NaN, then shown
 * as an empty cell) and TRUE as 1, unlike its in-memory reader: the two
 * must give the same report. A shared formula's master (it has a ref) is
 * kept, since the cells that share it need its text.
 */
function formulaFilter(): (type: string, tag: Tag) => boolean {
  let cellType: string | undefined;
  let skipping = false;
  return (type, tag) => {
    if (type === 'opentag' && tag.name === 'c') cellType = tag.attributes?.t;
    if (type === 'opentag' && tag.name === 'f' && (cellType === 'e' || cellType === 'b') && !tag.attributes?.ref) {
      skipping = true;
      return false;
    }
    if (skipping && type === 'closetag' && tag.name === 'f') {
      skipping = false;
      return false;
    }
    return !skipping;
  };
}

/**
 * exceljs unescapes a number format's \x pairs as it reads styles.xml (0\.0000 becomes 0.0000),
 * losing what cell-marks.ts needs, and what the light reader keeps: a literal point shows 23800
 * as 2.3800, a real one as 23800.0000. Each backslash is doubled first, so its unescaping gives
 * the format back as written.
 */
function keepFormatEscapes(type: string, tag: Tag): void {
  const code = type === 'opentag' && tag.name === 'numFmt' ? tag.attributes?.formatCode : undefined;
  if (code?.includes('\\')) tag.attributes!.formatCode = code.replace(/\\/g, '\\\\');
}

const require = createRequire(import.meta.url);
const saxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const readerPath = require.resolve('exceljs/lib/stream/xlsx/worksheet-reader.js');

function fixedSax(): Module {
  const { SaxesParser } = createRequire(saxPath)('saxes') as {
    SaxesParser: new () => { on(e: string, f: (v: unknown) => void): void; write(s: string): void };
  };
  const fixed = async function* parseSax(iterable: AsyncIterable<Buffer | string>) {
    const parser = new SaxesParser();
    const decoder = new StringDecoder('utf8');
    let error: unknown;
    let events: Array<{ eventType: string; value: unknown }> = [];
    parser.on('error', (e) => (error = e));
    const keep = formulaFilter();
    for (const t of ['opentag', 'text', 'closetag'])
      parser.on(t, (value) => {
        keepFormatEscapes(t, value as Tag);
        if (keep(t, value as Tag)) events.push({ eventType: t, value });
      });
    for await (const chunk of iterable) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
      if (error) throw error;
      yield events;
      events = [];
    }
  };
  const mod = new Module(saxPath);
  mod.filename = saxPath;
  mod.loaded = true;
  mod.exports = fixed;
  return mod;
}
const ours = fixedSax();
if (!require.cache[saxPath]) require.cache[saxPath] = ours;

type RowReader = new (o: object) => AsyncIterable<StreamRow>;

/**
 * exceljs's worksheet reader bound to the fixed SAX helper. When exceljs was
 * loaded before this module (a library user's own `require('exceljs')`), its
 * reader holds the original helper, which reads "#REF!" and TRUE behind a
 * formula as NaN and 1: a private copy of the reader is then loaded beside
 * it, and the user's modules are put back as they were.
 */
let privateReader: RowReader | undefined;
export function worksheetReader(): RowReader {
  const theirs = require.cache[saxPath];
  if (theirs === ours) return require(readerPath) as RowReader;
  if (privateReader) return privateReader;
  const theirReader = require.cache[readerPath];
  require.cache[saxPath] = ours;
  delete require.cache[readerPath];
  try {
    return (privateReader = require(readerPath) as RowReader);
  } finally {
    if (theirs) require.cache[saxPath] = theirs;
    if (theirReader) require.cache[readerPath] = theirReader;
    else delete require.cache[readerPath];
  }
}
export const ExcelJS = require('exceljs') as typeof ExcelJSTypes;
export type { ExcelJSTypes };

/** A sheet's row as exceljs's streaming reader gives it (values[1] is column A). */
export interface StreamRow {
  number: number;
  values: unknown;
  /** The cell in a 1-based column, with its style's number format. */
  getCell(col: number): { numFmt?: string };
}

type Chunks = AsyncIterable<Buffer>;

/** Whole characters only: a chunk boundary never splits one, whichever SAX helper parses them. */
async function* text(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const c of chunks) yield decoder.write(c);
  yield decoder.end();
}
type Internal = new (o?: object) => {
  parseStream(c: AsyncIterable<string>): Promise<unknown>;
  init(): void;
  map?: object;
};
const internal = (path: string) => require(`exceljs/lib/${path}`) as Internal;

/**
 * exceljs's own worksheet parser, fed a sheet's XML by our zip reader
 * (xlsx-parts.ts) rather than by exceljs's workbook stream: that stream
 * (unzipper) could end with entries not yet handed over, silently dropping
 * the sheets and shared strings stored after a sheet it was parking in a
 * temp file (exceljs#3064). Cells come out as that stream made them: dates
 * by the workbook's styles and 1904 flag, formulas, errors, booleans, and
 * shared strings as { sharedString: n } (the caller resolves them).
 */
export async function sheetRowReader(
  styles: Chunks | null,
  workbook: Chunks,
): Promise<(sheet: Chunks) => AsyncIterable<StreamRow>> {
  const Styles = internal('xlsx/xform/style/styles-xform.js');
  // As exceljs's WorkbookReader: the built-in styles without a styles part, only the part's with one.
  const manager = new Styles();
  if (styles) await manager.parseStream(text(styles));
  else manager.init();
  const book = new (internal('xlsx/xform/book/workbook-xform.js'))();
  await book.parseStream(text(workbook));
  const context = {
    sharedStrings: undefined,
    styles: manager,
    properties: (book.map as { workbookPr: object }).workbookPr,
  };
  const Reader = worksheetReader();
  const options = { worksheets: 'emit', hyperlinks: 'ignore' };
  return (sheet) => new Reader({ workbook: context, id: 1, iterator: text(sheet), options });
}
