/**
 * The only module that knows PDF.js: reads back where things landed in a
 * printed PDF (bookmark pages and row-marker links), so page numbers in the
 * table of contents and table continuations come from the real layout.
 * Only outline and link annotations are read, not the page text: that is
 * what makes a measuring pass cheap.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { collapseDoubled } from '../model/text.js';

export interface PdfLayout {
  pageCount: number;
  /** Bookmarks in document order with their 1-based page. */
  outline: Array<{ title: string; page: number }>;
  /** 0-based page of the first link to each address starting with the marker prefix. */
  markers: Map<string, number>;
}

interface OutlineNode {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineNode[];
}

export async function readLayout(bytes: Uint8Array, markerPrefix = ''): Promise<PdfLayout> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  try {
    const markers = new Map<string, number>();
    for (let i = 1; markerPrefix && i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      for (const a of (await page.getAnnotations({ intent: 'display' })) as Array<{ url?: string }>) {
        if (a.url?.startsWith(markerPrefix) && !markers.has(a.url)) markers.set(a.url, i - 1);
      }
      page.cleanup();
    }
    const outline: PdfLayout['outline'] = [];
    const walk = async (nodes: readonly OutlineNode[]): Promise<void> => {
      for (const node of nodes) {
        const dest = typeof node.dest === 'string' ? await doc.getDestination(node.dest) : node.dest;
        const ref = Array.isArray(dest) ? dest[0] : null;
        if (ref && typeof ref === 'object') outline.push({ title: collapseDoubled(node.title.replace(/\s+/g, '')), page: (await doc.getPageIndex(ref as { num: number; gen: number })) + 1 });
        await walk(node.items ?? []);
      }
    };
    await walk(((await doc.getOutline()) ?? []) as OutlineNode[]);
    return { pageCount: doc.numPages, outline, markers };
  } finally {
    await doc.destroy();
  }
}
