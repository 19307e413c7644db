import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLayout } from '../../src/render/pdf-file.js';
import { MARKER_PREFIX } from '../../src/render/table-layout.js';
import { structureReport } from '../helpers/pdf-structure.js';
import { bulletin, bulletinProcess, ROOT, tempDir } from '../helpers/cli.js';
import { copyOfSampleCache, sampleBuild } from '../helpers/sample-build.js';
import { axisTicks, canonical, inputNumbers, numbersIn, statsNumbers } from '../helpers/numbers.js';
import {
  colouredPixels,
  compactLines,
  containsWrapped,
  inkedPixels,
  pageImages,
  pageLinks,
  pageText,
  pdfFonts,
  pdfInfo,
  pdfText,
  pdfTextCompact,
} from '../helpers/pdf.js';

let out: string;
let pdf: string;
let html: string;
let lines: string[];
let text: string;
let json: { issues: Array<{ code: string }>; passes: number };
let cache: string;

/** A build of the sample in-process, or by the real binary (the bundle, which keeps finished PDFs: pdf-cache.ts). */
const build = async (dir: string, run: typeof bulletin = bulletin) => {
  const r = await run(['build', '--quarter', '2022Q3', '--out', dir, '--json'], {
    env: { BULLETIN_CACHE_DIR: cache },
  });
  expect(r.code, r.stderr).toBe(0);
  return {
    passes: (JSON.parse(r.stdout) as { passes: number }).passes,
    pdf: readFileSync(join(dir, '2022Q3', 'bulletin.pdf')),
    html: readFileSync(join(dir, '2022Q3', 'bulletin.html'), 'utf8'),
  };
};

beforeAll(async () => {
  // The sample built once for the whole run (test/sample-pdf-setup.ts), with a copy of its layout
  // cache: a rebuild whose cached layout did not hold would write to it.
  const shared = await sampleBuild();
  out = shared.out;
  cache = await copyOfSampleCache();
  json = JSON.parse(shared.json);
  pdf = join(out, 'bulletin.pdf');
  html = readFileSync(join(out, 'bulletin.html'), 'utf8');
  lines = compactLines(pdf);
  text = pdfTextCompact(pdf);
});

/** Every row must be a whole line of the laid-out text. */
function expectRows(rows: string[]): void {
  for (const r of rows) expect(lines, r).toContain(r);
}

