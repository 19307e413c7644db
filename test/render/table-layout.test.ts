import { describe, expect, it } from 'vitest';
import { layOutTable, mapTables, markerFor, nextSplits } from '../../src/render/table-layout.js';
import { table } from '../../src/render/view-table.js';

const t = table('t', '表1', ['a'], ['name'], [['r0'], ['r1'], ['r2'], ['r3'], ['r4']], ['合计']);

/** Page texts where rows land on the given pages (index = row, total last). */
function pagesFor(pageOfRow: number[]): string[] {
  const pages: string[] = [];
  pageOfRow.forEach((p, i) => (pages[p] = `${pages[p] ?? ''}${markerFor('t', i)}`));
  return Array.from(pages, (p) => p ?? '');
}

describe('layOutTable', () => {
  it('splits before the given rows; later parts are continuations and the total goes last', () => {
    const l = layOutTable(t, [2, 4], false);
    expect(l.parts.map((p) => [p.continued, p.rows.map((r) => r.cells[0]?.text), p.total?.cells[0]?.text ?? null])).toEqual([
      [false, ['r0', 'r1'], null],
      [true, ['r2', 'r3'], null],
      [true, ['r4'], '合计'],
    ]);
  });

  it('tags rows and the total with markers only when measuring', () => {
    expect(layOutTable(t, [], true).parts[0]?.rows.map((r) => r.marker)).toEqual(['[[t.0]]', '[[t.1]]', '[[t.2]]', '[[t.3]]', '[[t.4]]']);
    expect(layOutTable(t, [], true).parts[0]?.total?.marker).toBe('[[t.5]]');
    expect(layOutTable(t, [], false).parts[0]?.rows.every((r) => r.marker === null)).toBe(true);
  });
});

describe('nextSplits', () => {
  it('splits where the page changed', () => {
    expect(nextSplits(layOutTable(t, [], true), pagesFor([0, 0, 0, 1, 1, 1]))).toEqual([3]);
  });

  it('splits exactly where the page broke, even before the total row, so nothing after it moves', () => {
    expect(nextSplits(layOutTable(t, [], true), pagesFor([0, 0, 0, 0, 0, 1]))).toEqual([5]);
  });

  it('drops a split made stale by content that moved down', () => {
    // Split at 4 from an earlier pass, but now the first part already breaks at 3.
    const laid = layOutTable(t, [4], true);
    expect(nextSplits(laid, pagesFor([0, 0, 0, 1, 2, 2]))).toEqual([3]);
  });

  it('keeps splits that still hold', () => {
    expect(nextSplits(layOutTable(t, [3], true), pagesFor([0, 0, 0, 1, 1, 1]))).toEqual([3]);
  });
});

describe('mapTables', () => {
  it('finds tables anywhere in a view', () => {
    const view = { a: [{ b: t }], c: { d: t }, e: 'x' };
    const ids: string[] = [];
    mapTables(view, (x) => (ids.push(x.id), x));
    expect(ids).toEqual(['t', 't']);
  });
});
