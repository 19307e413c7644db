/**
 * Where a measuring print put things (pdf-file.ts's PdfLayout), read with
 * the small reader of pdf-reader.ts instead of a full pdf-lib parse: the
 * same pages, link annotations and outline, read the way pdf-file.ts reads
 * them with pdf-lib. Strings and names are decoded by pdf-lib itself, passed
 * in by pdf-file.ts (the one module that loads it), so a title or address
 * reads exactly as it did. What pdf-lib would refuse makes this give up
 * (NotPlain), and pdf-file.ts then reads the file with pdf-lib.
 */
import { NotPlain, Ref, Token, type PdfValue, type PlainPdf } from './pdf-reader.js';

type PdfLib = typeof import('pdf-lib');
type Dict = Map<string, PdfValue>;

export interface Layout {
  pageCount: number;
  outline: Array<{ title: string; page: number }>;
  markers: Map<string, number>;
  markerTops: Map<string, number>;
}

const dictOrNone = (v: PdfValue | undefined): Dict | undefined => {
  if (v === undefined || v instanceof Map) return v;
  throw new NotPlain('a dictionary expected');
};
const arrayOrNone = (v: PdfValue | undefined): PdfValue[] | undefined => {
  if (v === undefined || Array.isArray(v)) return v;
  throw new NotPlain('an array expected');
};

/** pdf-lib's decodeText of a name, string or hex string; '' for anything else (as pdf-file.ts's nameText). */
function text(lib: PdfLib, v: PdfValue | undefined): string {
  if (!(v instanceof Token)) return '';
  if (v.kind === 'name') return lib.PDFName.of(v.raw).decodeText();
  return v.kind === 'hex' ? lib.PDFHexString.of(v.raw).decodeText() : lib.PDFString.of(v.raw).decodeText();
}

/** A string or hex string's text; undefined when there is none, NotPlain for another kind of value. */
function stringOrNone(lib: PdfLib, v: PdfValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v instanceof Token && v.kind !== 'name') return text(lib, v);
  throw new NotPlain('a string expected');
}

/** The page leaves in order, with the reference each is named by and its height (MediaBox, inherited). */
function pagesOf(pdf: PlainPdf, node: PdfValue | undefined, ref: string, box: PdfValue | undefined) {
  const out: Array<{ ref: string; node: Dict; height: number }> = [];
  const dict = dictOrNone(pdf.resolve(node));
  if (!dict) throw new NotPlain('a missing page');
  const mediaBox = dict.get('MediaBox') ?? box;
  const type = dict.get('Type');
  if (type instanceof Token && type.raw === 'Pages') {
    for (const kid of arrayOrNone(pdf.resolve(dict.get('Kids'))) ?? [])
      out.push(...pagesOf(pdf, kid, String(kid), mediaBox));
    return out;
  }
  if (!(type instanceof Token && type.raw === 'Page')) throw new NotPlain('a page tree node of another type');
  const rect = arrayOrNone(pdf.resolve(mediaBox))?.map((n) => pdf.resolve(n));
  if (rect?.length !== 4 || rect.some((n) => typeof n !== 'number')) throw new NotPlain('a page without a MediaBox');
  out.push({ ref, node: dict, height: (rect[3] as number) - (rect[1] as number) });
  return out;
}

/** The named destinations: the /Dests name tree, then the older /Dests dictionary. */
function namedDestinations(lib: PdfLib, pdf: PlainPdf, catalog: Dict): Map<string, PdfValue | undefined> {
  const out = new Map<string, PdfValue | undefined>();
  const tree = (node: Dict | undefined): void => {
    if (!node) return;
    const names = arrayOrNone(pdf.resolve(node.get('Names'))) ?? [];
    for (let i = 0; i + 1 < names.length; i += 2) out.set(text(lib, names[i]), pdf.resolve(names[i + 1]));
    for (const kid of arrayOrNone(pdf.resolve(node.get('Kids'))) ?? []) tree(dictOrNone(pdf.resolve(kid)));
  };
  tree(dictOrNone(pdf.resolve(dictOrNone(pdf.resolve(catalog.get('Names')))?.get('Dests'))));
  for (const [k, v] of dictOrNone(pdf.resolve(catalog.get('Dests'))) ?? [])
    out.set(text(lib, new Token('name', k)), pdf.resolve(v));
  return out;
}

/** The bookmarks in document order, each with its 1-based page; `title` cleans a title as pdf-file.ts does. */
function outlineOf(
  lib: PdfLib,
  pdf: PlainPdf,
  catalog: Dict,
  pageOf: Map<string, number>,
  title: (t: string) => string,
) {
  const named = namedDestinations(lib, pdf, catalog);
  const out: Layout['outline'] = [];
  const walk = (item: Dict | undefined): void => {
    for (let node = item; node; node = dictOrNone(pdf.resolve(node.get('Next')))) {
      const name = stringOrNone(lib, pdf.resolve(node.get('Title'))) ?? '';
      const action = dictOrNone(pdf.resolve(node.get('A')));
      // A null /Dest stays null, as pdf-lib's PDFNull does: only a missing one falls back to the action.
      const own = pdf.resolve(node.get('Dest'));
      let dest = own !== undefined ? own : pdf.resolve(action?.get('D'));
      if (dest instanceof Token) dest = named.get(text(lib, dest));
      if (dest instanceof Map) dest = pdf.resolve(dest.get('D'));
      const page = Array.isArray(dest) && dest[0] instanceof Ref ? pageOf.get(String(dest[0])) : undefined;
      if (page) out.push({ title: title(name.replace(/\s+/g, '')), page });
      walk(dictOrNone(pdf.resolve(node.get('First'))));
    }
  };
  walk(dictOrNone(pdf.resolve(dictOrNone(pdf.resolve(catalog.get('Outlines')))?.get('First'))));
  return out;
}

export function plainLayout(lib: PdfLib, pdf: PlainPdf, markerPrefix: string, title: (t: string) => string): Layout {
  const catalog = dictOrNone(pdf.resolve(pdf.trailer.get('Root')));
  if (!catalog) throw new NotPlain('no catalog');
  const pages = pagesOf(pdf, catalog.get('Pages'), String(catalog.get('Pages')), undefined);
  const markers = new Map<string, number>();
  const markerTops = new Map<string, number>();
  pages.forEach((page, i) => {
    for (const ref of markerPrefix ? (arrayOrNone(pdf.resolve(page.node.get('Annots'))) ?? []) : []) {
      const annot = dictOrNone(pdf.resolve(ref));
      if (!annot) throw new NotPlain('an annotation that is not a dictionary');
      const uri = stringOrNone(lib, pdf.resolve(dictOrNone(pdf.resolve(annot.get('A')))?.get('URI')));
      if (!uri?.startsWith(markerPrefix) || markers.has(uri)) continue;
      markers.set(uri, i);
      const top = arrayOrNone(pdf.resolve(annot.get('Rect')))?.[3];
      if (typeof top === 'number') markerTops.set(uri, page.height - top);
    }
  });
  const pageOf = new Map(pages.map((p, i) => [p.ref, i + 1]));
  return { pageCount: pages.length, outline: outlineOf(lib, pdf, catalog, pageOf, title), markers, markerTops };
}
