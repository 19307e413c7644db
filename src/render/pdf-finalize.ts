/**
 * The only module that knows pdf-lib. Chromium stamps the wall clock into
 * the PDF; we set the dates from the issue instead (same inputs, same bytes)
 * and fill in title, author and subject.
 */
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { collapseDoubled } from '../model/text.js';

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** The document's own date (publication date), never the clock. */
  date: Date;
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
