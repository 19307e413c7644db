/**
 * The only module that loads pdf-lib (pdf-structure.ts and pdf-names.ts get
 * it from here). It reads back where things landed in a printed PDF
 * (bookmark pages and row-marker links: page numbers in the table of
 * contents and table continuations come from the real layout), and
 * finalizes the file. Chromium stamps the wall clock into the PDF; we set
 * the dates from the issue instead (same inputs, same bytes) and fill in
 * title, author and subject; the marker links are removed (pdf-structure.ts)
 * and destination names renumbered (pdf-names.ts).
 */
import { createHash } from 'node:crypto';
import type { PDFDict, PDFDocument, PDFObject } from 'pdf-lib';
import { collapseDoubled } from '../model/text.js';
import { WORD_JOINER } from './headline-words.js';
import { dropJoinerGlyphs, type DeflateCache } from './pdf-joiners.js';
import { renumberNodeNames } from './pdf-names.js';
import { plainLayout } from './pdf-layout.js';
import { NotPlain, readPlainPdf } from './pdf-reader.js';
import { dropMarkerLinks, linkUri } from './pdf-structure.js';

type PdfLib = typeof import('pdf-lib');
let lib: PdfLib; // set once loaded
/** pdf-lib, or why it could not be loaded: told to the step that needs it (pdfLibrary). */
let loading: Promise<{ lib: PdfLib } | { error: unknown }> | null = null;
const notLoaded = (error: unknown) => ({ error });
const loadLib = () => (loading ??= import('pdf-lib').then((m) => ({ lib: (lib = m) }), notLoaded));

/** Starts loading pdf-lib (0.1 s) in the background, while Chromium prints and Node would only wait. */
export const warmUpPdfLib = (): void => void loadLib();

async function pdfLibrary(): Promise<PdfLib> {
  const loaded = await loadLib();
  if ('error' in loaded) throw loaded.error;
  return loaded.lib;
}

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** The document's own date (publication date), never the clock. */
  date: Date;
  /** Links to addresses starting with this are layout markers, not content: removed. */
  dropLinksTo?: string;
}

export interface PdfLayout {
  pageCount: number;
  /** Bookmarks in document order with their 1-based page. */
  outline: Array<{ title: string; page: number }>;
  /** 0-based page of the first link to each address starting with the marker prefix. */
  markers: Map<string, number>;
  /** Distance in points from the top of its page to the top of each such link. */
  markerTops: Map<string, number>;
}

/**
 * Documents parsed by readLayout with pdf-lib (a file the small reader of
 * pdf-reader.ts does not take), by their bytes: the print whose layout held
 * is finalized next, and parsing it again would cost 0.1 s.
 */
const parsed = new WeakMap<Uint8Array, PDFDocument>();

