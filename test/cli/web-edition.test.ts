import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from '../helpers/chromium.js';
import { bulletin, tempDir } from '../helpers/cli.js';

let file: string;
let html: string;
let browser: Browser;

beforeAll(async () => {
  const out = tempDir();
  const r = await bulletin(['build', '--quarter', '2022Q3', '--out', out, '--format', 'html']);
  if (r.code !== 0) throw new Error(`build failed (${r.code}): ${r.stderr}`);
  file = join(out, '2022Q3', 'bulletin.html');
  html = readFileSync(file, 'utf8');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

interface AxeResult {
  violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown; failureSummary: string }> }>;
  passes: Array<{ id: string }>;
}

/** WCAG 2.1 contrast ratio of two computed CSS colours (rgb(r, g, b)). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

async function axeAt(width: number): Promise<{ result: AxeResult; requests: string[]; scrollWidth: number }> {
  const { page, requests } = await openPage(browser, pathToFileURL(file).href, width);
  try {
    await page.evaluate(axe.source);
    const result = (await page.evaluate(() =>
      (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      }),
    )) as AxeResult;
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    return { result, requests, scrollWidth };
  } finally {
    await page.close();
  }
}

describe('the web edition (bulletin.html)', () => {
  it('is a web page: viewport, language, no page furniture, under 1 MB with its fonts', async () => {
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:"`);
    expect(html).not.toMatch(/@page|counter\(page\)|@top-center/);
    expect(html).not.toContain('<script');
    expect(html).toMatch(/@font-face\{font-family:'Noto Sans SC';[^}]*font-weight:400;[^}]*format\('woff2'\)/);
    expect(statSync(file).size).toBeLessThan(1_000_000);
  });

  it('has a 本期要目 of anchor links to headings that exist', async () => {
    const toc = /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    const links = [...toc.replaceAll('<wbr>', '').matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)];
    expect(links.length).toBe(7);
    for (const [, id, text] of links) expect(html, `${text} → #${id}`).toMatch(new RegExp(`id="${id}"`));
    expect(toc).not.toMatch(/toc-page|\d+<\/span>/);
  });

  it('shows every table whole, with a caption and column headers that have a scope', async () => {
    const tables = [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]);
    expect(tables.length).toBe(9);
    const captions = tables.map((t) => /<caption>([^<]+)<\/caption>/.exec(t)?.[1]);
    expect(new Set(captions).size, 'each table once, each with a caption').toBe(9);
    for (const t of tables) {
      expect(t).toMatch(/<th scope="col"/);
      expect(t).not.toMatch(/<th(?=[\s>])(?![^>]*scope=)/);
    }
    expect((html.match(/<tr class="total">/g) ?? []).length, 'each total row once').toBe(8);
    expect(html).not.toContain('（续表）');
    expect(html).not.toContain('row-marker');
    expect(html.match(/<figure class="chart"><svg role="img" aria-label="[^"]+"/g)?.length).toBe(3);
    for (const img of html.match(/<img [^>]*>/g) ?? []) expect(img).toMatch(/ alt="[^"]+"/);
  });

  for (const width of [375, 1280]) {
    it(`has no WCAG 2.1 A/AA violation by axe-core at ${width} px, and loads nothing from outside`, async () => {
      const { result, requests, scrollWidth } = await axeAt(width);
      const found = result.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target) }));
      expect(found).toEqual([]);
      expect(result.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['color-contrast', 'html-has-lang']));
      expect(requests).toEqual([]);
      expect(scrollWidth, 'no sideways scrolling of the page itself').toBeLessThanOrEqual(width);
    });
  }

  it('sets the red masthead and headings in colours with at least 4.5:1 contrast on the page', async () => {
    const { page } = await openPage(browser, pathToFileURL(file).href, 375);
    try {
      const colours = await page.evaluate(() =>
        ['.bulletin-name', 'h1.section-title', '.toc-title', 'a'].map((sel) => {
          const el = document.querySelector(sel) as Element;
          return [sel, getComputedStyle(el).color, getComputedStyle(document.body).backgroundColor] as const;
        }),
      );
      for (const [sel, fg, bg] of colours) {
        const back = bg === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : bg;
        expect(contrast(fg, back), sel).toBeGreaterThanOrEqual(4.5);
      }
    } finally {
      await page.close();
    }
  });

  it('has fonts Chromium accepts, covering the text', async () => {
    const { page } = await openPage(browser, pathToFileURL(file).href, 375);
    try {
      const states = await page.evaluate(async () => {
        const faces = [...document.fonts];
        await Promise.allSettled(faces.map((f) => f.load()));
        return faces.map((f) => f.status);
      });
      expect(states.length).toBeGreaterThan(10);
      expect(states.filter((s) => s !== 'loaded')).toEqual([]);
      expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '缺陷产品召回'))).toBe(true);
    } finally {
      await page.close();
    }
  });
});
