/**
 * The only module that knows Puppeteer (puppeteer-core: it never downloads a
 * browser; we drive one that is installed). It starts Chromium and exposes
 * the few operations printing needs. It bounds nothing itself: browser.ts
 * puts a time limit on every call and decides what a failure means.
 *
 * Chromium is spawned first (chromium-process.ts) and Puppeteer loaded while
 * it starts, then connected over Chromium's pipe. Only Puppeteer's protocol
 * half is loaded (its browser entry point, about 80 ms instead of 160 ms: the
 * launcher's downloader and proxy support are never used here).
 */
import { spawnChromium, type ChromiumProcess } from './chromium-process.js';
import { join } from 'node:path';
import { killProcessTree } from './kill-tree.js';
import { columnsInPage, pageBoxInPage, type ColumnRead } from './column-measure.js';
import { guardRequests } from './request-guard.js';

type Puppeteer = typeof import('puppeteer-core/internal/puppeteer-core-browser.js');
type Browser = Awaited<ReturnType<Puppeteer['default']['connect']>>;
type Page = Awaited<ReturnType<Browser['newPage']>>;

/** The connection to Chromium is gone: it crashed, or was killed. */
export class ChromiumGone extends Error {
  constructor(cause: unknown) {
    super('Chromium is gone', { cause });
    this.name = 'ChromiumGone';
  }
}

export interface ChromiumPage {
  /** No script; only data: URLs and this one file may load. */
  lockDown(fileUrl: string): Promise<void>;
  load(url: string): Promise<void>;
  /** Replaces the document's body (through the protocol: the page's own script is off). */
  replaceBody(body: string): Promise<void>;
  pdf(): Promise<Uint8Array>;
  /** Where a print would put things, read without printing (column-measure.ts); null: not measurable. */
  measure(markerPrefix: string): Promise<ColumnRead | null>;
  close(): Promise<void>;
}

export interface Chromium {
  /** The program that runs (for the layout cache's key). */
  readonly executable: string;
  version(): Promise<string>;
  newPage(): Promise<ChromiumPage>;
  /** Asks Chromium to quit. */
  close(): Promise<void>;
  /** SIGKILL to its whole process tree, for a browser that no longer answers; resolves when it has exited. */
  kill(): Promise<void>;
  /** Called once if the connection is lost without close() or kill(). */
  onLost(listener: () => void): void;
}

export interface LaunchRequest {
  executablePath: string;
  /** The run's folder: profile, crash database and caches all go in it. */
  runDir: string;
  /** Chromium's environment (from the CLI). */
  env: Record<string, string | undefined>;
  /** Aborting it kills a Chromium that is still starting. */
  signal: AbortSignal;
  /** Tests only (a proxy that traps any request). */
  extraArgs?: readonly string[];
}

export type Launcher = (request: LaunchRequest) => Promise<Chromium>;

/** Puppeteer's error for a closed target or connection becomes ChromiumGone. */
const goneWith =
  ({ ConnectionClosedError, ProtocolError }: Puppeteer) =>
  (e: unknown): never => {
    // TargetCloseError is not in Puppeteer's typings; its name is stable.
    if (e instanceof ConnectionClosedError || (e instanceof ProtocolError && e.name === 'TargetCloseError'))
      throw new ChromiumGone(e);
    throw e;
  };