async function load(bytes: Uint8Array): Promise<PDFDocument> {
  const { PDFDocument, ParseSpeeds } = await pdfLibrary();
  // pdf-lib yields to a 1 ms timer every 100 objects parsed (every 50 written, below): 2,800
  // objects in the sample's print, about 0.1 s of waiting with nothing else to do.
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

export async function readLayout(bytes: Uint8Array, markerPrefix = ''): Promise<PdfLayout> {
  try {
    return plainLayout(await pdfLibrary(), readPlainPdf(bytes), markerPrefix, bookmarkTitle);
  } catch (e) {
    if (!(e instanceof NotPlain)) throw e;
    // Not a file as Chromium writes them: read by pdf-lib below.
  }
  const doc = await load(bytes);
  parsed.set(bytes, doc);
  const pages = doc.getPages();
  const markers = new Map<string, number>();
  const markerTops = new Map<string, number>();
  pages.forEach((page, i) => {
    const height = page.getHeight();
    for (const ref of markerPrefix
      ? (page.node.lookupMaybe(lib.PDFName.of('Annots'), lib.PDFArray)?.asArray() ?? [])
      : []) {
      const annot = doc.context.lookup(ref, lib.PDFDict);
      const uri = linkUri(lib, annot);
      if (!uri?.startsWith(markerPrefix) || markers.has(uri)) continue;
      markers.set(uri, i);
      const rect = annot.lookupMaybe(lib.PDFName.of('Rect'), lib.PDFArray)?.asArray();
      const top = rect?.[3] instanceof lib.PDFNumber ? rect[3].asNumber() : null;
      if (top !== null) markerTops.set(uri, height - top);
    }
  });
  const pageOf = new Map(pages.map((p, i) => [p.ref.toString(), i + 1]));
  const named = namedDestinations(doc);
  const outline: PdfLayout['outline'] = [];
  const root = doc.catalog.lookupMaybe(lib.PDFName.of('Outlines'), lib.PDFDict);
  const walk = (item: PDFDict | undefined): void => {
    for (let node = item; node; node = node.lookupMaybe(lib.PDFName.of('Next'), lib.PDFDict)) {
      const title = node.lookupMaybe(lib.PDFName.of('Title'), lib.PDFString, lib.PDFHexString)?.decodeText() ?? '';
      const action = node.lookupMaybe(lib.PDFName.of('A'), lib.PDFDict);
      let dest = node.lookup(lib.PDFName.of('Dest')) ?? action?.lookup(lib.PDFName.of('D'));
      if (dest instanceof lib.PDFString || dest instanceof lib.PDFHexString || dest instanceof lib.PDFName)
        dest = named.get(nameText(dest));
      if (dest instanceof lib.PDFDict) dest = dest.lookup(lib.PDFName.of('D'));
      const page = dest instanceof lib.PDFArray ? pageOf.get(String(dest.get(0))) : undefined;
      if (page) outline.push({ title: bookmarkTitle(title.replace(/\s+/g, '')), page });
      walk(node.lookupMaybe(lib.PDFName.of('First'), lib.PDFDict));
    }
  };
  walk(root?.lookupMaybe(lib.PDFName.of('First'), lib.PDFDict));
  return { pageCount: pages.length, outline, markers, markerTops };
}

const nameText = (o: PDFObject | undefined): string =>
  o instanceof lib.PDFName || o instanceof lib.PDFString || o instanceof lib.PDFHexString ? o.decodeText() : '';

/** The document's named destinations: the /Dests name tree and the older /Dests dictionary. */
function namedDestinations(doc: PDFDocument): Map<string, PDFObject | undefined> {
  const out = new Map<string, PDFObject | undefined>();
  const tree = (node: PDFDict | undefined): void => {
    if (!node) return;
    const names = node.lookupMaybe(lib.PDFName.of('Names'), lib.PDFArray)?.asArray() ?? [];
    for (let i = 0; i + 1 < names.length; i += 2) out.set(nameText(names[i]), doc.context.lookup(names[i + 1]));
    for (const kid of node.lookupMaybe(lib.PDFName.of('Kids'), lib.PDFArray)?.asArray() ?? [])
      tree(doc.context.lookupMaybe(kid, lib.PDFDict));
  };
  tree(
    doc.catalog.lookupMaybe(lib.PDFName.of('Names'), lib.PDFDict)?.lookupMaybe(lib.PDFName.of('Dests'), lib.PDFDict),
  );
  const old = doc.catalog.lookupMaybe(lib.PDFName.of('Dests'), lib.PDFDict);
  for (const [k, v] of old?.entries() ?? []) out.set(k.decodeText(), doc.context.lookup(v));
  return out;
}

/** `streams` keeps the pages it rewrites deflated for the next build of the same document (pdf-joiners.ts). */
export async function finalizePdf(
  bytes: Uint8Array,
  info: PdfInfo,
  streams: DeflateCache | null = null,
): Promise<Uint8Array> {
  // readLayout only reads: its parse is as good as a fresh one.
  const doc = parsed.get(bytes) ?? (await load(bytes));
  parsed.delete(bytes);
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setKeywords(info.keywords);
  doc.setCreator('bulletin');
  doc.setProducer('bulletin (Chromium, pdf-lib)');
  doc.setLanguage('zh-CN');
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
  repairOutline(doc);
  await dropJoinerGlyphs(lib, doc, streams);
  if (info.dropLinksTo) dropMarkerLinks(lib, doc, info.dropLinksTo);
  renumberNodeNames(lib, doc);
  setDocumentId(doc, info);
  return doc.save({ updateFieldAppearances: false, objectsPerTick: Infinity });
}

/** A heading's title without the word joiners of its print text (headline-words.ts). */
const bookmarkTitle = (title: string): string => collapseDoubled(title.replaceAll(WORD_JOINER, ''));

/**
 * Chromium sometimes names a bookmark twice over ("二、全国…二、全国…") when
 * its heading was pushed to the top of the next page; keep one copy. Word
 * joiners (headline-words.ts) are dropped.
 */
function repairOutline(doc: PDFDocument): void {
  const root = doc.catalog.lookupMaybe(lib.PDFName.of('Outlines'), lib.PDFDict);
  const visit = (item: PDFDict | undefined): void => {
    for (let node = item; node; node = node.lookupMaybe(lib.PDFName.of('Next'), lib.PDFDict)) {
      const title = node.lookupMaybe(lib.PDFName.of('Title'), lib.PDFString, lib.PDFHexString)?.decodeText();
      if (title && bookmarkTitle(title) !== title)
        node.set(lib.PDFName.of('Title'), lib.PDFHexString.fromText(bookmarkTitle(title)));
      visit(node.lookupMaybe(lib.PDFName.of('First'), lib.PDFDict));
    }
  };
  visit(root?.lookupMaybe(lib.PDFName.of('First'), lib.PDFDict));
}

/** The file identifier, from what the pages show and the document info (not from how it was made). */
function setDocumentId(doc: PDFDocument, info: PdfInfo): void {
  const hash = createHash('md5').update(JSON.stringify([info.title, info.subject, info.date.toISOString()]));
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams =
      contents instanceof lib.PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    for (const s of streams) if (s instanceof lib.PDFRawStream) hash.update(s.contents);
  }
  const id = lib.PDFHexString.of(hash.digest('hex'));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
}
