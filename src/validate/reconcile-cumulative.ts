/**
 * 累计 (历年来) across a year's turn: the figure counts every recall since records began, so it
 * never falls, whichever year. Within a year reconcile-quarters.ts compares it with 本年 (the
 * latest earlier quarter of the year); a first quarter has none, so it is compared here with the
 * latest quarter of the year before whose national figures are known. Pure.
 */
import type { CountQty } from '../model/bulletin.js';
import { makeIssue, type ValidationIssue } from '../model/issues.js';
import type { EarlierQuarter, QuarterSubject } from './reconcile-quarters.js';

const fmt = (x: CountQty) => `${x.recalls} 次、${x.quantity} 件`;
const MAX_LISTED = 8;

/** Error: a 累计 figure of the category table below the same figure in `prev` (an earlier year's quarter). */
export function cumulativeDecrease(s: QuarterSubject, prev: EarlierQuarter | null): ValidationIssue[] {
  const rows = s.national?.categories;
  const before = prev?.stats.national?.cumulative;
  if (!rows || !prev || !before) return [];
  const name = new Map(s.ref.categories.map((c) => [c.code, c.name]));
  const was = new Map(before.rows.map((r) => [r.code, r as CountQty]));
  const now = rows.map((r) => ({ name: name.get(r.code) ?? r.code, now: r.cumulative, was: was.get(r.code) }));
  const total = rows.reduce(
    (a, r) => ({ recalls: a.recalls + r.cumulative.recalls, quantity: a.quantity + r.cumulative.quantity }),
    {
      recalls: 0,
      quantity: 0,
    },
  );
  const down = [...now, { name: '合计', now: total, was: before.total }].flatMap(({ name: n, now: a, was: b }) =>
    b && (a.recalls < b.recalls || a.quantity < b.quantity)
      ? [
          `${n} 本期 ${fmt(a)}，${prev.quarter} 为 ${fmt(b)}，相差 ${a.recalls - b.recalls} 次、${a.quantity - b.quantity} 件`,
        ]
      : [],
  );
  if (down.length === 0) return [];
  const shown = down.slice(0, MAX_LISTED).join('；') + (down.length > MAX_LISTED ? `；等共 ${down.length} 项` : '');
  return [
    makeIssue(
      'error',
      'reconcile.national.cumulative-decrease',
      { file: s.files.categories ?? 'national-categories' },
      `全国分类汇总表的累计（历年来）数字比 ${prev.quarter}（${prev.path}）还少，而历年来的累计数只能增加：${shown}。`,
      '请核对累计列是否填成了本年或本季度的数字，或之前那一季度的表是否有误；改正后再生成。',
    ),
  ];
}

/**
 * Within a year, 累计 and 本年 grow by the same recalls: 累计 − 本年 is the total before this year,
 * and it cannot change between two quarters of one year except by a late filing for an earlier year
 * (a rise: a warning). A fall is impossible: a 累计 that grew by less than 本年 is stale or mistyped
 * (850 次 after 845, with 29 次 this quarter), and it is the national section's headline figure.
 */
export function cumulativeAgainstYear(s: QuarterSubject, prev: EarlierQuarter | null): ValidationIssue[] {
  const rows = s.national?.categories;
  const p = prev?.stats.national;
  if (!rows || !prev || !p) return [];
  const name = new Map(s.ref.categories.map((c) => [c.code, c.name]));
  const was = (list: ReadonlyArray<{ code: string } & CountQty>, code: string) => list.find((r) => r.code === code);
  const base = (cum: CountQty, ytd: CountQty): CountQty => ({
    recalls: cum.recalls - ytd.recalls,
    quantity: cum.quantity - ytd.quantity,
  });
  const changed = rows.flatMap((r) => {
    const [cum, ytd] = [was(p.cumulative.rows, r.code), was(p.ytd.rows, r.code)];
    if (!cum || !ytd) return [];
    const [now, then] = [base(r.cumulative, r.ytd), base(cum, ytd)];
    if (now.recalls === then.recalls && now.quantity === then.quantity) return [];
    const down = now.recalls < then.recalls || now.quantity < then.quantity;
    const text = `${name.get(r.code) ?? r.code} 累计减本年 本期 ${fmt(now)}，${prev.quarter} 为 ${fmt(then)}`;
    return [{ down, text }];
  });
  const severe = changed.filter((c) => c.down);
  const listed = (items: typeof changed) =>
    items
      .slice(0, MAX_LISTED)
      .map((c) => c.text)
      .join('；') + (items.length > MAX_LISTED ? `；等共 ${items.length} 项` : '');
  const where = `${prev.quarter}（${prev.path}）`;
  const file = { file: s.files.categories ?? 'national-categories' };
  if (severe.length > 0)
    return [
      makeIssue(
        'error',
        'reconcile.national.cumulative',
        file,
        `全国分类汇总表的累计（历年来）比${where}增加得少于本年的增加，而累计包含本年：累计减本年（本年之前各年的总数）不能减少：${listed(severe)}。`,
        '请核对累计列是否沿用了旧的数字或填错；改正后再生成。',
      ),
    ];
  if (changed.length === 0) return [];
  return [
    makeIssue(
      'warning',
      'reconcile.national.cumulative',
      file,
      `全国分类汇总表的累计（历年来）比${where}增加得多于本年的增加（本年之前各年的总数变大了）：${listed(changed)}。公报按表中的数字印出。`,
      '请向数据来源核实（常见原因：以前年度的召回后来补报）。',
    ),
  ];
}
