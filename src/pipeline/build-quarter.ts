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
import { composeBulletin, type Composed } from '../render/compose-bulletin.js';
import { buildDraftView, type DraftView } from '../render/draft-notice.js';
import { withTrend } from './trend.js';
import { defaultArchiveDirs, figuresAsTheyStand, statsOf, unfilledTables } from '../inputs/quarter-source.js';
import { dataOrThrow, readQuarter } from '../inputs/read-quarter.js';
import { htmlRenderer, type HtmlRenderer } from '../render/render-html.js';
import { layView } from '../render/print-bulletin.js';
import { renderWebEdition } from '../render/render-web.js';
import { fontSpecs } from '../render/fonts.js';
import { glyphWarning, viewCharacters } from '../render/glyph-check.js';
import { REPORT_SECTION } from '../config/config.js';
import { mastheadNames, templateDirs as templatesOver } from '../config/resolve-options.js';
import type { ProgressListener } from '../model/progress.js';
import { printPdfEdition, wordEdition, type DocumentMeta } from './build-editions.js';
import { fontSubsetCache } from './font-cache.js';
import { fontCssCache } from './font-css-cache.js';
import { drawCharts } from './chart-cache.js';
import { reportChartSpecs } from '../render/report-charts.js';
import type { LoadedQuarter } from '../inputs/load-quarter.js';
import {
  DRAFT_OUTPUT_NAMES,
  FINAL_OUTPUT_NAMES,
  writeQuarterOutputs,
  type OutputFile,
} from '../outputs/write-outputs.js';

/** Before a draft's title (HTML and PDF): the metadata says draft too. */
const DRAFT_MARK = '草稿：';

/** A promise whose rejection is handled later, where it is awaited. */
const reportedWhereAwaited = (): void => undefined;

function statsJson(stats: BulletinStats): string {
  return `${JSON.stringify(stats, null, 2)}\n`;
}

interface Rendered {
  stats: BulletinStats;
  composed: Composed;
  /** The print's renderer; none without a PDF (its fonts and first render are the print's alone). */
  renderer: HtmlRenderer | null;
  /** The document's title, marked when it is a draft. */
  title: string;
  templateDirs: string[];
  publisher: string;
  bulletinName: string;
  /** Warnings found on the way: comparison quarters left out of the trend, glyphs no font has. */
  issues: ValidationIssue[];
}

/** Figures (with the trend) → the composed bulletin and the HTML renderer every edition prints from. */
async function composeAndRender(
  opts: BuildOptions,
  loaded: LoadedQuarter,
  draft: DraftView | null,
  onProgress: ProgressListener,
): Promise<Rendered> {
  onProgress({ phase: 'compute', message: `统计 ${loaded.totals?.recalls ?? 0} 条召回记录` });
  const figures = draft ? figuresAsTheyStand(loaded, opts.config.decimals) : statsOf(loaded, opts.config.decimals);
  const trended = await withTrend(figures, opts.quarter, opts);
  const stats = trended.stats;
  const meta = {
    ...mastheadNames(opts.config, loaded.home),
    provinceShort: loaded.home.short,
    decimals: opts.config.decimals,
  };
  onProgress({ phase: 'render', message: '排版 HTML（文章、图表、表格）' });
  const specs = reportChartSpecs(stats, opts.config.decimals);
  const charts = specs && (await drawCharts(specs, opts.cacheDir ?? null));
  const composed = composeBulletin({
    charts,
    stats,
    ref: loaded.ref,
    meta,
    articles: loaded.articles,
    sections: opts.config.sections,
    reportSection: REPORT_SECTION,
    notice: loaded.meta.meta.notice,
    contact: opts.config.contact,
    trend: stats.trend ?? null,
    unfilled: draft ? unfilledTables(loaded) : {},
  });
  const title = draft ? `${DRAFT_MARK}${composed.title}` : composed.title;
  const templateDirs = templatesOver(opts.templatesDir, opts.config);
  // Only a PDF needs the print's renderer; without one, the view's text is checked against its fonts.
  const fonts = fontSpecs(opts.config.fonts.serif, opts.config.fonts.sans);
  // The print's renderer starts from the first pass's view (layView), which it then renders once only.
  const renderer = opts.formats.includes('pdf')
    ? await htmlRenderer(
        templateDirs,
        title,
        layView(composed.makeView),
        fonts,
        draft,
        fontCssCache(opts.cacheDir ?? null),
      )
    : null;
  const missing = renderer ? renderer.missingGlyphs : await viewCharacters(composed.makeView(new Map()), fonts);
  const issues = [...trended.issues, ...glyphWarning(missing)];
  return { stats, composed, renderer, title, templateDirs, ...meta, issues };
}

