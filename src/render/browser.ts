/**
 * The only module that knows Puppeteer. It owns Chromium: launched lazily on
 * the first print, reused for later ones, closed by close() (callers use
 * try/finally). Pages run no script and fetch nothing from the network.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BulletinError } from '../model/errors.js';
import { findBrowser, INSTALL_HINT } from './find-browser.js';

export interface PrinterOptions {
  executablePath?: string;
  /** From the configuration file; after --browser and the environment. */
  configuredPath?: string;
  timeoutMs?: number;
}

/**
 * One document being printed, on one page kept open: a later version with
 * the same <head> (styles, fonts) only replaces the body, so the fonts are
 * not parsed again for every layout pass.
 */
export interface PrintJob {
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface Printer {
  /** Starts Chromium in the background, so its launch overlaps reading and rendering. */
  warmUp(): void;
  /** Which browser prints (path and version): layouts measured with another are not reused. */
  identity(): Promise<string>;
  open(): Promise<PrintJob>;
  close(): Promise<void>;
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--font-render-hinting=none',
];

/** Puppeteer's own browser path; none when it never downloaded one. */
function bundledBrowser(): string | undefined {
  try {
    return puppeteer.executablePath();
  } catch {
    return undefined;
  }
}

export function chooseBrowser(explicit?: string, configured?: string) {
  return findBrowser({ explicit, configured, bundled: bundledBrowser() });
}

function resolveExecutable(explicit: string | undefined, configured: string | undefined): string {
  const found = chooseBrowser(explicit, configured);
  if ('path' in found) return found.path;
  if (found.missing) {
    throw new BulletinError(
      'browser.missing',
      'browser',
      `找不到 ${found.missing.source} 指定的浏览器：${found.missing.path}。`,
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
  const timeout = options.timeoutMs ?? 60_000;
  let browser: Promise<Browser> | null = null;
  const launch = (): Promise<Browser> => {
    browser ??= puppeteer
      .launch({
        executablePath: resolveExecutable(options.executablePath, options.configuredPath),
        headless: true,
        args: ARGS,
        timeout,
      })
      .catch((e: unknown) => {
        browser = null;
        throw new BulletinError(
          'browser.launch',
          'browser',
          `浏览器启动失败：${e instanceof Error ? e.message : String(e)}`,
          INSTALL_HINT,
          { cause: e },
        );
      });
    return browser;
  };
  const printError = (e: unknown): BulletinError =>
    e instanceof BulletinError
      ? e
      : new BulletinError(
          'browser.print',
          'browser',
          `生成 PDF 失败：${e instanceof Error ? e.message : String(e)}`,
          '请重试；如果反复失败，请运行 bulletin 时加 --browser 指定另一个浏览器。',
          { cause: e },
        );
  // A page opened while the build was still reading and laying out, for the first job.
  let spare: Promise<Page> | null = null;
  const open = async (): Promise<PrintJob> => {
    const ready = spare;
    spare = null;
    const page = await (ready ?? (await launch()).newPage()).catch((e: unknown) => Promise.reject(printError(e)));
    // The document is loaded from a private file rather than sent through the
    // DevTools protocol: 3 MB of inlined fonts cost Node 200 ms of copying and
    // Chromium 100 ms more that way. Only that file and data: URLs load.
    const dir = await mkdtemp(join(tmpdir(), 'bulletin-print-'));
    const file = join(dir, 'page.html');
    const fileUrl = pathToFileURL(file).href;
    const close = async () => {
      await page.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    };
    let head: string | null = null;
    try {
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        const url = req.url();
        if (url.startsWith('data:') || url === fileUrl) void req.continue();
        else void req.abort('blockedbyclient');
      });
    } catch (e) {
      await close();
      throw printError(e);
    }
    return {
      async print(html: string): Promise<Uint8Array> {
        const at = html.search(/<body[\s>]/i);
        try {
          if (at > 0 && html.slice(0, at) === head) {
            // Script is off for the page's own content; this runs through the protocol.
            await page.evaluate(
              (body) => void (document.body.outerHTML = body),
              html.slice(at).replace(/<\/html>\s*$/i, ''),
            );
          } else {
            await writeFile(file, html);
            await page.goto(fileUrl, { waitUntil: 'load', timeout });
            head = at > 0 ? html.slice(0, at) : null;
          }
          return await page.pdf({
            format: 'A4',
            printBackground: true,
            preferCSSPageSize: true,
            outline: true,
            tagged: true,
            timeout,
          });
        } catch (e) {
          head = null;
          throw printError(e);
        }
      },
      close,
    };
  };
  return {
    warmUp(): void {
      spare ??= launch().then((b) => b.newPage());
      spare.catch(() => (spare = null));
    },
    async identity(): Promise<string> {
      const b = await launch();
      return `${b.process()?.spawnfile ?? ''} ${await b.version()}`;
    },
    open,
    async close(): Promise<void> {
      const b = browser;
      browser = null;
      if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
    },
  };
}
