/**
 * The only module that knows Puppeteer (puppeteer-core: it never downloads a
 * browser; we drive one that is installed). It starts Chromium and exposes
 * the few operations printing needs. It bounds nothing itself: browser.ts
 * puts a time limit on every call and decides what a failure means.
 */
import { join } from 'node:path';
import puppeteer, { ConnectionClosedError, ProtocolError, type Browser, type Page } from 'puppeteer-core';
import { killProcessTree } from './kill-tree.js';

/**
 * A build makes no network request of any kind: the data, fonts and images
 * are all in the page, loaded from a file. These turn off what Chromium
 * would otherwise fetch in the background (measured with a trapping proxy,
 * test/render/no-network.test.ts: clients2.google.com for the time,
 * update.googleapis.com for components, accounts.google.com for accounts).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-service-autorun',
  '--no-pings',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-domain-reliability',
  '--disable-breakpad',
  '--disable-crash-reporter',
  '--metrics-recording-only',
  '--disable-client-side-phishing-detection',
  '--safebrowsing-disable-auto-update',
  '--disable-field-trial-config',
  '--disable-quic',
  '--disable-features=NetworkTimeServiceQuerying,Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,CertificateTransparencyComponentUpdater,AutofillServerCommunication,InterestFeedContentSuggestions',
  // Components installed on demand ignore --disable-component-update, and the
  // account list is fetched at start-up whatever the flags: both are pointed at
  // port 1, which Chromium refuses to connect to (ERR_UNSAFE_PORT), so the
  // request fails inside Chromium and nothing leaves the machine.
  '--component-updater=url-source=https://127.0.0.1:1/',
  '--gaia-url=https://127.0.0.1:1/',
  // And no name is ever looked up (the pages use file: and data: URLs only).
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

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
function gone(e: unknown): never {
  // TargetCloseError is not in Puppeteer's typings; its name is stable.
  if (e instanceof ConnectionClosedError || (e instanceof ProtocolError && e.name === 'TargetCloseError'))
    throw new ChromiumGone(e);
  throw e;
}

function wrapPage(page: Page): ChromiumPage {
  return {
    async lockDown(fileUrl) {
      await page.setJavaScriptEnabled(false).catch(gone);
      await page.setRequestInterception(true).catch(gone);
      page.on('request', (req) => {
        const url = req.url();
        if (url.startsWith('data:') || url === fileUrl) void req.continue();
        else void req.abort('blockedbyclient');
      });
    },
    async load(url) {
      // timeout 0: the caller bounds every step itself.
      await page.goto(url, { waitUntil: 'load', timeout: 0 }).catch(gone);
    },
    async replaceBody(body) {
      await page.evaluate((b) => void (document.body.outerHTML = b), body).catch(gone);
    },
    pdf: () =>
      page
        .pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, outline: true, tagged: true, timeout: 0 })
        .catch(gone),
    close: () => page.close().catch(gone),
  };
}

function wrapBrowser(browser: Browser, request: LaunchRequest): Chromium {
  let ending = false;
  const child = browser.process();
  return {
    executable: child?.spawnfile ?? request.executablePath,
    version: () => browser.version().catch(gone),
    newPage: async () => wrapPage(await browser.newPage().catch(gone)),
    close: () => {
      ending = true;
      return browser.close().catch(gone);
    },
    kill: () => {
      ending = true;
      return child?.pid ? killProcessTree(child, request.runDir) : Promise.resolve();
    },
    onLost: (listener) => browser.once('disconnected', () => void (ending || listener())),
  };
}

export const launchChromium: Launcher = async (request) => {
  const browser = await puppeteer.launch({
    executablePath: request.executablePath,
    headless: true,
    // Over a pipe, Chromium quits when this process dies, however it dies.
    pipe: true,
    userDataDir: join(request.runDir, 'profile'),
    // Chromium writes its crash database and caches under these, not in the user's home.
    env: {
      ...request.env,
      XDG_CONFIG_HOME: join(request.runDir, 'config'),
      XDG_CACHE_HOME: join(request.runDir, 'cache'),
    },
    args: [...CHROMIUM_ARGS, ...(request.extraArgs ?? [])],
    // The CLI handles signals (a clean stop with its own message and exit code).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    signal: request.signal,
    timeout: 0,
    protocolTimeout: 0,
  });
  return wrapBrowser(browser, request);
};
