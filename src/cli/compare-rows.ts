/**
 * compare's figures as rows, for a terminal table, Markdown or CSV. In the
 * table and Markdown a change reads “+5” and “-51.87%”; in CSV every
 * numeric column holds a plain number (-51.87 in a “变化率(%)” column) so a
 * spreadsheet or pandas reads it as a number, and a change from zero
 * (新增) is an empty cell rather than text in a numeric column.
 */
import type { Comparison, Dimension } from '../aggregate/compare.js';
import { ordinal } from '../model/chinese.js';
import type { CompareResult, SeriesEntry } from '../pipeline/compare-quarters.js';
import { pctText, signed, type RowFormat } from './figures-output.js';

type Change = Comparison['province']['recalls'];

interface Cells {
  rank: (n: number, tied: boolean) => unknown;
  diff: (n: number) => unknown;
  pct: (c: Change) => unknown;
  pp: (n: number) => unknown;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function cells(format: RowFormat): Cells {
  if (format === 'csv')
    return {
      rank: (n) => n,
      diff: (n) => n,
      // No percentage from zero (--json's null): empty, not a 0 that reads as computed.
      pct: (c) => (c.pct === null ? '' : round2(c.pct)),
      pp: (n) => round2(n),
    };
  return {
    rank: ordinal,
    diff: signed,
    pct: (c) => pctText(c.pct, c.to),
    pp: (n) => `${n > 0 ? '+' : ''}${n.toFixed(2)}个百分点`,
  };
}

export function comparisonHeader(format: RowFormat): string[] {
  const csv = format === 'csv';
  return [
    '范围',
    '项目',
    '指标',
    '起',
    '止',
    '变化',
    csv ? '变化率(%)' : '变化率',
    csv ? '占比变化(个百分点)' : '占比变化',
  ];
}
export const COMPARISON_NUMERIC = [false, false, false, true, true, true, true, true];

/** Flat rows: totals, rank, then one row per item of the chosen dimension. */
export function comparisonRows(c: Comparison, province: string, format: RowFormat = 'table'): unknown[][] {
  const f = cells(format);
  const out: unknown[][] = [];
  const change = (scope: string, item: string, what: string, ch: Change, pp: unknown = '') =>
    out.push([scope, item, what, ch.from, ch.to, f.diff(ch.diff), f.pct(ch), pp]);
  const totals = (scope: string, part: { recalls: Change; quantity: Change }) => {
    change(scope, '合计', '召回次数', part.recalls);
    change(scope, '合计', '召回数量', part.quantity);
  };
  totals(province, c.province);
  const { from, to, fromTied, toTied } = c.province.rank;
  if (from !== null || to !== null)
    out.push([
      province,
      '合计',
      '全国排名',
      from ? f.rank(from, fromTied) : '',
      to ? f.rank(to, toTied) : '',
      from && to ? f.diff(from - to) : '',
      '',
      '',
    ]);
  if (c.national) totals('全国', c.national);
  for (const [scope, rows] of [
    [province, c.province.rows],
    ['全国', c.national?.rows ?? null],
  ] as const) {
    for (const r of rows ?? []) {
      change(scope, r.name, '召回次数', r.recalls);
      // No share change when a period's quantity is 0: an empty cell, as for a change from zero.
      change(scope, r.name, '召回数量', r.quantity, r.share.pp === null ? '' : f.pp(r.share.pp));
    }
  }
  return out;
}

export function seriesHeader(province: string, format: RowFormat): string[] {
  const pct = format === 'csv' ? '(%)' : '';
  return [
    '期间',
    `${province}召回次数`,
    `${province}召回数量`,
    `数量环比${pct}`,
    `数量同比${pct}`,
    '全国召回次数',
    '全国召回数量',
    `全国数量环比${pct}`,
    `全国数量同比${pct}`,
  ];
}
export const SERIES_NUMERIC = [false, true, true, true, true, true, true, true, true];

export function seriesRows(r: CompareResult, format: RowFormat = 'table'): unknown[][] {
  const f = cells(format);
  return (r.series ?? []).map((e) => [
    e.period.label,
    e.period.province.recalls,
    e.period.province.quantity,
    e.qoq ? f.pct(e.qoq.province.quantity) : '',
    e.yoy ? f.pct(e.yoy.province.quantity) : '',
    e.period.national?.recalls ?? '',
    e.period.national?.quantity ?? '',
    e.qoq?.national ? f.pct(e.qoq.national.quantity) : '',
    e.yoy?.national ? f.pct(e.yoy.national.quantity) : '',
  ]);
}

export function seriesByHeader(format: RowFormat): string[] {
  const pct = format === 'csv' ? '(%)' : '';
  return ['期间', '范围', '项目', '召回次数', '召回数量', `数量环比${pct}`, `数量同比${pct}`];
}
export const SERIES_BY_NUMERIC = [false, false, false, true, true, true, true];

/** A range with --by: each period's items, with each item's quantity against the quarter before and the year before. */
export function seriesByRows(
  r: CompareResult,
  by: Dimension,
  province: string,
  format: RowFormat = 'table',
): unknown[][] {
  const f = cells(format);
  const out: unknown[][] = [];
  const against = (c: Comparison | null, scope: 'province' | 'national', key: string) => {
    const row = (scope === 'province' ? c?.province.rows : c?.national?.rows)?.find((x) => x.key === key);
    return row ? f.pct(row.quantity) : '';
  };
  const add = (e: SeriesEntry, scope: 'province' | 'national', name: string) => {
    for (const item of (scope === 'province' ? e.period.province : e.period.national)?.rows[by] ?? [])
      out.push([
        e.period.label,
        name,
        item.name,
        item.recalls,
        item.quantity,
        against(e.qoq, scope, item.key),
        against(e.yoy, scope, item.key),
      ]);
  };
  for (const e of r.series ?? []) {
    add(e, 'province', province);
    add(e, 'national', '全国');
  }
  return out;
}
