/** Parts 三 (foreign recalls) and 四 (表4, shared defect clues). Pure. */
import { andJoin, chineseCount, listJoin, percent, wan } from '../model/chinese.js';
import type { ClueStats, ForeignStats } from '../model/bulletin-stats.js';
import { quarterName, type Quarter } from '../model/quarter.js';
import { unfilledSentence, type UnfilledTables } from '../model/unfilled.js';
import { sharePhrase } from './view-narrative.js';
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

type Jurisdiction = ForeignStats['jurisdictions'][number];
type Category = ForeignStats['categories'][number];

function jurisdictionClause(j: Jurisdiction): string {
  return `${j.name}实施召回${n(j.recalls)}次，${j.quantity === null ? '数量未公开' : `涉及产品${qty(j.quantity)}`}`;
}

/** A share is printed only when it was computed: of a total of 0 there is none. */
function chinaClause(j: Jurisdiction, decimals: number): string | null {
  if (j.chinaRecalls === null) return null;
  const amount = j.chinaQuantity === null ? '' : `，涉及产品${qty(j.chinaQuantity)}`;
  const shares = [
    j.chinaRecallShare === null ? null : `${j.name}召回产品总次数的${percent(j.chinaRecallShare, decimals)}`,
    j.chinaQuantityShare === null ? null : `总数量的${percent(j.chinaQuantityShare, decimals)}`,
  ].filter((x) => x !== null);
  return `${j.name}召回中国生产产品${n(j.chinaRecalls)}次${amount}${shares.length ? `，占${shares.join('，')}` : ''}`;
}

/** Every item tied for the largest positive value, in the order given (the tables' order). */
function leaders<T>(xs: readonly T[], value: (x: T) => number | null): T[] {
  const max = Math.max(0, ...xs.map((x) => value(x) ?? 0));
  return max > 0 ? xs.filter((x) => value(x) === max) : [];
}

/** The seed's 占比74.79% for one leader; tied leaders each get their own printed share. */
function jurisdictionLeaders(s: ForeignStats, decimals: number): string {
  const top = leaders(s.jurisdictions, (j) => j.recalls);
  const shares = top.flatMap((j) => (j.recallShare === null ? [] : [j.recallShare]));
  const [first] = top;
  const [share] = shares;
  if (!first || share === undefined || shares.length !== top.length) return '';
  if (top.length === 1) return `在国家地区分类中，${first.name}召回次数最多，占比${percent(share, decimals)}。`;
  const phrase = sharePhrase('召回总次数', shares, decimals);
  return `在国家地区分类中，${andJoin(top.map((j) => j.name))}召回次数最多，均为${n(first.recalls)}次，${phrase}。`;
}

/** How many categories the paragraph names, most recalls first; a tie at the last place is named in full. */
const TOP_CATEGORIES = 3;

function categoryRecalls(cats: readonly Category[], decimals: number): string {
  // Categories come most recalls first; one of 0 recalls is no leading category.
  const active = cats.flatMap((c) => (c.recalls > 0 && c.recallShare !== null ? [{ ...c, share: c.recallShare }] : []));
  const last = active[TOP_CATEGORIES - 1];
  const named = last ? active.filter((c) => c.recalls >= last.recalls) : active;
  if (!named.length) return '在召回产品类别中，各类别召回均为0次。';
  const text = named.map((c) => `${c.name}召回${n(c.recalls)}次，占比${percent(c.share, decimals)}`);
  return `在召回产品类别中，${text.join('；')}。`;
}

function categoryQuantity(cats: readonly Category[], decimals: number): string {
  const top = leaders(cats, (c) => c.quantity);
  const shares = top.flatMap((c) => (c.quantityShare === null ? [] : [c.quantityShare]));
  const [first] = top;
  const [share] = shares;
  if (!first || first.quantity === null || share === undefined || shares.length !== top.length) return '';
  if (top.length === 1) {
    return `${first.name}召回数量最多，涉及产品${qty(first.quantity)}，占已公开召回总数量${percent(share, decimals)}。`;
  }
  const phrase = sharePhrase('已公开召回总数量', shares, decimals);
  return `${andJoin(top.map((c) => c.name))}召回数量最多，均涉及产品${qty(first.quantity)}，${phrase}。`;
}

/**
 * Whether the disclosed sum may stand as the total (the seed prints it so beside countries marked
 * 数量未公开). With no quantity disclosed by a country that recalled anything, the sum is only the
 * 0 of countries without recalls, which is not the quantity recalled.
 */
function totalKnown(js: readonly Jurisdiction[]): boolean {
  return js.every((j) => j.quantity !== null) || js.some((j) => j.quantity !== null && j.recalls > 0);
}

export function buildForeignView(
  s: ForeignStats,
  q: Quarter,
  title = '三、国外消费品召回统计情况',
  decimals = 2,
  unfilled: UnfilledTables = {},
): ForeignView {
  if (unfilled.foreign) return { title, paragraph: unfilledSentence(unfilled.foreign) };
  const period = `${q.year}年1月至${q.quarter * 3}月`;
  const names = s.jurisdictions.map((j) => j.name);
  const amount = totalKnown(s.jurisdictions) ? `涉及产品${qty(s.total.disclosedQuantity)}` : '数量未公开';
  const parts = [
    `${period}，${listJoin(names)}${chineseCount(names.length)}个国家地区共实施消费品召回${n(s.total.recalls)}次，${amount}。`,
    `具体情况为：${s.jurisdictions.map(jurisdictionClause).join('；')}。`,
  ];
  const china = s.jurisdictions.map((j) => chinaClause(j, decimals)).filter((c): c is string => c !== null);
  if (china.length) parts.push(`其中，${china.join('；')}。`);
  // With no recall at all there is no leader; the first sentence already says 0次.
  parts.push(jurisdictionLeaders(s, decimals));
  if (unfilled['foreign-categories']) parts.push(unfilledSentence(unfilled['foreign-categories']));
  else if (s.categories.length) {
    parts.push(categoryRecalls(s.categories, decimals));
    if (s.categoryTotal.recalls > 0) parts.push(categoryQuantity(s.categories, decimals));
  }
  return { title, paragraph: parts.join('') };
}

export function buildCluesView(
  s: ClueStats,
  q: Quarter,
  provinceName: string,
  title: string,
  unfilled: UnfilledTables = {},
): CluesView {
  const qn = quarterName(q);
  return {
    title,
    lead: unfilled.clues
      ? unfilledSentence(unfilled.clues)
      : `${qn}，全省系统提供共享缺陷信息${n(s.total.reports)}条，形成有效缺陷产品召回信息${n(s.total.effective)}条，具体共享信息线索情况（见表4）。`,
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
