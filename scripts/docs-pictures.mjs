// Pictures for the README: pages 3–6 of the sample PDF side by side (pdftoppm),
// and the web edition's first screens at phone width (Chromium).
// Usage: node scripts/docs-pictures.mjs OUT/2022Q3   (after `npm run sample`)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const dir = process.argv[2] ?? 'out/2022Q3';
const tmp = mkdtempSync(join(tmpdir(), 'docs-pictures-'));
execFileSync('pdftoppm', ['-r', '45', '-f', '3', '-l', '6', '-png', join(dir, 'bulletin.pdf'), join(tmp, 'p')]);
const pages = ['3', '4', '5', '6'].map((n) =>
  readFileSync(join(tmp, `p-${n.padStart(2, '0')}.png`)).toString('base64'),
);
const sheet = `<body style="margin:0;background:#888;display:flex;gap:6px;padding:6px">${pages
  .map((b) => `<img src="data:image/png;base64,${b}" style="display:block">`)
  .join('')}</body>`;

const browser = await puppeteer.launch({
  executablePath: process.env.BULLETIN_BROWSER ?? '/usr/lib/chromium/chromium',
  pipe: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage();
  await page.setContent(sheet, { waitUntil: 'load' });
  const size = await page.evaluate(() => [document.body.scrollWidth, document.body.scrollHeight]);
  await page.setViewport({ width: size[0], height: size[1] });
  await page.screenshot({ path: 'docs/print-pages-3-6.png' });
  await page.setViewport({ width: 375, height: 1100, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(join(dir, 'bulletin.html')).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: 'docs/web-phone-top.png' });
  await page.evaluate(() => document.querySelector('[data-table="regions"]').scrollIntoView());
  await page.screenshot({ path: 'docs/web-phone-tables.png' });
} finally {
  await browser.close();
}
