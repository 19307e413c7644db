/**
 * The print layout rules, measured on the PDFs: the 2022Q3 sample and a
 * generated long issue (scripts/make-long-issue.mjs: 400 recalls, a 30-row
 * 表2 with 40-character company names and long descriptions).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TOKEN } from '../../src/render/nowrap.js';
import { PAGE_AREA } from '../../src/render/table-layout.js';
import { bulletin, ROOT, tempDir } from '../helpers/cli.js';
import { sampleBuild } from '../helpers/sample-build.js';
import { pageText, pdfInfo } from '../helpers/pdf.js';

interface Built {
  pdf: string;
  html: string;
  stats: {
    byCategory: Array<{ name: string; code: string; recalls: number; quantity: number }>;
    byRegion: Array<{ short: string; manufacturers: number; quantity: number }>;
    totals: { recalls: number; quantity: number; manufacturers: number };
  };
}

async function build(quarter: string, data: string): Promise<Built> {
  const out = tempDir();
  const r = await bulletin(['build', '--quarter', quarter, '--out', out, '--json', '--data', data]);
  if (r.code !== 0) throw new Error(`build failed (${r.code}): ${r.stderr}`);
  return read(join(out, quarter));
}

function read(dir: string): Built {
  return {
    pdf: join(dir, 'bulletin.pdf'),
    html: readFileSync(join(dir, 'bulletin.html'), 'utf8'),
    stats: JSON.parse(readFileSync(join(dir, 'stats.json'), 'utf8')),
  };
}

const pages = (pdf: string): number => Number(pdfInfo(pdf).Pages);
const compactPage = (pdf: string, p: number): string[] =>
  pageText(pdf, p, true)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ''));

/** For each page, how many of `rows` (whole lines of the laid-out text) it holds; pages without any left out. */
function rowsPerPage(pdf: string, rows: readonly string[]): Array<{ page: number; rows: number }> {
  const out = [];
  for (let p = 1; p <= pages(pdf); p++) {
    const lines = compactPage(pdf, p);
    const found = rows.filter((r) => lines.includes(r));
    if (found.length) out.push({ page: p, rows: found.length });
  }
  return out;
}

/** Share of the page's text area left empty below its last line of text (the page number is outside it). */
function emptyShare(pdf: string): number[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
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
function tokensSplit(built: Built): string[] {
  const text = built.html
    // Headings are left to text-wrap: balance (see nowrap.ts).
    .replace(/<style[\s\S]*?<\/style>|<svg[\s\S]*?<\/svg>|<title>[\s\S]*?<\/title>|<h[1-6]\b[\s\S]*?<\/h[1-6]>/g, '')
    .replace(/<[^>]*>/g, ' ');
  const tokens = [...new Set(text.match(TOKEN) ?? [])];
  const lines = execFileSync('pdftotext', ['-enc', 'UTF-8', built.pdf, '-'], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.replace(/\s+/g, ''));
  return tokens.filter((t) => !lines.some((l) => l.includes(t)));
}

let sample: Built;
let long: Built;

beforeAll(async () => {
  const data = tempDir('bulletin-long-');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'make-long-issue.mjs'), data], { cwd: ROOT });
  sample = read(sampleBuild().out); // built once for the run (test/sample-pdf-setup.ts)
  long = await build('2022Q2', data);
}, 400_000);

