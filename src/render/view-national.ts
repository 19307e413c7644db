/** Part 二 (national) of the analysis report, and the province's national rank. Pure. */
import { chineseMonthDay } from '../model/calendar.js';
import { changePhrase, ordinal, rankPhrase, wan } from '../model/chinese.js';
import type { Trend } from '../model/stats.js';
import type { CategoryTableStats, NationalStats, ProvinceTableStats } from '../model/bulletin-stats.js';
import { quarterName, yearToDateName, type Quarter } from '../model/quarter.js';
import { unfilledSentence, type UnfilledTables } from '../model/unfilled.js';
import { flowBlock, type FlowBlock } from './report-flow.js';
import { n, table, type TableView } from './view-table.js';

export interface TableBlock {
  lead: string;
  table: TableView;
}

export interface NationalView {
  title: string;
  categoriesHeading: string;
  categoryBlocks: TableBlock[];
  provincesHeading: string;
  provinceBlocks: TableBlock[];
  /**
   * The headings and blocks above in print order (report-flow.ts), which
   * the print layout may float like the report's statistics part: a table
   * that fits on a page moves to the next one whole and the sentence after
   * it, up to the next table or heading, fills the gap.
   */
  flow: FlowBlock[];
}

/** The part's (一) and (二) as flow blocks: each lead a paragraph, then its table. */
function nationalFlow(v: Omit<NationalView, 'flow'>): FlowBlock[] {
  const part = (key: string, heading: string, blocks: readonly TableBlock[]): FlowBlock[] => [
    flowBlock(`national-${key}-heading`, 'heading', { heading }),
    ...blocks.flatMap((b) => [
      flowBlock(`lead-${b.table.id}`, 'text', { lead: '', body: b.lead }),
      flowBlock(`table-${b.table.id}`, 'table', { table: b.table }),
    ]),
  ];
  return [
    ...part('categories', v.categoriesHeading, v.categoryBlocks),
    ...part('provinces', v.provincesHeading, v.provinceBlocks),
  ];
}

function categoryTable(id: string, caption: string, t: CategoryTableStats): TableView {
  return table(
    id,
    caption,
    ['产品类别', '代码', '召回次数（次）', '召回数量（件）'],
    ['name', 'code', 'num', 'num'],
    t.rows.map((r) => [r.name, r.code, n(r.recalls), n(r.quantity)]),
    ['合计', '', n(t.total.recalls), n(t.total.quantity)],
  );
}

function provinceTable(id: string, caption: string, t: ProvinceTableStats): TableView {
  return table(
    id,
    caption,
    ['序号', '开展召回的省市', '召回次数（次）', '召回数量（件）'],
    ['code', 'name', 'num', 'num'],
    t.rows.map((r) => [n(r.seq), r.name, n(r.recalls), n(r.quantity)]),
    ['', '总计', n(t.total.recalls), n(t.total.quantity)],
  );
}

export function buildNationalView(
  s: NationalStats,
  q: Quarter,
  periodEnd: string,
  unfilled: UnfilledTables = {},
): NationalView {
  const view = nationalParts(s, q, periodEnd, unfilled);
  return { ...view, flow: nationalFlow(view) };
}

