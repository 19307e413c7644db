/**
 * One quarter: load → validate → compute → render → print → write. Loaded
 * by build.ts only once Chromium is starting: these modules (ECharts,
 * Handlebars, marked, the readers and checks) take a few hundred
 * milliseconds to load, which then overlaps the browser's launch.
 */
import { join } from 'node:path';
import type { BuildOptions, BuildResult } from './build.js';
import { hasErrors, type ValidationIssue } from '../model/issues.js';
import { quarterId, quarterName } from '../model/quarter.js';
import type { BulletinStats } from '../model/stats.js';
import type { Printer } from '../render/browser.js';
import { composeBulletin } from '../render/compose-bulletin.js';
import { finalizePdf, warmUpPdfLib } from '../render/pdf-file.js';
import { printBulletin } from '../render/print-bulletin.js';
import { MARKER_PREFIX } from '../render/table-layout.js';
import { layoutCache } from './layout-cache.js';
import { findTrend } from './trend.js';
import { statsOf } from './quarter-source.js';
import { htmlRenderer } from '../render/render-html.js';
import { fontSpecs } from '../render/fonts.js';
import { REPORT_SECTION } from './config.js';
import { loadQuarter } from './load-quarter.js';
import { packageRoot } from './package-root.js';
import type { ProgressListener } from './progress.js';
import { writeQuarterOutputs, type OutputFile } from './write-outputs.js';

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
  const loaded = await loadQuarter(opts, onProgress);
  const base = {
    quarter: quarterId(opts.quarter),
    issues: loaded.issues,
    files: loaded.files,
    unreadable: loaded.unreadable,
  };
  if (hasErrors(loaded.issues)) return { ...base, ok: false, stats: null, outputs: [], passes: 0 };

  onProgress({ phase: 'compute', message: `统计 ${loaded.records.length} 条召回记录` });
  const stats = statsOf(loaded, opts.config.decimals);
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
    trend: await findTrend(stats, opts.quarter, opts),
  });
  const templateDirs = [
    join(packageRoot(), 'templates'),
    ...[opts.templatesDir ?? opts.config.templates].filter((d): d is string => Boolean(d)),
  ];
  const renderer = await htmlRenderer(
    templateDirs,
    composed.title,
    composed.makeView(new Map()),
    fontSpecs(opts.config.fonts.serif, opts.config.fonts.sans),
  );
  const issues = [...loaded.issues, ...glyphWarning(renderer.missingGlyphs)];

  const files: OutputFile[] = [{ name: 'stats.json', data: statsJson(stats) }];
  let passes = 0;
  if (printer) {
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
    const pdf = await finalizePdf(printed.pdf, {
      title: composed.report.title,
      author: meta.publisher,
      subject: `${meta.bulletinName} 第${issue.number}期（总第${issue.totalNumber}期） ${quarterName(opts.quarter)}`,
      keywords: ['缺陷产品召回', quarterName(opts.quarter)],
      date: new Date(`${issue.publicationDate ?? stats.period.end}T00:00:00Z`),
      dropLinksTo: MARKER_PREFIX,
    });
    if (opts.formats.includes('html')) files.push({ name: 'bulletin.html', data: printed.html });
    files.push({ name: 'bulletin.pdf', data: pdf });
  } else if (opts.formats.includes('html')) {
    files.push({ name: 'bulletin.html', data: await renderer.render(composed.makeView(new Map())) });
  }
  onProgress({ phase: 'write', message: `写入 ${join(opts.outDir, quarterId(opts.quarter))}` });
  const outputs = await writeQuarterOutputs(opts.outDir, quarterId(opts.quarter), files);
  return { ...base, issues, ok: true, stats, outputs, passes };
}
