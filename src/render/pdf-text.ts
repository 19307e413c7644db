/**
 * The only module that knows PDF.js: reads back where things landed in a
 * printed PDF (page text and bookmark pages), so page numbers in the table
 * of contents and table continuations come from the real layout.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { collapseDoubled } from '../model/text.js';

export interface PdfLayout {
  /** Each page's text with all whitespace removed. */
  pages: string[];
  /** Bookmarks in document order with their 1-based page. */
  outline: Array<{ title: string; page: number }>;
}

interface OutlineNode {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineNode[];
}

export async function readLayout(bytes: Uint8Array): Promise<PdfLayout> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join('').replace(/\s+/g, ''));
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
    return { pages, outline };
  } finally {
    await doc.destroy();
  }
}
