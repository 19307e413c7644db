/**
 * Measuring a layout without printing it. Chromium breaks a multi-column
 * box into columns with the same fragmentation engine that breaks a printed
 * document into pages: the document, given the page's content box as one
 * column with more columns to the right, lands exactly where a print puts
 * it (the sample: all 271 row markers on the same page, their tops within
 * 0.7 pt, the same 19 bookmarks and 22 pages). Reading that takes 30 ms
 * where a print takes 0.3–0.4 s. Page breaks become column breaks for it.
 * A page whose geometry this does not know (no @page size it knows, other
 * margins on some pages, units relative to something else) is not measured:
 * the caller prints. Every measured layout is still printed and read back
 * before it is used (print-bulletin.ts), so a wrong measure costs a pass,
 * never a wrong page number.
 */
import type { PdfLayout } from './pdf-file.js';

/** What the page reports: its columns (pages), the first box of each marker link, each heading. */
export interface ColumnRead {
  pageCount: number;
  /** Address, 0-based page, distance from the page's top edge in points. */
  markers: Array<[uri: string, page: number, top: number]>;
  /** Text and 1-based page of each h1–h6, in document order (Chromium's bookmarks). */
  headings: Array<[text: string, page: number]>;
}

/** The page's content box in CSS pixels, as its @page rules give it, with the top margin. */
export interface PageBox {
  width: number;
  height: number;
  top: number;
}

/**
 * The page's content box from its @page rules (runs in the page: Puppeteer
 * serialises it, so it uses nothing from outside); null for a geometry this
 * does not know. Waits for the fonts first, as a print does.
 */
export async function pageBoxInPage(): Promise<PageBox | null> {
  await document.fonts.ready;
  const MM = 96 / 25.4;
  const SIZES: Record<string, [number, number]> = {
    a5: [148, 210], a4: [210, 297], a3: [297, 420], b5: [176, 250], b4: [250, 353],
    'jis-b5': [182, 257], 'jis-b4': [257, 364], letter: [215.9, 279.4], legal: [215.9, 355.6], ledger: [279.4, 431.8],
  }; // prettier-ignore
  const probe = document.createElement('div');
  document.body.append(probe);
  const px = (v: string): number | null => {
    if (v === '' || v === '0') return 0; // none given: Puppeteer's margins are 0
    if (!/^[\d.]+(mm|cm|in|pt|pc|px|q)$/i.test(v)) return null;
    probe.style.width = v;
    return probe.getBoundingClientRect().width;
  };
  const rules: CSSPageRule[] = [];
  const collect = (list: CSSRuleList): void => {
    for (const r of Array.from(list)) {
      if (r instanceof CSSPageRule) rules.push(r);
      else if (r instanceof CSSMediaRule && matchMedia(r.media.mediaText).matches) collect(r.cssRules);
    }
  };
  for (const sheet of Array.from(document.styleSheets)) collect(sheet.cssRules);
  const sides = ['top', 'right', 'bottom', 'left'].map((s) => `margin-${s}`);
  const base = rules.filter((r) => r.selectorText === '');
  const other = rules.some((r) => r.selectorText !== '' && ['size', ...sides].some((p) => r.style.getPropertyValue(p)));
  const last = (p: string) =>
    base
      .map((r) => r.style.getPropertyValue(p).trim())
      .filter(Boolean)
      .at(-1) ?? '';
  const size = last('size').toLowerCase().split(/\s+/);
  const named =
    SIZES[size.find((w) => w in SIZES) ?? (size.every((w) => ['', 'auto', 'portrait'].includes(w)) ? 'a4' : '')];
  const margins = sides.map((s) => px(last(s)));
  probe.remove();
  if (other || !named || margins.some((m) => m === null)) return null;
  const [w, h] = size.includes('landscape') ? [named[1], named[0]] : named;
  const [top, right, bottom, left] = margins as [number, number, number, number];
  return { width: w * MM - right - left, height: h * MM - top - bottom, top };
}

/**
 * Where things land with the document laid out in columns of `box` (runs
 * in the page, as pageBoxInPage). Leaves the document as it found it.
 */
export function columnsInPage(prefix: string, box: PageBox): ColumnRead {
  const [W, H, GAP] = [box.width, box.height, 100];
  const style = document.createElement('style');
  style.textContent =
    `html{width:${W}px!important;height:${H}px!important;margin:0!important;padding:0!important;` +
    `column-count:1!important;column-fill:auto!important;column-gap:${GAP}px!important}`;
  // A page break would not break a column: each is made a column break, and put back afterwards.
  const PAGE = ['page', 'left', 'right', 'recto', 'verso'];
  const restore: Array<() => void> = [];
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *')))
    for (const side of ['before', 'after'] as const) {
      if (!PAGE.includes(getComputedStyle(el)[side === 'before' ? 'breakBefore' : 'breakAfter'])) continue;
      const [prop, was, priority] = [`break-${side}`, el.style.getPropertyValue(`break-${side}`), el.style.getPropertyPriority(`break-${side}`)]; // prettier-ignore
      el.style.setProperty(prop, 'column', 'important');
      restore.push(() => (was ? el.style.setProperty(prop, was, priority) : el.style.removeProperty(prop)));
    }
  document.head.append(style);
  try {
    const origin = document.documentElement.getBoundingClientRect();
    const at = (r: DOMRect): [number, number] => {
      const page = Math.floor((r.left - origin.left + GAP / 2) / (W + GAP));
      return [page, ((r.top - origin.top + box.top) * 3) / 4];
    };
    const markers: ColumnRead['markers'] = [];
    for (const a of Array.from(document.querySelectorAll(`a[href^="${prefix}"]`))) {
      const r = a.getClientRects()[0];
      if (r) markers.push([a.getAttribute('href') ?? '', ...at(r)]);
    }
    const headings: ColumnRead['headings'] = [];
    for (const el of Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6'))) {
      const r = el.getClientRects()[0];
      if (r) headings.push([el.textContent ?? '', at(r)[0] + 1]);
    }
    // The last page is the one the last box lands on (a body's end margin may spill into another column).
    const range = document.createRange();
    range.selectNodeContents(document.body);
    const boxes = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    return { pageCount: 1 + Math.max(0, ...boxes.map((r) => at(r)[0])), markers, headings };
  } finally {
    style.remove();
    restore.forEach((put) => put());
  }
}

/** The read as a print's layout: the first box of each address, bookmarks cleaned by `title`. */
export function columnLayout(read: ColumnRead, title: (t: string) => string): PdfLayout {
  const markers = new Map<string, number>();
  const markerTops = new Map<string, number>();
  for (const [uri, page, top] of read.markers) {
    if (markers.has(uri)) continue;
    markers.set(uri, page);
    markerTops.set(uri, top);
  }
  const outline = read.headings.map(([text, page]) => ({ title: title(text.replace(/\s+/g, '')), page }));
  return { pageCount: read.pageCount, outline, markers, markerTops };
}