describe('the 2022Q3 bulletin PDF: every table and figure of the seed', () => {
  it('has the masthead', () => {
    const first = pageText(pdf, 1).replace(/\s+/g, '');
    for (const s of [
      '湖南缺陷产品召回',
      '第3期（总第3期）',
      '湖南省市场监督管理局缺陷产品召回服务中心编',
      '2022年11月8日',
      '本期要目',
    ])
      expect(first).toContain(s);
  });

  it('has part 一 with the year-to-date rank, 表1 and the narratives', () => {
    expect(text).toContain(
      '根据市场监督管理总局数据统计显示，2022年前三季度湖南省省局开展消费品缺陷产品召回34次，共召回缺陷产品570443件，位居全国第一，2022年第三季度（截至9月30日），湖南省省局开展缺陷产品召回8次，共召回缺陷产品418448件。',
    );
    expectRows([
      '电子电器011150',
      '儿童用品0213400',
      '家具0300',
      '家用日用品041257500',
      '其他交通运输设备0500',
      '日用纺织品和服装06198',
      '食品相关产品07163000',
      '文教体育用品08394300',
      '五金建材0900',
      '其他产品1000',
      '合计8418448',
    ]);
    for (const s of [
      '占湖南召回总数量的61.54%',
      '占总召回次数的37.50%',
      '有6批次产品存在机械物理类缺陷，占总召回批次75.00%',
      '有2批次产品存在电气安全类缺陷，占总召回批次25.00%',
    ])
      expect(text).toContain(s);
  });

  it('has the region table with all 14 prefectures', () => {
    expectRows([
      '1长沙170000',
      '2株洲123800',
      '3湘潭23550',
      '4衡阳163000',
      '5邵阳2258000',
      '6岳阳00',
      '9益阳198',
      '14湘西自治州00',
      '合计8418448',
    ]);
  });

  it('has 表2, whose cells may wrap', () => {
    expect(text).toContain('表22022年第三季度湖南省消费品召回典型案例');
    for (const s of [
      '湖南省豪牌电气有限公司',
      '长沙文灿鑫明文化用品有限公司',
      '邵东市智帆皮具有限公司',
      '257500只',
      '70000本',
      '500个',
      '2021.09-2021.12',
      '2019.04-2019.05',
    ]) {
      expect(containsWrapped(text, s), s).toBe(true);
    }
  });

  it('has the three national category tables', () => {
    expect(text).toContain('1、历年来（数据截至9月30日），全国消费品共计召回3895次，涉及数量8255.87万件。');
    expect(text).toContain('2、2022年以来（数据截至9月30日），全国消费品共计召回471次，涉及数量228.81万件。');
    expect(text).toContain('3、2022年第三季度（数据截至9月30日），全国消费品共计召回193次，涉及数量157.85万件。');
    expectRows([
      '电子电器0187426520643',
      '其他产品1095109598',
      '合计389582558717',
      '儿童用品02143572947',
      '合计4712288116',
      '电子电器0129503384',
      '合计1931578498',
    ]);
  });

  it('has both province tables ranked by quantity', () => {
    expect(text).toContain('全国有24个省(市)局开展了消费品召回工作，召回次数共计470次，涉及数量为210.59万件。');
    expect(text).toContain('全国有17个省(市)局开展了消费品召回工作，召回次数共计192次，涉及数量为139.63万件。');
    expectRows(['1湖南省34570443', '2安徽省101472249', '12新疆维吾尔自治区536020', '24黑龙江省12', '总计4702105901']);
    expectRows(['1湖南省8418448', '2广东省36359790', '17天津市3124', '总计1921396283']);
  });

  it('has the foreign figures and their shares', () => {
    expect(text).toContain(
      '2022年1月至9月，美国、欧盟、日本、澳大利亚四个国家地区共实施消费品召回1448次，涉及产品2254.72万件。',
    );
    expect(text).toContain(
      '美国召回中国生产产品100次，涉及产品664.20万件，占美国召回产品总次数的52.08%，总数量的35.49%；欧盟召回中国生产产品725次，占欧盟召回产品总次数的66.94%。',
    );
    expect(text).toContain('在国家地区分类中，欧盟召回次数最多，占比74.79%。');
    expect(text).toContain(
      '儿童用品召回350次，占比38.38%；电子电器召回217次，占比23.79%；家用日用品召回126次，占比13.82%。',
    );
    expect(text).toContain('电子电器召回数量最多，涉及产品772.85万件，占已公开召回总数量55.57%。');
  });

  it('has 表4 with the totals computed from its rows (36, not the stated 35)', () => {
    expect(text).toContain('表42022年第三季度湖南省共享缺陷信息线索表');
    expect(text).toContain('全省系统提供共享缺陷信息36条，形成有效缺陷产品召回信息12条');
    expectRows(['2长沙市市场监督管理局530', '9常德市市场监督管理局100', '总计361225']);
    expect(json.issues.map((i) => i.code)).toContain('total.mismatch');
  });

  it('has the articles, the interview with its speakers, the notice and the contact block', () => {
    for (const s of [
      '【召回工作快讯】',
      '【市县召回动态】',
      '一、湘西州局举办汽车产品召回法律法规宣贯培训',
      '三、益阳：强化“四大举措”推进缺陷产品召回',
      '《民情直通车》缺陷产品召回专题节目访谈',
      '重要提示：',
      '电话：0731-85315315',
      '邮箱：hnqzzx@126.com',
    ]) {
      expect(text, s).toContain(s);
    }
    expect(html).toContain('<strong class="speaker">王芳斌：</strong>');
    expect(html).toContain('<figcaption>检查调研现场（示意图）</figcaption>');
  });
});

