/**
 * The 序号 column of the national province table against the order the
 * bulletin prints (本年召回数量, then 本年召回次数, as the national tables and
 * the narrative's 位居全国第N rank it), so the rank a reader sees in the
 * source table is the rank the text states.
 */
import type { CountQty } from '../model/bulletin.js';
import type { ValidationIssue } from '../model/issues.js';
import type { MakeIssue } from './issue-factory.js';

export interface StatedRank {
  name: string;
  seq: string;
  ytd: CountQty;
  at: { row: number; col: number | null; header: string | null; value: string };
}

const MAX_LISTED = 8;

/** Positions (1-based) each row may hold: rows with equal figures may come in any order among themselves. */
function allowed(rows: readonly StatedRank[]): Map<StatedRank, { from: number; to: number }> {
  const active = rows.filter((r) => r.ytd.recalls > 0 || r.ytd.quantity > 0);
  const sorted = [...active].sort((a, b) => b.ytd.quantity - a.ytd.quantity || b.ytd.recalls - a.ytd.recalls);
  const key = (r: StatedRank) => `${r.ytd.quantity}/${r.ytd.recalls}`;
  const out = new Map<StatedRank, { from: number; to: number }>();
  for (const r of sorted) {
    const from = sorted.findIndex((x) => key(x) === key(r)) + 1;
    const to = sorted.length - [...sorted].reverse().findIndex((x) => key(x) === key(r));
    out.set(r, { from, to });
  }
  return out;
}

export function rankFindings(rows: readonly StatedRank[], issue: MakeIssue, title: string): ValidationIssue[] {
  const places = allowed(rows);
  const wrong = rows.flatMap((r) => {
    const place = places.get(r);
    const seq = Number(r.seq.trim());
    if (!place || r.seq.trim() === '' || !Number.isInteger(seq)) return [];
    if (seq >= place.from && seq <= place.to) return [];
    const should = place.from === place.to ? `第 ${place.from}` : `第 ${place.from}～${place.to}`;
    return [{ r, text: `第 ${r.at.row} 行 ${r.name} 序号为 ${seq}，按本年召回数量 ${r.ytd.quantity} 件应为${should}` }];
  });
  if (wrong.length === 0) return [];
  const shown = wrong.slice(0, MAX_LISTED).map((w) => w.text);
  const more = wrong.length > MAX_LISTED ? `；等共 ${wrong.length} 行` : '';
  return [
    issue(
      'warning',
      'reconcile.national.rank',
      wrong[0]!.r.at,
      `${title}的序号与本年召回数量的排序不一致：${shown.join('；')}${more}。公报按本年召回数量（相同时按召回次数）排序印出序号，叙述中的“位居全国第N”也按此计算。`,
      '请核对序号列或本年数字：序号不会被使用，但与公报的排名不一致会让读者对不上。',
    ),
  ];
}
