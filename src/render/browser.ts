/**
 * The printer: owns Chromium for a build. Launched lazily on the first
 * print, reused for later ones, closed by close() (callers use
 * try/finally). Every call into the browser has a time limit; one that
 * stalls ends the browser (SIGKILL to its process tree) and the build says
 * which step stalled. Pages run no script and fetch nothing. What could not be
 * cleaned up (leftovers.ts) is handed over by close(), for the build to say.
 */
import { tmpdir } from 'node:os';
import { BulletinError } from '../model/errors.js';
import { stopped } from './browser-errors.js';
import { BrowserSession } from './browser-session.js';
import { launchChromium, type ChromiumPage, type Launcher } from './chromium.js';
import { findBrowser, INSTALL_HINT, notRunnable, type BrowserCandidate } from './find-browser.js';
import { Leftovers, type Leftover, type RemoveFolder } from './leftovers.js';
import { openJob, type PrintJob } from './print-job.js';

export type { PrintJob } from './print-job.js';

export interface PrinterOptions {
  /** Exactly this browser (tests, scripts); else the first of `browsers` that exists, else the usual locations. */
  executablePath?: string;
  /** Browsers asked for, in order (config/resolve-options.ts: --browser, environment, configuration). */
  browsers?: readonly BrowserCandidate[];
  /** Limit of each call into the browser (--timeout), in milliseconds. */
  timeoutMs?: number;
  /** How long a closing browser may take before it is killed; default min(timeout, 5 s). */
  closeGraceMs?: number;
  /** Chromium's own environment (from the CLI). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where run folders go; default the system's temporary folder. */
  tempRoot?: string;
  /** Tests: a fake browser, extra Chromium flags, a folder removal that fails. */
  launcher?: Launcher;
  extraArgs?: readonly string[];
  removeFolder?: RemoveFolder;
}

export interface Printer {
  /** Starts Chromium in the background, so its launch overlaps reading and rendering. */
  warmUp(): void;
  /** Which browser prints (path and version): layouts measured with another are not reused. */
  identity(): Promise<string>;
  open(): Promise<PrintJob>;
  /**
   * Quits the browser (killed if it does not quit in time) and removes its folder. Never throws:
   * what could not be cleaned up is returned (the first close returns it, later ones nothing).
   */
  close(): Promise<Leftover[]>;
}

function resolveExecutable(options: PrinterOptions): string {
  const explicit = options.executablePath ? [{ path: options.executablePath, source: '--browser' }] : [];
  const found = findBrowser(options.executablePath ? explicit : (options.browsers ?? []));
  if ('path' in found) return found.path;
  if (found.missing) {
    throw new BulletinError(
      'browser.missing',
      'browser',
      `${found.missing.source} 指定的浏览器 ${found.missing.path} ${notRunnable(found.missing.path)}。`,
      INSTALL_HINT,
    );
  }
  throw new BulletinError(
    'browser.not-found',
    'browser',
    '找不到可用于生成 PDF 的 Chromium/Chrome 浏览器。',
    INSTALL_HINT,
  );
}

export function createPrinter(options: PrinterOptions = {}): Printer {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const limits = { timeoutMs, graceMs: options.closeGraceMs ?? Math.min(timeoutMs, 5_000) };
  const stop = new AbortController();
  const isStopped = () => stop.signal.aborted;
  const leftovers = new Leftovers();
  let session: Promise<BrowserSession> | null = null;
  // A failed launch is kept, not retried: a hung browser would otherwise cost the time limit twice.
  const start = (): Promise<BrowserSession> => {
    if (isStopped()) return Promise.reject(stopped());
    return (session ??= (async () =>
      BrowserSession.start({
        ...limits,
        executablePath: resolveExecutable(options),
        root: options.tempRoot ?? tmpdir(),
        env: options.env ?? {},
        launcher: options.launcher ?? launchChromium,
        extraArgs: options.extraArgs,
        signal: stop.signal,
        isStopped,
        leftovers,
        removeFolder: options.removeFolder,
      }))());
  };
  const newPage = async () => (await start()).step('打开页面', (c) => c.newPage());
  // A page opened while the build was still reading and laying out, for the first job.
  let spare: Promise<ChromiumPage> | null = null;
  return {
    warmUp(): void {
      if (isStopped()) return;
      spare ??= newPage();
      // Its failure is not lost: open() waits for the same launch and reports it.
      spare.catch(() => (spare = null));
    },
    async identity(): Promise<string> {
      const s = await start();
      return `${s.chromium.executable} ${await s.step('读取浏览器版本', (c) => c.version())}`;
    },
    async open(): Promise<PrintJob> {
      const ready = spare;
      spare = null;
      const page = await (ready ?? newPage());
      return openJob(await start(), page);
    },
    async close(): Promise<Leftover[]> {
      if (isStopped()) return [];
      stop.abort(); // a launch under way ends now rather than at its time limit
      // The launch settles (a failed one was reported to whoever waited for it); a browser that started is ended.
      const [launch] = session ? await Promise.allSettled([session]) : [];
      if (launch?.status === 'fulfilled') await launch.value.end(true);
      return leftovers.settle(limits.graceMs);
    },
  };
}
