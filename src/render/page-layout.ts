/**
 * What a print's layout is (where each contents target landed, each table's
 * split rows, the report's floats and scales) and how two compare: the
 * terms print-bulletin.ts iterates in until a print agrees with its layout.
 */
import { BulletinError } from '../model/errors.js';
import { WORD_JOINER } from './headline-words.js';
import type { PdfLayout } from './pdf-file.js';
import type { FlowLayout } from './report-flow.js';

export interface TocTarget {
  id: string;
  text: string;
}

/**
 * Where things go: the page of each table-of-contents target, each table's
 * split rows, and the report's floated blocks and shrunk charts (report-flow.ts).
 */
export interface PageLayout extends FlowLayout {
  pages: Record<string, number>;
  splits: Record<string, number[]>;
}

export const EMPTY_LAYOUT: PageLayout = { pages: {}, splits: {}, floats: {}, scales: {} };

/** Each target's page: the next bookmark, in document order, with the same title. */
export function targetPages(targets: readonly TocTarget[], outline: PdfLayout['outline']): Record<string, number> {
  const out: Record<string, number> = {};
  let from = 0;
  for (const t of targets) {
    const want = t.text.replace(/\s+/g, '');
    const at = outline.findIndex((o, i) => i >= from && o.title === want);
    if (at < 0) continue;
    out[t.id] = outline[at]!.page;
    from = at + 1;
  }
  return out;
}

export const sameLayout = (a: PageLayout, b: PageLayout): boolean =>
  JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
/** The same splits, floats and scales (the pages of the contents may differ). */
export const sameBlocks = (a: PageLayout, b: PageLayout): boolean =>
  sameLayout({ ...a, pages: {} }, { ...b, pages: {} });
const sortKeys = (l: PageLayout) =>
  [l.pages, l.splits, l.floats, l.scales].map((r) => Object.entries(r).sort((a, b) => (a[0] < b[0] ? -1 : 1)));

/** The failure for contents entries the layout found no page for; null when it found every one. */
export function unresolved(targets: readonly TocTarget[], layout: PageLayout): BulletinError | null {
  const lost = targets.filter((t) => !(t.id in layout.pages));
  if (lost.length === 0) return null;
  return new BulletinError(
    'render.toc.unresolved',
    'browser',
    `目录中的这些标题在 PDF 中找不到所在页：${lost.map((t) => t.text.replaceAll(WORD_JOINER, '')).join('、')}。`,
    '请报告此问题；可暂时用 --format html 生成 HTML。',
  );
}
