/**
 * The layout cache as a build uses it: a cold build measures and stores its
 * layout, a rebuild prints once from it, a wrong or damaged entry costs
 * passes and never a different document, and no cache folder means nothing
 * is read or written. This is the cache's logic, so a fake Printer prints:
 * each heading lands on a page fixed by its place in the document, whatever
 * the layout asked for (as a real print would, for a layout that holds). The
 * real print from a cached layout, byte for byte, is checked once in
 * test/cli/build-pdf.test.ts.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { buildBulletin } from '../../src/pipeline/build.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { fakePrinter, headingsOf, pdfWithBookmarks } from '../helpers/fake-printer.js';

interface Built {
  passes: number;
  /** The written bulletin.pdf. */
  pdf: Buffer;
  /** The HTML of the last print: the layout the PDF was made from (contents page numbers, table splits). */
  printed: string;
}

/** Three headings a page, in document order. */
const HEADINGS_PER_PAGE = 3;

async function build(cacheDir: string | null): Promise<Built> {
  let printed = '';
  const { printer } = fakePrinter(async (_pass, html) => {
    printed = html;
    const headings = headingsOf(html);
    const page = (k: number) => 1 + Math.floor(k / HEADINGS_PER_PAGE);
    return pdfWithBookmarks(
      page(headings.length),
      headings.map((title, k) => ({ title, page: page(k) })),
    );
  });
  const out = tempDir('cached-layout-');
  const r = await buildBulletin({
    quarter: { year: 2022, quarter: 3 },
    dataDir: join(ROOT, 'data'),
    outDir: out,
    formats: ['pdf'],
    config: DEFAULT_CONFIG,
    cwd: tempDir(),
    cacheDir,
    printer,
  });
  expect(r.ok).toBe(true);
  return { passes: r.passes, pdf: readFileSync(join(out, '2022Q3', 'bulletin.pdf')), printed };
}

const entries = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('a build with a layout cache', () => {
  it('measures cold and stores the layout; a rebuild prints once from it, to the same PDF', async () => {
    const cache = tempDir();
    const cold = await build(cache);
    expect(cold.passes).toBeGreaterThanOrEqual(2);
    expect(entries(cache)).toHaveLength(1);
    const again = await build(cache);
    expect(again.passes).toBe(1);
    expect(again.printed).toBe(cold.printed);
    expect(again.pdf.equals(cold.pdf)).toBe(true);
  });

  it('corrects a cached layout that is wrong (a pass more, not a wrong page number) and stores the right one', async () => {
    const cache = tempDir();
    const cold = await build(cache);
    const path = join(cache, entries(cache)[0]!);
    const right = readFileSync(path, 'utf8');
    const layout = JSON.parse(right) as { pages: Record<string, number> };
    expect(Object.keys(layout.pages).length).toBeGreaterThan(0);
    // Every contents entry a page off, and no table split where the measurement put one.
    writeFileSync(
      path,
      JSON.stringify({
        pages: Object.fromEntries(Object.entries(layout.pages).map(([k, v]) => [k, v + 1])),
        splits: {},
      }),
    );
    const fixed = await build(cache);
    expect(fixed.passes).toBeGreaterThan(1);
    expect(fixed.printed).toBe(cold.printed);
    expect(fixed.pdf.equals(cold.pdf)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(right);
    // A damaged entry is no layout at all: measured again from cold.
    writeFileSync(path, '{ not json');
    const measured = await build(cache);
    expect(measured.passes).toBe(cold.passes);
    expect(measured.pdf.equals(cold.pdf)).toBe(true);
  });

  it('with no cache folder (--no-cache) measures every time, to the same PDF', async () => {
    const first = await build(null);
    const second = await build(null);
    expect(first.passes).toBeGreaterThanOrEqual(2);
    expect(second.passes).toBe(first.passes);
    expect(second.printed).toBe(first.printed);
    expect(second.pdf.equals(first.pdf)).toBe(true);
  });
});