describe('stats.json holds the figures the PDF prints', () => {
  it('every category, region and national row of stats.json is a line of the PDF', () => {
    const stats = JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8'));
    const expected = [
      ...stats.byCategory.map(
        (c: { name: string; code: string; recalls: number; quantity: number }) =>
          `${c.name}${c.code}${c.recalls}${c.quantity}`,
      ),
      ...stats.byRegion.map(
        (r: { short: string; manufacturers: number; quantity: number }, i: number) =>
          `${i + 1}${r.short}${r.manufacturers}${r.quantity}`,
      ),
      ...stats.national.provincesYtd.rows.map(
        (r: { seq: number; name: string; recalls: number; quantity: number }) =>
          `${r.seq}${r.name}${r.recalls}${r.quantity}`,
      ),
      `合计${stats.national.cumulative.total.recalls}${stats.national.cumulative.total.quantity}`,
      `总计${stats.clues.total.reports}${stats.clues.total.effective}${stats.clues.total.inspections}`,
    ];
    expectRows(expected);
    expect(text).toContain(`占湖南召回总数量的${stats.highlights.topByQuantity[0].share.toFixed(2)}%`);
  });

  it('reproduces the seed: no 同比/环比 sentence (the trend sentence is off in the bundled configuration)', () => {
    expect(text).not.toMatch(/同比|环比|与上季度相比|与上年同期相比/);
  });

  it('every number of the generated report is in stats.json; every other number is in the inputs', () => {
    const stats = JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8'));
    const all = pdfText(pdf);
    // Part 二's 季度分析报告 runs from its heading (the second mention: the first is 本期要目) to the next section.
    const from = all.indexOf('【季度分析报告】', all.indexOf('【季度分析报告】') + 1);
    const report = all.slice(from, all.indexOf('【市县召回动态】', from));
    expect(report).toContain('全国缺陷产品召回情况');
    const fromStats = statsNumbers(stats);
    // Named exceptions: the charts' value-axis labels and the page numbers, which no input holds.
    const ticks = axisTicks(numbersIn(all));
    const pages = new Set(Array.from({ length: Number(pdfInfo(pdf).Pages) }, (_, i) => String(i + 1)));
    const unexplained = (t: string, allowed: Set<string>) =>
      [...new Set(numbersIn(t))].filter((n) => ![allowed, ticks, pages].some((s) => s.has(canonical(n))));
    expect(unexplained(report, fromStats)).toEqual([]);
    const inputs = inputNumbers(join(ROOT, 'data', '2022Q3'), join(ROOT, 'bulletin.config.json'));
    expect(unexplained(all, new Set([...fromStats, ...inputs]))).toEqual([]);
    // The exceptions really are few: ticks of the bar chart, not a way round the rule.
    expect(ticks.size).toBeLessThanOrEqual(8);
  });
});

