/**
 * Markers in the articles of a measuring print, so the pagination model
 * (page-model.ts) can play them too and tell the page each article starts
 * on after an earlier table or paragraph moved: one before the article
 * (its title, kept with what follows), one before each block of its body
 * (marked's output starts each on a line: paragraphs, pictures, headings,
 * lists) and one after it. Each stays where the block before it ended
 * (.pg-end: out of the flow). Pure.
 */
import type { BlockUnit } from './page-model.js';
import type { ArticleView } from './view-bulletin.js';

const BLOCK = /^(?=<(?:p|h5|figure|ul|ol|blockquote|table|pre|hr)\b)/gm;
const MARKED = /<a class="pg-end" href="([^"]+)"><\/a><(\w+)/g;

/** The article with its markers, named by `marker`. */
export function markArticle(a: ArticleView, marker: (id: string) => string): ArticleView {
  let k = 0;
  const html = a.html.replace(BLOCK, () => `<a class="pg-end" href="${marker(`${a.id}.${++k}`)}"></a>`);
  return { ...a, html, start: marker(`${a.id}.0`), end: marker(`${a.id}.end`) };
}

/** The model's units of a marked article: its title, then each body block up to the next marker. */
export function articleUnits(a: ArticleView): BlockUnit[] {
  if (!a.start || !a.end) return [];
  const marks = [...a.html.matchAll(MARKED)];
  const starts = [a.start, ...marks.map((m) => m[1] as string)];
  const kinds = ['h2', ...marks.map((m) => m[2] as string)];
  return starts.map((start, i) => ({
    kind: kinds[i] === 'p' ? 'text' : kinds[i] === 'h2' || kinds[i] === 'h5' ? 'head' : 'box',
    id: start,
    start,
    end: starts[i + 1] ?? (a.end as string),
    scale: 100,
  }));
}
