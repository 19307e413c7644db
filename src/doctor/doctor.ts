/** bulletin doctor: can a build succeed here, and if not, why. */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isBulletinError } from '../model/errors.js';
import type { Quarter } from '../model/quarter.js';
import type { Launcher } from '../render/chromium.js';
import { quarterId } from '../model/quarter.js';
import { fontSpecs } from '../render/fonts.js';
import { rasterizerProblem } from '../render/rasterize.js';
import { templateFiles, templateProblems } from '../render/template-engine.js';
import type { BulletinConfig } from '../config/config.js';
import { folders, templateDirs, type BrowserChoice } from '../config/resolve-options.js';
import { packageRoot } from '../config/package-root.js';
import { defaultArchiveDirs } from '../inputs/quarter-source.js';
import { readQuarter } from '../inputs/read-quarter.js';
import { report } from '../inputs/validate-report.js';
import { browserCheck } from './browser-check.js';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
  hint: string | null;
}

export interface DoctorOptions {
  config: BulletinConfig;
  cwd: string;
  /** Browsers asked for, in order (resolveOptions). */
  browsers: readonly BrowserChoice[];
  templatesDir?: string;
  dataDir: string;
  outDir?: string;
  quarter: Quarter | null;
  /** Chromium's environment and temporary folder, as for a build (the browser is started for real). */
  env: Readonly<Record<string, string | undefined>>;
  tempDir?: string;
  /** Each browser step's limit (--timeout, as for build). */
  timeoutMs?: number;
  /** Tests: a fake browser. */
  launcher?: Launcher;
  readVersion?: (path: string) => Promise<string | null>;
}

function fontCheck(o: DoctorOptions): Check {
  const require = createRequire(import.meta.url);
  const missing = [...new Set(fontSpecs(o.config.fonts.serif, o.config.fonts.sans).map((f) => f.pkg))].filter((pkg) => {
    try {
      require.resolve(`${pkg}/400.css`);
      return false;
    } catch {
      return true;
    }
  });
  return missing.length
    ? {
        name: '字体',
        ok: false,
        detail: `缺少字体包 ${missing.join('、')}`,
        hint: `请运行 npm install ${missing.join(' ')}。`,
      }
    : {
        name: '字体',
        ok: true,
        detail: `${o.config.fonts.serif}、${o.config.fonts.sans}（随文档嵌入，不依赖系统字体）`,
        hint: null,
      };
}

async function templateCheck(o: DoctorOptions): Promise<Check> {
  const dirs = templateDirs(o.templatesDir, o.config);
  let files: Awaited<ReturnType<typeof templateFiles>>;
  try {
    files = await templateFiles(dirs);
  } catch (e) {
    if (!isBulletinError(e)) throw e;
    return { name: '模板', ok: false, detail: e.message, hint: e.hint ?? null };
  }
  if (!files.has('bulletin.hbs') || !files.has('styles.css'))
    return {
      name: '模板',
      ok: false,
      detail: `${dirs.join(' + ')}：${files.size} 个文件`,
      hint: '模板目录中缺少 bulletin.hbs 或 styles.css。',
    };
  // A template that does not parse passed here, and the build then failed with Handlebars' English.
  const problems = await templateProblems(dirs);
  return problems.length
    ? {
        name: '模板',
        ok: false,
        detail: `模板有误：${problems.join('；')}`,
        hint: '请改正模板（{{#if}} 要有对应的 {{/if}}，partial 和 helper 的名字要存在）。',
      }
    : { name: '模板', ok: true, detail: `${dirs.join(' + ')}：${files.size} 个文件`, hint: null };
}

/** The Word edition draws its charts with resvg, a native module: it must load on this machine. */
function wordCheck(): Check {
  const problem = rasterizerProblem();
  return problem
    ? {
        name: 'Word 图表',
        ok: false,
        detail: `图表绘制组件（@resvg/resvg-js）无法在本机运行：${problem}`,
        hint: '请在本机重新运行 npm install（它为本机平台安装对应的组件）；PDF 和 HTML 不受影响。',
      }
    : { name: 'Word 图表', ok: true, detail: '@resvg/resvg-js 可用（--format docx 的图表不需要浏览器）', hint: null };
}

/** The quarter read as build reads it (readQuarter): readable and free of errors, or why not. */
async function dataCheck(o: DoctorOptions): Promise<Check | null> {
  if (!o.quarter) return null;
  const name = `${quarterId(o.quarter)} 数据`;
  const dir = join(o.dataDir, quarterId(o.quarter));
  let read;
  try {
    const archiveDirs = defaultArchiveDirs(o.dataDir, o.outDir ?? folders({}, o.config, o.cwd).outDir);
    read = await readQuarter({ dataDir: o.dataDir, quarter: o.quarter }, { config: o.config, cwd: o.cwd, archiveDirs });
  } catch (e) {
    // The tool's own verdicts (an ambiguous file name, a bad province) are the check's answer; a bug stops doctor.
    if (!isBulletinError(e)) throw e;
    return { name, ok: false, detail: e.message, hint: e.hint ?? `请运行 bulletin validate ${dir} 查看并改正。` };
  }
  if (!read.ok)
    return { name, ok: false, detail: read.noData.error.message, hint: `请按 ${dir}/recalls.xlsx 的结构放入数据。` };
  const r = report(o.quarter, read.data.files, read.data.issues, Infinity);
  const ok = r.ok && !r.unreadable;
  return {
    name,
    ok,
    detail: `${r.summary.files} 个文件、${r.summary.rows.read} 行：${r.summary.errors} 个错误，${r.summary.warnings} 个警告`,
    hint: ok ? null : `请运行 bulletin validate ${dir} 查看并改正。`,
  };
}

export async function runDoctor(o: DoctorOptions): Promise<Check[]> {
  const data = await dataCheck(o);
  const browser = await browserCheck({ ...o, configSource: o.config.source });
  return [browser, fontCheck(o), await templateCheck(o), wordCheck(), ...(data ? [data] : [])];
}
