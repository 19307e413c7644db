/**
 * The pagination model with synthetic marker positions: sizes measured from
 * a print, pages played again for another layout (page-model.ts,
 * page-measure.ts), and the print another layout would give
 * (page-predict.ts), checked against positions worked out by hand from the
 * page area (PAGE_AREA: text from 79.4 pt to 768.2 pt).
 */
import { describe, expect, it } from 'vitest';
import { measure } from '../../src/render/page-measure.js';
import { LINE, paginate, type Pos, type TableUnit, type Unit } from '../../src/render/page-model.js';
import { predictPrint, type Units } from '../../src/render/page-predict.js';
import type { PdfLayout } from '../../src/render/pdf-file.js';
import { PAGE_AREA } from '../../src/render/table-layout.js';
import { text } from '../helpers/page-units.js';

const area = PAGE_AREA;
const table = (id: string, rows: number, cuts: number[] = [], whole = false): TableUnit => ({
  kind: 'table',
  id: `${id}.-1`,
  before: `${id}.-1`,
  rows: Array.from({ length: rows }, (_, i) => `${id}.${i}`),
  after: `${id}.${rows}`,
  cuts,
  whole,
});
const near = (p: Pos | undefined, page: number, top: number) => {
  expect(p?.page).toBe(page);
  expect(p?.top).toBeCloseTo(top, 1);
};
const at = (pos: Record<string, [number, number]>) => (m: string) => {
  const p = pos[m];
  return p && { page: p[0], top: p[1] };
};
/** A print's read-back from marker → [page, top]. */
function print(pos: Record<string, [number, number]>, pageCount = 3): PdfLayout {
  return {
    pageCount,
    outline: [],
    markers: new Map(Object.entries(pos).map(([m, [p]]) => [m, p])),
    markerTops: new Map(Object.entries(pos).map(([m, [, t]]) => [m, t])),
  };
}
/** Table `id` printed from `top` of page `page`: before marker, head 43.6, rows of 20 pt, Chromium's breaks. */
function printedTable(id: string, rows: number, page: number, top: number): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = { [`${id}.-1`]: [page, top] };
  let [p, y] = [page, top + 43.6];
  for (let i = 0; i < rows; i++) {
    if (y + 20 > area.bottom) [p, y] = [p + 1, area.top + 41.4];
    out[`${id}.${i}`] = [p, y];
    y += 20;
  }
  out[`${id}.${rows}`] = [p, y + 12];
  return out;
}

describe('measuring a print', () => {
  it('takes lines from a paragraph, rows from their tops, the last row from the marker after the table', () => {
    const pos = { 'a.start': [0, 100], 'a.end': [0, 100 + 3 * LINE + 7.2] } as Record<string, [number, number]>;
    expect(measure(text('a'), at(pos), area)).toEqual([3]);
    const t: Record<string, [number, number]> = {
      't.-1': [0, 600],
      't.0': [0, 643.6],
      't.1': [0, 663.6],
      't.2': [1, 120.8],
      't.3': [1, 150.8],
    };
    const sizes = measure(table('t', 3), at(t), area)!;
    // First head 43.6, repeated head 41.4; row 1 ends its page (taken at the others' median), row 2 from `after`.
    expect(sizes.map((x) => Math.round(x * 10) / 10)).toEqual([43.6, 41.4, 20, 20, 18]);
  });

  it('counts the lines of a paragraph broken across pages', () => {
    const pos: Record<string, [number, number]> = {
      'a.start': [0, area.bottom - 2 * LINE],
      'a.end': [1, area.top + 3 * LINE + 7.2],
    };
    expect(measure(text('a'), at(pos), area)).toEqual([5]);
  });
});

describe('playing the pages', () => {
  it('breaks a paragraph between lines and moves a table kept whole to the next page, its marker left behind', () => {
    const played = paginate(
      [
        { unit: text('a'), glue: 0, keep: false, size: [5] },
        { unit: table('t', 10, [], true), glue: 0, keep: false, size: [43.6, 41.4, ...Array<number>(10).fill(20)] },
      ],
      { page: 0, top: area.bottom - 2 * LINE },
      area,
    );
    near(played.at.get('a.end'), 1, area.top + 3 * LINE + 7.2);
    // 43.6 + 200 fits below the paragraph: the table stays on page 1.
    near(played.at.get('t.0'), 1, area.top + 3 * LINE + 7.2 + 43.6);
    const full = paginate(
      [{ unit: table('t', 10, [], true), glue: 0, keep: false, size: [43.6, 41.4, ...Array<number>(10).fill(20)] }],
      { page: 0, top: 600 },
      area,
    );
    expect(full.at.get('t.-1')).toEqual({ page: 0, top: 600 });
    near(full.at.get('t.0'), 1, area.top + 41.4);
    expect(full.content.get('t.-1')).toBe(1);
  });

  it('starts a continued part on a new page under the repeated header, and breaks rows that do not fit', () => {
    const played = paginate(
      [{ unit: table('t', 40, [5]), glue: 0, keep: false, size: [43.6, 41.4, ...Array<number>(40).fill(20)] }],
      { page: 0, top: 100 },
      area,
    );
    near(played.at.get('t.4'), 0, 100 + 43.6 + 4 * 20);
    near(played.at.get('t.5'), 1, area.top + 41.4);
    // (768.2 - 120.8) / 20 = 32.4: rows 5..36 on page 1, row 37 on page 2.
    expect(played.at.get('t.36')?.page).toBe(1);
    near(played.at.get('t.37'), 2, area.top + 41.4);
  });

  it('keeps a title with the start of what follows it, and a heading before a unit with the unit', () => {
    const title: Unit = { kind: 'head', id: 'h.start', start: 'h.start', end: 'p.start', scale: 100 };
    const picture: Unit = { kind: 'box', id: 'p.start', start: 'p.start', end: 'p.end', scale: 100 };
    const played = paginate(
      [
        { unit: title, glue: 0, keep: false, size: [40] },
        { unit: picture, glue: 0, keep: false, size: [200] },
      ],
      { page: 0, top: 600 },
      area,
    );
    expect(played.content.get('h.start')).toBe(1);
    near(played.at.get('p.end'), 1, area.top + 240);
    const kept = paginate([{ unit: text('a'), glue: 60, keep: true, size: [2] }], { page: 0, top: 720 }, area);
    near(kept.at.get('a.start'), 1, area.top + 60);
    const flowing = paginate([{ unit: text('a'), glue: 60, keep: false, size: [2] }], { page: 0, top: 720 }, area);
    near(flowing.at.get('a.start'), 1, area.top + 60 - (area.bottom - 720));
  });
});

