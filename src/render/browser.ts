/**
 * The only module that knows Puppeteer. It owns Chromium: launched lazily on
 * the first print, reused for later ones, closed by close() (callers use
 * try/finally). Pages run no script and fetch nothing from the network.
 */
import puppeteer, { type Browser } from 'puppeteer';
import { BulletinError } from '../model/errors.js';
import { findBrowser, INSTALL_HINT } from './find-browser.js';

export interface PrinterOptions {
  executablePath?: string;
  /** From the configuration file; after --browser and the environment. */
  configuredPath?: string;
  timeoutMs?: number;
}

export interface Printer {
  printPdf(html: string): Promise<Uint8Array>;
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
    throw new BulletinError('browser.missing', 'browser', `找不到 ${found.missing.source} 指定的浏览器：${found.missing.path}。`, INSTALL_HINT);
  }
  throw new BulletinError('browser.not-found', 'browser', '找不到可用于生成 PDF 的 Chromium/Chrome 浏览器。', INSTALL_HINT);
}

export function createPrinter(options: PrinterOptions = {}): Printer {
  const timeout = options.timeoutMs ?? 60_000;
  let browser: Promise<Browser> | null = null;
  const launch = (): Promise<Browser> => {
    browser ??= puppeteer.launch({ executablePath: resolveExecutable(options.executablePath, options.configuredPath), headless: true, args: ARGS, timeout }).catch((e: unknown) => {
      browser = null;
      throw new BulletinError('browser.launch', 'browser', `浏览器启动失败：${e instanceof Error ? e.message : String(e)}`, INSTALL_HINT, { cause: e });
    });
    return browser;
  };
  return {
    async printPdf(html: string): Promise<Uint8Array> {
      const b = await launch();
      const page = await b.newPage();
      try {
        await page.setJavaScriptEnabled(false);
        await page.setRequestInterception(true);
        page.on('request', (req) => {
          const url = req.url();
          if (url.startsWith('data:') || url === 'about:blank') void req.continue();
          else void req.abort('blockedbyclient');
        });
        await page.setContent(html, { waitUntil: 'load', timeout });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, outline: true, tagged: true, timeout });
      } catch (e) {
        if (e instanceof BulletinError) throw e;
        throw new BulletinError('browser.print', 'browser', `生成 PDF 失败：${e instanceof Error ? e.message : String(e)}`, '请重试；如果反复失败，请运行 bulletin 时加 --browser 指定另一个浏览器。', { cause: e });
      } finally {
        await page.close().catch(() => undefined);
      }
    },
    async close(): Promise<void> {
      const b = browser;
      browser = null;
      if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
    },
  };
}
