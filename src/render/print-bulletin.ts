/**
 * Printing with a layout that is measured, not guessed: print, read back
 * where headings and table rows landed, fill in the table of contents and
 * split tables where pages broke, print again, until a print agrees with
 * the layout it was made from. That print is the PDF: its row markers are
 * link annotations, removed by the caller, so no extra print is needed.
 * Between prints the rules look ahead (page-foresee.ts): a pagination
 * model fed by the last print predicts what each choice moves, so a table
 * kept whole, the text floating into its gap, the tables after them and
 * the contents' pages are chosen at once. Two prints when starting cold
 * (the sample and the generated long issues), one when `guess`, given the
 * first pass's HTML, returns the layout an earlier build of the same
 * document measured; a wrong guess of either kind only costs a pass.
 */
import { BulletinError } from '../model/errors.js';
import { WORD_JOINER } from './headline-words.js';
import type { Printer } from './browser.js';
import { openWhile } from './print-job.js';
import { readLayout, type PdfLayout } from './pdf-file.js';
import type { HtmlRenderer } from './render-html.js';
import { floatFill } from './flow-fill.js';
import { markArticle } from './article-marks.js';
import { foresee, unitsOf } from './page-foresee.js';
import type { Predicted } from './page-predict.js';
import { arrangeFlow, nextFlow, type FlowBlock, type FlowLayout, type Where } from './report-flow.js';
import { layOutTable, mapTables, MARKER_PREFIX, markerFor, nextSplits, PAGE_AREA, tableIds } from './table-layout.js';
import type { BulletinView } from './view-bulletin.js';
import { EMPTY_LAYOUT, sameBlocks, sameLayout, targetPages, type PageLayout, type TocTarget } from './page-layout.js';

export type { PageLayout, TocTarget } from './page-layout.js';

/** `printing`: the document is with Chromium (PrintJob.print); `printed`: the last print is in hand, before the page is closed. */
export interface PrintHooks {
  printing?: () => void;
  printed?: () => void;
}

export interface PrintedBulletin {
  /** Still carries the row-marker links (see MARKER_PREFIX). */
  pdf: Uint8Array;
  passes: number;
  layout: PageLayout;
}

const MAX_PASSES = 8; // editing splits (table-layout.ts editSplits) can take a pass or two more than measuring
const MAX_MISSES = 2; // looked-ahead layouts whose print chose other blocks before looking ahead is given up

const flowMarker = (id: string): string => `${MARKER_PREFIX}flow.${id}`;
const articleMarker = (id: string): string => `${MARKER_PREFIX}article.${id}`;
/** The report's statistics part and its national part (view-national.ts): what may float. */
const flows = (v: BulletinView): FlowBlock[][] =>
  v.sections.flatMap((s) => (s.report ? [s.report.flow, ...(s.report.national ? [s.report.national.flow] : [])] : []));

/** The view with its flows arranged as `l` says (with page markers when measuring). */
function arrange(v: BulletinView, l: FlowLayout, markers: boolean): BulletinView {
  const flow = (blocks: FlowBlock[]) => arrangeFlow(blocks, l, markers ? flowMarker : null);
  return {
    ...v,
    sections: v.sections.map((s) => {
      if (markers) s = { ...s, articles: s.articles.map((a) => markArticle(a, articleMarker)) };
      if (!s.report) return s;
      const national = s.report.national && { ...s.report.national, flow: flow(s.report.national.flow) };
      return { ...s, report: { ...s.report, flow: flow(s.report.flow), national } };
    }),
  };
}

const where = (read: PdfLayout): Where => ({
  page: (m: string) => read.markers.get(m) ?? -1,
  top: (m: string) => read.markerTops.get(m),
});

/** Floats and scales for the next pass, from where the measured print put the flow's blocks. */
function measureFlows(view: BulletinView, l: FlowLayout, read: PdfLayout, splits: PageLayout['splits']): FlowLayout {
  const firstRow = (b: FlowBlock) => (b.table ? markerFor(b.table.id, 0) : null);
  const fits = (b: FlowBlock) => b.table !== null && JSON.stringify(splits[b.table.id]) === '[0]';
  let out: FlowLayout = { floats: l.floats, scales: l.scales };
  for (const f of flows(view)) {
    const { remeasure, ...next } = nextFlow(f, out, where(read), PAGE_AREA, firstRow, fits);
    for (const id of remeasure) splits[id] = [];
    out = next;
  }
  return out;
}

