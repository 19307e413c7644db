/**
 * Finishing a print that the small reader takes (pdf-reader.ts; every
 * print Chromium makes): Chromium stamps the wall clock into the PDF; we set
 * the dates from the issue instead (same inputs, same bytes) and fill in
 * title, author and subject; bookmark titles lose the word joiners, so do
 * the pages (pdf-joiners.ts); the marker links are removed
 * (pdf-structure.ts) and destination names renumbered (pdf-names.ts). The
 * file is written out by pdf-edit.ts. Pure.
 */
import { createHash } from 'node:crypto';
import { collapseDoubled } from '../model/text.js';
import { WORD_JOINER } from './headline-words.js';
import { PdfEdit, type Dict } from './pdf-edit.js';
import { contentStreams, dropJoinerGlyphs } from './pdf-joiners.js';
import { dictOrNone, pagesOf, stringOrNone } from './pdf-layout.js';
import { renumberNodeNames } from './pdf-names.js';
import { NotPlain, Ref, Token, type PdfValue } from './pdf-reader.js';
import { dropMarkerLinks } from './pdf-structure.js';
import { dateToken, hexText } from './pdf-text.js';

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

/** A heading's title without the word joiners of its print text (headline-words.ts). */
export const bookmarkTitle = (title: string): string => collapseDoubled(title.replaceAll(WORD_JOINER, ''));

/**
 * Chromium sometimes names a bookmark twice over ("二、全国…二、全国…") when
 * its heading was pushed to the top of the next page; keep one copy. Word
 * joiners (headline-words.ts) are dropped.
 */
function repairOutline(edit: PdfEdit, catalog: Dict): void {
  const visit = (item: PdfValue | undefined): void => {
    for (let ref = item; ref instanceof Ref; ref = dictOrNone(edit.get(ref))?.get('Next')) {
      const node = dictOrNone(edit.get(ref)) as Dict;
      const title = stringOrNone(edit.get(node.get('Title')));
      if (title && bookmarkTitle(title) !== title) {
        node.set('Title', hexText(bookmarkTitle(title)));
        edit.touch(ref);
      }
      visit(node.get('First'));
    }
  };
  visit(dictOrNone(edit.get(catalog.get('Outlines')))?.get('First'));
}

/** The catalog names the language and asks viewers to show the title (not the file name). */
function setCatalog(edit: PdfEdit, root: Ref, catalog: Dict): void {
  catalog.set('Lang', new Token('string', 'zh-CN'));
  const held = catalog.get('ViewerPreferences');
  const prefs = dictOrNone(edit.get(held)) ?? new Map<string, PdfValue>();
  prefs.set('DisplayDocTitle', true);
  if (held instanceof Ref) edit.touch(held);
  else catalog.set('ViewerPreferences', prefs);
  edit.touch(root);
}

function infoDict(info: PdfInfo): Dict {
  const text = { Title: info.title, Author: info.author, Subject: info.subject, Keywords: info.keywords.join(' ') };
  return new Map<string, PdfValue>([
    ...Object.entries(text).map(([k, v]) => [k, hexText(v)] as const),
    ['Creator', hexText('bulletin')],
    ['Producer', hexText('bulletin (Chromium)')],
    ['CreationDate', dateToken(info.date)],
    ['ModDate', dateToken(info.date)],
  ]);
}

/** The file identifier, from what the pages show and the document info (not from how it was made). */
function documentId(edit: PdfEdit, pages: ReadonlyArray<{ node: Dict }>, info: PdfInfo): Token {
  const hash = createHash('md5').update(JSON.stringify([info.title, info.subject, info.date.toISOString()]));
  for (const page of pages) for (const ref of contentStreams(edit, page.node)) hash.update(edit.stream(ref).data);
  return new Token('hex', hash.digest('hex'));
}

/** The finished file; NotPlain when the small reader does not take the print. */
export function finishPlain(bytes: Uint8Array, info: PdfInfo): Uint8Array {
  const edit = new PdfEdit(bytes);
  const root = edit.pdf.trailer.get('Root');
  const catalog = dictOrNone(edit.get(root));
  if (!(root instanceof Ref) || !catalog) throw new NotPlain('no catalog');
  const pages = pagesOf((v) => edit.get(v), catalog.get('Pages'));
  setCatalog(edit, root, catalog);
  repairOutline(edit, catalog);
  dropJoinerGlyphs(edit, pages);
  if (info.dropLinksTo) dropMarkerLinks(edit, catalog, pages, info.dropLinksTo);
  renumberNodeNames(edit);
  const held = edit.pdf.trailer.get('Info');
  const infoRef = held instanceof Ref ? held : edit.add(infoDict(info));
  edit.set(infoRef, infoDict(info));
  const id = documentId(edit, pages, info);
  return edit.write(
    new Map<string, PdfValue>([
      ['Root', root],
      ['Info', infoRef],
      ['ID', [id, id]],
    ]),
  );
}
