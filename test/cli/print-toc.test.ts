/**
 * The printed 本期要目 (issue 16): every entry, one line or wrapped, ends in
 * a dot leader running from its text to its page number, and is a PDF link
 * to the page that number names. Measured on the shared sample PDF: the
 * words' boxes from pdftotext, the leader's dots in a rendering of page 1
 * (a dotted border is drawn, not text), the links from the page's annotations.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { pageLinks } from '../helpers/pdf.js';
import { sampleBuild } from '../helpers/sample-build.js';

let samplePdf: string;
const pdf = (): string => samplePdf;
beforeAll(async () => {
  samplePdf = join((await sampleBuild()).out, 'bulletin.pdf');
});
const PAGE_HEIGHT = 841.92;
const SCALE = 2; // pixels a point at 144 dpi

interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

interface Entry {
  lines: number;
  /** End of the entry's text on its last line, and the page number there. */
  textEnd: number;
  number: Word;
}

/** The 本期要目 entries of page 1: from each ● to the page number ending it. */
function entries(path: string): Entry[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', '-enc', 'UTF-8', path, '-'], {
    encoding: 'utf8',
  });
  const words: Word[] = [
    ...xml.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g),
  ].map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5]! }));
  const out: Entry[] = [];
  let start: Word | null = null;
  for (const w of words) {
    if (w.text === '●') start = w;
    else if (start && /^\d+$/.test(w.text) && w.x0 > 400) {
      const line = words.filter((o) => Math.abs(o.y0 - w.y0) < 1 && o.x1 < w.x0 - 1);
      const lines = new Set(
        words.filter((o) => o.y0 >= start!.y0 - 4 && o.y0 <= w.y0 + 1).map((o) => Math.round(o.y0)),
      );
      out.push({ lines: lines.size - 1, textEnd: Math.max(...line.map((o) => o.x1)), number: w });
      start = null;
    }
  }
  return out;
}

/** Page 1 in grey at 144 dpi: a lookup of each pixel's darkness (0 white, 255 black). */
function page1(path: string): (x: number, y: number) => number {
  const base = join(tempDir(), 'p');
  execFileSync('pdftoppm', ['-gray', '-r', '144', '-f', '1', '-l', '1', '-singlefile', path, base]);
  const pgm = readFileSync(`${base}.pgm`);
  const [, w, h, max] = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const header = pgm.length - Number(w) * Number(h);
  return (x, y) => 255 - pgm[header + Math.round(y) * Number(w) + Math.round(x)]! * (255 / Number(max));
}

/** Dark runs along the pixel row that has most of them between x0 and x1 (points) within the line y0..y1. */
function dots(dark: (x: number, y: number) => number, x0: number, x1: number, y0: number, y1: number) {
  let best = { runs: 0, first: Infinity, last: -Infinity };
  for (let y = y0 * SCALE; y <= y1 * SCALE; y++) {
    let runs = 0;
    let first = Infinity;
    let last = -Infinity;
    let inRun = false;
    for (let x = x0 * SCALE; x <= x1 * SCALE; x++) {
      const on = dark(x, y) > 80;
      if (on && !inRun) runs++;
      if (on) [first, last] = [Math.min(first, x / SCALE), x / SCALE];
      inRun = on;
    }
    if (runs > best.runs) best = { runs, first, last };
  }
  return best;
}

describe('the printed 本期要目', () => {
  it('gives every entry a dot leader from its text to its page number, wrapped entries too', () => {
    const list = entries(pdf());
    expect(list.length).toBe(7);
    expect(list.filter((e) => e.lines > 1).length, 'the sample has entries that wrap').toBeGreaterThanOrEqual(2);
    const dark = page1(pdf());
    for (const e of list) {
      const { x0, y0, y1 } = e.number;
      const leader = dots(dark, e.textEnd + 1, x0 - 1, y0, y1);
      const span = x0 - e.textEnd;
      // A dotted 0.75 pt rule: a dot every 1.5 pt or so; at least one every 4 pt, end to end.
      expect(leader.runs, `${e.number.text}: ${JSON.stringify(leader)}`).toBeGreaterThan(span / 4);
      expect(leader.first - e.textEnd, `leader starts after the text (${e.number.text})`).toBeLessThan(12);
      expect(x0 - leader.last, `leader reaches the number (${e.number.text})`).toBeLessThan(12);
    }
  });

  it('makes every entry a link, over its text and number, to the page that number names', async () => {
    const list = entries(pdf());
    const links = await pageLinks(pdf(), 1);
    expect(links.length).toBe(list.length);
    links.forEach((link, i) => {
      const e = list[i]!;
      expect(link.page, link.dest).toBe(Number(e.number.text));
      const [x1, y1, x2, y2] = link.rect as [number, number, number, number];
      // The number's box lies inside the link's rectangle (PDF y runs up from the foot).
      expect(x1 <= e.number.x0 + 1 && x2 >= e.number.x1 - 1, link.dest).toBe(true);
      expect(y1 <= PAGE_HEIGHT - e.number.y1 + 2 && y2 >= PAGE_HEIGHT - e.number.y0 - 2, link.dest).toBe(true);
    });
  });
});
