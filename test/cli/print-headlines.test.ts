/**
 * Print headlines (issue 16): balanced, broken only between words (the
 * words Intl.Segmenter finds), no line of one or two characters, and the
 * word joiners that keep words whole (src/render/headline-words.ts) never
 * reach the PDF's text or bookmarks. Measured on the shared sample PDF.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headlinePieces } from '../../src/render/headline-words.js';
import { sampleBuild } from '../helpers/sample-build.js';
import { pdfText } from '../helpers/pdf.js';

const pdf = (): string => join(sampleBuild().out, 'bulletin.pdf');

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

describe('print headlines on the sample', () => {
  it('keep the bookmark titles and the text free of word joiners', () => {
    const titles = bookmarkTitles(pdf());
    expect(titles.length).toBeGreaterThan(10);
    for (const t of titles) expect(t, t).not.toMatch(/[\u2060\ufeff]/u);
    expect(titles).toContain('省市场监管局党组书记、局长向曙光到省局缺陷产品召回服务中心检查调研');
    expect(pdfText(pdf())).not.toMatch(/\u2060/u);
  });

  it('break only between words, never leaving one or two characters on a line', () => {
    const lines = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf(), '-'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.replace(/\s+/g, ''));
    const wrapped: string[][] = [];
    for (const title of bookmarkTitles(pdf())) {
      const headline = title.replace(/\s+/g, '');
      const printed = printedLines(lines, headline);
      expect(printed, `${headline} is printed on whole lines`).not.toBeNull();
      if (!printed || printed.length < 2) continue;
      wrapped.push(printed);
      const ends = wordEnds(headline);
      let at = 0;
      for (const line of printed.slice(0, -1)) {
        at += [...line].length;
        expect(ends.has(at), `${printed.join(' / ')}: a break inside a word`).toBe(true);
      }
      for (const line of printed) expect([...line].length, printed.join(' / ')).toBeGreaterThanOrEqual(3);
      // Balanced: the longest line is as short as the words allow (one character's slack for punctuation).
      const longest = Math.max(...printed.map((l) => [...l].length));
      expect(longest, printed.join(' / ')).toBeLessThanOrEqual(
        bestLongestLine(headlinePieces(headline), printed.length) + 1,
      );
    }
    // The sample's two long news headlines wrap; the check above must have had something to measure.
    expect(wrapped.length).toBeGreaterThanOrEqual(2);
  });
});
