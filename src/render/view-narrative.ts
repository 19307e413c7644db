/**
 * The sentences of part 一 (categories, regions, defect types), worded from
 * the figures of stats.json. Pure. Every share printed is the share of the
 * item it is said of, exactly as stats.json and the charts have it.
 */
import { andJoin, listJoin, percent } from '../model/chinese.js';
import type { ReferenceData } from '../model/reference.js';
import type { Leader, QuarterStats } from '../model/stats.js';
import { n } from './view-table.js';

/** What the sentences need of the report's settings. */
export interface NarrativeMeta {
  /** 湖南 in 占湖南召回总数量. */
  provinceShort: string;
  /** Decimals of percentages. */
  decimals: number;
}

function leaderName(l: Leader): string {
  return l.soleProduct ? `${l.name}（${l.soleProduct}）` : l.name;
}

/**
 * 占…的61.54% for one item. Tied items can print different shares
 * (largest-remainder rounding gives thirds as 33.34/33.33/33.33), so one
 * figure is said of all only when all print it: 各占…的50.00%; otherwise
 * 分别占…的33.34%、33.33%和33.33%, in the order the items were named.
 */
export function sharePhrase(of: string, shares: readonly number[], decimals: number): string {
  const texts = shares.map((x) => percent(x, decimals));
  if (texts.length <= 1) return `占${of}的${texts.join('')}`;
  if (new Set(texts).size === 1) return `各占${of}的${texts[0] ?? ''}`;
  return `分别占${of}的${andJoin(texts)}`;
}

/** The largest quantity; when every quantity is 0 there is no leader and no share to give. */
function quantitySentence(q: readonly Leader[], meta: NarrativeMeta): string {
  const first = q[0];
  if (!first) return '各类别召回数量均为0件。';
  const of = `${meta.provinceShort}召回总数量`;
  const shares = sharePhrase(
    of,
    q.map((l) => l.share),
    meta.decimals,
  );
  return `召回数量最多的是${andJoin(q.map(leaderName))}，召回数量${q.length > 1 ? '均' : ''}为${n(first.quantity)}件，${shares}。`;
}

function recallsSentence(r: readonly Leader[], meta: NarrativeMeta): string {
  const top = r[0];
  if (!top) return '';
  const shares = sharePhrase(
    '总召回次数',
    r.map((l) => l.share),
    meta.decimals,
  );
  return `召回次数最多的是${andJoin(r.map((l) => l.name))}，${r.length > 1 ? '各' : '共'}召回${n(top.recalls)}次，${shares}。`;
}

export function categorySentences(s: QuarterStats, meta: NarrativeMeta): string {
  if (s.totals.recalls === 0) return '本季度没有开展消费品召回。';
  const names = s.highlights.activeCategories.map((c) => s.byCategory.find((r) => r.code === c)?.name ?? c);
  return (
    `本季度召回种类主要是${listJoin(names)}。` +
    `其中，${quantitySentence(s.highlights.topByQuantity, meta)}` +
    recallsSentence(s.highlights.topByRecalls, meta)
  );
}

export function regionSentences(s: QuarterStats): string {
  if (s.totals.recalls === 0) return '本季度各市州均没有召回。';
  const byCode = new Map(s.byRegion.map((r) => [r.code, r]));
  const active = s.highlights.activeRegions.map((c) => byCode.get(c)?.short ?? c);
  const lead = s.highlights.leadingRegions
    .map((c) => byCode.get(c))
    .filter((r) => r !== undefined)
    .map((r) => `${r.short}地区涉及召回产品${n(r.quantity)}件（套），生产企业${n(r.manufacturers)}家`);
  const where = `本季度召回主要集中在${listJoin(active)}${active.length > 1 ? '等地' : ''}`;
  return `${where}。${lead.length ? `${lead.join('；')}。` : ''}${manufacturersNote(s)}`;
}

/**
 * The region table's 生产企业数 合计 counts each manufacturer once; a manufacturer with recalls in
 * two regions is in both rows, and a reader adding up the column would find the table wrong.
 */
function manufacturersNote(s: QuarterStats): string {
  const rows = s.byRegion.reduce((a, r) => a + r.manufacturers, 0);
  if (rows === s.totals.manufacturers) return '';
  return `下表各市州生产企业数之和为${n(rows)}家，多于合计的${n(s.totals.manufacturers)}家：有生产企业在多个市州召回，合计中只计一次。`;
}

export function defectSentences(s: QuarterStats, ref: ReferenceData, meta: NarrativeMeta): string {
  if (s.totals.recalls === 0) return '本季度没有召回。';
  const phrase = new Map(ref.defectTypes.map((d) => [d.code, d.phrase]));
  const parts = [...s.byDefect]
    .map((d, i) => ({ d, i }))
    .filter((x) => x.d.recalls > 0)
    .sort((a, b) => b.d.recalls - a.d.recalls || a.i - b.i)
    // A type with recalls has a share: the quarter's total is positive.
    .flatMap(({ d }) =>
      d.recallShare === null
        ? []
        : [
            `有${n(d.recalls)}批次产品存在${phrase.get(d.code) ?? d.name}，占总召回批次${percent(d.recallShare, meta.decimals)}`,
          ],
    );
  return `本季度召回的消费品中，${parts.join('；')}。`;
}
