/** bulletin build: load → validate → compute → render → print → write. */
import { join } from 'node:path';
import { computeStats } from '../aggregate/compute-stats.js';
import { BulletinError } from '../model/errors.js';
import { hasErrors, type ValidationIssue } from '../model/issues.js';
import { quarterId, quarterName, type Quarter } from '../model/quarter.js';
import type { QuarterStats } from '../model/stats.js';
import { createPrinter, type Printer } from '../render/browser.js';
import { finalizePdf } from '../render/pdf-finalize.js';
import { renderHtml } from '../render/render-html.js';
import { buildReportView } from '../render/view-model.js';
import type { BulletinConfig } from './config.js';
import { loadQuarter, type SourceReport } from './load-quarter.js';
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
  /** XLSX sheet to read instead of the first. */
  sheet?: string;
  templatesDir?: string;
  /** A printer to reuse across builds; otherwise one is made and closed here. */
  printer?: Printer;
}

export interface BuildResult {
  ok: boolean;
  quarter: string;
  issues: ValidationIssue[];
  sources: SourceReport[];
  stats: QuarterStats | null;
  outputs: string[];
}

export function statsJson(stats: QuarterStats): string {
  return `${JSON.stringify(stats, null, 2)}\n`;
}

export async function buildBulletin(opts: BuildOptions, onProgress: ProgressListener = () => undefined): Promise<BuildResult> {
  const loaded = await loadQuarter(opts, onProgress);
  const base = { quarter: quarterId(opts.quarter), issues: loaded.issues, sources: loaded.sources };
  if (hasErrors(loaded.issues)) return { ...base, ok: false, stats: null, outputs: [] };

  onProgress({ phase: 'compute', message: `统计 ${loaded.records.length} 条召回记录` });
  const stats = computeStats(loaded.records, loaded.ref, loaded.home, opts.quarter);
  const meta = {
    bulletinName: opts.config.bulletinName ?? `${loaded.home.short}缺陷产品召回`,
    publisher: opts.config.publisher ?? `${loaded.home.name}市场监督管理局缺陷产品召回服务中心`,
    provinceShort: loaded.home.short,
  };
  onProgress({ phase: 'render', message: '生成 HTML' });
  const view = buildReportView(stats, loaded.ref, meta);
  const rendered = await renderHtml(view, opts.templatesDir ?? join(packageRoot(), 'templates'));
  const issues = [...loaded.issues];
  if (rendered.missingGlyphs.length > 0) {
    issues.push({
      severity: 'warning', code: 'render.glyph.missing', file: 'templates', sheet: null, row: null, column: null, header: null,
      value: rendered.missingGlyphs.join(''), message: `内置字体中没有这些字符，PDF 中可能显示为方框：${rendered.missingGlyphs.join(' ')}`, hint: '请改用常用汉字，或检查数据中是否混入了特殊符号。',
    });
  }

  const files: OutputFile[] = [{ name: 'stats.json', data: statsJson(stats) }];
  if (opts.formats.includes('html')) files.push({ name: 'bulletin.html', data: rendered.html });
  if (opts.formats.includes('pdf')) {
    onProgress({ phase: 'pdf', message: '打印 PDF' });
    const printer = opts.printer ?? createPrinter({ executablePath: opts.browser });
    try {
      const raw = await printer.printPdf(rendered.html);
      const pdf = await finalizePdf(raw, {
        title: view.title,
        author: meta.publisher,
        subject: `${meta.bulletinName} ${quarterName(opts.quarter)}`,
        keywords: ['缺陷产品召回', quarterName(opts.quarter)],
        date: new Date(`${stats.period.end}T00:00:00Z`),
      });
      files.push({ name: 'bulletin.pdf', data: pdf });
    } finally {
      if (!opts.printer) await printer.close();
    }
  }
  const dir = join(opts.outDir, quarterId(opts.quarter));
  onProgress({ phase: 'write', message: `写入 ${dir}` });
  let outputs: string[];
  try {
    outputs = await writeAtomically(dir, files);
  } catch (e) {
    throw new BulletinError('output.write', 'config', `无法写入输出文件夹 ${dir}：${(e as Error).message}`, '请检查 --out 指定的位置是否可写、磁盘是否已满。', { cause: e });
  }
  return { ...base, issues, ok: true, stats, outputs };
}