describe('print layout rules', () => {
  it.each(['sample', 'long'])(
    'splits no table of the %s issue into a part of fewer than three rows, never a total alone',
    (which) => {
      const built = which === 'sample' ? sample : long;
      const s = built.stats;
      const tables = {
        categories: [...s.byCategory.map((c) => `${c.name}${c.code}${c.recalls}${c.quantity}`)],
        regions: s.byRegion.map((r, i) => `${i + 1}${r.short}${r.manufacturers}${r.quantity}`),
      };
      for (const [name, rows] of Object.entries(tables)) {
        const parts = rowsPerPage(built.pdf, rows);
        expect(
          parts.reduce((a, p) => a + p.rows, 0),
          name,
        ).toBe(rows.length);
        if (parts.length > 1)
          for (const p of parts) expect(p.rows, `${name} ${JSON.stringify(parts)}`).toBeGreaterThanOrEqual(3);
      }
      // The total follows the last row on its page: never alone.
      const total = `合计${s.totals.recalls}${s.totals.quantity}`;
      for (const rows of Object.values(tables)) {
        const last = rowsPerPage(built.pdf, [rows.at(-1)!])[0]!.page;
        expect(compactPage(built.pdf, last)).toContain(total);
      }
    },
  );

  it('splits the long issue’s 30-row 表2 into parts of at least three rows', () => {
    const rows = Array.from({ length: 30 }, (_, k) => k * 13 + 1).map(
      (i) => `recall${String(i).padStart(3, '0')}@example.com`,
    );
    const parts = [];
    for (let p = 1; p <= pages(long.pdf); p++) {
      const text = pageText(long.pdf, p).replace(/\s+/g, '');
      const n = rows.filter((r) => text.includes(r)).length;
      if (n) parts.push(n);
    }
    expect(parts.reduce((a, b) => a + b, 0)).toBe(30);
    expect(parts.length).toBeGreaterThan(1);
    for (const n of parts) expect(n, JSON.stringify(parts)).toBeGreaterThanOrEqual(3);
  });

  it('breaks no line inside a number with its unit, a date, a phone number, an e-mail address or a 《》 title', () => {
    expect(tokensSplit(sample)).toEqual([]);
    expect(tokensSplit(long)).toEqual([]);
  });

  it.each(['sample', 'long'])(
    'leaves no page of the %s issue more than a quarter empty, except the last of a section',
    (which) => {
      const pdf = which === 'sample' ? sample.pdf : long.pdf;
      const shares = emptyShare(pdf);
      const sectionLast = (p: number) =>
        p === shares.length ||
        compactPage(pdf, p + 1)
          .slice(0, 4)
          .some((l) => l.startsWith('【'));
      const over = shares
        .map((s, i) => ({ page: i + 1, empty: Math.round(s * 100) }))
        .filter((x) => x.empty > 25 && !sectionLast(x.page));
      expect(over).toEqual([]);
    },
  );

  it('makes no row of the long issue’s 表2 taller than a third of the page (its text fits narrower rows)', () => {
    const xml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', long.pdf, '-'], { encoding: 'utf8' });
    const heights = [...xml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].flatMap(([, body]) => {
      // Each case row ends its description with its e-mail address: one per row, at the row's foot.
      const ys = [...body!.matchAll(/yMin="([\d.]+)"[^>]*>recall\d{3}@example\.com/g)].map((m) => Number(m[1]));
      return ys.slice(1).map((y, i) => y - ys[i]!);
    });
    expect(heights.length).toBeGreaterThan(20);
    expect(Math.max(...heights)).toBeLessThanOrEqual((PAGE_AREA.bottom - PAGE_AREA.top) / 3);
  });

  it.each(['sample', 'long'])(
    'ends no paragraph of the %s issue with one character alone on its last line',
    (which) => {
      const pdf = which === 'sample' ? sample.pdf : long.pdf;
      const xml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      const pagesOf = [...xml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map(([, body]) =>
        [...body!.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</g)].map((m) => ({
          x: Number(m[1]),
          y: Number(m[2]),
          text: m[3]!,
        })),
      );
      // A body line starts at the left margin (28 mm); chart labels and table cells do not.
      const alone = pagesOf.flatMap((words, p) =>
        words
          .filter(
            (w, i) =>
              Math.abs(w.x - 79.4) < 1.5 &&
              /^\p{Script=Han}[。；，、）”]?$/u.test(w.text) &&
              !words.some((o, j) => j !== i && Math.abs(o.y - w.y) < 1 && o.x > w.x),
          )
          .map((w) => `page ${p + 1}: ${w.text}`),
      );
      expect(alone).toEqual([]);
    },
  );
});
