/**
 * archive-consistency.ts for the national section: the sums, order and rank
 * national-stats.ts makes, and the periods validation refuses to mix
 * (national-periods.ts: 本季度 within 本年 within 累计). Pure.
 */
import type { CountQty } from '../model/bulletin.js';
import type { CategoryTableStats, CountRow, NationalStats, ProvinceTableStats, Rank } from '../model/bulletin-stats.js';
import { firstFound, totalOf, type Found } from './archive-figures.js';
import { provinceOrder, rankOf } from './national-stats.js';

const CATEGORIES = '全国分类汇总表';
const PROVINCES = '全国各省汇总表';
const ZERO: CountQty = { recalls: 0, quantity: 0 };

function tableTotals(table: string, t: { rows: readonly CountRow[]; total: CountQty }, parts: string): Found {
  return firstFound([
    () =>
      totalOf(
        `${table}的合计召回次数`,
        t.total.recalls,
        t.rows.map((r) => r.recalls),
        parts,
      ),
    () =>
      totalOf(
        `${table}的合计召回数量`,
        t.total.quantity,
        t.rows.map((r) => r.quantity),
        parts,
      ),
  ]);
}

/** Each row of `inner` within its row (by code) of `outer`: 本季度 within 本年, 本年 within 累计. */
function nested(table: string, inner: [string, readonly CountRow[]], outer: [string, readonly CountRow[]]): Found {
  const whole = new Map(outer[1].map((r) => [r.code, r]));
  for (const r of inner[1]) {
    const o = whole.get(r.code) ?? ZERO;
    for (const [key, what] of [['recalls', '召回次数'] as const, ['quantity', '召回数量'] as const])
      if (r[key] > o[key]) return `${table}中“${r.name}”的${inner[0]}${what}为 ${r[key]}，但${outer[0]}只有 ${o[key]}`;
  }
  return null;
}

/** The rows in the order the build prints them, numbered 1, 2, 3… (序号). */
function ordered(period: string, t: ProvinceTableStats): Found {
  const want = [...t.rows].sort(provinceOrder);
  const i = t.rows.findIndex((r, i) => r.code !== want[i]?.code || r.seq !== i + 1);
  if (i < 0) return null;
  const r = t.rows[i]!;
  return `${PROVINCES}${period}的第 ${i + 1} 行是“${r.name}”（序号 ${r.seq}），但按召回数量、再按召回次数排应为“${want[i]!.name}”（序号 ${i + 1}）`;
}

const rankText = (r: Rank) => `${r.tied ? '并列' : ''}第 ${r.rank}`;

/** The home province's figures and rank as the province tables give them. */
function home(n: NationalStats, province: { code: string; name: string }): Found {
  const who = `本省（${province.name}）`;
  const ytd = n.provincesYtd.rows.find((r) => r.code === province.code);
  if (!n.home) return ytd ? `没有${who}的全国排名，但${PROVINCES}的本年部分有${province.name}` : null;
  if (!ytd) return `有${who}的全国排名，但${PROVINCES}的本年部分没有${province.name}`;
  const quarter = n.provincesQuarter.rows.find((r) => r.code === province.code) ?? ZERO;
  const rank = rankOf(n.provincesYtd, province.code)!;
  const figures = [
    ['本年召回次数', n.home.ytd.recalls, ytd.recalls],
    ['本年召回数量', n.home.ytd.quantity, ytd.quantity],
    ['本季度召回次数', n.home.quarter.recalls, quarter.recalls],
    ['本季度召回数量', n.home.quarter.quantity, quarter.quantity],
  ] as const;
  const off = figures.find(([, got, want]) => got !== want);
  if (off) return `${who}的${off[0]}为 ${off[1]}，但${PROVINCES}中为 ${off[2]}`;
  if (n.home.ytdRank.rank === rank.rank && n.home.ytdRank.tied === rank.tied) return null;
  return `${who}的全国排名为${rankText(n.home.ytdRank)}，但按${PROVINCES}的本年数字应为${rankText(rank)}`;
}

export function nationalMismatch(n: NationalStats, province: { code: string; name: string }): Found {
  const periods: Array<[string, CategoryTableStats]> = [
    ['累计', n.cumulative],
    ['本年', n.ytd],
    ['本季度', n.quarter],
  ];
  return firstFound([
    ...periods.map(
      ([p, t]) =>
        () =>
          tableTotals(`${CATEGORIES}的${p}部分`, t, '各类别'),
    ),
    () => nested(CATEGORIES, ['本季度', n.quarter.rows], ['本年', n.ytd.rows]),
    () => nested(CATEGORIES, ['本年', n.ytd.rows], ['累计', n.cumulative.rows]),
    () => tableTotals(`${PROVINCES}的本年部分`, n.provincesYtd, '各省'),
    () => tableTotals(`${PROVINCES}的本季度部分`, n.provincesQuarter, '各省'),
    () => ordered('本年部分', n.provincesYtd),
    () => ordered('本季度部分', n.provincesQuarter),
    () => nested(PROVINCES, ['本季度', n.provincesQuarter.rows], ['本年', n.provincesYtd.rows]),
    () => home(n, province),
  ]);
}
