/**
 * Chromium names destinations after DOM node numbers, which depend on how
 * many layout passes the page went through; renumbered in document order,
 * two builds from the same inputs give the same bytes. pdf-lib is passed in
 * by pdf-file.ts, the one module that loads it.
 */
import type { PDFArray, PDFDict, PDFDocument, PDFName, PDFObject, PDFString } from 'pdf-lib';

type PdfLib = typeof import('pdf-lib');

const NODE_NAME = /^node(\d+)$/;

/** Where a `nodeNNNN` string sits: the dictionary key or array index holding it, and its number. */
interface NodeName {
  holder: PDFDict | PDFArray;
  at: PDFName | number;
  n: number;
}

/** Printable ASCII without escapes: such a literal string's text is its raw value (PDFDocEncoding). */
const PLAIN = /^[\x20-\x5b\x5d-\x7e]*$/;

/** A string's text, without pdf-lib's decoding for the plain strings that are nearly all of them. */
const textOf = (lib: PdfLib, v: PDFObject): string =>
  v instanceof lib.PDFString && PLAIN.test(v.asString()) ? v.asString() : (v as PDFString).decodeText();

/** Every `nodeNNNN` string in the document's objects, in one walk (each was walked twice before: 0.1 s). */
function nodeNames(lib: PdfLib, doc: PDFDocument): NodeName[] {
  const out: NodeName[] = [];
  const check = (v: PDFObject, holder: PDFDict | PDFArray, at: PDFName | number): void => {
    if (v instanceof lib.PDFString || v instanceof lib.PDFHexString) {
      const m = NODE_NAME.exec(textOf(lib, v));
      if (m) out.push({ holder, at, n: Number(m[1]) });
    } else visit(v);
  };
  const visit = (o: PDFObject): void => {
    if (o instanceof lib.PDFDict) for (const [k, v] of o.entries()) check(v, o, k);
    else if (o instanceof lib.PDFArray) o.asArray().forEach((v, i) => check(v, o, i));
    else if (o instanceof lib.PDFStream) visit(o.dict);
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) visit(obj);
  return out;
}

/** Chromium's `nodeNNNN` names, renumbered 1, 2, 3… in their own order (keeps name trees sorted). */
export function renumberNodeNames(lib: PdfLib, doc: PDFDocument): void {
  const found = nodeNames(lib, doc);
  const rank = new Map([...new Set(found.map((f) => f.n))].sort((a, b) => a - b).map((n, i) => [n, i + 1]));
  for (const { holder, at, n } of found) {
    const to = lib.PDFString.of(`node${String(rank.get(n)).padStart(8, '0')}`);
    if (holder instanceof lib.PDFDict) holder.set(at as PDFName, to);
    else (holder as PDFArray).set(at as number, to);
  }
}
