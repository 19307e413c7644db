/**
 * A draft's marks in the Word edition, made from the DraftView the HTML and
 * PDF print theirs from (draft-notice.ts), so their texts are written once:
 * the stamp at the top right of every page (in the headers, docx-front.ts),
 * a faint diagonal watermark behind every page's text, and the 草稿说明
 * pages. docx-file.ts puts them in the document.
 *
 * The notice comes first here, where the PDF has it last: a .docx is opened
 * on its first page to be edited, and a stamp in a header is easily taken
 * for page furniture, or lost with it when a reviewer copies the text out.
 */
import { AlignmentType, BorderStyle, Header, ImportedXmlComponent, Paragraph, Tab, TextRun } from './docx-lib.js';
import { escapeXml } from './docx-core.js';
import type { DraftView } from './draft-notice.js';
import { RED, SANS } from './docx-styles.js';

/**
 * As partials/draft.hbs draws the PDF's watermark: #c00 at 7 % opacity, two
 * characters of 140 pt, turned 30° anticlockwise (VML turns clockwise).
 */
const LOOK = { color: '#CC0000', opacity: '0.07', size: 140, rotation: 330 };

/** Word's WordArt shape type (VML preset 136, plain text), as Word writes it for its own watermarks. */
const WORD_ART =
  '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">' +
  '<v:formulas>' +
  [
    'sum #0 0 10800',
    'prod #0 2 1',
    'sum 21600 0 @1',
    'sum 0 0 @2',
    'sum 21600 0 @3',
    'if @0 @3 0',
    'if @0 21600 @1',
    'if @0 0 @2',
    'if @0 @4 21600',
    'mid @5 @6',
    'mid @8 @5',
    'mid @7 @8',
    'mid @6 @7',
    'sum @6 0 @5',
  ]
    .map((f) => `<v:f eqn="${f}"/>`)
    .join('') +
  '</v:formulas>' +
  '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>' +
  '<v:textpath on="t" fitshape="t"/>' +
  '<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>' +
  '<o:lock v:ext="edit" text="t" shapetype="t"/>' +
  '</v:shapetype>';

/**
 * The watermark as Word's 设计 > 水印 writes it (its shape type, id prefix
 * and placing): text fitted to a shape centred on the text area, behind the
 * text. Checked here with LibreOffice only; there is no Word on this machine.
 * The shape is numbered by the caller: `docx`'s own TextWatermark takes a
 * random id, and the same inputs must give the same bytes.
 */
function watermarkXml(text: string, n: number): string {
  const style = [
    'position:absolute',
    'margin-left:0',
    'margin-top:0',
    `width:${LOOK.size * [...text].length}pt`,
    `height:${LOOK.size}pt`,
    `rotation:${LOOK.rotation}`,
    'z-index:-251657216',
    'mso-position-horizontal:center',
    'mso-position-horizontal-relative:margin',
    'mso-position-vertical:center',
    'mso-position-vertical-relative:margin',
  ].join(';');
  return (
    `<w:pict>${WORD_ART}` +
    `<v:shape id="PowerPlusWaterMarkObject${n}" o:spid="_x0000_s${2048 + n}" type="#_x0000_t136" style="${style}" ` +
    `o:allowincell="f" fillcolor="${LOOK.color}" stroked="f">` +
    `<v:fill opacity="${LOOK.opacity}"/>` +
    `<v:textpath style="font-family:&quot;${SANS.eastAsia}&quot;;font-size:1pt" string="${escapeXml(text)}"/>` +
    '<w10:wrap anchorx="margin" anchory="margin"/>' +
    '</v:shape></w:pict>'
  );
}

export interface DraftMarks {
  /** The stamp as the PDF's: red, bold, boxed. */
  stamp(): TextRun;
  /** The watermark of one header; each call numbers a new shape. */
  watermark(): TextRun;
  /** A header line holding only the stamp (at the right) and the watermark. */
  stampLine(): Paragraph;
  /** The 草稿说明 pages and their header, a section of their own. */
  notice(): { headers: { default: Header }; children: Paragraph[] };
}

/** The marks of one document: its watermark shapes are numbered from 1. */
export function draftMarks(d: DraftView): DraftMarks {
  let shapes = 0;
  const border = { style: BorderStyle.SINGLE, size: 16, color: RED, space: 1 };
  const marks: DraftMarks = {
    stamp: () => new TextRun({ text: d.stamp, font: SANS, bold: true, size: 28, color: RED, border }),
    // `docx` writes the XML as given: a run holding the picture.
    watermark: () => new TextRun({ children: [ImportedXmlComponent.fromXmlString(watermarkXml(d.stamp, ++shapes))] }),
    stampLine: () => new Paragraph({ alignment: AlignmentType.RIGHT, children: [marks.stamp(), marks.watermark()] }),
    notice: () => ({ headers: { default: new Header({ children: [marks.stampLine()] }) }, children: noticePages(d) }),
  };
  return marks;
}

/** The 草稿说明 pages: what partials/draft.hbs prints, in the same order and words. */
function noticePages(d: DraftView): Paragraph[] {
  const small = { size: 21 };
  const finding = (f: DraftView['findings'][number], i: number) =>
    new Paragraph({
      style: 'BulletinPlain',
      // Not justified: Word would stretch the line that ends at the hint's line break.
      alignment: AlignmentType.LEFT,
      // The number hangs in the margin of the text, as the HTML's list markers do.
      indent: { left: 560, hanging: 560 },
      spacing: { line: 336, lineRule: 'atLeast', after: 113 },
      keepLines: true,
      children: [
        new TextRun({ children: [`${i + 1}.`, new Tab()], ...small }),
        new TextRun({ text: f.where, bold: true, ...small }),
        new TextRun({ text: `：${f.message}`, ...small }),
        new TextRun({ text: `→ ${f.hint}`, break: 1, color: '444444', ...small }),
        new TextRun({ text: ` [${f.code}]`, size: 18, color: '666666' }),
      ],
    });
  return [
    new Paragraph({
      spacing: { after: 240 },
      keepNext: true,
      children: [new TextRun({ text: d.title, font: SANS, bold: true, size: 30, color: RED })],
    }),
    new Paragraph({ style: 'BulletinPlain', children: [new TextRun(d.summary)] }),
    ...d.findings.map(finding),
    ...(d.more ? [new Paragraph({ style: 'BulletinPlain', children: [new TextRun(d.more)] })] : []),
  ];
}
