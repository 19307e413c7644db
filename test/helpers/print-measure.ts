/** Measurements of printed bulletins for the print layout test (test/cli/print-layout.test.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOKEN } from '../../src/render/nowrap.js';
import { PAGE_AREA } from '../../src/render/table-layout.js';
import { bulletin, tempDir } from './cli.js';
import { pageText, pdfInfo, pdfTool } from './pdf.js';

export interface Built {
  pdf: string;
  html: string;
  stats: {
    byCategory: Array<{ name: string; code: string; recalls: number; quantity: number }>;
    byRegion: Array<{ short: string; manufacturers: number; quantity: number }>;
    totals: { recalls: number; quantity: number; manufacturers: number };
    national: Record<'cumulative' | 'ytd' | 'quarter', NationalTable> | null;
  };
}

interface NationalTable {
  rows: Array<{ name: string; code: string; recalls: number; quantity: number }>;
  total: { recalls: number; quantity: number };
}

/** The lines (compacted) of a national category table: its body rows, then its 合计 row. */
export const nationalRows = (t: NationalTable): string[] => [
  ...t.rows.map((r) => `${r.name}${r.code}${r.recalls}${r.quantity}`),
  `合计${t.total.recalls}${t.total.quantity}`,
];

export async function build(quarter: string, data: string): Promise<Built> {
  const out = tempDir();
  const r = await bulletin(['build', '--quarter', quarter, '--out', out, '--json', '--data', data]);
  if (r.code !== 0) throw new Error(`build failed (${r.code}): ${r.stderr}`);
  return read(join(out, quarter));
}

export function read(dir: string): Built {
  return {
    pdf: join(dir, 'bulletin.pdf'),
    html: readFileSync(join(dir, 'bulletin.html'), 'utf8'),
    stats: JSON.parse(readFileSync(join(dir, 'stats.json'), 'utf8')),
  };
}

export const pages = (pdf: string): number => Number(pdfInfo(pdf).Pages);
export const compactPage = (pdf: string, p: number): string[] =>
  pageText(pdf, p, true)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ''));

/** For each page, how many of `rows` (whole lines of the laid-out text) it holds; pages without any left out. */
export function rowsPerPage(pdf: string, rows: readonly string[]): Array<{ page: number; rows: number }> {
  const out = [];
  for (let p = 1; p <= pages(pdf); p++) {
    const lines = compactPage(pdf, p);
    const found = rows.filter((r) => lines.includes(r));
    if (found.length) out.push({ page: p, rows: found.length });
  }
  return out;
}

/** Share of the page's text area left empty below its last line of text (the page number is outside it). */
export function emptyShare(pdf: string): number[] {
  const xml = pdfTool('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], pdf);
  return [...xml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map(([, body]) => {
    const bottoms = [...body!.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)]
      .map((m) => [Number(m[1]), Number(m[2])] as const)
      .filter(([top, bottom]) => top > PAGE_AREA.top - 5 && bottom < PAGE_AREA.bottom + 5)
      .map(([, bottom]) => bottom);
    const last = Math.max(PAGE_AREA.top, ...bottoms);
    return (PAGE_AREA.bottom - last) / (PAGE_AREA.bottom - PAGE_AREA.top);
  });
}

/** Every token that must not break (numbers with units, dates, phones, e-mails, 《》 titles) is on one line. */
export function tokensSplit(built: Built): string[] {
  const text = built.html
    // Headings are left to text-wrap: balance (see nowrap.ts).
    .replace(/<style[\s\S]*?<\/style>|<svg[\s\S]*?<\/svg>|<title>[\s\S]*?<\/title>|<h[1-6]\b[\s\S]*?<\/h[1-6]>/g, '')
    .replace(/<[^>]*>/g, ' ');
  const tokens = [...new Set(text.match(TOKEN) ?? [])];
  const lines = pdfTool('pdftotext', ['-enc', 'UTF-8', built.pdf, '-'], built.pdf)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ''));
  // Each occurrence counts: a token printed whole once and split elsewhere is found. The PDF
  // may hold more (headings, running header, page numbers, chart labels), never fewer.
  const count = (s: string, t: string) => s.split(t).length - 1;
  // Counted within each piece of text between tags, as the token can span none.
  const pieces = text.split(/\s+/);
  const inText = (t: string) => pieces.reduce((a, p) => a + count(p, t), 0);
  return tokens
    .filter((t) => lines.reduce((a, l) => a + count(l, t), 0) < inText(t))
    .map((t) => `${t} (${inText(t)} in the text)`);
}

export const bbox = (pdf: string): string[] =>
  [...pdfTool('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], pdf).matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map(
    (m) => m[1]!,
  );
/** Top (yMin) of the first word on `page` matching `re`, in points. */
export const topOf = (page: string, re: RegExp): number | undefined => {
  const m = [...page.matchAll(/yMin="([\d.]+)"[^>]*>([^<]*)</g)].find((w) => re.test(w[2]!));
  return m ? Number(m[1]) : undefined;
};
export const AREA = PAGE_AREA.bottom - PAGE_AREA.top;
