/**
 * Figures that must agree across the quarters of a year: this quarter's
 * tables against the earlier quarters' figures (from their data folders or
 * archived stats.json). Pure; each finding gives both figures, where each
 * came from and the difference.
 */
import type { CountQty, NationalCategoryInput, ProvinceFigures } from '../model/bulletin.js';
import { makeIssue, type ValidationIssue } from '../model/issues.js';
import { quarterId, type Quarter } from '../model/quarter.js';
import type { Province, ReferenceData } from '../model/reference.js';
import type { BulletinStats } from '../model/stats.js';

/** An earlier quarter's figures and where they were read. */
export interface EarlierQuarter {
  quarter: string;
  path: string;
  stats: BulletinStats;
}

/**
 * The national tables, each on its own: null when it is not to be compared (unfilled, or with
 * rejected rows that would read as 0), so one unfinished table does not hide the other's checks.
 */
export interface NationalTables {
  categories: readonly NationalCategoryInput[] | null;
  provinces: readonly ProvinceFigures[] | null;
}

export interface QuarterSubject {
  quarter: Quarter;
  ref: ReferenceData;
  home: Province;
  national: NationalTables | null;
  /** Accepted recall records and their quantity; null when the records file is not usable. */
  totals: CountQty | null;
  /** Display names of the files each figure came from. */
  files: { categories?: string; provinces?: string; recalls?: string };
}

const ZERO: CountQty = { recalls: 0, quantity: 0 };
const fmt = (x: CountQty) => `${x.recalls} 次、${x.quantity} 件`;
const diff = (a: CountQty, b: CountQty) => `${a.recalls - b.recalls} 次、${a.quantity - b.quantity} 件`;
const same = (a: CountQty, b: CountQty) => a.recalls === b.recalls && a.quantity === b.quantity;
const MAX_LISTED = 8;

function listed(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).join('；');
  return items.length > MAX_LISTED ? `${shown}；等共 ${items.length} 项` : shown;
}

/** 本年 of the home province in the national table against its own records over the year's quarters. */
export function homeYearToDate(s: QuarterSubject, earlier: ReadonlyArray<EarlierQuarter | null>): ValidationIssue[] {
  const row = s.national?.provinces?.find((p) => p.code === s.home.code);
  const mine = s.totals;
  if (!row || !mine || earlier.some((e) => e === null)) return [];
  const parts = [
    ...(earlier as EarlierQuarter[]).map((e) => ({
      text: `${e.quarter} ${fmt(e.stats.totals)}（${e.path}）`,
      ...e.stats.totals,
    })),
    { text: `${quarterId(s.quarter)} ${fmt(mine)}（${s.files.recalls ?? 'recalls'}）`, ...mine },
  ];
  const own = parts.reduce((a, p) => ({ recalls: a.recalls + p.recalls, quantity: a.quantity + p.quantity }), ZERO);
  if (same(own, row.ytd)) return [];
  // The year's own records above its 本年 cannot both be right (as one quarter's above it:
  // contradiction.home.year); below it, the national table may count recalls filed elsewhere.
  const above = own.recalls > row.ytd.recalls || own.quantity > row.ytd.quantity;
  const sum = `本省 ${s.quarter.year} 年各季度召回记录合计为 ${fmt(own)}（${parts.map((p) => p.text).join(' + ')}）`;
  return [
    makeIssue(
      above ? 'error' : 'warning',
      above ? 'contradiction.home.ytd' : 'reconcile.home.ytd',
      { file: s.files.provinces ?? 'national-provinces' },
      above
        ? `全国各省汇总表中${s.home.name}本年为 ${fmt(row.ytd)}，少于${sum}，相差 ${diff(row.ytd, own)}：本年包含这些季度，不能比它们少。`
        : `全国各省汇总表中${s.home.name}本年为 ${fmt(row.ytd)}，而${sum}，相差 ${diff(row.ytd, own)}。公报按全国表印出 ${fmt(row.ytd)}。`,
      '请核对全国汇总表中本省的本年数字，以及前面各季度的召回记录是否完整、是否后来有增减。',
    ),
  ];
}

interface Compared {
  table: string;
  file: string;
  items: Array<{ name: string; now: CountQty; before: CountQty }>;
}

