/**
 * What finishing a print (pdf-file.ts finalizePdf) depends on, as one key:
 * a cached build prints the same bytes as the build before it, and finishing
 * them again costs about 0.1 s of the sample's build. Two prints of the
 * same HTML differ only in the dates Chromium stamps into the document
 * information dictionary (/CreationDate, /ModDate: the wall clock), and
 * finishing replaces that dictionary. So the key covers every byte of the
 * print except that one object, of which only its entries' names in order
 * are kept, with where it starts, the PdfInfo and the identity of the
 * finishing code. A print the small reader (pdf-reader.ts) does not
 * take, or whose dictionary holds an entry finishing keeps, has no key: it
 * is finished every time.
 */
import { createHash } from 'node:crypto';
import type { PdfInfo } from './pdf-file.js';
import { NotPlain, readPlainPdf, Ref } from './pdf-reader.js';

/** The entries finalizePdf sets, whatever the print had. */
const OVERWRITTEN = new Set([
  'Title',
  'Author',
  'Subject',
  'Keywords',
  'Creator',
  'Producer',
  'CreationDate',
  'ModDate',
]);

/** The information dictionary's span and entry names, or null when the print is not one this key covers. */
function infoObject(print: Uint8Array): { span: [number, number]; names: string[] } | null {
  try {
    const pdf = readPlainPdf(print);
    const ref = pdf.trailer.get('Info');
    const info = ref instanceof Ref ? pdf.resolve(ref) : undefined;
    const span = ref instanceof Ref ? pdf.span(ref) : undefined;
    if (!(info instanceof Map) || !span) return null;
    const names = [...info.keys()];
    return names.every((n) => OVERWRITTEN.has(n)) ? { span, names } : null;
  } catch (e) {
    if (e instanceof NotPlain) return null;
    throw e;
  }
}

/** The key of `print` finished with `info` by the code `code` identifies; null: finish it, keep nothing. */
export function finishKey(print: Uint8Array, info: PdfInfo, code: string): string | null {
  const found = infoObject(print);
  if (!found) return null;
  const [start, end] = found.span;
  const { title, author, subject, keywords, date, dropLinksTo } = info;
  const head = ['bulletin-finished-pdf', code, [title, author, subject, keywords, date.toISOString(), dropLinksTo]];
  return createHash('sha256')
    .update(`${JSON.stringify([...head, start, found.names])}\n`)
    .update(print.subarray(0, start))
    .update(print.subarray(end))
    .digest('hex');
}
