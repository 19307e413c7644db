/**
 * The Word edition, checked by readers that are not ours: mammoth reads the
 * text, tables and heading styles; LibreOffice renders it to PDF; the XML is
 * checked for what Word needs. The figures are the ones the PDF test checks.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulletin, tempDir } from '../helpers/cli.js';
import { sampleBuild } from '../helpers/sample-build.js';
import {
  compactLines,
  faintRedPixels,
  pageImages,
  pageText,
  pdfFonts,
  pdfInfo,
  pdfTextCompact,
} from '../helpers/pdf.js';
import { CAPTIONS, CASE_CELLS, MASTHEAD, ROWS, SENTENCES } from '../helpers/seed-figures.js';
import { readZip, type ZipEntry } from '../helpers/zip.js';
import { issueLocation, type ValidationIssue } from '../../src/model/issues.js';

let docx: Buffer;
let pdf: string;
let html: string;
let text: string;
let entries: ZipEntry[];
const part = (name: string) => entries.find((e) => e.name === name)?.data.toString('utf8') ?? '';

beforeAll(async () => {
  // The run's one sample build (test/sample-pdf-setup.ts) has every edition: the combination works,
  // and the PDF's page count is the reference.
  const { out } = await sampleBuild();
  docx = readFileSync(join(out, 'bulletin.docx'));
  pdf = join(out, 'bulletin.pdf');
  html = (await mammoth.convertToHtml({ buffer: docx })).value;
  text = (await mammoth.extractRawText({ buffer: docx })).value;
  entries = readZip(docx);
});

/** mammoth's tables as rows of cell texts. */
function tables(): string[][][] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, t]) =>
    [...(t as string).matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
      [...(row as string).matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map(([, c]) =>
        (c as string).replace(/<[^>]+>/g, ''),
      ),
    ),
  );
}

describe('the Word edition read by mammoth: every figure the PDF prints', () => {
  it('has the masthead, every sentence and every table caption', () => {
    const paragraphs = text.split('\n').map((l) => l.replace(/\s+/g, ''));
    for (const s of [...MASTHEAD, ...CAPTIONS.map((c) => c.replace(/\s+/g, ''))])
      expect(
        paragraphs.some((p) => p.includes(s)),
        s,
      ).toBe(true);
    for (const s of SENTENCES) expect(text, s).toContain(s);
  });

  it('gives each chart its title as a caption, above the picture', () => {
    for (const title of [
      '2022年第三季度各类别召回数量占比',
      '2022年第三季度各市州召回数量',
      '2022年第三季度召回产品缺陷类别（按批次）',
    ])
      expect(html).toMatch(new RegExp(`<p>${title.replace(/[()（）]/g, '.')}</p><p><img `));
  });

  it('has the tables as Word tables: rows, columns and 合计 rows as the PDF prints them', () => {
    const all = tables();
    expect(all.length).toBe(9);
    const rows = all.flatMap((t) => t.map((r) => r.join('')));
    for (const r of ROWS) expect(rows, r).toContain(r);
    const cells = all.flat(2);
    for (const c of CASE_CELLS) expect(cells, c).toContain(c);
    const [t1, regions] = all;
    expect(t1?.map((r) => r.length)).toEqual(new Array(12).fill(4));
    expect(t1?.[0]).toEqual(['产品类别', '代码', '召回次数（次）', '召回数量（件）']);
    expect(regions?.length).toBe(16);
    expect(all.find((t) => t[0]?.[1] === '企业名称')?.[0]?.length).toBe(6);
    expect(html).not.toContain('续表');
  });

  it('has sections and titles as heading styles, speaker names in bold', () => {
    const headings = (level: number) =>
      [...html.matchAll(new RegExp(`<h${level}>([^<]*)</h${level}>`, 'g'))].map((m) => m[1]);
    expect(headings(1)).toEqual(['【召回工作快讯】', '【季度分析报告】', '【市县召回动态】', '【专题节目访谈】']);
    expect(headings(2)).toContain('2022年第三季度湖南省消费品召回分析报告');
    expect(headings(2)).toContain('一、湘西州局举办汽车产品召回法律法规宣贯培训');
    expect(headings(3)).toContain('二、全国缺陷产品召回情况');
    expect(headings(4)).toContain('（一）消费品召回统计情况');
    expect(html).toContain('<strong>王芳斌：</strong>');
  });
});

