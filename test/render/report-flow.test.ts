import { describe, expect, it } from 'vitest';
import { arrangeFlow, MIN_SCALE, nextFlow, reportFlow, type FlowBlock } from '../../src/render/report-flow.js';
import { PAGE_AREA } from '../../src/render/table-layout.js';
import { table } from '../../src/render/view-table.js';

const t = (id: string) => table(id, id, ['a'], ['name'], [['x']], null);
const flow = reportFlow({
  categoryTable: t('categories'),
  categoryNarrative: '类别',
  regionNarrative: '区域',
  regionTable: t('regions'),
  defectNarrative: '缺陷',
  casesTable: t('cases'),
  charts: { categories: '<svg/>', regions: '<svg/>', defects: '<svg/>' },
});
const ids = (b: readonly FlowBlock[]) => b.map((x) => x.id);
const none = { floats: {}, scales: {} };
const mark = (id: string) => `m:${id}`;
const firstRow = (b: FlowBlock) => (b.table ? `m:row.${b.table.id}` : null);
const area = PAGE_AREA.bottom - PAGE_AREA.top;

/** Where blocks printed: marker → [page, top]. */
function where(at: Record<string, [number, number]>) {
  return { page: (m: string) => at[m]?.[0] ?? -1, top: (m: string) => at[m]?.[1] };
}

describe('the report flow', () => {
  it('keeps the printed order: the sentence that refers to 表1 before it, the cases heading before 表2', () => {
    expect(ids(flow)).toEqual([
      'intro',
      'table-categories',
      'categories',
      'chart-categories',
      'regions',
      'table-regions',
      'chart-regions',
      'defects',
      'chart-defects',
      'cases-heading',
      'table-cases',
    ]);
  });

  it('floats a table past following paragraphs and charts, never past a heading or another table', () => {
    expect(ids(arrangeFlow(flow, { floats: { 'table-categories': 2 }, scales: {} }, null)).slice(0, 4)).toEqual([
      'intro',
      'categories',
      'chart-categories',
      'table-categories',
    ]);
    const far = arrangeFlow(flow, { floats: { 'table-regions': 9 }, scales: {} }, null);
    expect(ids(far).slice(5, 10)).toEqual([
      'chart-regions',
      'defects',
      'chart-defects',
      'table-regions',
      'cases-heading',
    ]);
    // A chart floats past text only: figures keep their order.
    const chart = arrangeFlow(flow, { floats: { 'chart-regions': 5 }, scales: {} }, null);
    expect(ids(chart).slice(6, 9)).toEqual(['defects', 'chart-regions', 'chart-defects']);
  });

  it('marks every block but tables (their rows carry markers) and applies chart scales', () => {
    const a = arrangeFlow(flow, { floats: {}, scales: { 'chart-defects': 88 } }, mark);
    expect(a.find((b) => b.id === 'defects')).toMatchObject({ start: 'm:defects.start', end: 'm:defects.end' });
    expect(a.find((b) => b.id === 'table-regions')).toMatchObject({ start: null, end: null });
    expect(a.find((b) => b.id === 'chart-defects')?.scale).toBe(88);
    expect(a.find((b) => b.id === 'chart-regions')?.scale).toBeNull();
  });

  it('floats a table that fits on a page but moved, one block a pass, until the gap closes', () => {
    const a = arrangeFlow(flow, none, mark);
    // 表1 moved to page 3 leaving 60% of page 2 empty below the intro sentence.
    const gapTop = PAGE_AREA.bottom - 0.6 * area;
    const w = where({ 'm:intro.end': [2, gapTop], 'm:row.categories': [3, PAGE_AREA.top + 30] });
    const fits = (b: FlowBlock) => b.id === 'table-categories';
    const next = nextFlow(a, none, w, PAGE_AREA, firstRow, fits);
    expect(next.floats).toEqual({ 'table-categories': 1 });
    // Once the floated paragraph runs onto the table's page, the gap is closed: nothing more moves.
    const b = arrangeFlow(flow, next, mark);
    const closed = where({ 'm:categories.end': [3, PAGE_AREA.top + 40], 'm:row.categories': [3, PAGE_AREA.top + 60] });
    expect(nextFlow(b, next, closed, PAGE_AREA, firstRow, fits).floats).toEqual({ 'table-categories': 1 });
    // A table that does not fit on one page is split instead, never floated.
    expect(nextFlow(a, none, w, PAGE_AREA, firstRow, () => false).floats).toEqual({});
  });

  it('shrinks a chart that misses the rest of a page by at most 15%, else floats it past the next paragraph', () => {
    const a = arrangeFlow(flow, none, mark);
    const chartAt = (room: number, height: number) =>
      where({
        'm:categories.end': [2, PAGE_AREA.bottom - room],
        'm:chart-categories.start': [3, PAGE_AREA.top],
        'm:chart-categories.end': [3, PAGE_AREA.top + height],
      });
    const near = nextFlow(a, none, chartAt(0.3 * area + 12, (0.3 * area) / 0.9), PAGE_AREA, firstRow, () => false);
    expect(near.scales['chart-categories']).toBeGreaterThanOrEqual(MIN_SCALE);
    expect(near.scales['chart-categories']).toBeLessThan(100);
    expect(near.floats).toEqual({});
    const far = nextFlow(a, none, chartAt(0.3 * area, 0.6 * area), PAGE_AREA, firstRow, () => false);
    expect(far.scales).toEqual({});
    expect(far.floats).toEqual({ 'chart-categories': 1 });
  });

  it('shrinks the chart before a heading and a moved table, and has the table measured afresh', () => {
    const a = arrangeFlow(flow, none, mark);
    const w = where({
      'm:chart-defects.end': [4, PAGE_AREA.bottom - 0.6 * area],
      'm:row.cases': [5, PAGE_AREA.top + 60],
    });
    const next = nextFlow(a, none, w, PAGE_AREA, firstRow, () => false);
    expect(next.scales).toEqual({ 'chart-defects': MIN_SCALE });
    expect(next.remeasure).toEqual(['cases']);
    // Tried once: not again (the layout settles).
    expect(nextFlow(a, next, w, PAGE_AREA, firstRow, () => false).remeasure).toEqual([]);
  });
});
