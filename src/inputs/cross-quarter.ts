/**
 * Checks of one quarter against the other quarters of its year and its
 * neighbouring issues. One function for `validate` (a folder or loose files)
 * and `build`, so the two never disagree about what is wrong.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileWarning, type ValidationIssue } from '../model/issues.js';
import { numberGaps, type IssueNumber } from '../model/issue-numbering.js';
import { quarterId, type Quarter } from '../model/quarter.js';
import {
  homeYearToDate,
  nationalDecrease,
  nationalQuarter,
  type EarlierQuarter,
  type QuarterSubject,
} from '../validate/reconcile-quarters.js';
import { cumulativeAgainstYear, cumulativeDecrease } from '../validate/reconcile-cumulative.js';
import { loadIssueMeta } from './load-issue-meta.js';
import { displayPath, type QuarterData } from './load-quarter.js';
import type { SourceOptions, StatsOutcome, Unavailable } from './quarter-source.js';

/** Another quarter's figures, or why there are none (read-quarter.ts's tryStats, passed in: it reads quarters with this). */
export type EarlierStats = (q: Quarter) => Promise<StatsOutcome>;

export interface CrossQuarterSubject extends QuarterSubject {
  /** This issue's numbers and its issue.json as displayed; null when not known (loose files). */
  issue: { number: number; totalNumber: number; file: string } | null;
}

const order = (q: Quarter) => q.year * 4 + q.quarter - 1;
const fromOrder = (n: number): Quarter => ({ year: Math.floor(n / 4), quarter: ((n % 4) + 1) as Quarter['quarter'] });

/** An earlier quarter that has data or an archive we cannot use: the checks against it were not made. */
function unusable(s: CrossQuarterSubject, passed: Unavailable[]): ValidationIssue[] {
  return passed
    .filter((u) => u.reason !== 'missing')
    .map((u) =>
      fileWarning(
        s.files.provinces ?? s.files.categories ?? s.files.recalls ?? quarterId(s.quarter),
        'reconcile.quarters.unavailable',
        `没有与 ${u.quarter} 核对本年、累计和本季度的数字：${u.message}`,
        u.hint,
      ),
    );
}

const isDirectory = (p: string) =>
  stat(p).then(
    (d) => d.isDirectory(),
    () => false,
  );

/** 期号/总期号 against the issues of the quarters just before and just after, where their folders exist. */
async function numbering(s: CrossQuarterSubject, opts: SourceOptions): Promise<ValidationIssue[]> {
  if (!s.issue) return [];
  const display = (p: string) => displayPath(opts.cwd, p);
  const mine: IssueNumber = { quarter: quarterId(s.quarter), ...s.issue, derived: false };
  const neighbour = async (q: Quarter): Promise<IssueNumber | null> => {
    if (!(await isDirectory(join(opts.dataDir, quarterId(q))))) return null;
    const m = await loadIssueMeta(opts.dataDir, q, display);
    return { quarter: quarterId(q), number: m.number, totalNumber: m.totalNumber, derived: false };
  };
  const before = await neighbour(fromOrder(order(s.quarter) - 1));
  const after = await neighbour(fromOrder(order(s.quarter) + 1));
  const gaps = [...(before ? numberGaps(before, mine) : []), ...(after ? numberGaps(mine, after) : [])];
  if (gaps.length === 0) return [];
  return [
    fileWarning(
      s.issue.file,
      'reconcile.issue.number',
      `期号不连续：${gaps.join('；')}。`,
      '请在相应季度文件夹的 issue.json 中改正 number（期号）或 totalNumber（总期号）；期号每年从 1 开始，总期号一直累加。',
    ),
  ];
}

/** The latest quarter of the year before `q` whose national figures are known (its 累计 to compare); null when none. */
async function lastYear(q: Quarter, statsOf: EarlierStats): Promise<EarlierQuarter | null> {
  for (let quarter = 4; quarter >= 1; quarter--) {
    const o = await statsOf({ year: q.year - 1, quarter: quarter as Quarter['quarter'] });
    if (o.ok && o.found.stats.national) return { quarter: o.found.quarter, path: o.found.path, stats: o.found.stats };
  }
  return null;
}

/** Every cross-quarter finding for one quarter. */
export async function crossQuarterChecks(
  s: CrossQuarterSubject,
  opts: SourceOptions,
  statsOf: EarlierStats,
): Promise<ValidationIssue[]> {
  const outcomes = await Promise.all(
    Array.from({ length: s.quarter.quarter - 1 }, (_, i) =>
      statsOf({ year: s.quarter.year, quarter: (i + 1) as Quarter['quarter'] }),
    ),
  );
  const earlier: Array<EarlierQuarter | null> = outcomes.map((o) =>
    o.ok ? { quarter: o.found.quarter, path: o.found.path, stats: o.found.stats } : null,
  );
  const previous = earlier.at(-1) ?? null;
  const latestNational = [...earlier].reverse().find((e) => e?.stats.national) ?? null;
  return [
    ...homeYearToDate(s, earlier),
    ...nationalDecrease(s, latestNational),
    ...(latestNational || !s.national?.categories ? [] : cumulativeDecrease(s, await lastYear(s.quarter, statsOf))),
    ...nationalQuarter(s, previous),
    ...cumulativeAgainstYear(s, latestNational),
    ...unusable(
      s,
      outcomes.flatMap((o) => (o.ok ? [] : [o.unavailable])),
    ),
    ...(await numbering(s, opts)),
  ];
}

/** The subject of the checks for a quarter read (`folder` as displayed, named when there is no issue.json). */
export function subjectOf(data: QuarterData & { quarter: Quarter }, folder: string): CrossQuarterSubject {
  const fileOf = (kind: string) => data.files.find((f) => f.kind === kind)?.file;
  const national = fileOf('national-recalls');
  const recalls = fileOf('recalls');
  // A file with rejected rows would make every sum look wrong (a rejected row counts as 0: 本期 0 次,
  // an error of its own on top of the one that rejected it): compare only clean files.
  const clean = (file: string | undefined) => !data.issues.some((i) => i.severity === 'error' && i.file === file);
  // Each national table on its own: an unfilled or rejected one is left out, the other still compared.
  const categories = fileOf('national-categories') ?? national;
  const provinces = fileOf('national-provinces') ?? national;
  const n = data.national;
  return {
    quarter: data.quarter,
    ref: data.ref,
    home: data.home,
    national: n && {
      categories: clean(categories) ? n.categories : null,
      provinces: clean(provinces) ? n.provinces : null,
    },
    totals: recalls && clean(recalls) ? data.totals : null,
    files: { categories, provinces, recalls },
    issue: data.meta
      ? { number: data.meta.number, totalNumber: data.meta.totalNumber, file: data.meta.file ?? folder }
      : null,
  };
}