describe('the 2022Q3 bulletin PDF: layout', () => {
  it('prints page numbers in the table of contents that match where each heading landed', () => {
    // Entries and their targets from the web edition's 本期要目; page numbers from the PDF's first page.
    // The web edition marks where an entry may wrap with <wbr> (between words).
    const entries = [...html.replaceAll('<wbr>', '').matchAll(/<li><a href="#([^"]+)">([^<]+)<\/a><\/li>/g)];
    expect(entries.length).toBe(7);
    const first = pageText(pdf, 1).replace(/\s+/g, '');
    for (const [, target, text] of entries) {
      const chars = [...text!.replace(/\s+/g, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      const m = new RegExp(`●${chars.join('(\\d*?)')}(\\d*)`).exec(first);
      const page = m?.slice(1).join('') ?? '';
      expect(page, target).toMatch(/^\d+$/);
      const heading = new RegExp(`id="${target}"[^>]*>\\s*(?:<h2[^>]*>)?([\\s\\S]*?)</h2>`).exec(html)?.[1];
      expect(heading, target).toBeDefined();
      expect(pageText(pdf, Number(page)).replace(/\s+/g, ''), `${heading} on page ${page}`).toContain(
        heading!.replace(/<[^>]*>|\s+/g, ''),
      );
    }
  });

  it('makes every 本期要目 entry a link to the page its heading is on', async () => {
    const links = await pageLinks(pdf, 1);
    const targets = [...html.matchAll(/<li><a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(links.map((l) => l.dest)).toEqual(targets);
    for (const { dest, page } of links) {
      const heading = new RegExp(`id="${dest}"[^>]*>\\s*(?:<h2[^>]*>)?([\\s\\S]*?)</h2>`).exec(html)![1]!;
      expect(pageText(pdf, page).replace(/\s+/g, ''), dest).toContain(heading.replace(/<[^>]*>|\s+/g, ''));
    }
  });

  it('puts （续表） only at the top of continuation pages, after the table began on an earlier page', () => {
    const pages = Number(pdfInfo(pdf).Pages);
    const seen: string[] = [];
    let continuations = 0;
    for (let p = 1; p <= pages; p++) {
      const t = pageText(pdf, p).replace(/\s+/g, '');
      for (const cap of t.match(/表\d2022年第三季度[^（]*?表（续表）/g) ?? []) {
        continuations++;
        expect(
          seen.some((s) => cap.startsWith(s)),
          cap,
        ).toBe(true);
        expect(t.indexOf(cap), cap).toBeLessThan(40);
      }
      for (const cap of t.match(/表\d2022年第三季度[^（]*?表(?!（续表）)/g) ?? []) seen.push(cap);
      // A table without a caption continues under a bare （续表）, also at the top.
      const bare = t.indexOf('（续表）');
      if (bare >= 0 && !t.includes('表（续表）')) {
        continuations++;
        expect(bare, `page ${p}`).toBeLessThan(40);
      }
    }
    // 表1 fits on a page and is no longer split (issue 16); the national table still continues.
    expect(continuations).toBeGreaterThan(0);
  });

  it('has a running header on every page but the first', () => {
    const pages = Number(pdfInfo(pdf).Pages);
    const firstLine = (p: number) =>
      pageText(pdf, p, true)
        .split('\n')
        .find((l) => l.trim())!
        .replace(/\s+/g, '');
    expect(firstLine(1)).toBe('湖南缺陷产品召回');
    for (let p = 2; p <= pages; p++) expect(firstLine(p), `page ${p}`).toBe('湖南缺陷产品召回第3期');
  });

  it('has bookmarks for the sections and articles', async () => {
    const { outline } = await readLayout(readFileSync(pdf));
    const titles = outline.map((o) => o.title);
    for (const t of [
      '【召回工作快讯】',
      '【季度分析报告】',
      '2022年第三季度湖南省消费品召回分析报告',
      '二、全国缺陷产品召回情况',
      '【专题节目访谈】',
    ])
      expect(titles).toContain(t);
  });

  it('leaves no heading alone at the foot of a page', async () => {
    const { outline } = await readLayout(readFileSync(pdf));
    for (const o of outline) {
      const body = pageText(pdf, o.page)
        .replace(/\s+/g, '')
        .replace(/—\d+—$/, '');
      expect(body.endsWith(o.title), `${o.title} on page ${o.page}`).toBe(false);
    }
  });

  it('has no blank page, and the three charts are drawn', () => {
    const images = pageImages(pdf);
    for (const [i, img] of images.entries())
      expect(inkedPixels(img), `page ${i + 1}`).toBeGreaterThan(img.width * img.height * 0.01);
    const chartPages = images.map((img, i) => ({ i, c: colouredPixels(img) })).filter((x) => x.c > 300);
    expect(chartPages.length, JSON.stringify(chartPages)).toBe(3);
    expect((html.match(/<figure class="chart"><svg/g) ?? []).length).toBe(3);
  });
});

describe('the 2022Q3 bulletin PDF: print quality', () => {
  it('embeds every font as a subset CID font, none Type 3, none a fallback', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f, f.name).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(f.type).toBe('CID TrueType');
      expect(f.name).toMatch(/\+NotoS(erif|ans)SC/);
    }
  });

  it('names each embedded font for the weight printed: regular serif body, bold serif and sans headings', () => {
    const names = new Set(pdfFonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, '')));
    expect([...names].sort()).toEqual(['NotoSansSC-Bold', 'NotoSerifSC-Bold', 'NotoSerifSC-Regular']);
  });

  it('has no character that the bundled fonts lack (no missing-glyph boxes)', () => {
    expect(json.issues.filter((i) => i.code === 'render.glyph.missing')).toEqual([]);
  });

  it('is A4, tagged, with title, author, subject and the publication date', () => {
    const info = pdfInfo(pdf);
    expect(info['Page size']).toMatch(/^59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(15);
    expect(Number(info.Pages)).toBeLessThanOrEqual(30);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('2022年第三季度湖南省消费品召回分析报告');
    expect(info.Author).toBe('湖南省市场监督管理局缺陷产品召回服务中心');
    expect(info.Subject).toBe('湖南缺陷产品召回 第3期（总第3期） 2022年第三季度');
    expect(info.CreationDate).toMatch(/Nov\s+8 00:00:00 2022/);
  });

  it('numbers the pages at the foot as — n —', () => {
    expect(pageText(pdf, 1).replace(/\s+/g, '')).toContain('—1—');
    expect(pageText(pdf, 2).replace(/\s+/g, '')).toContain('—2—');
  });

  it('keeps none of the row-marker links that measured the layout', async () => {
    expect((await readLayout(readFileSync(pdf), MARKER_PREFIX)).markers.size).toBe(0);
    expect(html).not.toContain(MARKER_PREFIX);
  });

  it('leaves no trace of those links in the structure tree (read by qpdf, not by the pdf-lib that wrote it)', () => {
    const tree = structureReport(pdf);
    expect(tree.danglingObjr).toEqual([]);
    expect(tree.danglingParentTree).toEqual([]);
    // The 本期要目 entries are links (to their pages); none of the row markers is left.
    expect(tree.links).toBe(7);
    // The tables keep every cell: 1,888 elements (2,009 before, less the 121 Link elements).
    expect(tree.elements).toBeGreaterThan(1500);
  });
});

