/**
 * Print headlines (issue 16): balanced, broken only between words (the
 * words Intl.Segmenter finds), no line of one or two characters, and the
 * word joiners that keep words whole (src/render/headline-words.ts) never
 * reach the PDF's text or bookmarks. Measured on the shared sample PDF.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { headlinePieces } from '../../src/render/headline-words.js';
import { bulletin, ROOT, tempDir } from '../helpers/cli.js';
import { sampleBuild } from '../helpers/sample-build.js';
import { pdfText, pdfTool } from '../helpers/pdf.js';

let samplePdf: string;
const pdf = (): string => samplePdf;
beforeAll(async () => {
  samplePdf = join((await sampleBuild()).out, 'bulletin.pdf');
});

/** Bookmark titles as written in the file, read by qpdf rather than the pdf-lib that wrote them. */
function bookmarkTitles(path: string): string[] {
  type Item = { title: string; kids?: Item[] };
  const json = execFileSync('qpdf', ['--json', '--json-key=outlines', path], { encoding: 'utf8' });
  const flat = (items: Item[]): string[] => items.flatMap((o) => [o.title, ...flat(o.kids ?? [])]);
  return flat((JSON.parse(json) as { outlines: Item[] }).outlines);
}

/** The lines a headline is printed on: consecutive laid-out lines that together are exactly its text. */
function printedLines(lines: readonly string[], headline: string): string[] | null {
  for (let i = 0; i < lines.length; i++) {
    const parts: string[] = [];
    let text = '';
    for (let j = i; j < lines.length && lines[j] && headline.startsWith(text + lines[j]); j++) {
      text += lines[j];
      parts.push(lines[j] as string);
      if (text === headline) return parts;
    }
  }
  return null;
}

/** Offsets (in characters) where Intl.Segmenter ends a word of `text`. */
function wordEnds(text: string): Set<number> {
  const segments = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)];
  return new Set(segments.map((s) => [...text.slice(0, s.index + s.segment.length)].length));
}

/** Character ranges [from, to) of the words of `text` longer than `chars` characters. */
function overlongWords(text: string, chars: number): Array<[number, number]> {
  const segments = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)];
  return segments.flatMap((s) => {
    const from = [...text.slice(0, s.index)].length;
    const length = [...s.segment].length;
    return length > chars ? [[from, from + length] as [number, number]] : [];
  });
}

/**
 * Words printed right of the text area (A4, 26 mm right margin), as `page: word`. A closing
 * mark ending a line (》 ） ”) is set half width there, its ink in the left half of its box:
 * its box may pass the margin by half of it.
 */
