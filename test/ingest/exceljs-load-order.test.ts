import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { sheetRowReader, type StreamRow } from '../../src/ingest/exceljs.js';

const require = createRequire(import.meta.url);
const saxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const readerPath = require.resolve('exceljs/lib/stream/xlsx/worksheet-reader.js');
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const WORKBOOK = `<workbook ${NS}><workbookPr/><sheets><sheet name="召回记录" sheetId="1"/></sheets></workbook>`;
// A cached error and a cached boolean behind formulas, as Excel saves them.
const SHEET =
  `<worksheet ${NS}><sheetData><row r="1">` +
  '<c r="A1" t="e"><f>Sheet9!A1</f><v>#REF!</v></c><c r="B1" t="b"><f>1=1</f><v>1</v></c>' +
  '</row></sheetData></worksheet>';

async function* chunks(text: string): AsyncGenerator<Buffer> {
  yield Buffer.from(text);
}

async function firstRow(): Promise<unknown[]> {
  const rows = (await sheetRowReader(null, chunks(WORKBOOK)))(chunks(SHEET));
  const out: StreamRow[] = [];
  for await (const r of rows) out.push(r);
  return (out[0]?.values as unknown[]).slice(1);
}

const saved = { sax: require.cache[saxPath], reader: require.cache[readerPath] };
afterEach(() => {
  require.cache[saxPath] = saved.sax;
  require.cache[readerPath] = saved.reader;
});

describe("the streaming reader's fixed SAX helper", () => {
  it('reads a cached error and a cached boolean behind a formula as the in-memory reader does', async () => {
    expect(await firstRow()).toEqual([{ error: '#REF!' }, true]);
  });

  it('still does when a library user loaded exceljs before bulletin, and leaves their exceljs as it was', async () => {
    // What `require('exceljs')` in the user's code before ours leaves in the module cache:
    // exceljs's own SAX helper, and a worksheet reader bound to it.
    delete require.cache[saxPath];
    delete require.cache[readerPath];
    const theirSax: unknown = require(saxPath);
    const theirReader: unknown = require(readerPath);
    expect(theirSax).not.toBe(saved.sax?.exports);

    expect(await firstRow()).toEqual([{ error: '#REF!' }, true]);
    expect(require(saxPath)).toBe(theirSax);
    expect(require(readerPath)).toBe(theirReader);
  });
});
