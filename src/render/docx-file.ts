/**
 * The only module that knows the `docx` package: the Word edition's pieces
 * (docx-content.ts), with pictures already drawn, → a .docx file. Page,
 * fonts and styles come from docx-styles.ts.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Run } from './doc-blocks.js';
import type { Piece } from './docx-content.js';
import { coreXml, type DocxMeta } from './docx-core.js';
import { columnWidths, DARK_RED, PAGE, RED, SANS, STYLES, TEXT_WIDTH } from './docx-styles.js';
import type { TableRow as ViewRow, TableView } from './view-table.js';

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
  | { kind: 'image'; image: DrawnImage; caption: string | null };

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
const rule = (size: number, color: string) => ({ style: BorderStyle.SINGLE, size, color, space: 4 });
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

const cellAlign = (cls: string) =>
  cls === 'num' ? AlignmentType.RIGHT : cls === 'text' ? AlignmentType.LEFT : AlignmentType.CENTER;

function tableRow(row: ViewRow, widths: readonly number[], kind: 'header' | 'body' | 'total'): TableRow {
  return new TableRow({
    tableHeader: kind === 'header',
    cantSplit: true,
    children: row.cells.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i] as number, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          margins: { top: 40, bottom: 40, left: 100, right: 100 },
          shading: kind === 'header' ? { fill: 'F2F2F2', type: ShadingType.CLEAR, color: 'auto' } : undefined,
          children: [
            new Paragraph({
              style: 'TableText',
              alignment: kind === 'header' ? AlignmentType.CENTER : cellAlign(c.cls),
              children: [new TextRun({ text: c.text, bold: kind !== 'body' })],
            }),
          ],
        }),
    ),
  });
}

/** One Word table for the whole view table: Word repeats the header row on each page, so no （续表）. */
function table(t: TableView): Array<Paragraph | Table> {
  const widths = columnWidths(
    t.id,
    t.headers.map((h) => h.cls),
  );
  const line = { style: BorderStyle.SINGLE, size: 6, color: '333333' };
  const body = t.parts.flatMap((p) => [
    ...p.rows.map((r) => tableRow(r, widths, 'body')),
    ...(p.total ? [tableRow(p.total, widths, 'total')] : []),
  ]);
  return [
    ...(t.caption ? [new Paragraph({ style: 'Caption', children: [new TextRun(t.caption)] })] : []),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
      rows: [tableRow({ cells: t.headers, marker: null }, widths, 'header'), ...body],
    }),
    new Paragraph({ style: 'BulletinPlain', spacing: { after: 120 }, children: [] }),
  ];
}

function masthead(p: Extract<Piece, { kind: 'masthead' }>): Paragraph[] {
  const center = AlignmentType.CENTER;
  const foot: ParagraphChild[] = [new TextRun(p.publisher), ...(p.date ? [new TextRun({ text: `\t${p.date}` })] : [])];
  return [
    new Paragraph({
      alignment: center,
      children: [new TextRun({ text: p.name, size: 64, bold: true, color: RED, characterSpacing: 77 })],
    }),
    new Paragraph({
      alignment: center,
      spacing: { before: 170 },
      children: [new TextRun({ text: p.issueLine, size: 26 })],
    }),
    new Paragraph({
      spacing: { before: 283, after: 340 },
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      border: { bottom: rule(20, RED) },
      run: { size: 22 },
      children: foot,
    }),
  ];
}

function toc(p: Extract<Piece, { kind: 'toc' }>): Array<Paragraph | TableOfContents> {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [
        new TextRun({ text: p.title, font: SANS, size: 28, bold: true, color: DARK_RED, characterSpacing: 140 }),
      ],
    }),
    new TableOfContents(p.title, {
      hyperlink: true,
      headingStyleRange: '1-2',
      cachedEntries: p.entries.map((e) => ({ title: e.text, level: e.level })),
    }),
    new Paragraph({ border: { bottom: rule(6, DARK_RED) }, spacing: { after: 240 }, children: [] }),
  ];
}

function image(p: Extract<DocxPiece, { kind: 'image' }>): Paragraph[] {
  const { image: img } = p;
  const run = new ImageRun({
    type: img.type,
    data: img.data,
    transformation: { width: px(img.widthMm), height: px(img.heightMm) },
    altText: { name: img.alt, title: img.alt, description: img.alt },
  });
  return [
    new Paragraph({ style: 'Picture', children: [run] }),
    ...(p.caption ? [new Paragraph({ style: 'PictureCaption', children: [new TextRun(p.caption)] })] : []),
  ];
}

function piece(p: DocxPiece): Array<Paragraph | Table | TableOfContents> {
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
      return image(p);
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

function pageFurniture(runningHeader: string) {
  const pageNumber = () =>
    new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 22 })],
        }),
      ],
    });
  return {
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            border: { bottom: rule(6, DARK_RED) },
            children: [new TextRun({ text: runningHeader, size: 20, color: DARK_RED })],
          }),
        ],
      }),
      first: new Header({ children: [new Paragraph({ children: [] })] }),
    },
    footers: { default: pageNumber(), first: pageNumber() },
  };
}

export async function writeDocx(pieces: readonly DocxPiece[], meta: DocxMeta): Promise<Uint8Array> {
  const doc = new Document({
    title: meta.title,
    subject: meta.subject,
    creator: meta.creator,
    keywords: meta.keywords.join('; '),
    description: meta.description,
    lastModifiedBy: meta.creator,
    styles: STYLES,
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin },
        },
        ...pageFurniture(meta.runningHeader),
        children: pieces.flatMap(piece),
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml(meta) }]);
}
