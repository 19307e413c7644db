/**
 * A fake Printer for build-level failure tests: each print returns a real
 * (tiny) PDF whose bookmarks the test decides, so the layout loop, the
 * contents lookup and the outputs run as in a real build, with no browser.
 */
import { PDFDocument, PDFHexString, PDFName, type PDFRef } from 'pdf-lib';
import type { Printer } from '../../src/render/browser.js';

export interface Bookmark {
  title: string;
  /** 1-based page. */
  page: number;
}

/**
 * The headings of the printed HTML, as Chromium's outline would name them (tags and spaces dropped).
 * Searched from <body> on: the head holds the inlined fonts (3.4 MB for the sample), which this
 * pattern took 25 ms a print to scan.
 */
export function headingsOf(html: string): string[] {
  const body = html.indexOf('<body');
  return [...(body < 0 ? html : html.slice(body)).matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi)]
    .map((m) =>
      (m[2] as string)
        .replace(/<[^>]*>/g, '')
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ''),
    )
    .filter(Boolean);
}

/** A PDF of `pages` blank pages with these bookmarks, in order. */
export async function pdfWithBookmarks(pages: number, marks: readonly Bookmark[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const all = Array.from({ length: pages }, () => doc.addPage([595, 842]));
  const ctx = doc.context;
  const root = ctx.nextRef();
  const refs: PDFRef[] = marks.map(() => ctx.nextRef());
  marks.forEach((m, k) => {
    const item = ctx.obj({ Parent: root, Dest: [all[m.page - 1]!.ref, 'XYZ', null, null, null] });
    item.set(PDFName.of('Title'), PDFHexString.fromText(m.title));
    if (k > 0) item.set(PDFName.of('Prev'), refs[k - 1]!);
    if (k < refs.length - 1) item.set(PDFName.of('Next'), refs[k + 1]!);
    ctx.assign(refs[k]!, item);
  });
  const outlines = ctx.obj({ Type: 'Outlines', Count: marks.length });
  if (refs.length > 0) {
    outlines.set(PDFName.of('First'), refs[0]!);
    outlines.set(PDFName.of('Last'), refs.at(-1)!);
  }
  ctx.assign(root, outlines);
  doc.catalog.set(PDFName.of('Outlines'), root);
  return doc.save();
}

export interface PrinterState {
  opened: number;
  printed: number;
  jobsClosed: number;
  closed: number;
}

/** A printer whose n-th print (1-based) is `print(n, html)`. */
export function fakePrinter(print: (pass: number, html: string) => Promise<Uint8Array>): {
  printer: Printer;
  state: PrinterState;
} {
  const state: PrinterState = { opened: 0, printed: 0, jobsClosed: 0, closed: 0 };
  const printer: Printer = {
    warmUp: () => undefined,
    identity: async () => 'fake printer',
    open: async () => {
      state.opened++;
      return {
        print: async (html) => print(++state.printed, html),
        // Not measurable: every pass is a print, as with a page whose geometry is unknown.
        measure: async () => null,
        close: async () => void state.jobsClosed++,
      };
    },
    close: async () => (state.closed++, []),
  };
  return { printer, state };
}
