/**
 * Printing with a layout that is measured, not guessed: find where headings
 * and table rows land, fill in the table of contents and split tables where
 * pages broke, and again, until a layout agrees with where its own document
 * lands; then print it, and read the print back: the print must agree too.
 * Starting cold, those rounds are measured without printing
 * (column-measure.ts: the document laid out in page-sized columns, 30 ms
 * instead of a 0.3 s print), so the sample takes one print; a layout an
 * earlier build measured (`guess`, given the first pass's HTML) is printed
 * at once; so is a layout the look-ahead chose (pass-plan.ts says which
 * passes are measured). The print that agrees is the PDF (its row markers,
 * link annotations, are removed by the caller).
 * Between rounds the rules look ahead (page-foresee.ts): a pagination model
 * fed by the last read predicts what each choice moves, so a table kept
 * whole, the text floating into its gap, the tables after them and the
 * contents' pages are chosen at once.
 */
import { BulletinError } from '../model/errors.js';
import type { Printer } from './browser.js';
import { openWhile, type PrintJob } from './print-job.js';
import { PassPlan } from './pass-plan.js';
import { columnLayout } from './column-measure.js';
import { bookmarkTitle } from './pdf-finish.js';
import { readLayout, type PdfLayout } from './pdf-file.js';
import type { HtmlRenderer } from './render-html.js';
import { floatFill } from './flow-fill.js';
import { markArticle } from './article-marks.js';
import { foresee, unitsOf } from './page-foresee.js';
import type { Predicted } from './page-predict.js';
import { arrangeFlow, nextFlow, type FlowBlock, type FlowLayout, type Where } from './report-flow.js';
import { layOutTable, mapTables, MARKER_PREFIX, markerFor, nextSplits, PAGE_AREA, tableIds } from './table-layout.js';
import type { BulletinView } from './view-bulletin.js';
import {
  EMPTY_LAYOUT,
  sameBlocks,
  sameLayout,
  targetPages,
  unresolved,
  type PageLayout,
  type TocTarget,
} from './page-layout.js';

export type { PageLayout, TocTarget } from './page-layout.js';

/** `printing`: Chromium has the document (PrintJob.print); `printed`: the last print is in hand, before the page is closed. */
export interface PrintHooks {
  printing?: () => void;
  printed?: () => void;
}

export interface PrintedBulletin {
  /** Still carries the row-marker links (see MARKER_PREFIX). */
  pdf: Uint8Array;
  /** Prints made. */
  passes: number;
  /** Layouts measured without printing (column-measure.ts) before them. */
  measured: number;
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

/** Measures `doc` when `measure` (null: not measurable), or prints and reads it; `printing` only with a print. */
async function readPass(job: PrintJob, doc: string, measure: boolean, printing?: () => void) {
  const columns = measure ? await job.measure(doc, MARKER_PREFIX) : null;
  if (columns) return { pdf: null, read: columnLayout(columns, bookmarkTitle) };
  const pdf = await job.print(doc, printing);
  return { pdf, read: await readLayout(pdf, MARKER_PREFIX) };
}

export async function printBulletin(
  makeView: MakeView,
  targets: readonly TocTarget[],
  html: HtmlRenderer,
  printer: Printer,
  onPass: (pass: number, pages: number | null, measured: boolean) => void = () => undefined,
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
      return { start, cached: Boolean(cached), html: await html.render(lay(start, true)) };
    },
  );
  const plan = new PassPlan(first.cached, MAX_PASSES);
  let [layout, guessed, misses] = [first.start, false, 0];
  try {
    for (let pass = 1; pass <= MAX_PASSES + plan.measured; pass++) {
      const doc = pass === 1 ? first.html : await html.render(lay(layout, true));
      const { pdf, read } = await readPass(job, doc, plan.measuring, hooks.printing);
      plan.read(pdf !== null);
      onPass(pass, read.pageCount, !pdf);
      let next = decide(layout, read);
      if (sameLayout(next, layout)) {
        if (!pdf) {
          plan.heldAsMeasured();
          continue;
        }
        const lost = unresolved(targets, layout);
        if (lost) throw lost;
        hooks.printed?.();
        return { pdf, passes: pass - plan.measured, measured: plan.measured, layout };
      }
      if (guessed && !sameBlocks(next, layout)) misses++;
      guessed = false;
      const ahead = misses < MAX_MISSES ? foresee(read, layout, next, units, decide, sameLayout, PAGE_AREA) : null;
      if (ahead) [next, guessed] = [ahead, true];
      layout = next;
      plan.moved(pdf !== null, guessed);
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