describe('predicting the print of another layout', () => {
  const units = (t: TableUnit): Units => ({ flows: [[text('a'), t, text('b')]], others: [], kept: [], anchors: {} });
  // Paragraph a (1 line) at 500, table t of 14 rows broken by Chromium after row 10, paragraph b below it.
  const tablePos = printedTable('t', 14, 0, 500 + LINE + 7.2);
  const end = tablePos['t.14']!;
  const pos = {
    'a.start': [0, 500],
    'a.end': [0, 500 + LINE + 7.2],
    ...tablePos,
    'b.start': end,
    'b.end': [end[0], end[1] + 2 * LINE + 7.2],
  } as Record<string, [number, number]>;

  it('keeps what comes before the first change, moves a table kept whole and what follows it', () => {
    // Chromium broke it before row 9.
    near({ page: tablePos['t.9']![0], top: tablePos['t.9']![1] }, 1, area.top + 41.4);
    const p = predictPrint(print(pos), units(table('t', 14)), units(table('t', 14, [], true)), area)!;
    const top = (m: string): Pos => ({ page: p.markers.get(m)!, top: p.markerTops.get(m)! });
    expect(top('a.end')).toEqual({ page: 0, top: 500 + LINE + 7.2 });
    expect(top('t.-1')).toEqual({ page: 0, top: 500 + LINE + 7.2 });
    expect(top('t.0').page).toBe(1);
    expect(top('t.0').top).toBeCloseTo(area.top + 41.4, 1);
    expect(top('t.13').top).toBeCloseTo(area.top + 41.4 + 13 * 20, 1);
    expect(top('b.start').top).toBeCloseTo(area.top + 41.4 + 14 * 20 + 12, 1);
  });

  it('gives back the print itself for the same layout; leaves out a block whose markers did not print', () => {
    const same = units(table('t', 14));
    expect(predictPrint(print(pos), same, same, area)).toEqual(print(pos));
    // A template without b's start marker: b is left out, the table is still predicted.
    const { ['b.start']: _gone, ...lost } = pos;
    const p = predictPrint(print(lost), same, units(table('t', 14, [], true)), area)!;
    expect(p.markers.get('t.0')).toBe(1);
    expect(p.markers.has('b.start')).toBe(false);
    // Nothing measured at all: no prediction.
    expect(predictPrint(print({}), same, units(table('t', 14, [], true)), area)).toBeNull();
  });

  it('shifts what follows by whole pages once a unit ends where it ended on the print', () => {
    // Table u after t: 20 rows, then a continued part of 3 rows (cut before row 20), starting a page on both.
    const u: Record<string, [number, number]> = { 'u.-1': [1, tablePos['t.14']![1]] };
    let [pg, y] = [1, tablePos['t.14']![1] + 43.6];
    for (let i = 0; i < 23; i++) {
      if (i === 20) [pg, y] = [pg + 1, area.top + 41.4];
      u[`u.${i}`] = [pg, y];
      y += 20;
    }
    u['u.23'] = [pg, y + 12];
    const read = { ...print({ ...pos, ...u }, 4), outline: [{ title: 'x', page: 4 }] };
    const with_ = (t: TableUnit): Units => ({ ...units(t), flows: [[text('a'), t, table('u', 23, [20])]] });
    const p = predictPrint(read, with_(table('t', 14)), with_(table('t', 14, [], true)), area)!;
    // Kept whole, t takes page 1: u's first part runs over onto page 2, its continued part starts page 3.
    expect(p.markers.get('u.20')).toBe(3);
    expect(p.markerTops.get('u.20')).toBeCloseTo(area.top + 41.4, 1);
    expect(p.outline).toEqual([{ title: 'x', page: 5 }]);
    expect(p.pageCount).toBe(5);
  });
});
