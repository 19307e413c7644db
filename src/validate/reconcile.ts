/**
 * Figures that must agree across tables. Disagreements are warnings that
 * give both figures and the difference: the sources are published tables
 * we cannot correct, but editors must know before they print.
 */
import type { CountQty, ForeignInput, NationalInput } from '../model/bulletin.js';
import { fileError, fileWarning, type ValidationIssue } from '../model/issues.js';
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
  files: { national?: string; provinces?: string; foreign?: string; recalls?: string };
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
  // A table not given, or refused whole (a column missing), has nothing to compare.
  if (!n || n.source !== 'summary' || n.provinces.length === 0 || n.categories.length === 0) return [];
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

/** What the province figures were read from, as the messages name it. */
export const provinceTable = (n: NationalInput) => (n.source === 'records' ? '全国召回记录' : '全国各省汇总表');

function homeQuarter(r: ReconcileInput): ValidationIssue[] {
  const row = r.national?.provinces.find((p) => p.code === r.home.code);
  const own = r.totals;
  if (!r.national || !row || !own) return [];
  if (same(own, row.quarter)) return [];
  return [
    fileWarning(
      r.files.recalls ?? 'recalls',
      'reconcile.home.quarter',
      `本省召回记录合计 ${fmt(own)}，而${provinceTable(r.national)}中${r.home.name}本季度为 ${fmt(row.quarter)}，相差 ${diff(own, row.quarter)}。`,
      '请核对是否漏录或多录了召回记录，或全国汇总表是否已更新。',
    ),
  ];
}

/**
 * The province's own recalls against its national figures, from the province
 * table or from a record-level export alike (both print 前三季度…位居全国第N):
 * absent, the rank sentence and the province itself drop out of the national
 * section; a year below this quarter's own records is impossible (the quarter
 * is part of the year), so both are errors, not the warning above.
 */
function homeRow(r: ReconcileInput): ValidationIssue[] {
  const n = r.national;
  const own = r.totals;
  if (!n || !own || own.recalls === 0) return [];
  // No province table was given; an export lists only the provinces it has records of, so it always counts.
  if (n.source === 'summary' && n.provinces.length === 0) return [];
  const table = provinceTable(n);
  const row = n.provinces.find((p) => p.code === r.home.code);
  if (!row) return [homeMissing(r, n, own)];
  if (own.recalls <= row.ytd.recalls && own.quantity <= row.ytd.quantity) return [];
  return [
    fileError(
      r.files.recalls ?? 'recalls',
      'contradiction.home.year',
      `本省召回记录本季度合计 ${fmt(own)}，多于${table}中${r.home.name}本年的 ${fmt(row.ytd)}：本季度包含在本年之内，公报不能同时印出这两个数字。`,
      n.source === 'records'
        ? `请核对召回记录是否多录或重复录入，或全国召回记录是否漏了${r.home.name}的召回、不是最新的导出。`
        : `请核对召回记录是否多录或重复录入，或全国各省汇总表中${r.home.name}的本年数字是否填错、未更新。`,
    ),
  ];
}

function homeMissing(r: ReconcileInput, n: NationalInput, own: CountQty): ValidationIssue {
  const consequence = `公报将印不出${r.home.name}的全国排名，全国开展召回的省份也会漏掉${r.home.name}。`;
  if (n.source === 'records')
    return fileError(
      r.files.provinces ?? r.files.national ?? 'national-recalls',
      'national.province.home-missing',
      `全国召回记录中没有${r.home.name}本年的召回（或这些行有错误未被采用），而本省召回记录本季度有 ${fmt(own)}：${consequence}`,
      `请核对全国召回记录是否完整、是否为最新的导出（应包含${r.home.name}本季度的召回）；如已有${r.home.name}的行，请先改正这些行的错误。`,
    );
  return fileError(
    r.files.provinces ?? r.files.national ?? 'national-provinces',
    'national.province.home-missing',
    `全国各省汇总表中没有${r.home.name}这一行（或这一行有错误未被采用），而本省召回记录本季度有 ${fmt(own)}：${consequence}`,
    `请在全国各省汇总表中补上${r.home.name}的数字（本年、本季度召回次数和数量）；如已有这一行，请先改正该行的错误。`,
  );
}

export function reconcile(r: ReconcileInput): ValidationIssue[] {
  return [...nationalTotals(r), ...foreignCategories(r), ...homeQuarter(r), ...homeRow(r)];
}
