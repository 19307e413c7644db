/**
 * Stats → the strings and rows templates print. Pure: every sentence of the
 * report is built here from figures, so templates stay logic-free.
 */
import { parseQuarter, quarterName } from '../model/quarter.js';
import { unfilledSentence, type UnfilledTables } from '../model/unfilled.js';
import type { ReferenceData } from '../model/reference.js';
import type { QuarterStats, Trend, TypicalCase } from '../model/stats.js';
import type { ClueStats, ForeignStats, NationalStats } from '../model/bulletin-stats.js';
import { buildCluesView, buildForeignView, type CluesView, type ForeignView } from './view-foreign.js';
import { buildNationalView, summarySentence, trendSentence, type NationalView } from './view-national.js';
import { withWidths } from './col-widths.js';
import { reportFlow, type FlowBlock } from './report-flow.js';
import { n, table, type TableView } from './view-table.js';
import { categorySentences, defectSentences, regionSentences } from './view-narrative.js';

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
  /** A draft's tables with nothing usable yet: their sentences are stand-ins (model/unfilled.ts). */
  unfilled?: UnfilledTables;
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
      caseQuantity(c),
      c.description,
    ]),
    null,
  );
  return withWidths(t, CASES_EM);
}

/** 表2's 缺陷产品数量 as the record's cell claims it: 257500只, or 约1500本 for an approximate one. */
function caseQuantity(c: TypicalCase): string {
  const a = c.approx;
  return a ? `${a.before}${n(c.quantity)}${a.middle}${c.unit}${a.after}` : `${n(c.quantity)}${c.unit}`;
}

/** With every quantity 0 the quantity pie has no slice to draw: it is left out (the narrative says 均为0件). */
function shownCharts(charts: ReportCharts | null | undefined, s: QuarterStats): ReportCharts | null {
  if (!charts) return null;
  return s.totals.quantity > 0 ? charts : { ...charts, categories: '' };
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
  const unfilled = more.unfilled ?? {};
  // Unfilled records are not a quarter without recalls: no sentence is worded from their zeros.
  const records = (text: () => string) => (unfilled.recalls ? unfilledSentence(unfilled.recalls) : text());
  const view: Omit<ReportView, 'flow'> = {
    meta,
    title: `${qName}${prov}消费品召回分析报告`,
    quarterName: qName,
    partOneTitle: `一、${prov}局缺陷产品召回情况`,
    summary: records(
      () =>
        summarySentence(q, prov, { ...s.totals, end: s.period.end }, more.national ?? null) +
        (more.trend ? trendSentence(more.trend) : ''),
    ),
    categoryTable,
    categoryNarrative: records(() => categorySentences(s, meta)),
    regionNarrative: records(() => regionSentences(s)),
    regionTable,
    defectNarrative: records(() => defectSentences(s, ref, meta)),
    casesTable,
    charts: shownCharts(more.charts, s),
    national: more.national ? buildNationalView(more.national, q, s.period.end, unfilled) : null,
    foreign: more.foreign ? buildForeignView(more.foreign, q, undefined, meta.decimals, unfilled) : null,
    clues: more.clues ? buildCluesView(more.clues, q, prov, `四、${qName}全省共享缺陷信息线索情况`, unfilled) : null,
  };
  return { ...view, flow: reportFlow(view) };
}
