/**
 * One quarter: load → validate → compute → render → print → write. Loaded
 * by build.ts only once Chromium is starting: these modules (ECharts,
 * Handlebars, marked, the readers and checks) take a few hundred
 * milliseconds to load, which then overlaps the browser's launch.
 */
import { join } from 'node:path';
import type { BuildOptions, BuildResult } from './build-options.js';
import { draftDecision } from '../model/draft.js';
import type { ValidationIssue } from '../model/issues.js';
import { quarterId, quarterName } from '../model/quarter.js';
import type { BulletinStats } from '../model/stats.js';
import type { Printer } from '../render/browser.js';
import { composeBulletin } from '../render/compose-bulletin.js';
import { buildDraftView } from '../render/draft-notice.js';
import { finalizePdf, warmUpPdfLib } from '../render/pdf-file.js';
import { printBulletin } from '../render/print-bulletin.js';
import { MARKER_PREFIX } from '../render/table-layout.js';
import { layoutCache } from './layout-cache.js';
import { withTrend } from './trend.js';
import { defaultArchiveDirs, figuresAsTheyStand, statsOf } from './quarter-source.js';
import { loadCheckedQuarter } from './cross-quarter.js';
import { htmlRenderer } from '../render/render-html.js';
import { renderWebEdition } from '../render/render-web.js';
import { fontSpecs } from '../render/fonts.js';
import { REPORT_SECTION } from './config.js';
import { packageRoot } from './package-root.js';
import type { ProgressListener } from './progress.js';
import { DRAFT_OUTPUT_NAMES, FINAL_OUTPUT_NAMES, writeQuarterOutputs, type OutputFile } from './write-outputs.js';

/** Before a draft's title (HTML and PDF): the metadata says draft too. */
const DRAFT_MARK = '草稿：';

/** A promise whose rejection is handled later, where it is awaited. */
const reportedWhereAwaited = (): void => undefined;

function statsJson(stats: BulletinStats): string {
  return `${JSON.stringify(stats, null, 2)}\n`;
}

function glyphWarning(missing: readonly string[]): ValidationIssue[] {
  if (missing.length === 0) return [];
  return [
    {
      severity: 'warning',
      code: 'render.glyph.missing',
      file: 'templates',
      sheet: null,
      row: null,
      column: null,
      header: null,
      value: missing.join(''),
      message: `内置字体中没有这些字符，PDF 中可能显示为方框：${missing.join(' ')}`,
      hint: '请改用常用汉字，或检查数据中是否混入了特殊符号。',
    },
  ];
}

