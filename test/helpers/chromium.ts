/**
 * A headless Chromium for tests that look at a page as a reader's browser
 * would (the web edition). The build itself prints through src/render/browser.ts.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { NO_BROWSER_UI_PAGES } from '../../src/render/chromium-args.js';
import { browserChoices } from '../../src/config/resolve-options.js';
import { findBrowser } from '../../src/render/find-browser.js';

/** The flags of the tests' own browsers: none of Chromium's own pages at start-up, as in a build. */
export const TEST_BROWSER_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  `--disable-features=${NO_BROWSER_UI_PAGES.join(',')}`,
];

export async function launchChromium(): Promise<Browser> {
  const found = findBrowser(browserChoices(undefined, process.env, DEFAULT_CONFIG, process.cwd()));
  if (!('path' in found)) throw new Error('no Chromium for the test');
  return puppeteer.launch({
    executablePath: found.path,
    headless: true,
    pipe: true,
    args: [...TEST_BROWSER_ARGS],
  });
}

/**
 * Opens `fileUrl` at `width` px, recording every request other than the
 * page itself and data: URLs (those are aborted). The CSP is bypassed so
 * that a request the page would make reaches the recorder, and so the test
 * can inject axe-core; the page's own CSP is checked separately.
 */
export async function openPage(
  browser: Browser,
  fileUrl: string,
  width: number,
): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  await page.setBypassCSP(true);
  await page.setViewport({ width, height: 900 });
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    if (url === fileUrl || url.startsWith('data:')) void req.continue();
    else {
      requests.push(url);
      void req.abort('blockedbyclient');
    }
  });
  await page.goto(fileUrl, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, requests };
}