function wrapPage(page: Page, gone: (e: unknown) => never): ChromiumPage {
  let printMedia = false;
  let guard: { failure(): unknown } | null = null;
  return {
    async lockDown(fileUrl) {
      await page.setJavaScriptEnabled(false).catch(gone);
      const session = await page.createCDPSession().catch(gone);
      guard = await guardRequests(session, fileUrl).catch(gone);
    },
    async load(url) {
      // timeout 0: the caller bounds every step itself.
      await page.goto(url, { waitUntil: 'load', timeout: 0 }).catch(gone);
      const failed = guard?.failure();
      if (failed) gone(failed);
    },
    async replaceBody(body) {
      await page.evaluate((b) => void (document.body.outerHTML = b), body).catch(gone);
    },
    async measure(prefix) {
      // Print media for the style sheets, as a print has them. It stays: the page only ever prints, and
      // prints the same bytes with it (tested in turns), without restyling for print each time.
      if (!printMedia) await page.emulateMediaType('print').catch(gone);
      printMedia = true;
      const box = await page.evaluate(pageBoxInPage).catch(gone);
      return box && (await page.evaluate(columnsInPage, prefix, box).catch(gone));
    },
    pdf: () =>
      page
        .pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, outline: true, tagged: true, timeout: 0 })
        .catch(gone),
    close: () => page.close().catch(gone),
  };
}

function wrapBrowser(browser: Browser, started: ChromiumProcess, lib: Puppeteer, request: LaunchRequest): Chromium {
  let ending = false;
  const gone = goneWith(lib);
  const kill = () => killProcessTree(started.child, request.runDir);
  let fresh = true;
  return {
    executable: started.child.spawnfile,
    version: () => browser.version().catch(gone),
    newPage: async () => {
      // The tab Chromium opened at start (about:blank) is the first page: its renderer is already running.
      const ask = fresh; // decided before any await: of pages opened side by side, only one takes it
      fresh = false;
      const first = ask ? (await browser.pages().catch(gone))[0] : undefined;
      const page = first ?? (await browser.newPage().catch(gone));
      return wrapPage(page, gone);
    },
    close: async () => {
      ending = true;
      // Connected rather than launched, Puppeteer only asks it to quit: the exit is waited for here.
      await browser.close().catch(gone);
      await started.exited;
    },
    kill: () => {
      ending = true;
      return kill();
    },
    onLost: (listener) => browser.once('disconnected', () => void (ending || listener())),
  };
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };
const failure = (error: unknown): Outcome<never> => ({ ok: false, error });

/** Puppeteer connected to a Chromium that is starting, or the reason it did not start. */
async function connect(started: ChromiumProcess, signal: AbortSignal): Promise<[Browser, Puppeteer]> {
  let onAbort = () => undefined as void;
  const stopped = new Promise<unknown>((resolve) => {
    onAbort = () => resolve(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  const connecting = (async (): Promise<Outcome<[Browser, Puppeteer]>> => {
    const lib = await import('puppeteer-core/internal/puppeteer-core-browser.js');
    // protocolTimeout 0: the caller bounds every step itself.
    // No network monitoring: the page's requests are paused by request-guard.ts, which says why.
    const options = { transport: started.transport, protocolTimeout: 0, networkEnabled: false };
    const browser = await lib.default.connect(options);
    return { ok: true, value: [browser, lib] };
  })().catch(failure);
  try {
    // The first to come is the outcome: connected, the process failed, or stopped. After a failure or a
    // stop the process is killed (launchChromium) and a connection still under way ends with it.
    const first = await Promise.race([connecting, started.failed.then(failure), stopped.then(failure)]);
    if (!first.ok) throw first.error;
    return first.value;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

export const launchChromium: Launcher = async (request) => {
  const started = spawnChromium({
    executablePath: request.executablePath,
    runDir: request.runDir,
    // Chromium writes its crash database and caches under these, not in the user's home.
    env: {
      ...request.env,
      XDG_CONFIG_HOME: join(request.runDir, 'config'),
      XDG_CACHE_HOME: join(request.runDir, 'cache'),
    },
    extraArgs: request.extraArgs,
  });
  try {
    const [browser, lib] = await connect(started, request.signal);
    return wrapBrowser(browser, started, lib, request);
  } catch (e) {
    // Not started, or stopped while starting: nothing of it is left running.
    if (started.child.pid !== undefined) await killProcessTree(started.child, request.runDir);
    throw e;
  } finally {
    started.settled();
  }
};
