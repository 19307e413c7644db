/** Where a Chromium-family browser may be, in the order we try them. */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

export interface BrowserCandidate {
  path: string;
  /** How it was found, for messages and `doctor`. */
  source: string;
}

const SYSTEM_PATHS = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/usr/bin/microsoft-edge',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface BrowserChoice {
  /** --browser */
  explicit?: string;
  /** `browser` in the configuration file. */
  configured?: string;
}

/** Flag, environment, configuration, then the usual locations (puppeteer-core brings no browser of its own). */
export function browserCandidates(choice: BrowserChoice, env: NodeJS.ProcessEnv): BrowserCandidate[] {
  const out: BrowserCandidate[] = [];
  if (choice.explicit) out.push({ path: choice.explicit, source: '--browser' });
  if (env.BULLETIN_BROWSER) out.push({ path: env.BULLETIN_BROWSER, source: 'BULLETIN_BROWSER' });
  if (env.PUPPETEER_EXECUTABLE_PATH)
    out.push({ path: env.PUPPETEER_EXECUTABLE_PATH, source: 'PUPPETEER_EXECUTABLE_PATH' });
  if (choice.configured) out.push({ path: choice.configured, source: 'config' });
  for (const p of SYSTEM_PATHS) out.push({ path: p, source: 'system' });
  return out;
}

/** The first candidate that exists; a chosen browser that is missing is not skipped silently. */
export function findBrowser(
  choice: BrowserChoice | string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): BrowserCandidate | { missing: BrowserCandidate | null } {
  const c0 = typeof choice === 'string' || choice === undefined ? { explicit: choice } : choice;
  for (const c of browserCandidates(c0, env)) {
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

export const INSTALL_HINT =
  '请安装 Chromium 或 Chrome：Debian/Ubuntu 运行 `apt-get install -y chromium`；macOS 运行 `brew install --cask chromium` 或安装 Google Chrome；Windows 安装 Google Chrome 或使用自带的 Edge。也可以用 --browser 或环境变量 BULLETIN_BROWSER 指定浏览器路径。';
