import { describe, expect, it } from 'vitest';
import { floatFill } from '../../src/render/flow-fill.js';
import { flowBlock } from '../../src/render/report-flow.js';
import { PAGE_AREA } from '../../src/render/table-layout.js';
import { table } from '../../src/render/view-table.js';

const t = (id: string) => flowBlock(`table-${id}`, 'table', { table: table(id, id, ['a'], ['name'], [['x']], null) });
const text = (id: string) => flowBlock(id, 'text', { body: id });
const area = PAGE_AREA.bottom - PAGE_AREA.top;
const mark = (id: string) => `m:${id}`;

/** Where markers printed: marker → [page, top]. */
function where(at: Record<string, [number, number]>) {
  return { page: (m: string) => at[m]?.[0] ?? -1, top: (m: string) => at[m]?.[1] };
}

describe('floatFill', () => {
  // As the national part: each lead sentence, then its table; a heading ends the part.
  const blocks = [text('a'), t('one'), text('b'), text('c'), t('two'), flowBlock('h', 'heading', { heading: 'h' })];

  it('measures the paragraphs after each table up to the next table, on one page or across a break', () => {
    const w = where({
      'm:b.start': [2, 100],
      'm:b.end': [2, 100 + 0.1 * area],
      // c starts 20 pt above the foot of page 2 and ends 30 pt below the top of page 3.
      'm:c.start': [2, PAGE_AREA.bottom - 20],
      'm:c.end': [3, PAGE_AREA.top + 30],
    });
    const fill = floatFill(blocks, mark, w, PAGE_AREA);
    expect(fill.one).toBeCloseTo(0.1 + 50 / area, 6);
    // Nothing movable follows the second table: its gap stays empty, it is not listed.
    expect(Object.keys(fill)).toEqual(['one']);
  });

  it('counts a paragraph whose markers were not printed as filling nothing', () => {
    const w = where({ 'm:b.start': [2, 100], 'm:b.end': [2, 100 + 0.1 * area] });
    expect(floatFill(blocks, mark, w, PAGE_AREA).one).toBeCloseTo(0.1, 6);
  });
});
