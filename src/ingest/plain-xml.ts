import { partNames, partText, sheetParts, type SheetPart } from './xlsx-parts.js';

/**
 * What the light workbook reader (xlsx-light.ts) may take on without
 * exceljs. It reads XML with regular expressions, so it must only see XML
 * that exceljs's parser (saxes) reads without complaint and reads the same
 * way: this is a strict subset of well-formed XML 1.0 (elements, double-quoted
 * attributes, text, the five named entities and character references, one
 * optional XML declaration). Anything else (comments, CDATA, DOCTYPE, odd
 * characters, tabs or line breaks inside attribute values) answers false and
 * exceljs reads the file, with its own findings and messages.
 */

/** Characters XML 1.0 allows, less U+FFFD (what undecodable bytes become). */
const BAD_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFC\u{10000}-\u{10FFFF}]/u;
const DECLARATION = /^<\?xml version="1\.0"(?: encoding="utf-8")?(?: standalone="(?:yes|no)")?\s*\?>/i;
const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)>|[^<]+/y;
const ATTRIBUTE = /([\w.:-]+)="([^"]*)"/g;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;

const allowed = (code: number) =>
  code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0x10ffff);

/** Entity and character references: only known ones, to characters XML allows; no stray '&'. */
function goodReferences(s: string): boolean {
  if (!s.includes('&')) return true;
  for (const m of s.matchAll(REFERENCE)) {
    if (m[1] === undefined && !allowed(m[2] !== undefined ? Number(m[2]) : parseInt(m[3] as string, 16))) return false;
  }
  return s.replace(REFERENCE, '').indexOf('&') < 0;
}

function goodAttributes(list: string): boolean {
  const seen = new Set<string>();
  for (const m of list.matchAll(ATTRIBUTE)) {
    if (seen.has(m[1] as string) || /[\t\n\r]/.test(m[2] as string) || !goodReferences(m[2] as string)) return false;
    seen.add(m[1] as string);
  }
  return true;
}

/** Line ends as an XML parser sees them (CR LF and lone CR become LF), before any other reading. */
export const xmlLines = (s: string) => s.replace(/\r\n?/g, '\n');

/** Whether `xml` (line ends already normalised) is within the plain subset, with one root element. */
export function isPlainXml(xml: string): boolean {
  if (BAD_CHAR.test(xml)) return false;
  const open: string[] = [];
  let roots = 0;
  TOKEN.lastIndex = DECLARATION.exec(xml)?.[0].length ?? 0;
  while (TOKEN.lastIndex < xml.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(xml);
    if (!m || m.index !== at) return false;
    if (m[2] === undefined) {
      if (open.length === 0 ? !/^[ \t\n]*$/.test(m[0]) : m[0].includes(']]>') || !goodReferences(m[0])) return false;
    } else if (m[1]) {
      if (m[3] || m[4] || open.pop() !== m[2]) return false;
    } else {
      if (!goodAttributes(m[3] as string)) return false;
      if (open.length === 0 && roots++ > 0) return false;
      if (!m[4]) open.push(m[2]);
    }
  }
  return open.length === 0 && roots === 1;
}

/**
 * The zip entries a plain workbook may hold: the parts exceljs parses and
 * this reader checks, plus parts exceljs does not parse. Sheets must be
 * stored as xl/worksheets/sheetN.xml (the only names exceljs loads).
 */
const PLAIN_PART =
  /^(?:\[Content_Types\]\.xml|_rels\/\.rels|docProps\/(?:app|core|custom)\.xml|xl\/(?:workbook|styles|sharedStrings|calcChain)\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/theme\/theme\d+\.xml|xl\/worksheets\/sheet\d+\.xml|.*\/)$/;

/** Parts exceljs parses as XML (a fault in any of them makes it refuse the file). */
const PARSED_PARTS = ['_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'xl/_rels/workbook.xml.rels'];

const SHEET_PATH = /^xl\/worksheets\/sheet\d+\.xml$/;
/** What a plain sheet holds besides its cells (exceljs parses each of these; anything else goes to it). */
export const SHEET_PARTS: ReadonlySet<string> = new Set(
  'worksheet sheetPr outlinePr pageSetUpPr dimension sheetViews sheetView selection pane sheetFormatPr cols col sheetData row c f v is t mergeCells mergeCell phoneticPr printOptions pageMargins pageSetup headerFooter oddHeader oddFooter'.split(
    ' ',
  ),
);

/** A part's text (line ends normalised), or null when it is missing, not plain XML, or holds other elements. */
export async function plainPart(
  bytes: Uint8Array,
  name: string,
  elements?: ReadonlySet<string>,
): Promise<string | null> {
  const xml = xmlLines(await partText(bytes, name));
  if (!isPlainXml(xml)) return null;
  if (elements) for (const m of xml.matchAll(/<([\w:]+)/g)) if (!elements.has(m[1] as string)) return null;
  return xml;
}

/** The sheets, when the workbook is one the light reader knows through and through; otherwise null. */
export async function plainBook(bytes: Uint8Array): Promise<SheetPart[] | null> {
  const names = partNames(bytes);
  if (!names.every((n) => PLAIN_PART.test(n))) return null;
  for (const name of PARSED_PARTS) if (names.includes(name) && (await plainPart(bytes, name)) === null) return null;
  const workbook = await plainPart(bytes, 'xl/workbook.xml');
  // 1904 dates, and defined names (print areas exceljs decodes and may choke on): left to exceljs.
  if (workbook === null || /<workbookPr\b[^>]*\sdate1904=|<definedName\b/.test(workbook)) return null;
  const parts = await sheetParts(bytes);
  const distinct = new Set(parts.map((p) => p.name)).size === parts.length;
  const stored = parts.every((p) => SHEET_PATH.test(p.path) && names.includes(p.path));
  return parts.length > 0 && distinct && stored ? parts : null;
}
