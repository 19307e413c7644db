/**
 * The analysis report's statistics part as a flow of blocks (paragraphs,
 * tables, charts, headings), so the print layout can move and scale them
 * as an editor would: a table that fits on one page but was moved to the
 * next floats past the paragraphs and charts after it, which fill the gap
 * it left (its caption goes with it; the sentence that refers to it stays
 * before it); a chart that does not fit the rest of a page shrinks by up
 * to 15% first and otherwise floats the same way. Headings and other
 * tables stop a float: document order across headings is kept. Pure.
 */
import { markerFor, MIN_ROWS } from './table-layout.js';
import type { TableView } from './view-table.js';

const rowCount = (t: TableView): number => t.parts.reduce((a, p) => a + p.rows.length, 0);

export interface FlowBlock {
  id: string;
  kind: 'text' | 'table' | 'chart' | 'heading';
  lead: string | null;
  body: string | null;
  heading: string | null;
  table: TableView | null;
  svg: string | null;
  /** A chart's width in percent when shrunk; null at full width. */
  scale: number | null;
  /** Print only: page-measuring links at the block's top and just below its end. */
  start: string | null;
  end: string | null;
}

interface FlowSource {
  categoryTable: TableView;
  categoryNarrative: string;
  regionNarrative: string;
  regionTable: TableView;
  defectNarrative: string;
  casesTable: TableView | null;
  charts: { categories: string; regions: string; defects: string } | null;
}

/** One block; every field present, as the templates are compiled in strict mode. Ids are unique across flows. */
export const flowBlock = (id: string, kind: FlowBlock['kind'], fields: Partial<FlowBlock>): FlowBlock => ({
  id,
  kind,
  ...{ lead: null, body: null, heading: null, table: null, svg: null, scale: null, start: null, end: null },
  ...fields,
});

/** The blocks in document order, as analysis-report.hbs printed them. */
export function reportFlow(r: FlowSource): FlowBlock[] {
  const block = flowBlock;
  const chart = (id: string, svg: string | undefined): FlowBlock[] =>
    svg ? [block(`chart-${id}`, 'chart', { svg })] : [];
  const text = (id: string, lead: string, body: string) => block(id, 'text', { lead, body });
  const table = (t: TableView) => block(`table-${t.id}`, 'table', { table: t });
  return [
    text('intro', '', '产品召回详细数据见下表1：'),
    table(r.categoryTable),
    text('categories', '1. 召回产品种类及总占比。', r.categoryNarrative),
    ...chart('categories', r.charts?.categories),
    text('regions', '2. 召回产品区域分布。', r.regionNarrative),
    table(r.regionTable),
    ...chart('regions', r.charts?.regions),
    text('defects', '3. 产品缺陷主要类别。', r.defectNarrative),
    ...chart('defects', r.charts?.defects),
    ...(r.casesTable
      ? [block('cases-heading', 'heading', { heading: '（二）典型案例分析和问题' }), table(r.casesTable)]
      : []),
  ];
}

/** How far each floating block moved (blocks passed) and each shrunk chart's width in percent. */
export interface FlowLayout {
  floats: Record<string, number>;
  scales: Record<string, number>;
}

/** Paragraphs and charts: what may float up into a moved table's gap. */
export const movable = (b: FlowBlock | undefined): boolean => b?.kind === 'text' || b?.kind === 'chart';

/** The blocks with floats and scales applied, and page markers when `marker` names them. */
export function arrangeFlow(
  blocks: readonly FlowBlock[],
  l: FlowLayout,
  marker: ((id: string) => string) | null,
): FlowBlock[] {
  const out = blocks.map((b) => ({
    ...b,
    ...(b.kind === 'chart' ? { scale: l.scales[b.id] ?? null } : {}),
    start: marker && b.kind !== 'table' ? marker(`${b.id}.start`) : null,
    end: marker && b.kind !== 'table' ? marker(`${b.id}.end`) : null,
  }));
  for (const id of Object.keys(l.floats).sort()) {
    const at = out.findIndex((b) => b.id === id);
    let k = 0;
    while (k < (l.floats[id] as number) && movable(out[at + 1 + k]) && out[at + 1 + k]?.kind !== out[at]?.kind) k++;
    if (at >= 0 && k > 0) out.splice(at + k, 0, ...out.splice(at, 1));
  }
  return out;
}

