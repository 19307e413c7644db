/** Parts 三 (foreign recalls) and 四 (表4, shared defect clues). Pure. */
import { chineseCount, listJoin, percent, wan } from '../model/chinese.js';
import type { ClueStats, ForeignStats } from '../model/bulletin-stats.js';
import { quarterName, type Quarter } from '../model/quarter.js';
import { n, table, type TableView } from './view-table.js';

export interface ForeignView {
  title: string;
  paragraph: string;
}

export interface CluesView {
  title: string;
  lead: string;
  table: TableView;
}

const qty = (v: number): string => `${wan(v)}件`;

function jurisdictionClause(j: ForeignStats['jurisdictions'][number]): string {
  return `${j.name}实施召回${n(j.recalls)}次，${j.quantity === null ? '数量未公开' : `涉及产品${qty(j.quantity)}`}`;
}

function chinaClause(j: ForeignStats['jurisdictions'][number], decimals: number): string | null {
  if (j.chinaRecalls === null || j.chinaRecallShare === null) return null;
  const amount = j.chinaQuantity === null ? '' : `涉及产品${qty(j.chinaQuantity)}，`;
  const qtyShare = j.chinaQuantityShare === null ? '' : `，总数量的${percent(j.chinaQuantityShare, decimals)}`;
  return `${j.name}召回中国生产产品${n(j.chinaRecalls)}次，${amount}占${j.name}召回产品总次数的${percent(j.chinaRecallShare, decimals)}${qtyShare}`;
}

/** How many categories the paragraph names, most recalls first. */
const TOP_CATEGORIES = 3;

export function buildForeignView(
  s: ForeignStats,
  q: Quarter,
  title = '三、国外消费品召回统计情况',
  decimals = 2,
): ForeignView {
  const pct = (v: number) => percent(v, decimals);
  const period = `${q.year}年1月至${q.quarter * 3}月`;
  const names = s.jurisdictions.map((j) => j.name);
  // With no quantity disclosed the disclosed sum is 0, which is not the quantity recalled.
  const anyDisclosed = s.jurisdictions.some((j) => j.quantity !== null);
  const amount = anyDisclosed ? `涉及产品${qty(s.total.disclosedQuantity)}` : '数量未公开';
  const parts = [
    `${period}，${listJoin(names)}${chineseCount(names.length)}个国家地区共实施消费品召回${n(s.total.recalls)}次，${amount}。`,
    `具体情况为：${s.jurisdictions.map(jurisdictionClause).join('；')}。`,
  ];
  const china = s.jurisdictions.map((j) => chinaClause(j, decimals)).filter((c): c is string => c !== null);
  if (china.length) parts.push(`其中，${china.join('；')}。`);
  const top = [...s.jurisdictions].sort((a, b) => b.recalls - a.recalls)[0];
  if (top) parts.push(`在国家地区分类中，${top.name}召回次数最多，占比${pct(top.recallShare)}。`);
  if (s.categories.length) {
    const cats = s.categories
      .slice(0, TOP_CATEGORIES)
      .map((c) => `${c.name}召回${n(c.recalls)}次，占比${pct(c.recallShare)}`);
    parts.push(`在召回产品类别中，${cats.join('；')}。`);
    const byQty = [...s.categories]
      .filter((c) => c.quantity !== null)
      .sort((a, b) => (b.quantity ?? 0) - (a.quantity ?? 0))[0];
    if (byQty && byQty.quantity !== null && byQty.quantityShare !== null) {
      parts.push(
        `${byQty.name}召回数量最多，涉及产品${qty(byQty.quantity)}，占已公开召回总数量${pct(byQty.quantityShare)}。`,
      );
    }
  }
  return { title, paragraph: parts.join('') };
}

export function buildCluesView(s: ClueStats, q: Quarter, provinceName: string, title: string): CluesView {
  const qn = quarterName(q);
  return {
    title,
    lead: `${qn}，全省系统提供共享缺陷信息${n(s.total.reports)}条，形成有效缺陷产品召回信息${n(s.total.effective)}条，具体共享信息线索情况（见表4）。`,
    table: table(
      'clues',
      `表4 ${qn}${provinceName}共享缺陷信息线索表`,
      ['序号', '共享缺陷线索信息用户', '共享缺陷线索报告信息', '形成有效缺陷产品召回信息', '共享检验检测信息'],
      ['code', 'name', 'num', 'num', 'num'],
      s.rows.map((r, i) => [n(i + 1), r.unit, n(r.reports), n(r.effective), n(r.inspections)]),
      ['', '总计', n(s.total.reports), n(s.total.effective), n(s.total.inspections)],
    ),
  };
}