function nationalParts(
  s: NationalStats,
  q: Quarter,
  periodEnd: string,
  unfilled: UnfilledTables,
): Omit<NationalView, 'flow'> {
  const asOf = `（数据截至${chineseMonthDay(periodEnd)}）`;
  // A table with nothing usable yet says so, under the number and period of the table it leads.
  const lead = (no: number, when: string, table: string | undefined, text: () => string) =>
    `${no}、${when}${asOf}${table ? `：${unfilledSentence(table)}` : text()}`;
  const cat = (no: number, when: string, t: CategoryTableStats) =>
    lead(
      no,
      when,
      unfilled['national-categories'],
      () => `，全国消费品共计召回${n(t.total.recalls)}次，涉及数量${wan(t.total.quantity)}件。详细数据见下表：`,
    );
  const prov = (no: number, when: string, t: ProvinceTableStats) =>
    lead(
      no,
      when,
      unfilled['national-provinces'],
      () =>
        `，全国有${n(t.rows.length)}个省(市)局开展了消费品召回工作，召回次数共计${n(t.total.recalls)}次，涉及数量为${wan(t.total.quantity)}件。详细数据见下表：`,
    );
  return {
    title: '二、全国缺陷产品召回情况',
    categoriesHeading: `（一）${q.year}年全国消费品召回工作情况`,
    categoryBlocks: [
      {
        lead: cat(1, '历年来', s.cumulative),
        table: categoryTable('national-cumulative', '全国消费品召回统计（历年累计）', s.cumulative),
      },
      {
        lead: cat(2, `${q.year}年以来`, s.ytd),
        table: categoryTable('national-ytd', `全国消费品召回统计（${q.year}年以来）`, s.ytd),
      },
      {
        lead: cat(3, quarterName(q), s.quarter),
        table: categoryTable('national-quarter', `全国消费品召回统计（${quarterName(q)}）`, s.quarter),
      },
    ],
    provincesHeading: `（二）${q.year}年各省局召回工作情况统计`,
    provinceBlocks: [
      {
        lead: prov(1, `${q.year}年以来`, s.provincesYtd),
        table: provinceTable('provinces-ytd', `各省局消费品召回统计（${q.year}年以来）`, s.provincesYtd),
      },
      {
        lead: prov(2, quarterName(q), s.provincesQuarter),
        table: provinceTable('provinces-quarter', `各省局消费品召回统计（${quarterName(q)}）`, s.provincesQuarter),
      },
    ],
  };
}

/**
 * The report's opening sentence: year to date with the national rank when
 * national figures name the province, then the quarter itself.
 */
export function summarySentence(
  q: Quarter,
  provinceName: string,
  quarter: { recalls: number; quantity: number; end: string },
  national: NationalStats | null,
): string {
  const did = (f: { recalls: number; quantity: number }) =>
    f.recalls === 0 ? '没有开展缺陷产品召回' : `开展缺陷产品召回${n(f.recalls)}次，共召回缺陷产品${n(f.quantity)}件`;
  const when = `${quarterName(q)}（截至${chineseMonthDay(quarter.end)}），${provinceName}省局`;
  const own = `${when}${did(quarter)}。`;
  const home = national?.home;
  // No recall this year yet: there is no place among the provinces to name.
  if (!home || home.ytd.recalls === 0) return own;
  const rank = `位居全国${ordinal(home.ytdRank.rank, home.ytdRank.tied)}`;
  // Attributed to SAMR's data and ranked by them, a first quarter's figures are the national row's
  // (本年 is the quarter), not the records': those may differ (reconcile.home.quarter warns).
  if (q.quarter === 1) return `根据市场监督管理总局数据统计显示，${when}${did(home.ytd)}，${rank}。`;
  return `根据市场监督管理总局数据统计显示，${q.year}年${yearToDateName(q)}${provinceName}省局开展消费品缺陷产品召回${n(home.ytd.recalls)}次，共召回缺陷产品${n(home.ytd.quantity)}件，${rank}，${own}`;
}

/** 与上年同期相比，召回次数同比增长29.91%，召回数量同比下降86.19%，全国排名由第二上升至第一。 */
export function trendSentence(t: Trend): string {
  const against = t.kind === '同比' ? '与上年同期相比' : '与上季度相比';
  const rank = t.rank ? `，${rankPhrase(t.rank.from, t.rank.to, t.rank.fromTied, t.rank.toTied)}` : '';
  return `${against}，${changePhrase('召回次数', t.kind, t.recalls)}，${changePhrase('召回数量', t.kind, t.quantity)}${rank}。`;
}