/** Where a printed block is: its page (-1 when not printed) and distance from the page top in points. */
export interface Where {
  page: (marker: string) => number;
  top: (marker: string) => number | undefined;
}

/** Fraction of the text area a gap may leave before something is moved into it. */
export const MAX_GAP = 0.25;
/** Least width a chart may shrink to, in percent. */
export const MIN_SCALE = 85;

export interface Area {
  top: number;
  bottom: number;
}

/** The gap a block left by starting a page after `prev` ended on the one before, as a share of the area. */
function gapBefore(prev: FlowBlock | undefined, startPage: number, w: Where, area: Area): number {
  if (!prev?.end) return 0;
  const endPage = w.page(prev.end);
  const endTop = w.top(prev.end);
  if (endPage < 0 || endTop === undefined || startPage !== endPage + 1) return 0;
  return (area.bottom - endTop) / (area.bottom - area.top);
}

/**
 * The next pass's floats and scales, from where the arranged blocks
 * printed. A table block counts as moved when `keptWhole(table)` (the
 * table layout chose to keep it whole) and its first row starts a page
 * after a gap of more than MAX_GAP; a chart when its top does. A moved
 * chart shrinks to the width that fits the gap if that is at least
 * MIN_SCALE percent; else (and for a table that fits on one page) it
 * floats one block further each pass until the gap closes or a heading or
 * table stops it. A chart before a heading and a moved table shrinks by
 * the most allowed, giving the table its room where that is enough: the
 * table is then measured afresh (`remeasure`: its splits are dropped, so
 * the next print shows whether its first rows now fit).
 */
export function nextFlow(
  arranged: readonly FlowBlock[],
  l: FlowLayout,
  w: Where,
  area: Area,
  firstRow: (b: FlowBlock) => string | null,
  fitsOnePage: (b: FlowBlock) => boolean,
): FlowLayout & { remeasure: string[] } {
  const floats = { ...l.floats };
  const scales = { ...l.scales };
  const remeasure: string[] = [];
  arranged.forEach((b, i) => {
    const top = b.kind === 'table' ? firstRow(b) : b.start;
    const page = top ? w.page(top) : -1;
    const gap = page > 0 ? gapBefore(arranged[i - 1], page, w, area) : 0;
    if (b.kind === 'table' && page > 0) {
      const head = arranged[i - 1]?.kind === 'heading' ? i - 1 : i;
      const headGap = gapBefore(arranged[head - 1], page, w, area);
      const before = arranged[head - 1];
      // Or its first part keeps fewer than MIN_ROWS rows (split-rules.ts keeps them when moving
      // the table would leave its page over a quarter empty): a smaller chart may make room.
      const short = b.table !== null && w.page(markerFor(b.table.id, Math.min(MIN_ROWS, rowCount(b.table)) - 1)) > page;
      const moved = (head < i && headGap > MAX_GAP) || short;
      if (moved && before?.kind === 'chart' && !(before.id in scales) && b.table) {
        scales[before.id] = MIN_SCALE;
        remeasure.push(b.table.id);
      }
    }
    if (gap <= MAX_GAP || (b.kind === 'table' && !fitsOnePage(b))) return;
    if (b.kind === 'chart' && !(b.id in scales) && !(b.id in floats) && b.start && b.end) {
      const height = (w.top(b.end) ?? 0) - (w.top(b.start) ?? 0);
      const room = gap * (area.bottom - area.top) - 12;
      const scale = Math.floor((room / height) * 100);
      if (height > 0 && scale >= MIN_SCALE && scale < 100) return void (scales[b.id] = scale);
    }
    if (movable(arranged[i + 1]) && arranged[i + 1]?.kind !== b.kind) floats[b.id] = (floats[b.id] ?? 0) + 1;
  });
  return { floats, scales, remeasure };
}
