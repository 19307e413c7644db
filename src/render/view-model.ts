/**
 * Stats → the strings and rows templates print. Pure: every sentence of the
 * report is built here from figures, so templates stay logic-free.
 */
import { andJoin, listJoin, percent } from '../model/chinese.js';
import { parseQuarter, quarterName } from '../model/quarter.js';
import type { ReferenceData } from '../model/reference.js';
import type { Leader, QuarterStats, Trend } from '../model/stats.js';
import type { ClueStats, ForeignStats, NationalStats } from '../model/bulletin-stats.js';
import { buildCluesView, buildForeignView, type CluesView, type ForeignView } from './view-foreign.js';
import { buildNationalView, summarySentence, trendSentence, type NationalView } from './view-national.js';
import { withWidths } from './col-widths.js';
import { reportFlow, type FlowBlock } from './report-flow.js';
import { n, table, type TableView } from './view-table.js';

export interface ReportMeta {
  bulletinName: string;
  publisher: string;
  /** 湖南 in 占湖南召回总数量. */
  provinceShort: string;
  /** Decimals of percentages. */
  decimals: number;
}

export interface ReportView {
  meta: ReportMeta;
  title: string;
  quarterName: string;
  partOneTitle: string;
  summary: string;
  categoryTable: TableView;
  categoryNarrative: string;
  regionNarrative: string;
  regionTable: TableView;
  defectNarrative: string;
  casesTable: TableView | null;
  charts: ReportCharts | null;
  national: NationalView | null;
  foreign: ForeignView | null;
  clues: CluesView | null;
  /** The statistics part in print order (report-flow.ts): what the print layout may float and scale. */
  flow: FlowBlock[];
}

/** Static SVG markup, made by charts.ts from the same stats. */
export interface ReportCharts {
  categories: string;
  regions: string;
  defects: string;
}

export interface ReportExtras {
  national?: NationalStats | null;
  foreign?: ForeignStats | null;
  clues?: ClueStats | null;
  charts?: ReportCharts | null;
  trend?: Trend | null;
}

function leaderName(l: Leader): string {
  return l.soleProduct ? `${l.name}（${l.soleProduct}）` : l.name;
}

function categorySentences(s: QuarterStats, meta: ReportMeta): string {
  if (s.totals.recalls === 0) return '本季度没有开展消费品召回。';
  const names = s.highlights.activeCategories.map((c) => s.byCategory.find((r) => r.code === c)?.name ?? c);
  const q = s.highlights.topByQuantity;
  const r = s.highlights.topByRecalls;
  const first = q[0] as Leader;
  const top = r[0] as Leader;
  return (
    `本季度召回种类主要是${listJoin(names)}。` +
    `其中，召回数量最多的是${andJoin(q.map(leaderName))}，召回数量为${n(first.quantity)}件，占${meta.provinceShort}召回总数量的${percent(first.share, meta.decimals)}。` +
    `召回次数最多的是${andJoin(r.map((l) => l.name))}，${r.length > 1 ? '各' : '共'}召回${n(top.recalls)}次，占总召回次数的${percent(top.share, meta.decimals)}。`
  );
}

function regionSentences(s: QuarterStats): string {
  if (s.totals.recalls === 0) return '本季度各市州均没有召回。';
  const byCode = new Map(s.byRegion.map((r) => [r.code, r]));
  const active = s.highlights.activeRegions.map((c) => byCode.get(c)?.short ?? c);
  const lead = s.highlights.leadingRegions
    .map((c) => byCode.get(c))
    .filter((r) => r !== undefined)
    .map((r) => `${r.short}地区涉及召回产品${n(r.quantity)}件（套），生产企业${n(r.manufacturers)}家`);
  return `本季度召回主要集中在${listJoin(active)}${active.length > 1 ? '等地' : ''}。${lead.length ? `${lead.join('；')}。` : ''}`;
}

