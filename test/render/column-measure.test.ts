import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBulletin } from '../../src/pipeline/build.js';
import { createPrinter, type Printer } from '../../src/render/browser.js';
import { columnLayout } from '../../src/render/column-measure.js';
import { readLayout, type PdfLayout } from '../../src/render/pdf-file.js';
import { bookmarkTitle } from '../../src/render/pdf-finish.js';
import { MARKER_PREFIX } from '../../src/render/table-layout.js';
import { samplePdfOptions } from '../helpers/sample-build.js';

let printer: Printer;
beforeAll(() => void (printer = createPrinter({ env: process.env })));
afterAll(() => printer.close());

/** The HTML of the sample's last print (the one its PDF is made from), by a build through the library. */
async function samplePrintDocument(): Promise<string> {
  let last = '';
  const capturing: Printer = {
    ...printer,
    async open() {
      const job = await printer.open();
      return { ...job, print: (html, printing) => job.print((last = html), printing) };
    },
  };
  const r = await buildBulletin(await samplePdfOptions(capturing));
  expect(r.ok).toBe(true);
  return last;
}

/** The layout `html` measures, and the layout its print (on the same page, right after) has. */
async function measuredAndPrinted(html: string): Promise<[PdfLayout | null, PdfLayout]> {
  const job = await printer.open();
  try {
    const columns = await job.measure(html, MARKER_PREFIX);
    const printed = await readLayout(await job.print(html), MARKER_PREFIX);
    return [columns && columnLayout(columns, bookmarkTitle), printed];
  } finally {
    await job.close();
  }
}

const page = (css: string, body: string) =>
  `<!doctype html><html><head><style>${css}</style></head><body>${body}</body></html>`;

describe('measuring a layout in columns (column-measure.ts) against printing it', () => {
  it('puts every row marker and bookmark of the sample on the page its print does, and leaves the page as it was', async () => {
    const html = await samplePrintDocument();
    const [measured, printed] = await measuredAndPrinted(html);
    expect(measured).not.toBeNull();
    expect(measured!.pageCount).toBe(printed.pageCount);
    expect(measured!.outline).toEqual(printed.outline);
    expect([...measured!.markers]).toEqual([...printed.markers]);
    expect(printed.markers.size).toBeGreaterThan(200);
    for (const [m, top] of printed.markerTops) expect(Math.abs(measured!.markerTops.get(m)! - top), m).toBeLessThan(1);
  });

  it('turns page breaks into column breaks and back: a forced break, and a table whose header repeats', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `<tr><td><a href="${MARKER_PREFIX}r${i}">·</a>${i}</td></tr>`);
    const html = page(
      '@page { size: A5 landscape; margin: 0 15mm 20mm; } p { break-before: page; } tr { break-inside: avoid; }',
      `<h1>一</h1><table><thead><tr><th>头</th></tr></thead>${rows.join('')}</table><p>二</p><h2>三</h2>`,
    );
    const [measured, printed] = await measuredAndPrinted(html);
    expect(measured).not.toBeNull();
    expect([...measured!.markers]).toEqual([...printed.markers]);
    expect(measured!.outline).toEqual(printed.outline);
    expect(measured!.pageCount).toBe(printed.pageCount);
    expect(printed.pageCount).toBeGreaterThan(3);
  });

  it('does not measure a page whose geometry it does not know: other margins on the first page, a size in lengths', async () => {
    for (const css of [
      '@page { size: A4; margin: 20mm; } @page :first { margin-top: 50mm; }',
      '@page { size: 200mm 300mm; }',
    ]) {
      const [measured] = await measuredAndPrinted(page(css, '<h1>一</h1>'));
      expect(measured, css).toBeNull();
    }
  });
});
