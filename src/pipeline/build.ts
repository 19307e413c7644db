/** bulletin build: load → validate → compute → render → print → write. */
import { join } from 'node:path';
import { BulletinError } from '../model/errors.js';
import { hasErrors, type ValidationIssue } from '../model/issues.js';
import { quarterId, quarterName, type Quarter } from '../model/quarter.js';
import type { BulletinStats } from '../model/stats.js';
import { createPrinter, type Printer } from '../render/browser.js';
import { composeBulletin } from '../render/compose-bulletin.js';
import { finalizePdf } from '../render/pdf-finalize.js';
import { printBulletin } from '../render/print-bulletin.js';
import { MARKER_PREFIX } from '../render/table-layout.js';
import { layoutCache } from './layout-cache.js';
import { findTrend } from './trend.js';
import { statsOf } from './quarter-source.js';
import { htmlRenderer } from '../render/render-html.js';
import { fontSpecs } from '../render/fonts.js';
import { REPORT_SECTION, type BulletinConfig } from './config.js';
import type { FileReport } from './check-file.js';
import { loadQuarter } from './load-quarter.js';
import { packageRoot } from './package-root.js';
import type { ProgressListener } from './progress.js';
import { writeAtomically, type OutputFile } from './write-outputs.js';

export type OutputFormat = 'pdf' | 'html';

export interface BuildOptions {
  quarter: Quarter;
  dataDir: string;
  outDir: string;
  formats: readonly OutputFormat[];
  config: BulletinConfig;
  cwd: string;
  browser?: string;
  /** Per browser step (launch, load, print), in milliseconds. */
  timeoutMs?: number;
  /** XLSX sheet to read instead of the first. */
  sheet?: string;
  templatesDir?: string;
  /** A printer to reuse across builds; otherwise one is made and closed here. */
  printer?: Printer;
  /** Folder of measured layouts (layout-cache.ts); null or absent: always measure. */
  cacheDir?: string | null;
}

export interface BuildResult {
  ok: boolean;
  /** Some input could not be read at all: nothing was built (exit code 3). */
  unreadable: boolean;
  quarter: string;
  issues: ValidationIssue[];
  files: FileReport[];
  stats: BulletinStats | null;
  outputs: string[];
  /** Prints the PDF took: 1 when an earlier build's layout held, 2 when measured afresh; 0 without PDF. */
  passes: number;
}

export function statsJson(stats: BulletinStats): string {
  return `${JSON.stringify(stats, null, 2)}\n`;
}

function glyphWarning(missing: readonly string[]): ValidationIssue[] {
  if (missing.length === 0) return [];
  return [{
    severity: 'warning', code: 'render.glyph.missing', file: 'templates', sheet: null, row: null, column: null, header: null,
    value: missing.join(''), message: `内置字体中没有这些字符，PDF 中可能显示为方框：${missing.join(' ')}`, hint: '请改用常用汉字，或检查数据中是否混入了特殊符号。',
  }];
}

const newPrinter = (opts: Omit<BuildOptions, 'quarter'>): Printer =>
  createPrinter({ executablePath: opts.browser, configuredPath: opts.config.browser, timeoutMs: opts.timeoutMs });

export async function buildBulletin(opts: BuildOptions, onProgress: ProgressListener = () => undefined): Promise<BuildResult> {
  const printer = opts.formats.includes('pdf') ? opts.printer ?? newPrinter(opts) : null;
  try {
    // Chromium starts while the data are read and laid out.
    printer?.warmUp();
    return await buildWith(opts, printer, onProgress);
  } finally {
    if (printer && !opts.printer) await printer.close();
  }
}

async function buildWith(opts: BuildOptions, printer: Printer | null, onProgress: ProgressListener): Promise<BuildResult> {
  const loaded = await loadQuarter(opts, onProgress);
  const base = { quarter: quarterId(opts.quarter), issues: loaded.issues, files: loaded.files, unreadable: loaded.unreadable };
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
    stats, ref: loaded.ref, meta, articles: loaded.articles, sections: opts.config.sections, reportSection: REPORT_SECTION,
    notice: loaded.meta.meta.notice, contact: opts.config.contact,
    trend: await findTrend(stats, opts.quarter, opts),
  });
  const templateDirs = [join(packageRoot(), 'templates'), ...[opts.templatesDir ?? opts.config.templates].filter((d): d is string => Boolean(d))];
  const renderer = await htmlRenderer(templateDirs, composed.title, composed.makeView(new Map()), fontSpecs(opts.config.fonts.serif, opts.config.fonts.sans));
  const issues = [...loaded.issues, ...glyphWarning(renderer.missingGlyphs)];

  const files: OutputFile[] = [{ name: 'stats.json', data: statsJson(stats) }];
  let passes = 0;
  if (printer) {
    const cache = layoutCache(opts.cacheDir ?? null);
    let key = '';
    const guess = async (firstHtml: string) => cache.get((key = cache.key(await printer.identity(), firstHtml)));
    const printed = await printBulletin(composed.makeView, composed.targets, renderer, printer, (pass, pages) => onProgress({ phase: 'pdf', message: `打印 PDF：第 ${pass} 遍排版，${pages ?? '?'} 页` }), guess);
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
  const dir = join(opts.outDir, quarterId(opts.quarter));
  onProgress({ phase: 'write', message: `写入 ${dir}` });
  let outputs: string[];
  try {
    outputs = await writeAtomically(dir, files);
  } catch (e) {
    throw new BulletinError('output.write', 'config', `无法写入输出文件夹 ${dir}：${(e as Error).message}`, '请检查 --out 指定的位置是否可写、磁盘是否已满。', { cause: e });
  }
  return { ...base, issues, ok: true, stats, outputs, passes };
}

/**
 * Several quarters in one run (CI rebuilding every issue after a template
 * change): one browser for all of them, closed at the end whatever happens.
 */
export async function buildMany(quarters: readonly Quarter[], opts: Omit<BuildOptions, 'quarter' | 'printer'>, onProgress: ProgressListener = () => undefined, parallel = 2): Promise<BuildResult[]> {
  const printer = newPrinter(opts);
  try {
    printer.warmUp();
    // Two quarters at a time (one page each in the shared browser): while one is
    // being printed, the other is being read and laid out.
    const results: BuildResult[] = new Array(quarters.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < quarters.length; i = next++) results[i] = await buildBulletin({ ...opts, quarter: quarters[i] as Quarter, printer }, onProgress);
    };
    await Promise.all(Array.from({ length: Math.min(parallel, quarters.length) }, worker));
    return results;
  } finally {
    await printer.close();
  }
}
