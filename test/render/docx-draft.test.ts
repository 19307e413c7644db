/**
 * A draft's Word edition carries the marks the HTML and PDF drafts carry,
 * from the same DraftView (draft-notice.ts): the stamp in every header, a
 * watermark shape behind every page, the 草稿说明 pages first. Written by
 * writeDocx from a few pieces and read back from the zip; LibreOffice's
 * rendering of a whole draft is checked in test/cli/build-docx.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { makeIssue, type ValidationIssue } from '../../src/model/issues.js';
import type { DocxMeta } from '../../src/render/docx-core.js';
import { writeDocx, type DocxPiece } from '../../src/render/docx-file.js';
import { buildDraftView, type DraftView } from '../../src/render/draft-notice.js';
import { readZip } from '../helpers/zip.js';

const META: DocxMeta = {
  title: '2022年第四季度湖南省消费品召回分析报告',
  creator: '湖南省市场监督管理局缺陷产品召回服务中心',
  subject: '湖南缺陷产品召回 第4期',
  keywords: ['缺陷产品召回'],
  description: '湖南缺陷产品召回',
  date: new Date('2022-12-31T00:00:00Z'),
  runningHeader: '湖南缺陷产品召回　第4期',
};

const PIECES: DocxPiece[] = [
  {
    kind: 'masthead',
    name: '湖南缺陷产品召回',
    issueLine: '第4期（总第4期）',
    publisher: '召回服务中心编',
    date: null,
  },
  { kind: 'heading', level: 1, text: '【召回工作快讯】' },
  { kind: 'paragraph', style: 'body', runs: [{ text: '本季度正文。' }] },
];

const unfilled = (n: number): ValidationIssue =>
  makeIssue(
    'error',
    'table.unfilled',
    { file: `data/2022Q4/clues-${n}.xlsx`, sheet: '共享缺陷线索', row: 2, column: 'B' },
    `第 ${n} 张表还没有填写 <合计 & 各行>。`,
    `请填写第 ${n} 张表的数字。`,
  );

/** The parts of the .docx written from PIECES, as text. */
async function written(draft: DraftView | null): Promise<Map<string, string>> {
  const zip = readZip(Buffer.from(await writeDocx(PIECES, META, draft)));
  return new Map(zip.map((e) => [e.name, e.data.toString('utf8')]));
}

const headers = (parts: Map<string, string>) => [...parts].filter(([name]) => /^word\/header\d+\.xml$/.test(name));
/** The document's text in reading order, as XML holds it (escaped). */
const texts = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('the Word edition of a draft', () => {
  const view = buildDraftView([unfilled(1), unfilled(2)]);

  it('opens with the 草稿说明 pages: the draft view’s title, summary and every finding, before the masthead', async () => {
    const doc = texts((await written(view)).get('word/document.xml') ?? '');
    const sequence = [
      view.title,
      view.summary,
      ...view.findings.flatMap((f) => [f.where, `：${f.message}`, `→ ${f.hint}`, ` [${f.code}]`]),
      '湖南缺陷产品召回',
      '本季度正文。',
    ];
    let at = 0;
    for (const s of sequence) {
      const next = doc.indexOf(escaped(s), at);
      expect(next, s).toBeGreaterThanOrEqual(at);
      at = next + s.length;
    }
    expect(view.findings.map((f) => f.where)).toEqual([
      'data/2022Q4/clues-1.xlsx 工作表“共享缺陷线索” 第 2 行 B 列',
      'data/2022Q4/clues-2.xlsx 工作表“共享缺陷线索” 第 2 行 B 列',
    ]);
  });

  it('puts the notice in a section of its own, and numbers the bulletin’s pages from 1 as the PDF does', async () => {
    const doc = (await written(view)).get('word/document.xml') ?? '';
    const sections = doc.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections.length).toBe(2);
    const [notice, bulletin] = sections as [string, string];
    expect(notice).toMatch(/<w:headerReference w:type="default"/);
    expect(notice).not.toContain('footerReference');
    expect(notice).not.toContain('<w:titlePg/>');
    expect(bulletin).toMatch(/<w:headerReference w:type="default"[\s\S]*<w:headerReference w:type="first"/);
    expect(bulletin).toContain('<w:pgNumType w:start="1"/>');
    expect(bulletin).toContain('<w:titlePg/>');
  });

  it('stamps every header with the draft view’s stamp, boxed in red, and a watermark shape of its own', async () => {
    const parts = await written(view);
    const all = headers(parts);
    // The notice's pages, the masthead's page and the bulletin's other pages.
    expect(all.length).toBe(3);
    const ids = new Set<string>();
    for (const [name, xml] of all) {
      expect(xml, name).toMatch(
        new RegExp(`<w:bdr w:val="single" [^>]*/></w:rPr><w:t xml:space="preserve">${view.stamp}</w:t>`),
      );
      const shape =
        /<w:pict><v:shapetype id="_x0000_t136"[\s\S]*<v:shape id="(PowerPlusWaterMarkObject\d+)"[^>]*type="#_x0000_t136" style="([^"]*)"[\s\S]*<\/v:shape><\/w:pict>/.exec(
          xml,
        );
      expect(shape, name).not.toBeNull();
      ids.add(shape?.[1] ?? '');
      // Behind the text, centred on the text area, turned as the PDF's watermark is.
      expect(shape?.[2]).toMatch(/z-index:-\d+;mso-position-horizontal:center;.*mso-position-vertical:center/);
      expect(shape?.[2]).toContain('rotation:330');
      expect(xml).toContain(`<v:textpath style="font-family:&quot;黑体&quot;;font-size:1pt" string="${view.stamp}"/>`);
    }
    expect(ids.size).toBe(3);
    // The running header stays on the bulletin's pages, with the stamp at the right of its line.
    expect(all.filter(([, xml]) => xml.includes(`<w:t xml:space="preserve">${META.runningHeader}</w:t>`)).length).toBe(
      1,
    );
  });

  it('lists 200 findings at most and says how many more there are, as the HTML draft does', async () => {
    const many = buildDraftView(Array.from({ length: 203 }, (_, i) => unfilled(i + 1)));
    const doc = (await written(many)).get('word/document.xml') ?? '';
    expect(texts(doc).match(/ \[table\.unfilled\]/g)?.length).toBe(200);
    expect(many.more).toContain('另有 3 个问题没有列出');
    expect(texts(doc)).toContain(many.more ?? '?');
  });

  it('is the same XML when written again: the shapes are numbered, not given random ids', async () => {
    const [a, b] = [await written(view), await written(view)];
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, xml] of a) expect(b.get(name), name).toBe(xml);
  });
});

describe('the Word edition of a final issue', () => {
  it('has none of a draft’s marks: no stamp, no watermark, no notice, one section', async () => {
    const parts = await written(null);
    const doc = parts.get('word/document.xml') ?? '';
    for (const [name, xml] of [['word/document.xml', doc] as const, ...headers(parts)]) {
      expect(xml, name).not.toContain('草稿');
      expect(xml, name).not.toContain('<w:pict>');
      expect(xml, name).not.toContain('<v:shape');
    }
    expect(doc.match(/<w:sectPr>/g)?.length).toBe(1);
    expect(headers(parts).length).toBe(2);
  });
});
