/**
 * Where a measuring print put things (pdf-file.ts's PdfLayout), read with
 * the small reader of pdf-reader.ts: the pages, their link annotations and
 * the outline. Strings and names are decoded by pdf-text.ts. What this does
 * not expect makes it give up (NotPlain), and pdf-file.ts then has pdf-lib
 * write the file out plainly first. Pure.
 */
import { NotPlain, Ref, Token, type PdfValue, type PlainPdf } from './pdf-reader.js';
import { tokenText as text } from './pdf-text.js';

type Dict = Map<string, PdfValue>;
/** Follows a reference: PlainPdf's resolve, PdfEdit's get. */
export type Resolve = (v: PdfValue | undefined) => PdfValue | undefined;

export interface Layout {
  pageCount: number;
  outline: Array<{ title: string; page: number }>;
  markers: Map<string, number>;
  markerTops: Map<string, number>;
}

export const dictOrNone = (v: PdfValue | undefined): Dict | undefined => {
  if (v === undefined || v instanceof Map) return v;
  throw new NotPlain('a dictionary expected');
};
export const arrayOrNone = (v: PdfValue | undefined): PdfValue[] | undefined => {
  if (v === undefined || Array.isArray(v)) return v;
  throw new NotPlain('an array expected');
};

/** A string or hex string's text; undefined when there is none, NotPlain for another kind of value. */
export function stringOrNone(v: PdfValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v instanceof Token && v.kind !== 'name') return text(v);
  throw new NotPlain('a string expected');
}

/** The page leaves in order, with the reference each is named by and its height (MediaBox, inherited). */
export function pagesOf(resolve: Resolve, node: PdfValue | undefined, box?: PdfValue) {
  const out: Array<{ ref: Ref; node: Dict; height: number }> = [];
  const dict = dictOrNone(resolve(node));
  if (!dict || !(node instanceof Ref)) throw new NotPlain('a missing page');
  const mediaBox = dict.get('MediaBox') ?? box;
  const type = dict.get('Type');
  if (type instanceof Token && type.raw === 'Pages') {
    for (const kid of arrayOrNone(resolve(dict.get('Kids'))) ?? []) out.push(...pagesOf(resolve, kid, mediaBox));
    return out;
  }
  if (!(type instanceof Token && type.raw === 'Page')) throw new NotPlain('a page tree node of another type');
  const rect = arrayOrNone(resolve(mediaBox))?.map((n) => resolve(n));
  if (rect?.length !== 4 || rect.some((n) => typeof n !== 'number')) throw new NotPlain('a page without a MediaBox');
  out.push({ ref: node, node: dict, height: (rect[3] as number) - (rect[1] as number) });
  return out;
}

/** The named destinations: the /Dests name tree, then the older /Dests dictionary. */
function namedDestinations(pdf: PlainPdf, catalog: Dict): Map<string, PdfValue | undefined> {
  const out = new Map<string, PdfValue | undefined>();
  const tree = (node: Dict | undefined): void => {
    if (!node) return;
    const names = arrayOrNone(pdf.resolve(node.get('Names'))) ?? [];
    for (let i = 0; i + 1 < names.length; i += 2) out.set(text(names[i]), pdf.resolve(names[i + 1]));
    for (const kid of arrayOrNone(pdf.resolve(node.get('Kids'))) ?? []) tree(dictOrNone(pdf.resolve(kid)));
  };
  tree(dictOrNone(pdf.resolve(dictOrNone(pdf.resolve(catalog.get('Names')))?.get('Dests'))));
  for (const [k, v] of dictOrNone(pdf.resolve(catalog.get('Dests'))) ?? [])
    out.set(text(new Token('name', k)), pdf.resolve(v));
  return out;
}

/** The bookmarks in document order, each with its 1-based page; `title` cleans a title as pdf-file.ts does. */
function outlineOf(pdf: PlainPdf, catalog: Dict, pageOf: Map<string, number>, title: (t: string) => string) {
  const named = namedDestinations(pdf, catalog);
  const out: Layout['outline'] = [];
  const walk = (item: Dict | undefined): void => {
    for (let node = item; node; node = dictOrNone(pdf.resolve(node.get('Next')))) {
      const name = stringOrNone(pdf.resolve(node.get('Title'))) ?? '';
      const action = dictOrNone(pdf.resolve(node.get('A')));
      // A null /Dest stays null, as pdf-lib's PDFNull does: only a missing one falls back to the action.
      const own = pdf.resolve(node.get('Dest'));
      let dest = own !== undefined ? own : pdf.resolve(action?.get('D'));
      if (dest instanceof Token) dest = named.get(text(dest));
      if (dest instanceof Map) dest = pdf.resolve(dest.get('D'));
      const page = Array.isArray(dest) && dest[0] instanceof Ref ? pageOf.get(String(dest[0])) : undefined;
      if (page) out.push({ title: title(name.replace(/\s+/g, '')), page });
      walk(dictOrNone(pdf.resolve(node.get('First'))));
    }
  };
  walk(dictOrNone(pdf.resolve(dictOrNone(pdf.resolve(catalog.get('Outlines')))?.get('First'))));
  return out;
}

export function plainLayout(pdf: PlainPdf, markerPrefix: string, title: (t: string) => string): Layout {
  const catalog = dictOrNone(pdf.resolve(pdf.trailer.get('Root')));
  if (!catalog) throw new NotPlain('no catalog');
  const pages = pagesOf(pdf.resolve, catalog.get('Pages'));
  const markers = new Map<string, number>();
  const markerTops = new Map<string, number>();
  pages.forEach((page, i) => {
    for (const ref of markerPrefix ? (arrayOrNone(pdf.resolve(page.node.get('Annots'))) ?? []) : []) {
      const annot = dictOrNone(pdf.resolve(ref));
      if (!annot) throw new NotPlain('an annotation that is not a dictionary');
      const uri = stringOrNone(pdf.resolve(dictOrNone(pdf.resolve(annot.get('A')))?.get('URI')));
      if (!uri?.startsWith(markerPrefix) || markers.has(uri)) continue;
      markers.set(uri, i);
      const top = arrayOrNone(pdf.resolve(annot.get('Rect')))?.[3];
      if (typeof top === 'number') markerTops.set(uri, page.height - top);
    }
  });
  const pageOf = new Map(pages.map((p, i) => [String(p.ref), i + 1]));
  return { pageCount: pages.length, outline: outlineOf(pdf, catalog, pageOf, title), markers, markerTops };
}
