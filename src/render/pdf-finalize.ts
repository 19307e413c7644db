/**
 * The only module that knows pdf-lib. Chromium stamps the wall clock into
 * the PDF; we set the dates from the issue instead (same inputs, same bytes)
 * and fill in title, author and subject.
 */
import { PDFDocument } from 'pdf-lib';

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
  return doc.save({ updateFieldAppearances: false });
}

export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}
