/**
 * 第N期（总第M期）: stated in a quarter's issue.json, or derived from the
 * nearest earlier issue (期 restarts each year, 总 keeps counting).
 */
import { parseQuarter, quarterId, quarterName, type Quarter } from './quarter.js';

export interface IssueNumber {
  quarter: string;
  number: number;
  totalNumber: number;
  derived: boolean;
}

export interface StatedNumber {
  quarter: string;
  number: number | null;
  totalNumber: number | null;
}

export interface NumberConflict {
  kind: 'number' | 'totalNumber';
  value: number;
  quarters: string[];
  message: string;
}

const order = (q: Quarter): number => q.year * 4 + q.quarter;

/** Numbers for every issue in `stated` (sorted by quarter), filling gaps from predecessors. */
export function deriveIssueNumbers(stated: readonly StatedNumber[]): IssueNumber[] {
  const sorted = [...stated].sort((a, b) => order(parseQuarter(a.quarter)) - order(parseQuarter(b.quarter)));
  const out: IssueNumber[] = [];
  for (const s of sorted) {
    const prev = out.at(-1);
    const year = parseQuarter(s.quarter).year;
    const sameYear = prev !== undefined && parseQuarter(prev.quarter).year === year;
    const number = s.number ?? (sameYear ? prev.number + 1 : 1);
    const totalNumber = s.totalNumber ?? (prev ? prev.totalNumber + 1 : number);
    out.push({ quarter: s.quarter, number, totalNumber, derived: s.number === null || s.totalNumber === null });
  }
  return out;
}

const before = (q: Quarter): Quarter =>
  q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: (q.quarter - 1) as Quarter['quarter'] };

/**
 * The quarter whose missing numbers make `id`'s derived 期号 a guess: the first quarter back along the
 * chain of derivations that has no numbers at all (no folder, or no issue.json). Null when `id`
 * states both numbers, or each derivation follows on from the quarter just before, back to one
 * that states both. A derivation over a gap (or with nothing before it) would print 总第1期 for a
 * centre's twentieth issue, or skip an issue it did not know of.
 */
export function guessedFrom(stated: readonly StatedNumber[], id: string): Quarter | null {
  const byQuarter = new Map(stated.map((s) => [s.quarter, s]));
  const complete = (s: StatedNumber) => s.number !== null && s.totalNumber !== null;
  let q = parseQuarter(id);
  for (let s = byQuarter.get(id); s && !complete(s); s = byQuarter.get(quarterId(q))) {
    q = before(q);
    if (!byQuarter.has(quarterId(q))) return q;
  }
  return null;
}

/** Two issues of one year with the same 期号, or any two with the same 总期号. */
export function numberConflicts(numbers: readonly IssueNumber[]): NumberConflict[] {
  const out: NumberConflict[] = [];
  const groups = new Map<string, IssueNumber[]>();
  for (const n of numbers) {
    for (const key of [`number:${parseQuarter(n.quarter).year}:${n.number}`, `totalNumber:${n.totalNumber}`])
      groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  for (const [key, list] of groups) {
    if (list.length < 2) continue;
    const kind = key.startsWith('number') ? 'number' : 'totalNumber';
    const value = kind === 'number' ? list[0]!.number : list[0]!.totalNumber;
    const names = list.map((n) => quarterName(parseQuarter(n.quarter)));
    out.push({
      kind,
      value,
      quarters: list.map((n) => n.quarter),
      message: `${names.join('和')}都是${kind === 'number' ? `第${value}期` : `总第${value}期`}。`,
    });
  }
  return out;
}

/**
 * Between two consecutive quarters' issues: the later is the next 期号 of its
 * year (第1期 in a new year) and the next 总期号. A description of each
 * difference, empty when they follow on.
 */
export function numberGaps(before: IssueNumber, after: IssueNumber): string[] {
  const newYear = parseQuarter(after.quarter).year !== parseQuarter(before.quarter).year;
  const expected = { number: newYear ? 1 : before.number + 1, totalNumber: before.totalNumber + 1 };
  const name = (n: IssueNumber) => quarterName(parseQuarter(n.quarter));
  const out: string[] = [];
  if (after.number !== expected.number)
    out.push(`${name(before)}是第${before.number}期，${name(after)}是第${after.number}期，应为第${expected.number}期`);
  if (after.totalNumber !== expected.totalNumber)
    out.push(
      `${name(before)}是总第${before.totalNumber}期，${name(after)}是总第${after.totalNumber}期，应为总第${expected.totalNumber}期`,
    );
  return out;
}
