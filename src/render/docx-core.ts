/**
 * docProps/core.xml, written here rather than by the `docx` package: it
 * stamps the current time as created and modified, and the same inputs
 * must give the same bytes. Both dates are the publication date.
 */

export interface DocxMeta {
  title: string;
  creator: string;
  subject: string;
  keywords: string[];
  description: string;
  /** Creation and modification date: the publication date. */
  date: Date;
  runningHeader: string;
}

/** Text as XML character data or an attribute's value. */
export const escapeXml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

export function coreXml(m: DocxMeta): string {
  const when = `${m.date.toISOString().slice(0, 19)}Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(m.title)}</dc:title><dc:subject>${escapeXml(m.subject)}</dc:subject>` +
    `<dc:creator>${escapeXml(m.creator)}</dc:creator><cp:keywords>${escapeXml(m.keywords.join('; '))}</cp:keywords>` +
    `<dc:description>${escapeXml(m.description)}</dc:description><cp:lastModifiedBy>${escapeXml(m.creator)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