function defectSentences(s: QuarterStats, ref: ReferenceData, meta: ReportMeta): string {
  if (s.totals.recalls === 0) return '本季度没有召回。';
  const phrase = new Map(ref.defectTypes.map((d) => [d.code, d.phrase]));
  const parts = [...s.byDefect]
    .map((d, i) => ({ d, i }))
    .filter((x) => x.d.recalls > 0)
    .sort((a, b) => b.d.recalls - a.d.recalls || a.i - b.i)
    .map(
      ({ d }) =>
        `有${n(d.recalls)}批次产品存在${phrase.get(d.code) ?? d.name}，占总召回批次${percent(d.recallShare, meta.decimals)}`,
    );
  return `本季度召回的消费品中，${parts.join('；')}。`;
}

/** Table 2 exists only when the quarter has typical cases to show. */
/**
 * 表2's width in em of its 10pt text: the A4 text block of templates/styles.css
 * (210 mm less 28 mm and 26 mm margins, 442 pt).
 */
const CASES_EM = 44.2;

function typicalCasesTable(s: QuarterStats, qName: string, prov: string): TableView | null {
  if (!s.typicalCases.length) return null;
  const t = table(
    'cases',
    `表2 ${qName}${prov}消费品召回典型案例`,
    ['序号', '企业名称', '召回缺陷产品名称', '生产日期', '缺陷产品数量', '缺陷产品问题'],
    ['code', 'name', 'name', 'period', 'num', 'text'],
    s.typicalCases.map((c, i) => [
      n(i + 1),
      c.manufacturer,
      c.product,
      c.productionPeriod,
      `${n(c.quantity)}${c.unit}`,
      c.description,
    ]),
    null,
  );
  return withWidths(t, CASES_EM);
}

export function buildReportView(
  s: QuarterStats,
  ref: ReferenceData,
  meta: ReportMeta,
  more: ReportExtras = {},
): ReportView {
  const q = parseQuarter(s.quarter);
  const qName = quarterName(q);
  const prov = s.province.name;
  const categoryTable = table(
    'categories',
    `表1 ${qName}${prov}消费品召回统计表`,
    ['产品类别', '代码', '召回次数（次）', '召回数量（件）'],
    ['name', 'code', 'num', 'num'],
    s.byCategory.map((c) => [c.name, c.code, n(c.recalls), n(c.quantity)]),
    ['合计', '', n(s.totals.recalls), n(s.totals.quantity)],
  );
  const regionTable = table(
    'regions',
    `${qName}${prov}消费品召回区域分布`,
    ['序号', '召回产品区域', '生产企业数', '召回数量'],
    ['code', 'name', 'num', 'num'],
    s.byRegion.map((r, i) => [n(i + 1), r.short, n(r.manufacturers), n(r.quantity)]),
    ['', '合计', n(s.totals.manufacturers), n(s.totals.quantity)],
  );
  const casesTable = typicalCasesTable(s, qName, prov);
  const view: Omit<ReportView, 'flow'> = {
    meta,
    title: `${qName}${prov}消费品召回分析报告`,
    quarterName: qName,
    partOneTitle: `一、${prov}局缺陷产品召回情况`,
    summary:
      summarySentence(q, prov, { ...s.totals, end: s.period.end }, more.national ?? null) +
      (more.trend ? trendSentence(more.trend) : ''),
    categoryTable,
    categoryNarrative: categorySentences(s, meta),
    regionNarrative: regionSentences(s),
    regionTable,
    defectNarrative: defectSentences(s, ref, meta),
    casesTable,
    charts: more.charts ?? null,
    national: more.national ? buildNationalView(more.national, q, s.period.end) : null,
    foreign: more.foreign ? buildForeignView(more.foreign, q, undefined, meta.decimals) : null,
    clues: more.clues ? buildCluesView(more.clues, q, prov, `四、${qName}全省共享缺陷信息线索情况`) : null,
  };
  return { ...view, flow: reportFlow(view) };
}