/** Laying out a layout's view, the rules' choice from a print, and the pagination model's units. */
type MakeView = (pages: ReadonlyMap<string, number>) => BulletinView;
/** The view laid out as `l` says, marked for measuring; by default the first pass's (render-html.ts keeps its render). */
export const layView = (makeView: MakeView, l: PageLayout = EMPTY_LAYOUT, markers = true): BulletinView =>
  mapTables(arrange(makeView(new Map(Object.entries(l.pages))), l, markers), (t) =>
    layOutTable(t, l.splits[t.id] ?? [], markers),
  );

function layoutRules(makeView: MakeView, targets: readonly TocTarget[]) {
  const lay = (l: PageLayout, markers: boolean) => layView(makeView, l, markers);
  const order = flows(makeView(new Map()));
  // The next layout the rules choose from the print `read` of layout `l`.
  const decide = (l: PageLayout, read: Predicted): PageLayout => {
    const view = lay(l, true);
    const markerPage = (m: string) => read.markers.get(m) ?? -1;
    const markerTop = (m: string) => read.markerTops.get(m);
    // Measured in document order (`order`): the blocks after a table that may fill its gap.
    const fills = Object.assign({}, ...order.map((f) => floatFill(f, flowMarker, where(read), PAGE_AREA)));
    const splits = Object.fromEntries(
      tableIds(view).map((t) => [t.id, nextSplits(t, markerPage, markerTop, fills[t.id] ?? 0)]),
    );
    const pages = { ...targetPages(targets, read.outline), ...read.targetPages };
    return { pages, splits, ...measureFlows(view, l, read, splits) };
  };
  const units = (l: PageLayout) => {
    const view = lay(l, true);
    return unitsOf(
      flows(view),
      tableIds(view),
      view.sections.flatMap((s) => s.articles),
    );
  };
  return { lay, decide, units };
}

export async function printBulletin(
  makeView: MakeView,
  targets: readonly TocTarget[],
  html: HtmlRenderer,
  printer: Printer,
  onPass: (pass: number, pages: number | null) => void = () => undefined,
  guess?: (firstHtml: string) => Promise<PageLayout | null>,
  hooks: PrintHooks = {},
): Promise<PrintedBulletin> {
  const { lay, decide, units } = layoutRules(makeView, targets);
  // The page opens (waiting for Chromium's launch) while the layout is looked up and the first pass rendered.
  const [job, first] = await openWhile(
    () => printer.open(),
    async () => {
      const cached = guess && (await guess(await html.render(layView(makeView))));
      const start: PageLayout = { ...EMPTY_LAYOUT, ...cached };
      return { start, html: await html.render(lay(start, true)) };
    },
  );
  let [layout, guessed, misses] = [first.start, false, 0];
  try {
    for (let passes = 1; passes <= MAX_PASSES; passes++) {
      const pdf = await job.print(passes === 1 ? first.html : await html.render(lay(layout, true)), hooks.printing);
      const read = await readLayout(pdf, MARKER_PREFIX);
      onPass(passes, read.pageCount);
      let next = decide(layout, read);
      if (sameLayout(next, layout)) {
        const lost = targets.filter((t) => !(t.id in layout.pages));
        if (lost.length > 0)
          throw new BulletinError(
            'render.toc.unresolved',
            'browser',
            `目录中的这些标题在 PDF 中找不到所在页：${lost.map((t) => t.text.replaceAll(WORD_JOINER, '')).join('、')}。`,
            '请报告此问题；可暂时用 --format html 生成 HTML。',
          );
        hooks.printed?.();
        return { pdf, passes, layout };
      }
      if (guessed && !sameBlocks(next, layout)) misses++;
      guessed = false;
      const ahead = misses < MAX_MISSES ? foresee(read, layout, next, units, decide, sameLayout, PAGE_AREA) : null;
      if (ahead) [next, guessed] = [ahead, true];
      layout = next;
    }
  } finally {
    await job.close();
  }
  throw new BulletinError(
    'render.layout.unstable',
    'browser',
    '排版没有稳定下来：目录中的页码与正文实际所在页反复变化。',
    '请报告此问题；可暂时用 --format html 生成 HTML。',
  );
}
