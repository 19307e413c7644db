/**
 * Reading back where things landed in a printed PDF (bookmark pages and
 * row-marker links: page numbers in the table of contents and table
 * continuations come from the real layout), and finishing the file
 * (pdf-finish.ts). Both work on the plain files Chromium writes
 * (pdf-reader.ts). Any other PDF (a cross-reference stream, an update
 * appended) is first written out plainly by pdf-lib, the only module that
 * loads it, and only then: a build never loads it.
 */
import { BulletinError } from '../model/errors.js';
import { bookmarkTitle, finishPlain, type PdfInfo } from './pdf-finish.js';
import { plainLayout } from './pdf-layout.js';
import { NotPlain, readPlainPdf } from './pdf-reader.js';

export type { PdfInfo } from './pdf-finish.js';

export interface PdfLayout {
  pageCount: number;
  /** Bookmarks in document order with their 1-based page. */
  outline: Array<{ title: string; page: number }>;
  /** 0-based page of the first link to each address starting with the marker prefix. */
  markers: Map<string, number>;
  /** Distance in points from the top of its page to the top of each such link. */
  markerTops: Map<string, number>;
}

/** `bytes` rewritten by pdf-lib with a classic cross-reference table and no object streams. */
async function plainCopy(bytes: Uint8Array): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

/** `read(bytes)`, or `read` of pdf-lib's plain copy when the small reader does not take `bytes`. */
async function plainly<T>(bytes: Uint8Array, read: (plain: Uint8Array) => T): Promise<T> {
  try {
    return read(bytes);
  } catch (e) {
    if (!(e instanceof NotPlain)) throw e;
  }
  const copy = await plainCopy(bytes);
  try {
    return read(copy);
  } catch (e) {
    if (!(e instanceof NotPlain)) throw e;
    throw new BulletinError(
      'render.pdf.unreadable',
      'browser',
      '浏览器打印出的 PDF 无法读取。',
      '请报告此问题，并注明所用浏览器的版本；可暂时用 --format html 生成 HTML。',
      { cause: e },
    );
  }
}

export async function readLayout(bytes: Uint8Array, markerPrefix = ''): Promise<PdfLayout> {
  return plainly(bytes, (plain) => plainLayout(readPlainPdf(plain), markerPrefix, bookmarkTitle));
}

/** The print finished for publication (pdf-finish.ts). */
export async function finalizePdf(bytes: Uint8Array, info: PdfInfo): Promise<Uint8Array> {
  return plainly(bytes, (plain) => finishPlain(plain, info));
}
