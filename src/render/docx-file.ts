/**
 * The Word edition's pieces (docx-content.ts), with pictures already drawn,
 * → a .docx file, through the `docx` package (docx-lib.ts). Page, fonts and
 * styles come from docx-styles.ts; tables from docx-table.ts.
 */
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableOfContents, TextRun } from './docx-lib.js';
import type { Run } from './doc-blocks.js';
import type { Piece } from './docx-content.js';
import { coreXml, type DocxMeta } from './docx-core.js';
import { draftMarks } from './docx-draft.js';
import type { DraftView } from './draft-notice.js';
import { DARK_RED, PAGE, SANS, STYLES } from './docx-styles.js';
import { masthead, pageFurniture, rule, toc } from './docx-front.js';
import { table } from './docx-table.js';

export interface DrawnImage {
  data: Uint8Array;
  type: 'png' | 'jpg' | 'gif';
  /** Size on the page. */
  widthMm: number;
  heightMm: number;
  alt: string;
}

/** Pieces as written: charts and pictures drawn as PNG. */
export type DocxPiece =
  | Exclude<Piece, { kind: 'chart' } | { kind: 'picture' }>
  /** `title` above (a chart's, as a Word caption), `caption` below (a picture's note). */
  | { kind: 'image'; image: DrawnImage; title: string | null; caption: string | null };

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
] as const;
const PARAGRAPH_STYLE = {
  body: 'BulletinBody',
  plain: 'BulletinPlain',
  subtitle: 'Subtitle',
  item: 'BulletinItem',
  'notice-title': 'BulletinPlain',
  'contact-title': 'BulletinPlain',
} as const;
/** 96 px per inch: the unit `docx` takes picture sizes in. */
const px = (mm: number): number => Math.round((mm / 25.4) * 96);

function runs(list: readonly Run[], bold = false): TextRun[] {
  return list.flatMap((r) =>
    r.text.split('\n').map(
      (text, i) =>
        new TextRun({
          text,
          break: i > 0 ? 1 : undefined,
          bold: bold || r.bold,
          italics: r.italic,
          font: r.speaker ? SANS : undefined,
        }),
    ),
  );
}

function image(p: Extract<DocxPiece, { kind: 'image' }>, id: string): Paragraph[] {
  const { image: img } = p;
  const run = new ImageRun({
    type: img.type,
    data: img.data,
    transformation: { width: px(img.widthMm), height: px(img.heightMm) },
    altText: { id, name: img.alt, title: img.alt, description: img.alt },
  });
  return [
    ...(p.title ? [new Paragraph({ style: 'Caption', children: [new TextRun(p.title)] })] : []),
    new Paragraph({ style: 'Picture', children: [run] }),
    ...(p.caption ? [new Paragraph({ style: 'PictureCaption', children: [new TextRun(p.caption)] })] : []),
  ];
}

function piece(p: DocxPiece, nextId: () => string): Array<Paragraph | Table | TableOfContents> {
  switch (p.kind) {
    case 'masthead':
      return masthead(p);
    case 'toc':
      return toc(p);
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[p.level - 1], children: [new TextRun(p.text)] })];
    case 'table':
      return table(p.table);
    case 'image':
      return image(p, nextId());
    case 'paragraph': {
      const bold = p.style === 'notice-title' || p.style === 'contact-title';
      return [
        new Paragraph({
          style: PARAGRAPH_STYLE[p.style],
          border: p.rule ? { top: rule(6, DARK_RED) } : undefined,
          spacing: p.rule ? { before: 450 } : p.style === 'contact-title' ? { before: 220 } : undefined,
          children: runs(p.runs, bold),
        }),
      ];
    }
  }
}

/** A draft (`draft` given) has its marks on every page and its 草稿说明 pages first, in a section of their own. */
export async function writeDocx(
  pieces: readonly DocxPiece[],
  meta: DocxMeta,
  draft: DraftView | null = null,
): Promise<Uint8Array> {
  // Drawing ids numbered per document: `docx` otherwise takes them from a
  // process-wide counter, and the second issue of a batch build differed
  // from the same issue built alone.
  let drawings = 0;
  const nextId = () => String(++drawings);
  const marks = draft ? draftMarks(draft) : null;
  const page = { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin };
  // Its own section: the notice's pages take no running header and no page number, and the
  // bulletin's pages are numbered from 1, as in the PDF.
  const notice = marks ? [{ properties: { page }, ...marks.notice() }] : [];
  const doc = new Document({
    title: meta.title,
    subject: meta.subject,
    creator: meta.creator,
    keywords: meta.keywords.join('; '),
    description: meta.description,
    lastModifiedBy: meta.creator,
    styles: STYLES,
    sections: [
      ...notice,
      {
        properties: { titlePage: true, page: marks ? { ...page, pageNumbers: { start: 1 } } : page },
        ...pageFurniture(meta.runningHeader, marks),
        children: pieces.flatMap((p) => piece(p, nextId)),
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml(meta) }]);
}
