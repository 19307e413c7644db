/**
 * Print headlines join the characters of a word with U+2060 WORD JOINER
 * (headline-words.ts). Chromium draws each joiner as a zero-width glyph of
 * a fallback font marked `/Span <</ActualText <feff2060>>> BDC … EMC`, so
 * text copied or extracted from the PDF (pdftotext, a viewer's search)
 * would hold the joiners inside every headline word. The glyph draws
 * nothing visible; it and its span are taken out of the page contents.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import type { Dict, PdfEdit, PdfStream } from './pdf-edit.js';
import { Ref, Token } from './pdf-reader.js';

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

/** A content stream's text (latin1, one character a byte), or null when it is encoded otherwise than Chromium does. */
function contentText(stream: PdfStream): string | null {
  const filter = stream.dict.get('Filter');
  if (filter === undefined) return stream.data.toString('latin1');
  const flate = filter instanceof Token && filter.raw === 'FlateDecode' && !stream.dict.has('DecodeParms');
  return flate ? inflateSync(stream.data).toString('latin1') : null;
}

/** A page's content streams: /Contents names one or an array of them. */
export function contentStreams(edit: PdfEdit, page: Dict): Ref[] {
  const held = page.get('Contents');
  const list = edit.get(held);
  return (Array.isArray(list) ? list : [held]).filter((r): r is Ref => r instanceof Ref && edit.isStream(r));
}

/** Takes the joiners' glyphs out of the pages' content streams (deflated again with Node's zlib). */
export function dropJoinerGlyphs(edit: PdfEdit, pages: ReadonlyArray<{ node: Dict }>): void {
  for (const page of pages) {
    for (const ref of contentStreams(edit, page.node)) {
      const stream = edit.stream(ref);
      const text = contentText(stream);
      const kept = text === null ? text : withoutJoinerGlyphs(text);
      if (kept === text || kept === null) continue;
      const dict = new Map([...stream.dict].filter(([k]) => k !== 'DecodeParms'));
      dict.set('Filter', new Token('name', 'FlateDecode'));
      edit.set(ref, { dict, data: deflateSync(Buffer.from(kept, 'latin1')) });
    }
  }
}
