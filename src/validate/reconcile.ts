/**
 * Figures that must agree across tables. Disagreements are warnings that
 * give both figures and the difference: the sources are published tables
 * we cannot correct, but editors must know before they print.
 */
import type { CountQty, ForeignInput, NationalInput } from '../model/bulletin.js';
import { fileWarning, type ValidationIssue } from '../model/issues.js';
import type { Quarter } from '../model/quarter.js';
import { quarterName } from '../model/quarter.js';
import type { Province } from '../model/reference.js';
import { percentOf } from '../model/shares.js';

export interface ReconcileInput {
  quarter: Quarter | null;
  home: Province;
  national: NationalInput | null;
  foreign: ForeignInput | null;
  /** Accepted recall records and their quantity; null when the records file is not usable. */
  totals: CountQty | null;
  /** Display names of the files each figure came from. */
  files: { national?: string; foreign?: string; recalls?: string };
}

const sum = (xs: readonly CountQty[]): CountQty =>
  xs.reduce((a, x) => ({ recalls: a.recalls + x.recalls, quantity: a.quantity + x.quantity }), {
    recalls: 0,
    quantity: 0,
  });
const same = (a: CountQty, b: CountQty) => a.recalls === b.recalls && a.quantity === b.quantity;
const fmt = (x: CountQty) => `${x.recalls} 次、${x.quantity} 件`;
const diff = (a: CountQty, b: CountQty) => `${a.recalls - b.recalls} 次、${a.quantity - b.quantity} 件`;

function nationalTotals(r: ReconcileInput): ValidationIssue[] {
  const n = r.national;
  if (!n || n.source !== 'summary' || n.provinces.length === 0) return [];
  const periods = [
    { name: '本年', cats: sum(n.categories.map((c) => c.ytd)), provs: sum(n.provinces.map((p) => p.ytd)) },
    {
      name: r.quarter ? quarterName(r.quarter) : '本季度',
      cats: sum(n.categories.map((c) => c.quarter)),
      provs: sum(n.provinces.map((p) => p.quarter)),
    },
  ].filter((p) => !same(p.cats, p.provs));
  if (periods.length === 0) return [];
  const parts = periods.map(
    (p) => `${p.name}按类别合计 ${fmt(p.cats)}，按省份合计 ${fmt(p.provs)}，相差 ${diff(p.cats, p.provs)}`,
  );
  return [
    fileWarning(
      r.files.national ?? 'national',
      'reconcile.national.totals',
      `全国分类汇总表与全国各省汇总表的合计不一致：${parts.join('；')}。`,
      '两张表来自同一来源，合计应当相同。请向数据来源核实（常见原因：某次召回未归属到省份）。公报按各表自身的数字印出。',
    ),
  ];
}

function foreignCategories(r: ReconcileInput): ValidationIssue[] {
  const f = r.foreign;
  if (!f || f.categories.length === 0) return [];
  const byJurisdiction = f.jurisdictions.reduce((a, j) => a + j.recalls, 0);
  const byCategory = f.categories.reduce((a, c) => a + c.recalls, 0);
  if (byJurisdiction === byCategory) return [];
  const top = [...f.categories].sort((a, b) => b.recalls - a.recalls)[0]!;
  return [
    fileWarning(
      r.files.foreign ?? 'foreign',
      'reconcile.foreign.categories',
      `国外分类召回表合计 ${byCategory} 次，国外召回统计表合计 ${byJurisdiction} 次，相差 ${byCategory - byJurisdiction} 次。按类别的占比是以 ${byCategory} 次为分母计算的（如最多的一类 ${top.recalls} 次占 ${percentOf(top.recalls, byCategory).toFixed(2)}%），不是 ${byJurisdiction} 次（那样是 ${percentOf(top.recalls, byJurisdiction).toFixed(2)}%）。`,
      '请向数据来源确认分类统计覆盖的范围，并在公报文字中说明占比的口径。',
    ),
  ];
}

function homeQuarter(r: ReconcileInput): ValidationIssue[] {
  const row = r.national?.provinces.find((p) => p.code === r.home.code);
  const own = r.totals;
  if (!row || !own) return [];
  if (same(own, row.quarter)) return [];
  return [
    fileWarning(
      r.files.recalls ?? 'recalls',
      'reconcile.home.quarter',
      `本省召回记录合计 ${fmt(own)}，而全国各省汇总表中${r.home.name}本季度为 ${fmt(row.quarter)}，相差 ${diff(own, row.quarter)}。`,
      '请核对是否漏录或多录了召回记录，或全国汇总表是否已更新。',
    ),
  ];
}

export function reconcile(r: ReconcileInput): ValidationIssue[] {
  return [...nationalTotals(r), ...foreignCategories(r), ...homeQuarter(r)];
}
