/**
 * The only module that knows pdf-lib. Chromium stamps the wall clock into
 * the PDF; we set the dates from the issue instead (same inputs, same bytes)
 * and fill in title, author and subject. It also names destinations after
 * DOM node numbers, which depend on how many layout passes the page went
 * through; those are renumbered in document order.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFObject, PDFRawStream, PDFStream, PDFString } from 'pdf-lib';
import { collapseDoubled } from '../model/text.js';

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

export async function finalizePdf(bytes: Uint8Array, info: PdfInfo): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
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
  if (info.dropLinksTo) dropLinks(doc, info.dropLinksTo);
  renumberNodeNames(doc);
  setDocumentId(doc, info);
  return doc.save({ updateFieldAppearances: false });
}

/**
 * Chromium sometimes names a bookmark twice over ("二、全国…二、全国…") when
 * its heading was pushed to the top of the next page; keep one copy.
 */
function repairOutline(doc: PDFDocument): void {
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const visit = (item: PDFDict | undefined): void => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText();
      if (title && collapseDoubled(title) !== title) node.set(PDFName.of('Title'), PDFHexString.fromText(collapseDoubled(title)));
      visit(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  visit(root?.lookupMaybe(PDFName.of('First'), PDFDict));
}

function linkUri(annot: PDFDict): string | undefined {
  return annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText();
}

/**
 * Removes the marker links from every page. The objects stay in the file
 * (the structure tree of a tagged PDF still names them) but are on no page:
 * viewers neither show nor follow them.
 */
function dropLinks(doc: PDFDocument, prefix: string): void {
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) continue;
    const keep = annots.asArray().filter((ref) => {
      const annot = doc.context.lookupMaybe(ref, PDFDict);
      return !annot || !linkUri(annot)?.startsWith(prefix);
    });
    if (keep.length === annots.size()) continue;
    if (keep.length === 0) page.node.delete(PDFName.of('Annots'));
    else page.node.set(PDFName.of('Annots'), doc.context.obj(keep));
  }
}

const NODE_NAME = /^node(\d+)$/;

/** Visits every string in the document's objects, replacing it with `fn`'s result when there is one. */
function mapStrings(doc: PDFDocument, fn: (text: string) => string | undefined): void {
  const swap = (v: PDFObject): PDFObject | undefined => {
    if (v instanceof PDFString || v instanceof PDFHexString) {
      const to = fn(v.decodeText());
      return to === undefined ? undefined : PDFString.of(to);
    }
    visit(v);
    return undefined;
  };
  const visit = (o: PDFObject): void => {
    if (o instanceof PDFDict) for (const [k, v] of o.entries()) { const to = swap(v); if (to) o.set(k, to); }
    else if (o instanceof PDFArray) o.asArray().forEach((v, i) => { const to = swap(v); if (to) o.set(i, to); });
    else if (o instanceof PDFStream) visit(o.dict);
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) visit(obj);
}

/** Chromium's `nodeNNNN` names, renumbered 1, 2, 3… in their own order (keeps name trees sorted). */
function renumberNodeNames(doc: PDFDocument): void {
  const seen = new Set<number>();
  mapStrings(doc, (t) => {
    const m = NODE_NAME.exec(t);
    if (m) seen.add(Number(m[1]));
    return undefined;
  });
  const rank = new Map([...seen].sort((a, b) => a - b).map((n, i) => [n, i + 1]));
  mapStrings(doc, (t) => {
    const m = NODE_NAME.exec(t);
    return m ? `node${String(rank.get(Number(m[1]))).padStart(8, '0')}` : undefined;
  });
}

/** The file identifier, from what the pages show and the document info (not from how it was made). */
function setDocumentId(doc: PDFDocument, info: PdfInfo): void {
  const hash = createHash('md5').update(JSON.stringify([info.title, info.subject, info.date.toISOString()]));
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    for (const s of streams) if (s instanceof PDFRawStream) hash.update(s.contents);
  }
  const id = PDFHexString.of(hash.digest('hex'));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
}