const rendered = new Map<string, string>();

/** The PDF LibreOffice prints of a .docx, converted once per file. */
function libreOffice(docxFile: string): string {
  let out = rendered.get(docxFile);
  if (out) return out;
  const dir = tempDir('bulletin-lo-');
  const input = join(dir, basename(docxFile));
  execFileSync('cp', [docxFile, input]);
  // A private profile: concurrent runs must not share LibreOffice's user folder.
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input],
    { stdio: 'ignore', timeout: 110_000 },
  );
  out = input.replace(/\.docx$/, '.pdf');
  rendered.set(docxFile, out);
  return out;
}

describe('the Word edition rendered by LibreOffice', () => {
  let lo: string;
  beforeAll(() => {
    lo = libreOffice(join(pdf, '..', 'bulletin.docx'));
  }, 120_000);

  it('converts, to A4 and about as many pages as our PDF', () => {
    const info = pdfInfo(lo);
    expect(info['Page size']).toMatch(/^59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const ours = Number(pdfInfo(pdf).Pages);
    // 22 and 22 for 2022Q3 when measured; LibreOffice substitutes fonts, so a few pages either way are allowed.
    expect(Math.abs(Number(info.Pages) - ours), `LibreOffice ${info.Pages} pages, ours ${ours}`).toBeLessThanOrEqual(3);
  });

  it('prints the Chinese text with embedded CJK fonts, and the tables’ figures', () => {
    expect(pdfFonts(lo).some((f) => f.embedded && /CJK|SC|Song|Hei/i.test(f.name))).toBe(true);
    const t = pdfTextCompact(lo);
    for (const s of [...MASTHEAD, '2022年第三季度湖南省消费品召回分析报告', '位居全国第一']) expect(t, s).toContain(s);
    const lines = compactLines(lo);
    for (const r of ['电子电器011150', '合计8418448', '1湖南省34570443', '总计361225']) expect(lines, r).toContain(r);
  });
});

/**
 * WordprocessingML elements this edition may use (ECMA-376 part 1, §17):
 * anything else is a name Word does not know, or one docx started writing
 * that nobody here has checked Word and WPS open.
 */
const KNOWN_W = new Set(
  (
    'document body p pPr r rPr t tab tabs br sectPr pgSz pgMar pgNumType titlePg cols docGrid headerReference footerReference ' +
    'jc spacing ind pStyle pBdr top bottom left right between bar keepNext keepLines outlineLvl rFonts b bCs i iCs color sz szCs ' +
    'lang tbl tblPr tblW tblBorders insideH insideV tblLayout tblGrid gridCol tr trPr cantSplit tblHeader tc tcPr tcW shd tcMar ' +
    'vAlign drawing fldChar instrText sdt sdtPr sdtContent docPartObj docPartGallery docPartUnique alias hyperlink ' +
    'bookmarkStart bookmarkEnd noProof webHidden rStyle hdr ftr styles style name basedOn next qFormat uiPriority ' +
    'semiHidden unhideWhenUsed docDefaults rPrDefault pPrDefault link autoRedefine latentStyles lsdException ' +
    'footnotes footnote endnotes endnote separator continuationSeparator footnotePr endnotePr settings ' +
    'displayBackgroundShape evenAndOddHeaders updateFields compat compatSetting fonts font panose1 charset family pitch ' +
    'sig altName numbering abstractNum lvl start numFmt lvlText lvlJc multiLevelType num abstractNumId ' +
    'trackRevisions defaultTabStop hyphenationZone characterSpacingControl tblInd tblCellMar u vertAlign ' +
    // A draft's: the stamp's box, the watermark's VML picture.
    'bdr pict'
  ).split(' '),
);

const elements = (xml: string) => [...xml.matchAll(/<([a-zA-Z0-9]+):([a-zA-Z0-9]+)[\s/>]/g)];

/** Elements of the w: namespace not in KNOWN_W, and namespace prefixes used but not declared. */
function unknownElements(xml: string): { unknown: string[]; undeclared: string[] } {
  const unknown = elements(xml)
    .filter(([, ns, el]) => ns === 'w' && !KNOWN_W.has(el as string))
    .map(([, , el]) => el as string);
  const prefixes = new Set(elements(xml).map(([, ns]) => ns as string));
  return { unknown: [...new Set(unknown)], undeclared: [...prefixes].filter((ns) => !xml.includes(`xmlns:${ns}=`)) };
}

describe('the Word edition’s XML: what Word needs', () => {
  it('uses only known WordprocessingML elements, in declared namespaces', () => {
    for (const name of ['word/document.xml', 'word/styles.xml', 'word/header1.xml', 'word/footer1.xml']) {
      const xml = part(name);
      expect(xml.length, name).toBeGreaterThan(0);
      expect(unknownElements(xml), name).toEqual({ unknown: [], undeclared: [] });
    }
  });

  it('marks the first row of every table, and no other, to repeat on each page', () => {
    const tbls = part('word/document.xml').match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tbls.length).toBe(9);
    for (const t of tbls) {
      const rows = t.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
      expect(rows[0]).toMatch(/<w:tblHeader\/>/);
      for (const r of rows.slice(1)) expect(r).not.toMatch(/<w:tblHeader\/>/);
      expect(t).toContain('<w:tblW w:type="dxa" w:w="8845"/>');
    }
  });

  it('names the East-Asian fonts, the heading and body styles, and a TOC field', () => {
    const styles = part('word/styles.xml');
    for (const f of ['宋体', '黑体', '仿宋']) expect(styles).toContain(`w:eastAsia="${f}"`);
    expect(styles).toContain('w:styleId="BulletinBody"');
    expect(styles).toContain('w:firstLineChars="200"');
    const doc = part('word/document.xml');
    for (const h of ['Heading1', 'Heading2', 'Heading3', 'Heading4']) expect(doc).toContain(`<w:pStyle w:val="${h}"/>`);
    expect(doc.includes('>TOC \\h \\o &quot;1-2&quot;</w:instrText>'), 'TOC field').toBe(true);
    expect(doc).toContain('<w:docPartGallery w:val="Table of Contents"/>');
  });

  it('is A4 with the PDF’s margins, a running header from page 2 and — n — at the foot', () => {
    const doc = part('word/document.xml');
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="1587" w:right="1474" w:bottom="1474" w:left="1587"/);
    expect(doc).toContain('<w:titlePg/>');
    const headers = [part('word/header1.xml'), part('word/header2.xml')];
    expect(headers.filter((h) => h.includes('湖南缺陷产品召回　第3期')).length).toBe(1);
    expect(part('word/footer1.xml')).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/);
  });

  it('embeds the charts at 200 dpi or more, and the article pictures', () => {
    const media = entries.filter((e) => e.name.startsWith('word/media/'));
    expect(media.length).toBe(7);
    const doc = part('word/document.xml');
    const extents = [...doc.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => Number(m[1]) / 914400);
    const widths = media.map((m) => m.data.readUInt32BE(16)).sort((a, b) => b - a);
    // The three widest pictures are the charts, spanning the text width.
    const chartInches = Math.max(...extents);
    for (const w of widths.slice(0, 3)) expect(w / chartInches).toBeGreaterThanOrEqual(200);
  });

  it('carries title, author, subject, keywords and the publication date', () => {
    const core = part('docProps/core.xml');
    expect(core).toContain('<dc:title>2022年第三季度湖南省消费品召回分析报告</dc:title>');
    expect(core).toContain('<dc:creator>湖南省市场监督管理局缺陷产品召回服务中心</dc:creator>');
    expect(core).toContain('<dc:subject>湖南缺陷产品召回 第3期（总第3期） 2022年第三季度</dc:subject>');
    expect(core).toContain('<cp:keywords>缺陷产品召回; 2022年第三季度</cp:keywords>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2022-11-08T00:00:00Z</dcterms:created>');
    expect(new Set(entries.map((e) => `${e.date}/${e.time}`))).toEqual(new Set([`${(42 << 9) | (11 << 5) | 8}/0`]));
  });

  it('is byte-identical when built again, within a batch, with no browser to be found', async () => {
    // A batch build shares one process: ids docx takes from process-wide counters would differ here.
    const out = tempDir();
    const r = await bulletin([
      'build',
      '--quarter',
      '2022Q2,2022Q3',
      '--format',
      'docx',
      '--out',
      out,
      '--browser',
      '/nonexistent/chromium',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, '2022Q3', 'bulletin.docx')).equals(docx)).toBe(true);
  });
});

