/**
 * Chromium names destinations after DOM node numbers, which depend on how
 * many layout passes the page went through; renumbered in document order,
 * two builds from the same inputs give the same bytes. pdf-lib is passed in
 * by pdf-file.ts, the one module that loads it.
 */
import type { PDFDocument, PDFObject } from 'pdf-lib';

type PdfLib = typeof import('pdf-lib');

const NODE_NAME = /^node(\d+)$/;

/** Visits every string in the document's objects, replacing it with `fn`'s result when there is one. */
function mapStrings(lib: PdfLib, doc: PDFDocument, fn: (text: string) => string | undefined): void {
  const swap = (v: PDFObject): PDFObject | undefined => {
    if (v instanceof lib.PDFString || v instanceof lib.PDFHexString) {
      const to = fn(v.decodeText());
      return to === undefined ? undefined : lib.PDFString.of(to);
    }
    visit(v);
    return undefined;
  };
  const visit = (o: PDFObject): void => {
    if (o instanceof lib.PDFDict)
      for (const [k, v] of o.entries()) {
        const to = swap(v);
        if (to) o.set(k, to);
      }
    else if (o instanceof lib.PDFArray)
      o.asArray().forEach((v, i) => {
        const to = swap(v);
        if (to) o.set(i, to);
      });
    else if (o instanceof lib.PDFStream) visit(o.dict);
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) visit(obj);
}

/** Chromium's `nodeNNNN` names, renumbered 1, 2, 3… in their own order (keeps name trees sorted). */
export function renumberNodeNames(lib: PdfLib, doc: PDFDocument): void {
  const seen = new Set<number>();
  mapStrings(lib, doc, (t) => {
    const m = NODE_NAME.exec(t);
    if (m) seen.add(Number(m[1]));
    return undefined;
  });
  const rank = new Map([...seen].sort((a, b) => a - b).map((n, i) => [n, i + 1]));
  mapStrings(lib, doc, (t) => {
    const m = NODE_NAME.exec(t);
    return m ? `node${String(rank.get(Number(m[1]))).padStart(8, '0')}` : undefined;
  });
}
