/** The Word edition's first page (masthead, 本期要目) and what every page carries (header, footer). */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  PageNumber,
  Paragraph,
  Tab,
  TableOfContents,
  TabStopType,
  TextRun,
  type ParagraphChild,
} from './docx-lib.js';
import type { Piece } from './docx-content.js';
import type { DraftMarks } from './docx-draft.js';
import { DARK_RED, RED, SANS, TEXT_WIDTH } from './docx-styles.js';

export const rule = (size: number, color: string) => ({ style: BorderStyle.SINGLE, size, color, space: 4 });

export function masthead(p: Extract<Piece, { kind: 'masthead' }>): Paragraph[] {
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

export function toc(p: Extract<Piece, { kind: 'toc' }>): Array<Paragraph | TableOfContents> {
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

/**
 * The running header, centred; a draft's stamp at the right of the same line (a line of its own
 * would make the header taller than the page's top margin holds, and move the body down).
 */
function runningLine(text: string, marks: DraftMarks | null): Paragraph {
  const run = { size: 20, color: DARK_RED };
  const border = { bottom: rule(6, DARK_RED) };
  if (!marks)
    return new Paragraph({ alignment: AlignmentType.CENTER, border, children: [new TextRun({ text, ...run })] });
  return new Paragraph({
    border,
    tabStops: [
      { type: TabStopType.CENTER, position: Math.round(TEXT_WIDTH / 2) },
      { type: TabStopType.RIGHT, position: TEXT_WIDTH },
    ],
    children: [new TextRun({ children: [new Tab(), text, new Tab()], ...run }), marks.stamp(), marks.watermark()],
  });
}

/** Running header from page 2 (none on the first), “— n —” at the foot of every page; a draft's marks on every page. */
export function pageFurniture(runningHeader: string, marks: DraftMarks | null = null) {
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
      default: new Header({ children: [runningLine(runningHeader, marks)] }),
      first: new Header({ children: [marks ? marks.stampLine() : new Paragraph({ children: [] })] }),
    },
    footers: { default: pageNumber(), first: pageNumber() },
  };
}
