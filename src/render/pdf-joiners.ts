/**
 * Print headlines join the characters of a word with U+2060 WORD JOINER
 * (headline-words.ts). Chromium draws each joiner as a zero-width glyph of
 * a fallback font marked `/Span <</ActualText <feff2060>>> BDC … EMC`, so
 * text copied or extracted from the PDF (pdftotext, a viewer's search)
 * would hold the joiners inside every headline word. The glyph draws
 * nothing visible; it and its span are taken out of the page contents.
 * pdf-lib is passed in by pdf-file.ts, the one module that loads it.
 */
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import type { PDFDocument, PDFObject, PDFRawStream, PDFRef } from 'pdf-lib';

type PdfLib = typeof import('pdf-lib');

/** A joiner's marked span: the /ActualText span around its glyph, with the font and moves before the glyph. */
const JOINER_SPAN =
  /\/Span\s*<<\s*\/ActualText\s*<[Ff][Ee][Ff][Ff]2060>\s*>>\s*BDC((?:(?!\b(?:BT|ET|BDC|BMC|EMC)\b)[^])*)EMC/g;
const GLYPH = /<[0-9A-Fa-f]*>\s*Tj/g;

/**
 * The span without its glyph: the moves stay (Chromium places the next
 * glyph relative to them), the marks go. A span showing text any other way
 * is left as it is.
 */
const withoutGlyph = (span: string, body: string): string =>
  /\bTJ\b|['"]/.test(body.replace(GLYPH, '')) ? span : body.replace(GLYPH, '');

/** A page's content stream (latin1, one character a byte) without the joiners' glyphs and spans. */
export function withoutJoinerGlyphs(content: string): string {
  return content.replace(JOINER_SPAN, withoutGlyph);
}

/**
 * Deflated page contents by the SHA-256 of what they inflate to (pipeline/
 * stream-cache.ts): deflating the rewritten pages with pdf-lib's pako costs
 * about 0.12 s of CPU for the sample (all 23 pages, 0.95 MB), and a rebuild
 * of an unchanged document rewrites the same pages. Node's own zlib is no substitute: its
 * output differs from pako's, so the PDF would differ from a fresh build's.
 */
export interface DeflateCache {
  get(key: string): Promise<Uint8Array | null>;
  put(key: string, deflated: Uint8Array): Promise<void>;
}

/** The page's content stream deflated as pdf-lib does, taken from `cache` when it holds exactly this content. */
async function deflated(lib: PdfLib, doc: PDFDocument, kept: Buffer, cache: DeflateCache | null): Promise<PDFObject> {
  const key = createHash('sha256').update(kept).digest('hex');
  const stored = cache && (await cache.get(key));
  // Inflating it back proves the stored stream holds exactly these bytes (a file can be damaged or edited).
  if (stored && inflatesTo(stored, kept)) return doc.context.stream(stored, { Filter: 'FlateDecode' });
  const stream = doc.context.flateStream(kept);
  await cache?.put(key, stream.getContents());
  return stream;
}

function inflatesTo(stored: Uint8Array, kept: Buffer): boolean {
  try {
    return inflateSync(stored).equals(kept);
  } catch {
    return false; // not a deflate stream at all: deflated again, as on a miss
  }
}

/**
 * A content stream's bytes. Chromium deflates every page with no other
 * filter: Node's zlib inflates those (5 ms for the sample, against 50 ms for
 * pdf-lib's decoder in JavaScript); anything else is left to pdf-lib.
 */
function inflated(lib: PdfLib, stream: PDFRawStream): Buffer {
  const plainFlate =
    stream.dict.get(lib.PDFName.of('Filter')) === lib.PDFName.of('FlateDecode') &&
    stream.dict.get(lib.PDFName.of('DecodeParms')) === undefined;
  return plainFlate ? inflateSync(stream.contents) : Buffer.from(lib.decodePDFRawStream(stream).decode());
}

export async function dropJoinerGlyphs(lib: PdfLib, doc: PDFDocument, cache: DeflateCache | null): Promise<void> {
  const changed: Array<{ ref: PDFRef; kept: Buffer }> = [];
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const refs = contents instanceof lib.PDFArray ? contents.asArray() : [page.node.get(lib.PDFName.of('Contents'))];
    for (const ref of refs) {
      if (!(ref instanceof lib.PDFRef)) continue;
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof lib.PDFRawStream)) continue;
      // latin1 keeps every byte as one character, so the bytes come back unchanged.
      const text = inflated(lib, stream).toString('latin1');
      const kept = withoutJoinerGlyphs(text);
      if (kept !== text) changed.push({ ref, kept: Buffer.from(kept, 'latin1') });
    }
  }
  const streams = await Promise.all(changed.map(({ kept }) => deflated(lib, doc, kept, cache)));
  changed.forEach(({ ref }, i) => doc.context.assign(ref, streams[i] as PDFObject));
}