export async function buildWith(
  opts: BuildOptions,
  printer: Printer | null,
  onProgress: ProgressListener,
): Promise<BuildResult> {
  const archiveDirs = defaultArchiveDirs(opts.dataDir, opts.outDir);
  const loaded = await loadCheckedQuarter({ ...opts, archiveDirs }, onProgress);
  const base = {
    quarter: quarterId(opts.quarter),
    issues: loaded.issues,
    files: loaded.files,
    unreadable: loaded.unreadable,
  };
  const decision = draftDecision(loaded.issues, opts.draft ?? 'never');
  if (!decision.build) return { ...base, ok: false, draft: false, stats: null, outputs: [], passes: 0 };
  const draft = decision.draft ? buildDraftView(decision.errors) : null;

  onProgress({ phase: 'compute', message: `统计 ${loaded.records.length} 条召回记录` });
  const figures = draft ? figuresAsTheyStand(loaded, opts.config.decimals) : statsOf(loaded, opts.config.decimals);
  const trended = await withTrend(figures, opts.quarter, opts);
  const stats = trended.stats;
  const issue = stats.issue;
  const meta = {
    bulletinName: opts.config.bulletinName ?? `${loaded.home.short}缺陷产品召回`,
    publisher: opts.config.publisher ?? `${loaded.home.name}市场监督管理局缺陷产品召回服务中心`,
    provinceShort: loaded.home.short,
    decimals: opts.config.decimals,
  };
  onProgress({ phase: 'render', message: '排版 HTML（文章、图表、表格）' });
  const composed = composeBulletin({
    stats,
    ref: loaded.ref,
    meta,
    articles: loaded.articles,
    sections: opts.config.sections,
    reportSection: REPORT_SECTION,
    notice: loaded.meta.meta.notice,
    contact: opts.config.contact,
    trend: stats.trend ?? null,
  });
  const title = draft ? `${DRAFT_MARK}${composed.title}` : composed.title;
  const templateDirs = [
    join(packageRoot(), 'templates'),
    ...[opts.templatesDir ?? opts.config.templates].filter((d): d is string => Boolean(d)),
  ];
  const renderer = await htmlRenderer(
    templateDirs,
    title,
    composed.makeView(new Map()),
    fontSpecs(opts.config.fonts.serif, opts.config.fonts.sans),
    draft,
  );
  const issues = [...loaded.issues, ...trended.issues, ...glyphWarning(renderer.missingGlyphs)];

  // A draft's figures are never written as stats.json: an archive must only hold what was published.
  const name = (ext: string) => (draft ? `bulletin-draft.${ext}` : `bulletin.${ext}`);
  const files: OutputFile[] = draft ? [] : [{ name: 'stats.json', data: statsJson(stats) }];
  const mark = draft ? DRAFT_MARK : '';
  // The same document properties in the PDF and the Word edition; a draft says so in each.
  const docMeta = {
    title: `${mark}${composed.report.title}`,
    author: meta.publisher,
    subject: `${mark}${meta.bulletinName} 第${issue.number}期（总第${issue.totalNumber}期） ${quarterName(opts.quarter)}`,
    keywords: [...(draft ? ['草稿'] : []), '缺陷产品召回', quarterName(opts.quarter)],
    date: new Date(`${issue.publicationDate ?? stats.period.end}T00:00:00Z`),
  };
  // The web edition does not wait for the print: its font subsetting overlaps Chromium's passes.
  const web = opts.formats.includes('html')
    ? renderWebEdition(templateDirs, title, composed.makeView(new Map()), opts.config.fonts.sans, draft)
    : null;
  // Its failure is reported where it is awaited, below; this only keeps it from
  // counting as unhandled while the print runs.
  web?.catch(reportedWhereAwaited);
  let passes = 0;
  if (printer) {
    opts.signal?.throwIfAborted();
    const cache = layoutCache(opts.cacheDir ?? null);
    let key = '';
    const guess = opts.cacheDir
      ? async (firstHtml: string) => cache.get((key = cache.key(await printer.identity(), firstHtml)))
      : undefined;
    void warmUpPdfLib().catch(() => undefined);
    const printed = await printBulletin(
      composed.makeView,
      composed.targets,
      renderer,
      printer,
      (pass, pages) => onProgress({ phase: 'pdf', message: `打印 PDF：第 ${pass} 遍排版，${pages ?? '?'} 页` }),
      guess,
    );
    passes = printed.passes;
    if (passes > 1) await cache.put(key, printed.layout);
    const pdf = await finalizePdf(printed.pdf, { ...docMeta, dropLinksTo: MARKER_PREFIX });
    files.push({ name: name('pdf'), data: pdf });
  }
  if (web) files.push({ name: name('html'), data: await web });
  if (opts.formats.includes('docx')) {
    onProgress({ phase: 'docx', message: '生成 Word 文档（图表转为图片）' });
    const { docxEdition } = await import('../render/docx-edition.js');
    const view = composed.makeView(new Map());
    const docx = await docxEdition(
      view,
      { ...docMeta, creator: docMeta.author, description: title, runningHeader: view.runningHeader },
      fontSpecs(opts.config.fonts.serif, opts.config.fonts.sans),
    );
    files.push({ name: name('docx'), data: docx });
  }
  // A build that was stopped or ran out of time writes nothing, even if its work finishes later.
  opts.signal?.throwIfAborted();
  onProgress({ phase: 'write', message: `写入 ${join(opts.outDir, quarterId(opts.quarter))}` });
  const owned = draft ? DRAFT_OUTPUT_NAMES : FINAL_OUTPUT_NAMES;
  const outputs = await writeQuarterOutputs(opts.outDir, quarterId(opts.quarter), files, owned);
  return { ...base, issues, ok: true, draft: draft !== null, stats, outputs, passes };
}
