import { describe, expect, it } from 'vitest';
import { layOutTable, mapTables, markerFor, nextSplits } from '../../src/render/table-layout.js';
import { table } from '../../src/render/view-table.js';

const t = table('t', '表1', ['a'], ['name'], [['r0'], ['r1'], ['r2'], ['r3'], ['r4']], ['合计']);

/** Marker pages where rows land on the given pages (index = row, total last). */
function pagesFor(pageOfRow: number[]): (marker: string) => number {
  const pages = new Map(pageOfRow.map((p, i) => [markerFor('t', i), p]));
  return (m) => pages.get(m) ?? -1;
}

describe('layOutTable', () => {
  it('splits before the given rows; later parts are continuations and the total goes last', () => {
    const l = layOutTable(t, [2, 4], false);
    expect(
      l.parts.map((p) => [p.continued, p.rows.map((r) => r.cells[0]?.text), p.total?.cells[0]?.text ?? null]),
    ).toEqual([
      [false, ['r0', 'r1'], null],
      [true, ['r2', 'r3'], null],
      [true, ['r4'], '合计'],
    ]);
  });

  it('tags rows and the total with markers only when measuring', () => {
    const at = (i: number) => `https://row-marker.invalid/t.${i}`;
    expect(layOutTable(t, [], true).parts[0]?.rows.map((r) => r.marker)).toEqual([0, 1, 2, 3, 4].map(at));
    expect(layOutTable(t, [], true).parts[0]?.total?.marker).toBe(at(5));
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

  it('ignores rows whose marker was not printed', () => {
    expect(nextSplits(layOutTable(t, [], true), pagesFor([0, 0, -1, 1, 1, 1]))).toEqual([3]);
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