function documentMeta(opts: BuildOptions, r: Rendered, draft: DraftView | null): DocumentMeta {
  const mark = draft ? DRAFT_MARK : '';
  const issue = r.stats.issue;
  return {
    title: `${mark}${r.composed.report.title}`,
    author: r.publisher,
    subject: `${mark}${r.bulletinName} 第${issue.number}期（总第${issue.totalNumber}期） ${quarterName(opts.quarter)}`,
    keywords: [...(draft ? ['草稿'] : []), '缺陷产品召回', quarterName(opts.quarter)],
    date: new Date(`${issue.publicationDate ?? r.stats.period.end}T00:00:00Z`),
  };
}

/**
 * Every edition asked for, as files to write; passes is 0 without a PDF. `printed` is called
 * once the PDF's last print is in hand: the caller may close the browser while the rest is done.
 */
async function renderEditions(
  opts: BuildOptions,
  printer: Printer | null,
  r: Rendered,
  draft: DraftView | null,
  onProgress: ProgressListener,
  printed: () => void,
): Promise<{ files: OutputFile[]; passes: number }> {
  // A draft's figures are never written as stats.json: an archive must only hold what was published.
  const name = (ext: string) => (draft ? `bulletin-draft.${ext}` : `bulletin.${ext}`);
  const files: OutputFile[] = draft ? [] : [{ name: 'stats.json', data: statsJson(r.stats) }];
  const docMeta = documentMeta(opts, r, draft);
  let web: Promise<string> | null = null;
  const webEdition = (): Promise<string> => {
    if (web) return web;
    const view = r.composed.makeView(new Map());
    const sans = opts.config.fonts.sans;
    web = renderWebEdition(r.templateDirs, r.title, view, sans, draft, fontSubsetCache(opts.cacheDir ?? null));
    // Its failure is reported where it is awaited, below; this only keeps it from
    // counting as unhandled while the print runs.
    web.catch(reportedWhereAwaited);
    return web;
  };
  let passes = 0;
  if (printer && r.renderer) {
    // The web edition is made while Chromium prints (Node only waits then), not before: the PDF's
    // document comes first. The browser may close once `printed`.
    const printing = opts.formats.includes('html') ? () => void webEdition() : undefined;
    const hooks = { printing, printed };
    const pdf = await printPdfEdition(opts, printer, r.composed, r.renderer, docMeta, onProgress, hooks);
    passes = pdf.passes;
    files.push({ name: name('pdf'), data: pdf.pdf });
  }
  if (opts.formats.includes('html')) files.push({ name: name('html'), data: await webEdition() });
  if (opts.formats.includes('docx')) {
    files.push({ name: name('docx'), data: await wordEdition(opts, r.composed, r.title, docMeta, draft, onProgress) });
  }
  return { files, passes };
}

/** One quarter's build; `printed` is called once the browser is no longer needed. */
export async function buildWith(
  opts: BuildOptions,
  printer: Printer | null,
  onProgress: ProgressListener,
  printed: () => void = () => undefined,
): Promise<BuildResult> {
  const archiveDirs = defaultArchiveDirs(opts.dataDir, opts.outDir);
  const source = { dataDir: opts.dataDir, quarter: opts.quarter };
  const loaded = dataOrThrow(await readQuarter(source, { ...opts, archiveDirs }, onProgress));
  const base = {
    quarter: quarterId(opts.quarter),
    issues: loaded.issues,
    files: loaded.files,
    unreadable: loaded.unreadable,
  };
  const decision = draftDecision(loaded.issues, opts.draft ?? 'never');
  if (!decision.build) return { ...base, ok: false, draft: false, stats: null, outputs: [], passes: 0 };
  const draft = decision.draft ? buildDraftView(decision.errors) : null;
  const rendered = await composeAndRender(opts, loaded, draft, onProgress);
  const issues = [...loaded.issues, ...rendered.issues];
  const { files, passes } = await renderEditions(opts, printer, rendered, draft, onProgress, printed);
  // A build that was stopped or ran out of time writes nothing, even if its work finishes later.
  opts.signal?.throwIfAborted();
  onProgress({ phase: 'write', message: `写入 ${join(opts.outDir, quarterId(opts.quarter))}` });
  const owned = draft ? DRAFT_OUTPUT_NAMES : FINAL_OUTPUT_NAMES;
  const outputs = await writeQuarterOutputs(opts.outDir, quarterId(opts.quarter), files, owned);
  return { ...base, issues, ok: true, draft: draft !== null, stats: rendered.stats, outputs, passes };
}
