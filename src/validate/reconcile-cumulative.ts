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
