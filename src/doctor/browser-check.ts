/**
 * doctor's browser check: found, answers `--version`, and really starts and
 * prints. A browser that prints its version but cannot start (no sandbox, a
 * missing library, no /dev/shm) passed before, and the build then failed.
 * The start goes through the build's own printer, so it has the same time
 * limits, kills a browser that hangs with all its processes, and removes its
 * folder; what it could not clean up fails the check.
 */
import { isBulletinError } from '../model/errors.js';
import { createPrinter } from '../render/browser.js';
import type { Launcher } from '../render/chromium.js';
import { browserVersion, findBrowser, INSTALL_HINT, notRunnable } from '../render/find-browser.js';
import type { BrowserChoice } from '../config/resolve-options.js';

export interface BrowserCheckOptions {
  browsers: readonly BrowserChoice[];
  /** Chromium's own environment and where its run folder goes (as for a build). */
  env: Readonly<Record<string, string | undefined>>;
  tempDir?: string;
  /** The limit of each step, as `build --timeout` (default 60 s). */
  timeoutMs?: number;
  configSource: string;
  /** Tests: a fake browser, and what it says to `--version`. */
  launcher?: Launcher;
  readVersion?: (path: string) => Promise<string | null>;
}

export interface BrowserCheck {
  name: string;
  ok: boolean;
  detail: string;
  hint: string | null;
}

/** Which outputs need the browser: a user who only needs HTML or Word can go ahead without one. */
const BROWSER_USE = '（只有 PDF 需要浏览器；--format html、docx 不需要）';

/** How the browser was found, in words (config/resolve-options.ts names the sources). */
const FOUND_BY: Record<string, string> = {
  '--browser': '由 --browser 指定',
  BULLETIN_BROWSER: '来自环境变量 BULLETIN_BROWSER',
  PUPPETEER_EXECUTABLE_PATH: '来自环境变量 PUPPETEER_EXECUTABLE_PATH',
  system: '在系统常用位置找到',
};

const PAGE =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><p>bulletin doctor 试印</p></body></html>';

/** Starts the browser, prints a one-line page and closes it: null when all went well, else why not. */
async function printProblem(path: string, o: BrowserCheckOptions): Promise<{ detail: string; hint: string } | null> {
  const printer = createPrinter({
    executablePath: path,
    env: o.env,
    tempRoot: o.tempDir,
    timeoutMs: o.timeoutMs,
    launcher: o.launcher,
  });
  let problem: { detail: string; hint: string } | null = null;
  try {
    const job = await printer.open();
    const pdf = await job.print(PAGE);
    await job.close();
    if (Buffer.from(pdf.subarray(0, 4)).toString('latin1') !== '%PDF')
      problem = { detail: '能启动，但没有打印出 PDF', hint: INSTALL_HINT };
  } catch (e) {
    // The printer's verdicts (did not start, stopped answering, crashed) are the check's answer; a bug stops doctor.
    if (!isBulletinError(e)) throw e;
    problem = {
      detail: e.message,
      hint: `请确认它是能在本机运行的 Chromium 或 Chrome（在终端运行 ${path} --headless --dump-dom about:blank 可看到它自己报告的错误），或用 --browser 指定另一个浏览器。`,
    };
  }
  const left = await printer.close();
  if (!problem && left.length > 0)
    problem = {
      detail: `试印后没能清理干净：${left.map((l) => `${l.path}（${l.reason}）`).join('；')}`,
      hint: '请结束残留的浏览器进程、删除上述文件夹后再试。',
    };
  return problem;
}

export async function browserCheck(o: BrowserCheckOptions): Promise<BrowserCheck> {
  const found = findBrowser(o.browsers);
  if (!('path' in found)) {
    const detail = found.missing
      ? `${found.missing.source} 指定的 ${found.missing.path} ${notRunnable(found.missing.path)}`
      : '没有找到 Chromium、Chrome 或 Edge';
    return { name: '浏览器', ok: false, detail, hint: `${INSTALL_HINT}${BROWSER_USE}` };
  }
  const how = found.source === 'config' ? `来自配置文件 ${o.configSource}` : (FOUND_BY[found.source] ?? found.source);
  const version = await (o.readVersion ?? browserVersion)(found.path);
  if (!version)
    return {
      name: '浏览器',
      ok: false,
      detail: `${found.path}（${how}）无法运行`,
      hint: `${INSTALL_HINT}${BROWSER_USE}`,
    };
  const problem = await printProblem(found.path, o);
  return problem
    ? {
        name: '浏览器',
        ok: false,
        detail: `${found.path}（${how}），${version}：${problem.detail}`,
        hint: problem.hint,
      }
    : { name: '浏览器', ok: true, detail: `${found.path}（${how}），${version}，试印成功${BROWSER_USE}`, hint: null };
}
