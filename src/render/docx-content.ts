/**
 * The Word edition's content, in reading order, from the same view as the
 * PDF: what the templates print, as a flat list of pieces (headings,
 * paragraphs, tables, pictures). Pure; docx-file.ts turns pieces into Word
 * XML, so this order and wording can be tested without Word.
 */
import type { DocBlock, Run } from './doc-blocks.js';
import type { BulletinView } from './view-bulletin.js';
import type { ReportView } from './view-model.js';
import type { TableView } from './view-table.js';

/** Word paragraph styles of the edition (docx-file.ts defines them). */
export type ParagraphKind = 'body' | 'plain' | 'subtitle' | 'item' | 'notice-title' | 'contact-title';

export type Piece =
  | { kind: 'masthead'; name: string; issueLine: string; publisher: string; date: string | null }
  | { kind: 'toc'; title: string; entries: Array<{ text: string; level: 1 | 2 }> }
  /** 1 section 【…】, 2 report and article titles (the 本期要目 levels), 3-5 inside them. */
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5; text: string }
  | { kind: 'paragraph'; style: ParagraphKind; runs: Run[]; rule?: boolean }
  | { kind: 'table'; table: TableView }
  | { kind: 'chart'; svg: string }
  | { kind: 'picture'; url: string; alt: string; caption: string };

const para = (text: string, style: ParagraphKind = 'body'): Piece => ({ kind: 'paragraph', style, runs: [{ text }] });
const lead = (bold: string, text: string): Piece => ({
  kind: 'paragraph',
  style: 'body',
  runs: [{ text: bold, bold: true }, { text }],
});
const chart = (svg: string | undefined): Piece[] => (svg ? [{ kind: 'chart', svg }] : []);

function reportPieces(r: ReportView): Piece[] {
  const n = r.national;
  return [
    { kind: 'heading', level: 2, text: r.title },
    { kind: 'heading', level: 3, text: r.partOneTitle },
    para(r.summary),
    { kind: 'heading', level: 4, text: '（一）消费品召回统计情况' },
    para('产品召回详细数据见下表1：'),
    { kind: 'table', table: r.categoryTable },
    lead('1. 召回产品种类及总占比。', r.categoryNarrative),
    ...chart(r.charts?.categories),
    lead('2. 召回产品区域分布。', r.regionNarrative),
    { kind: 'table', table: r.regionTable },
    ...chart(r.charts?.regions),
    lead('3. 产品缺陷主要类别。', r.defectNarrative),
    ...chart(r.charts?.defects),
    ...(r.casesTable
      ? [
          { kind: 'heading', level: 4, text: '（二）典型案例分析和问题' } as const,
          { kind: 'table', table: r.casesTable } as const,
        ]
      : []),
    ...(n
      ? [
          { kind: 'heading', level: 3, text: n.title } as const,
          { kind: 'heading', level: 4, text: n.categoriesHeading } as const,
          ...n.categoryBlocks.flatMap((b): Piece[] => [para(b.lead), { kind: 'table', table: b.table }]),
          { kind: 'heading', level: 4, text: n.provincesHeading } as const,
          ...n.provinceBlocks.flatMap((b): Piece[] => [para(b.lead), { kind: 'table', table: b.table }]),
        ]
      : []),
    ...(r.foreign ? [{ kind: 'heading', level: 3, text: r.foreign.title } as const, para(r.foreign.paragraph)] : []),
    ...(r.clues
      ? [
          { kind: 'heading', level: 3, text: r.clues.title } as const,
          para(r.clues.lead),
          { kind: 'table', table: r.clues.table } as const,
        ]
      : []),
  ];
}

function articlePieces(blocks: readonly DocBlock[]): Piece[] {
  return blocks.map((b): Piece => {
    if (b.kind === 'heading') return { kind: 'heading', level: 5, text: b.text };
    if (b.kind === 'picture') return { kind: 'picture', url: b.url, alt: b.alt, caption: b.caption };
    if (b.kind === 'item') return { kind: 'paragraph', style: 'item', runs: [{ text: `${b.marker} ` }, ...b.runs] };
    return { kind: 'paragraph', style: 'body', runs: b.runs };
  });
}

function closingPieces(v: BulletinView): Piece[] {
  const notice = v.notice.map((text, i): Piece => ({
    kind: 'paragraph',
    style: i === 0 ? 'notice-title' : 'body',
    runs: [{ text }],
    rule: i === 0,
  }));
  const contact = v.contact
    ? [para(v.contact.title, 'contact-title'), ...v.contact.lines.map((l) => para(l, 'plain'))]
    : [];
  return [...notice, ...contact];
}

export function docxPieces(v: BulletinView): Piece[] {
  return [
    { kind: 'masthead', ...v.masthead },
    {
      kind: 'toc',
      title: '本期要目',
      entries: v.toc.flatMap((s) => [
        { text: s.title, level: 1 as const },
        ...s.entries.map((e) => ({ text: e.text, level: 2 as const })),
      ]),
    },
    ...v.sections.flatMap((s): Piece[] => [
      { kind: 'heading', level: 1, text: s.title },
      ...(s.report ? reportPieces(s.report) : []),
      ...s.articles.flatMap((a): Piece[] => [
        { kind: 'heading', level: 2, text: a.heading },
        ...(a.subtitle ? [para(a.subtitle, 'subtitle')] : []),
        ...articlePieces(a.blocks()),
      ]),
    ]),
    ...closingPieces(v),
  ];
}