// The cache's logic (a wrong or damaged entry, no cache folder) is tested with a fake printer in
// test/pipeline/cached-layout-build.test.ts; here, once, that a real print from the cached layout
// gives the measured PDF's bytes.
describe('rebuilding: the same inputs give the same bytes, however the layout was found', () => {
  it('measured the layout without printing the first time, then printed it once (column-measure.ts)', () => {
    // 表1 kept whole and floated, the provinces' tables kept whole, the contents' pages: all measured in columns.
    expect(json.passes).toBe(1);
  });

  it('prints once with the layout measured before, and the PDF and HTML are byte-identical', async () => {
    const again = await build(tempDir(), async (args, opts) => bulletinProcess(args, opts));
    expect(again.passes).toBe(1);
    expect(again.pdf.equals(readFileSync(pdf))).toBe(true);
    expect(again.html).toBe(html);
    // The web edition's font subsets came from the cache too: one file per @font-face.
    expect(readdirSync(join(cache, 'fonts')).length).toBe(html.match(/@font-face\{/g)?.length);
    // So did the three charts (ECharts not loaded).
    expect(readdirSync(join(cache, 'charts'))).toHaveLength(3);
    // And the print's @font-face rules (the bundle's builds keep them: font-css-cache.ts), one set for this text.
    expect(readdirSync(join(cache, 'font-css'))).toHaveLength(1);
  });

  it('keeps a one-pass print’s finished PDF, and the next rebuild takes it instead of finishing (pdf-cache.ts)', async () => {
    // The cold build's two-pass print is not kept (its DOM nodes are numbered otherwise); the rebuild above,
    // by the bundle, kept its own.
    const kept = () => readdirSync(join(cache, 'pdfs')).map((f) => statSync(join(cache, 'pdfs', f)));
    const [before] = kept() as [Stats];
    expect(kept()).toHaveLength(1);
    const again = await build(tempDir(), async (args, opts) => bulletinProcess(args, opts));
    expect(again.passes).toBe(1);
    expect(again.pdf.equals(readFileSync(pdf))).toBe(true);
    // Found under the same key: a miss would have written a new file (a new inode, renamed into place).
    // Its time only moves on: the read marked it used, so pruning keeps it (cache-prune.ts).
    expect(kept().map((s) => s.ino)).toEqual([before.ino]);
    expect(kept()[0]!.mtimeMs).toBeGreaterThanOrEqual(before.mtimeMs);
  });

  it('with --no-cache subsets the web edition’s fonts afresh, to the same HTML (no browser needed)', async () => {
    const dir = tempDir();
    const r = await bulletin(['build', '--quarter', '2022Q3', '--out', dir, '--format', 'html', '--no-cache'], {
      env: { BULLETIN_CACHE_DIR: cache },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, '2022Q3', 'bulletin.html'), 'utf8')).toBe(html);
  });
});