function beyondRightMargin(pdf: string): string[] {
  const xml = pdfTool('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], pdf);
  const right = 594.96 - 73.7;
  return [...xml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].flatMap(([, body], p) =>
    [...body!.matchAll(/xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</g)]
      .filter(([, x0, x1, text]) => {
        const closing = /^[》）」』”’。，、；：]$/u.test(text!) ? (Number(x1) - Number(x0)) / 2 : 0;
        return Number(x1) > right + 1 + closing;
      })
      .map((m) => `${p + 1}: ${m[3]}`),
  );
}

/** The least longest line (in characters) of `pieces` set on `lines` lines, each line whole pieces. */
function bestLongestLine(pieces: readonly string[], lines: number): number {
  const width = (from: number, to: number): number => [...pieces.slice(from, to).join('')].length;
  const best = (from: number, left: number): number => {
    if (left === 1) return width(from, pieces.length);
    let out = Infinity;
    for (let to = from + 1; to <= pieces.length - left + 1; to++)
      out = Math.min(out, Math.max(width(from, to), best(to, left - 1)));
    return out;
  };
  return best(0, lines);
}

/** Checks every wrapped headline of `pdf` (its bookmarks); returns the wrapped ones, line by line. */
function checkWrappedHeadlines(pdf: string): string[][] {
  const lines = pdfTool('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], pdf)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ''));
  const wrapped: string[][] = [];
  for (const title of bookmarkTitles(pdf)) {
    const headline = title.replace(/\s+/g, '');
    const printed = printedLines(lines, headline);
    expect(printed, `${headline} is printed on whole lines`).not.toBeNull();
    if (!printed || printed.length < 2) continue;
    wrapped.push(printed);
    const ends = wordEnds(headline);
    // A word longer than any printed line cannot fit on one: only such a word may break.
    const longest = Math.max(...printed.map((l) => [...l].length));
    const overlong = overlongWords(headline, longest);
    let at = 0;
    for (const line of printed.slice(0, -1)) {
      at += [...line].length;
      const inside = overlong.some(([from, to]) => at > from && at < to);
      expect(ends.has(at) || inside, `${printed.join(' / ')}: a break inside a word`).toBe(true);
    }
    for (const line of printed) expect([...line].length, printed.join(' / ')).toBeGreaterThanOrEqual(3);
    // Balanced: the longest line is as short as the words allow (one character's slack for punctuation).
    expect(longest, printed.join(' / ')).toBeLessThanOrEqual(
      bestLongestLine(headlinePieces(headline), printed.length) + 1,
    );
  }
  return wrapped;
}

describe('print headlines on the sample', () => {
  it('keep the bookmark titles and the text free of word joiners', () => {
    const titles = bookmarkTitles(pdf());
    expect(titles.length).toBeGreaterThan(10);
    for (const t of titles) expect(t, t).not.toMatch(/[\u2060\ufeff]/u);
    expect(titles).toContain('省市场监管局党组书记、局长向曙光到省局缺陷产品召回服务中心检查调研');
    expect(pdfText(pdf())).not.toMatch(/\u2060/u);
  });

  it('break only between words, never leaving one or two characters on a line', () => {
    // The sample's two long news headlines wrap; the check must have had something to measure.
    expect(checkWrappedHeadlines(pdf()).length).toBeGreaterThanOrEqual(2);
  });
});

/**
 * Titles that Chromium, breaking between any two characters, printed as
 * 长沙市市/场监督管理局 and 电动自行车缺/陷产品 (measured with the joiners
 * taken out); long enough to wrap under the numbered article heading.
 */
const LONG_TITLES: Record<string, string> = {
  '03-xiangxi-auto-recall-training.md':
    '湖南省缺陷产品召回服务中心联合长沙市市场监督管理局开展儿童用品缺陷产品召回专项检查',
  '04-yongzhou-campus-outreach.md': '株洲市市场监督管理局召开电动自行车缺陷产品召回工作推进会部署下一阶段重点工作',
  '05-yiyang-four-measures.md': '衡阳市局组织辖区生产企业开展消费品召回管理规定宣贯培训并签订质量安全承诺书',
};
/** One word (Intl.Segmenter keeps letters and digits together) wider than the column: it must break, not overflow. */
const LONG_WORD = 'XJ2022ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LONG_WORD_TITLE = `关于召回型号为${LONG_WORD}的电动自行车的情况通报`;

describe('print headlines of longer titles', () => {
  it('break only between words and keep their bookmarks whole', async () => {
    const data = join(tempDir(), 'data');
    cpSync(join(ROOT, 'data'), data, { recursive: true });
    const articles = join(data, '2022Q3', 'articles');
    for (const [file, title] of Object.entries({
      ...LONG_TITLES,
      '06-minqing-express-interview.md': LONG_WORD_TITLE,
    })) {
      const text = readFileSync(join(articles, file), 'utf8');
      writeFileSync(join(articles, file), text.replace(/^title: .*$/m, `title: ${title}`));
    }
    const out = tempDir();
    const args = ['build', '--quarter', '2022Q3', '--format', 'pdf', '--data', data, '--out', out, '--json'];
    const r = await bulletin(args);
    expect(r.code, r.stderr).toBe(0);
    const pdf = join(out, '2022Q3', 'bulletin.pdf');
    const wrapped = checkWrappedHeadlines(pdf).map((lines) => lines.join(''));
    for (const title of Object.values(LONG_TITLES)) expect(wrapped.some((w) => w.endsWith(title))).toBe(true);
    expect(bookmarkTitles(pdf).filter((t) => Object.values(LONG_TITLES).some((l) => t.endsWith(l)))).toHaveLength(3);
    // The overlong word breaks (checked above: only inside itself) and nothing runs past the margin.
    expect(wrapped.some((w) => w.endsWith(LONG_WORD_TITLE))).toBe(true);
    expect(beyondRightMargin(pdf)).toEqual([]);
  }, 240_000); // a whole build, slow on a loaded machine
});