/** The national tables of this quarter and the previous quarter, item by item: those of this quarter to compare. */
function pairs(s: QuarterSubject, prev: BulletinStats): Compared[] {
  const { categories, provinces } = s.national!;
  const p = prev.national!;
  const catName = new Map(s.ref.categories.map((c) => [c.code, c.name]));
  const provName = new Map(s.ref.provinces.map((c) => [c.code, c.name]));
  const byCode = <T extends { code: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.code, r]));
  const cats = s.files.categories ?? 'national-categories';
  const category = (table: string, now: (c: NationalCategoryInput) => CountQty, before: Map<string, CountQty>) => ({
    table,
    file: cats,
    items: (categories ?? []).map((c) => ({
      name: catName.get(c.code) ?? c.code,
      now: now(c),
      before: before.get(c.code) ?? ZERO,
    })),
  });
  const prevProv = byCode(p.provincesYtd.rows);
  const nowProv = byCode(provinces ?? []);
  const codes = [...new Set([...nowProv.keys(), ...prevProv.keys()])];
  const province: Compared = {
    table: '全国各省汇总表的本年',
    file: s.files.provinces ?? 'national-provinces',
    items: codes.map((code) => ({
      name: provName.get(code) ?? code,
      now: nowProv.get(code)?.ytd ?? ZERO,
      before: prevProv.get(code) ?? ZERO,
    })),
  };
  return [
    ...(categories
      ? [
          category('全国分类汇总表的本年', (c) => c.ytd, byCode(p.ytd.rows)),
          category('全国分类汇总表的累计', (c) => c.cumulative, byCode(p.cumulative.rows)),
        ]
      : []),
    ...(provinces ? [province] : []),
  ];
}

/**
 * Error: a 本年 or 累计 figure that went down since an earlier quarter of the same year: the latest
 * one whose figures are known, so a quarter with no data in between does not hide a decrease.
 */
export function nationalDecrease(s: QuarterSubject, prev: EarlierQuarter | null): ValidationIssue[] {
  if (!s.national || !prev?.stats.national) return [];
  return pairs(s, prev.stats).flatMap((c) => {
    const down = c.items
      .filter((i) => i.now.recalls < i.before.recalls || i.now.quantity < i.before.quantity)
      .map((i) => `${i.name} 本期 ${fmt(i.now)}，${prev.quarter} 为 ${fmt(i.before)}，相差 ${diff(i.now, i.before)}`);
    if (down.length === 0) return [];
    return [
      makeIssue(
        'error',
        'reconcile.national.ytd-decrease',
        { file: c.file },
        `${c.table}数字比本年此前的 ${prev.quarter}（${prev.path}）还少，而本年和累计数只能增加：${listed(down)}。`,
        '请核对是否把本季度的数字填进了本年或累计列，或此前季度的表是否有误；改正后再生成。',
      ),
    ];
  });
}

/** 本季度 against 本年(this quarter) − 本年(previous quarter); in the first quarter, against 本年 itself. */
export function nationalQuarter(s: QuarterSubject, prev: EarlierQuarter | null): ValidationIssue[] {
  const n = s.national;
  if (!n || (s.quarter.quarter > 1 && !prev?.stats.national)) return [];
  const before = (rows: ReadonlyArray<{ code: string } & CountQty> | undefined, code: string) =>
    rows?.find((r) => r.code === code) ?? ZERO;
  const gap = (name: string, quarter: CountQty, ytd: CountQty, prevYtd: CountQty) => {
    const expected = { recalls: ytd.recalls - prevYtd.recalls, quantity: ytd.quantity - prevYtd.quantity };
    return same(quarter, expected)
      ? []
      : [`${name} 本季度 ${fmt(quarter)}，本年减上季度本年为 ${fmt(expected)}，相差 ${diff(quarter, expected)}`];
  };
  const catName = new Map(s.ref.categories.map((c) => [c.code, c.name]));
  const provName = new Map(s.ref.provinces.map((c) => [c.code, c.name]));
  const p = prev?.stats.national;
  const tables = [
    {
      file: s.files.categories ?? 'national-categories',
      table: '全国分类汇总表',
      items: (n.categories ?? []).flatMap((c) =>
        gap(catName.get(c.code) ?? c.code, c.quarter, c.ytd, before(p?.ytd.rows, c.code)),
      ),
    },
    {
      file: s.files.provinces ?? 'national-provinces',
      table: '全国各省汇总表',
      items: (n.provinces ?? []).flatMap((x) =>
        gap(provName.get(x.code) ?? x.code, x.quarter, x.ytd, before(p?.provincesYtd.rows, x.code)),
      ),
    },
  ];
  const against = prev ? `${prev.quarter} 的本年（${prev.path}）` : '第一季度的本年';
  return tables
    .filter((t) => t.items.length > 0)
    .map((t) =>
      makeIssue(
        'warning',
        'reconcile.national.quarter',
        { file: t.file },
        `${t.table}的本季度数字与“本年减去${against}”不一致：${listed(t.items)}。公报按表中的本季度数字印出。`,
        '请向数据来源核实（常见原因：上季度的数字后来有更正，或本季度列填错了）。',
      ),
    );
}
