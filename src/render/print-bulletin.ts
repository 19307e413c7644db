/**
 * Printing with a layout that is measured, not guessed: print, read back
 * where headings and table rows landed, fill in the table of contents and
 * split tables where pages broke, print again, until nothing moves (two
 * prints when the splits are height-neutral, as they are by design). The
 * final PDF is then checked once more against the page numbers it prints.
 */
import { BulletinError } from '../model/errors.js';
import type { Printer } from './browser.js';
import { readLayout, type PdfLayout } from './pdf-text.js';
import type { HtmlRenderer } from './render-html.js';
import { layOutTable, mapTables, nextSplits, tableIds } from './table-layout.js';
import type { BulletinView } from './view-bulletin.js';

export interface TocTarget {
  id: string;
  text: string;
}

export interface PrintedBulletin {
  html: string;
  pdf: Uint8Array;
  passes: number;
  pages: Map<string, number>;
}

const MAX_PASSES = 6;

/** Each target's page: the next bookmark, in document order, with the same title. */
export function targetPages(targets: readonly TocTarget[], outline: PdfLayout['outline']): Map<string, number> {
  const out = new Map<string, number>();
  let from = 0;
  for (const t of targets) {
    const want = t.text.replace(/\s+/g, '');
    const at = outline.findIndex((o, i) => i >= from && o.title === want);
    if (at < 0) continue;
    out.set(t.id, outline[at]!.page);
    from = at + 1;
  }
  return out;
}

const sameMap = <V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>): boolean =>
  a.size === b.size && [...a].every(([k, v]) => JSON.stringify(b.get(k)) === JSON.stringify(v));

export async function printBulletin(
  makeView: (pages: ReadonlyMap<string, number>) => BulletinView,
  targets: readonly TocTarget[],
  html: HtmlRenderer,
  printer: Printer,
  onPass: (pass: number, pages: number | null) => void = () => undefined,
): Promise<PrintedBulletin> {
  let pages = new Map<string, number>();
  let splits = new Map<string, number[]>();
  const lay = (markers: boolean) => mapTables(makeView(pages), (t) => layOutTable(t, splits.get(t.id) ?? [], markers));
  let passes = 0;
  for (; passes < MAX_PASSES; ) {
    passes++;
    const view = lay(true);
    const layout = await readLayout(await printer.printPdf(await html.render(view)));
    onPass(passes, layout.pages.length);
    const nextPages = targetPages(targets, layout.outline);
    const next = new Map(tableIds(view).map((t) => [t.id, nextSplits(t, layout.pages)]));
    const stable = sameMap(nextPages, pages) && sameMap(next, splits);
    pages = nextPages;
    splits = next;
    if (stable) break;
  }
  const lost = targets.filter((t) => !pages.has(t.id));
  if (lost.length > 0) {
    throw new BulletinError('render.toc.unresolved', 'browser', `目录中的这些标题在 PDF 中找不到所在页：${lost.map((t) => t.text).join('、')}。`, '请报告此问题；可暂时用 --format html 生成 HTML。');
  }
  const finalHtml = await html.render(lay(false));
  const pdf = await printer.printPdf(finalHtml);
  const check = targetPages(targets, (await readLayout(pdf)).outline);
  if (!sameMap(check, pages)) {
    throw new BulletinError('render.layout.unstable', 'browser', '排版没有稳定下来：目录中的页码与正文实际所在页不一致。', '请报告此问题；可暂时用 --format html 生成 HTML。');
  }
  return { html: finalHtml, pdf, passes, pages };
}
