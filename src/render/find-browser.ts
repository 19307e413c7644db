/** Where a Chromium-family browser may be, in the order we try them. */
import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';

export interface BrowserCandidate {
  path: string;
  /** How it was found, for messages and `doctor`. */
  source: string;
}

const SYSTEM_PATHS = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib64/chromium-browser/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/usr/bin/microsoft-edge',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

function executable(path: string): boolean {
  try {
    // A folder passes X_OK (it can be entered): only a file is a program.
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browsers asked for (flag, environment, configuration: resolved in
 * config/resolve-options.ts, in that order), then the usual locations
 * (puppeteer-core brings no browser of its own).
 */
export function browserCandidates(chosen: readonly BrowserCandidate[]): BrowserCandidate[] {
  return [...chosen, ...SYSTEM_PATHS.map((path) => ({ path, source: 'system' }))];
}

/** Why a browser that was asked for cannot be run: a FIFO or a folder was called 不存在. */
export function notRunnable(path: string): string {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return '不存在';
  if (s.isDirectory()) return '是一个文件夹，不是浏览器程序';
  if (!s.isFile()) return '不是普通文件（是管道或设备）';
  return '不能运行（没有执行权限）';
}

/** The first candidate that exists; a chosen browser that is missing is not skipped silently. */
export function findBrowser(
  chosen: readonly BrowserCandidate[],
): BrowserCandidate | { missing: BrowserCandidate | null } {
  for (const c of browserCandidates(chosen)) {
    if (executable(c.path)) return c;
    if (c.source !== 'system') return { missing: c };
  }
  return { missing: null };
}

/** "Chromium 156.0.8078.73", or null when the program does not answer. */
export function browserVersion(path: string): Promise<string | null> {
  return new Promise((done) => {
    execFile(path, ['--version'], { timeout: 15_000 }, (err, stdout) => done(err ? null : stdout.trim() || null));
  });
}

/**
 * How to get a browser, per system: the package never downloads one (an
 * intranet often reaches an npm mirror at best), so the message must say
 * where each kind of office machine gets it.
 */
export const INSTALL_HINT = [
  '请安装 Chromium、Google Chrome 或 Microsoft Edge 中的任意一个：',
  'Debian/Ubuntu：sudo apt-get install -y chromium（Ubuntu 上包名为 chromium-browser，或安装 Google Chrome 的 .deb 包）',
  '统信UOS、银河麒麟等 deb 系统：sudo apt-get install -y chromium（软件源没有时从应用商店安装 Chromium，或 sudo apt-get install ./google-chrome-stable_current_amd64.deb；ARM 机器用 chromium）',
  'CentOS/RHEL/Rocky/AlmaLinux：sudo dnf install -y epel-release && sudo dnf install -y chromium（CentOS 7 用 yum）',
  'macOS：brew install --cask google-chrome，或从 https://www.google.cn/chrome/ 下载安装',
  'Windows：系统自带的 Microsoft Edge 即可，或安装 Google Chrome',
  '浏览器不在常用位置时，用 --browser 路径、环境变量 BULLETIN_BROWSER 或配置文件的 browser 指定。',
].join('\n');
