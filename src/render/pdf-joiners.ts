/**
 * Print headlines join the characters of a word with U+2060 WORD JOINER
 * (headline-words.ts). Chromium draws each joiner as a zero-width glyph of
 * a fallback font marked `/Span <</ActualText <feff2060>>> BDC … EMC`, so
 * text copied or extracted from the PDF (pdftotext, a viewer's search)
 * would hold the joiners inside every headline word. The glyph draws
 * nothing visible; it and its span are taken out of the page contents.
 * pdf-lib is passed in by pdf-file.ts, the one module that loads it.
 */
import type { PDFDocument } from 'pdf-lib';

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

export function dropJoinerGlyphs(lib: PdfLib, doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const refs = contents instanceof lib.PDFArray ? contents.asArray() : [page.node.get(lib.PDFName.of('Contents'))];
    for (const ref of refs) {
      if (!(ref instanceof lib.PDFRef)) continue;
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof lib.PDFRawStream)) continue;
      // latin1 keeps every byte as one character, so the bytes come back unchanged.
      const text = Buffer.from(lib.decodePDFRawStream(stream).decode()).toString('latin1');
      const kept = withoutJoinerGlyphs(text);
      if (kept === text) continue;
      doc.context.assign(ref, doc.context.flateStream(Buffer.from(kept, 'latin1')));
    }
  }
}
