/**
 * Looking ahead (page-foresee.ts): the rules choose again on the print the
 * model predicts until they agree with themselves; and the article markers
 * the model reads the articles by (article-marks.ts).
 */
import { describe, expect, it } from 'vitest';
import { articleUnits, markArticle } from '../../src/render/article-marks.js';
import { foresee } from '../../src/render/page-foresee.js';
import type { Units } from '../../src/render/page-predict.js';
import type { PdfLayout } from '../../src/render/pdf-file.js';
import { PAGE_AREA } from '../../src/render/table-layout.js';
import { text } from '../helpers/page-units.js';
import type { ArticleView } from '../../src/render/view-bulletin.js';

const area = PAGE_AREA;
/** Rows (20 pt each) of the two tables after paragraph a. */
const ROWS: Record<string, number> = { t: 28, u: 10 };
/** Paragraph a, then table t, then table u; a layout says which tables are kept whole. */
const units = (whole: readonly string[]): Units => ({
  flows: [
    [
      text('a'),
      ...['t', 'u'].map((id) => ({
        kind: 'table' as const,
        id: `${id}.-1`,
        before: `${id}.-1`,
        rows: Array.from({ length: ROWS[id]! }, (_, i) => `${id}.${i}`),
        after: `${id}.${ROWS[id]}`,
        cuts: [],
        whole: whole.includes(id),
      })),
    ],
  ],
  others: [],
  kept: [],
  anchors: {},
});

/** The print of the layout that keeps nothing whole: a at 300, t broken before row 19, u whole below it. */
function firstPrint(): PdfLayout {
  const pos: Array<[string, number, number]> = [
    ['a.start', 0, 300],
    ['a.end', 0, 328.2],
  ];
  let [page, y] = [0, 328.2];
  for (const id of ['t', 'u']) {
    pos.push([`${id}.-1`, page, y]);
    y += 43.6;
    for (let i = 0; i < ROWS[id]!; i++) {
      if (y + 20 > area.bottom) [page, y] = [page + 1, area.top + 41.4];
      pos.push([`${id}.${i}`, page, y]);
      y += 20;
    }
    y += 12;
    pos.push([`${id}.${ROWS[id]}`, page, y]);
  }
  return {
    pageCount: page + 1,
    outline: [],
    markers: new Map(pos.map(([m, p]) => [m, p])),
    markerTops: new Map(pos.map(([m, , t]) => [m, t])),
  };
}

/** Toy rules: a table that broke across pages is kept whole from then on. */
function decide(whole: readonly string[], read: PdfLayout): string[] {
  const broke = (id: string) => read.markers.get(`${id}.0`) !== read.markers.get(`${id}.${ROWS[id]! - 1}`);
  return ['t', 'u'].filter((id) => whole.includes(id) || broke(id));
}
const same = (a: readonly string[], b: readonly string[]) => a.join() === b.join();

describe('looking ahead', () => {
  it('finds in one go what one step a print finds in two: t kept whole moves u, which then breaks', () => {
    const read = firstPrint();
    // From the print, the rules keep only t whole (u fitted on its page)…
    expect(decide([], read)).toEqual(['t']);
    // …but with t on the next page (ending at 680.8) u breaks after its first row: the look-ahead keeps both whole at once.
    expect(foresee(read, [] as string[], ['t'], units, decide, same, area)).toEqual(['t', 'u']);
  });

  it('gives up when the model cannot measure the print', () => {
    const read = { ...firstPrint(), markers: new Map<string, number>(), markerTops: new Map<string, number>() };
    expect(foresee(read, [] as string[], ['t'], units, decide, same, area)).toBeNull();
  });
});

describe('article markers', () => {
  const article: ArticleView = {
    id: 'a-01',
    heading: '标题',
    subtitle: null,
    html: '<figure class="photo"><img src="data:,"></figure>\n<p>第一段。</p>\n<h5 class="article-heading">小标题</h5>\n<p>第二段。</p>\n',
    blocks: () => [],
    start: null,
    end: null,
  };

  it('marks the article and each block of its body, and reads them back as the model’s units', () => {
    const marked = markArticle(article, (id) => `m/${id}`);
    expect(marked.start).toBe('m/a-01.0');
    expect(marked.end).toBe('m/a-01.end');
    expect(marked.html.match(/<a class="pg-end" href="m\/a-01\.\d"><\/a></g)).toHaveLength(4);
    expect(marked.html.replace(/<a class="pg-end" href="[^"]+"><\/a>/g, '')).toBe(article.html);
    const u = articleUnits(marked);
    expect(u.map((x) => [x.kind, x.start, x.end])).toEqual([
      ['head', 'm/a-01.0', 'm/a-01.1'],
      ['box', 'm/a-01.1', 'm/a-01.2'],
      ['text', 'm/a-01.2', 'm/a-01.3'],
      ['head', 'm/a-01.3', 'm/a-01.4'],
      ['text', 'm/a-01.4', 'm/a-01.end'],
    ]);
    expect(articleUnits(article)).toEqual([]);
  });
});
