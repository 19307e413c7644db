/**
 * How much of a moved table's gap the paragraphs and charts after it fill,
 * measured on a print: the table layout moves a table that fits on one
 * page whole only when what floats up into its gap leaves at most a
 * quarter of the page empty (split-rules.ts). Pure.
 */
import { movable, type Area, type FlowBlock, type Where } from './report-flow.js';

/**
 * For each table that a paragraph or chart follows in document order, the
 * share of the text area those blocks (up to the next table or heading)
 * took on the print `w` (their `marker`s, as arrangeFlow placed them):
 * what they fill when they float up into the gap the table leaves by
 * moving to the next page (split-rules.ts weighs it against MAX_EMPTY). A table with nothing
 * movable after it (表2, last in the report) is absent: its gap stays empty.
 * A block whose markers are unknown counts as filling nothing.
 */
export function floatFill(
  blocks: readonly FlowBlock[],
  marker: (id: string) => string,
  w: Where,
  area: Area,
): Record<string, number> {
  const height = (b: FlowBlock): number => {
    const [start, end] = [marker(`${b.id}.start`), marker(`${b.id}.end`)];
    const [sp, ep, st, et] = [w.page(start), w.page(end), w.top(start), w.top(end)];
    if (sp < 0 || ep < sp || st === undefined || et === undefined) return 0;
    if (ep === sp) return et - st;
    return ep === sp + 1 ? area.bottom - st + et - area.top : area.bottom - area.top;
  };
  const out: Record<string, number> = {};
  blocks.forEach((b, i) => {
    let k = i + 1;
    while (movable(blocks[k])) k++;
    const sum = blocks.slice(i + 1, k).reduce((a, f) => a + height(f), 0);
    if (b.table && k > i + 1) out[b.table.id] = sum / (area.bottom - area.top);
  });
  return out;
}