describe('the Word edition of a draft: the marks the PDF and HTML drafts carry', () => {
  let file: string;
  let draft: ZipEntry[];
  let draftText: string;
  let errors: ValidationIssue[];
  const draftPart = (name: string) => draft.find((e) => e.name === name)?.data.toString('utf8') ?? '';
  const headerParts = () => draft.filter((e) => /^word\/header\d+\.xml$/.test(e.name));

  beforeAll(async () => {
    // A fresh `bulletin init` folder: 15 things left to fill in (the 期号 too: no quarter before it) (test/cli/unfinished.test.ts), no browser needed.
    // Run outside the repository, whose configuration and out/ would be read.
    const [outside, data, out] = [tempDir(), tempDir(), tempDir()];
    expect((await bulletin(['init', '2022Q4', '--data', data], { cwd: outside })).code).toBe(0);
    const args = ['build', '--quarter', '2022Q4', '--data', data, '--out', out, '--draft', '--format', 'docx'];
    const r = await bulletin([...args, '--json'], { cwd: outside });
    expect(r.code, r.stderr).toBe(0);
    errors = (JSON.parse(r.stdout).issues as ValidationIssue[]).filter((i) => i.severity === 'error');
    file = join(out, '2022Q4', 'bulletin-draft.docx');
    draft = readZip(readFileSync(file));
    draftText = (await mammoth.extractRawText({ buffer: readFileSync(file) })).value;
  }, 60_000);

  it('opens with the 草稿说明 pages: every finding the build reported, then the bulletin', () => {
    expect(errors.length).toBe(15);
    expect(draftText.trimStart().startsWith('草稿说明：正式出版前需要解决的问题')).toBe(true);
    expect(draftText).toContain('以下 15 个问题会使正式生成');
    let at = 0;
    for (const e of errors)
      for (const s of [issueLocation(e), e.message, e.hint, `[${e.code}]`]) {
        const next = draftText.indexOf(s, at);
        expect(next, s).toBeGreaterThanOrEqual(at);
        at = next;
      }
    expect(draftText.indexOf('湖南缺陷产品召回', at), 'the masthead after the findings').toBeGreaterThan(at);
  });

  it('has the stamp and a watermark in every header, in known elements; the final edition neither', () => {
    expect(headerParts().length).toBe(3);
    for (const h of headerParts()) {
      const xml = h.data.toString('utf8');
      expect(xml, h.name).toMatch(/<w:bdr [^>]*\/><\/w:rPr><w:t xml:space="preserve">草稿<\/w:t>/);
      expect(xml, h.name).toMatch(/<v:shape id="PowerPlusWaterMarkObject\d+"[^>]*>[\s\S]*string="草稿"/);
      expect(unknownElements(xml), h.name).toEqual({ unknown: [], undeclared: [] });
    }
    expect(unknownElements(draftPart('word/document.xml'))).toEqual({ unknown: [], undeclared: [] });
    for (const e of entries.filter((e) => /^word\/(document|header\d+)\.xml$/.test(e.name))) {
      const xml = e.data.toString('utf8');
      for (const mark of ['草稿', '<w:pict>', '<v:shape', '<w:bdr '])
        expect(xml, `${e.name}: ${mark}`).not.toContain(mark);
    }
  });

  it('rendered by LibreOffice: 草稿 and the watermark on every page, the notice first, the bulletin numbered from 1', () => {
    const lo = libreOffice(file);
    const pages = Number(pdfInfo(lo).Pages);
    expect(pages).toBeGreaterThan(3);
    const texts = Array.from({ length: pages }, (_, i) => pageText(lo, i + 1).replace(/\s+/g, ''));
    texts.forEach((t, i) => expect(t, `page ${i + 1}`).toContain('草稿'));
    expect(texts[0]).toContain('草稿说明：正式出版前需要解决的问题');
    expect(texts[0]).toContain('以下15个问题会使正式生成');
    const masthead = texts.findIndex((t) => t.includes('本期要目'));
    expect(masthead).toBeGreaterThan(0);
    expect(texts[masthead]).toContain('—1—');
    // The watermark is a shape, not text: found by its faint red on every page, and on none of the final issue's.
    const faint = pageImages(lo).map(faintRedPixels);
    expect(Math.min(...faint), faint.join(' ')).toBeGreaterThan(1000);
    const final = pageImages(libreOffice(join(pdf, '..', 'bulletin.docx'))).map(faintRedPixels);
    expect(Math.max(...final), final.join(' ')).toBeLessThan(1000);
  }, 120_000);
});
