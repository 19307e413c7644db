/**
 * The print another layout would give, predicted from a measured one
 * (page-model.ts plays the pages): units before the first one the layout
 * changes stay where they printed; from there on they are paginated
 * again, until a unit ends where it ended on the print (the rest then
 * follows as printed, shifted by whole pages). Bookmarks and the page
 * count after the measured units shift by the pages the model moved them.
 * Pure.
 */
import { endOf, measure } from './page-measure.js';
import { paginate, type Pos, type Sized, type Unit } from './page-model.js';
import type { PdfLayout } from './pdf-file.js';
import type { Area } from './report-flow.js';

/** A layout's units: each flow in its printed order, then the tables outside flows. */
export interface Units {
  flows: Unit[][];
  others: Unit[];
  /** Units that a heading before them goes with. */
  kept: string[];
  /** Units that start a contents target (an article's title) → the target's id. */
  anchors: Record<string, string>;
}

/** A predicted print: also the page (1-based) of each contents target the model placed. */
export interface Predicted extends PdfLayout {
  targetPages?: Record<string, number>;
}

const firstMarker = (u: Unit): string => (u.kind === 'table' ? u.before : u.start);
const sameUnit = (a: Unit, b: Unit): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Only the units `ok` keeps (the others' extent counts as glue before the next one). */
const only = (u: Units, ok: (x: Unit) => boolean): Units => ({
  ...u,
  flows: u.flows.map((f) => f.filter(ok)),
  others: u.others.filter(ok),
});

/** Units of `a` in printed order; `b`'s in the order `b` will print (flows rearranged in their own places). */
function orders(a: Units, b: Units, at: (m: string) => Pos | undefined): [Unit[], Unit[]] | null {
  const all = [...a.flows.flat(), ...a.others];
  const key = (u: Unit) => at(firstMarker(u)) as Pos;
  const printed = [...all].sort((x, y) => key(x).page - key(y).page || key(x).top - key(y).top);
  const flowOf = new Map(a.flows.flatMap((f, i) => f.map((u) => [u.id, i] as const)));
  const queues = b.flows.map((f) => [...f]);
  const others = new Map(b.others.map((u) => [u.id, u]));
  const next = printed.map((u) => {
    const f = flowOf.get(u.id);
    return f === undefined ? others.get(u.id) : queues[f]?.shift();
  });
  return next.every((u): u is Unit => u !== undefined) ? [printed, next] : null;
}

/** The print `read` (of units `a`) would have been with units `b`; null when the model cannot tell. */
export function predictPrint(read: PdfLayout, a: Units, b: Units, area: Area): Predicted | null {
  const at = (m: string): Pos | undefined => {
    const page = read.markers.get(m);
    const top = read.markerTops.get(m);
    return page === undefined || top === undefined ? undefined : { page, top };
  };
  // A unit whose markers did not all print (a template without them) is left out.
  const measured = new Set([...a.flows.flat(), ...a.others].filter((u) => measure(u, at, area)).map((u) => u.id));
  if (measured.size === 0) return null;
  const both = orders(
    only(a, (u) => measured.has(u.id)),
    only(b, (u) => measured.has(u.id)),
    at,
  );
  if (!both) return null;
  const [printed, next] = both;
  const sized = printed.map((u) => ({ unit: u, size: measure(u, at, area) }));
  const sizeOf = new Map(sized.map((s) => [s.unit.id, s]));
  const ends = sized.map((s) => endOf({ unit: s.unit, glue: 0, keep: false, size: s.size as number[] }, at) as Pos);
  const glue = printed.map((u, k) => {
    const start = at(firstMarker(u)) as Pos;
    const prev = ends[k - 1];
    if (!prev) return 0;
    return Math.max(0, prev.page === start.page ? start.top - prev.top : start.top - area.top);
  });
  const from = next.findIndex((u, k) => !sameUnit(u, printed[k] as Unit));
  if (from < 0) return read;
  const units: Sized[] = next.slice(from).map((u, j) => {
    const was = sizeOf.get(u.id) as { unit: Unit; size: number[] };
    const scale = u.kind === 'chart' && was.unit.kind === 'chart' ? u.scale / was.unit.scale : 1;
    const keep = a.kept.includes((printed[from + j] as Unit).id);
    return { unit: u, glue: glue[from + j] ?? 0, keep, size: was.size.map((h) => h * scale) };
  });
  const start = ends[from - 1] ?? (at(firstMarker(printed[0] as Unit)) as Pos);
  const played = paginate(units, start, area);
  const lastChange = Math.max(...next.map((u, k) => (sameUnit(u, printed[k] as Unit) ? -1 : k)));
  // The first unchanged unit that ends where it ended on the print: all after it prints as before.
  const again = played.ends.findIndex((e, j) => {
    const k = from + j;
    const was = ends[k] as Pos;
    return k > lastChange && Math.abs(e.top - was.top) < 0.5;
  });
  const lastEnd = ends.at(-1) as Pos;
  const shiftAt = again >= 0 ? (ends[from + again] as Pos) : lastEnd;
  const shift = (again >= 0 ? (played.ends[again] as Pos) : played.end).page - shiftAt.page;
  const markers = new Map(read.markers);
  const tops = new Map(read.markerTops);
  for (const m of next.slice(from, again >= 0 ? from + again + 1 : undefined).flatMap(markersOf)) {
    const p = played.at.get(m);
    if (!p) continue;
    markers.set(m, p.page);
    tops.set(m, p.top);
  }
  for (const u of next.slice(again >= 0 ? from + again + 1 : next.length))
    for (const m of markersOf(u)) if (markers.has(m)) markers.set(m, (markers.get(m) as number) + shift);
  const outline = read.outline.map((o) => (o.page - 1 > shiftAt.page ? { ...o, page: o.page + shift } : o));
  const targetPages = placedTargets(b.anchors, played.content);
  return { ...read, pageCount: read.pageCount + shift, outline, markers, markerTops: tops, targetPages };
}

/** The page (1-based) of each contents target whose unit the model placed. */
const placedTargets = (anchors: Units['anchors'], content: Map<string, number>): Record<string, number> =>
  Object.fromEntries(
    Object.entries(anchors).flatMap(([unit, target]) => {
      const page = content.get(unit);
      return page === undefined ? [] : [[target, page + 1]];
    }),
  );

const markersOf = (u: Unit): string[] => (u.kind === 'table' ? [u.before, ...u.rows, u.after] : [u.start, u.end]);
