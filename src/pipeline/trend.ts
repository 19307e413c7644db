/**
 * The report's 同比/环比 sentence, when the configuration turns it on
 * (`trend: true`): this quarter against the same quarter a year before when
 * its figures can be had, else against the quarter before. A comparison
 * quarter that is missing, invalid or damaged is said in a warning, never
 * passed over in silence.
 */
import { join } from 'node:path';
import { change } from '../model/chinese.js';
import { makeIssue, type ValidationIssue } from '../model/issues.js';
import { quarterId, type Quarter } from '../model/quarter.js';
import type { BulletinStats, TrendStats } from '../model/stats.js';
import type { BulletinConfig } from '../config/config.js';
import { displayPath } from '../inputs/load-quarter.js';
import { defaultArchiveDirs, type Unavailable } from '../inputs/quarter-source.js';
import { tryStats } from '../inputs/read-quarter.js';

export interface TrendOptions {
  dataDir: string;
  outDir: string;
  config: BulletinConfig;
  cwd: string;
}

function candidates(q: Quarter): Array<[TrendStats['kind'], Quarter]> {
  const previous: Quarter =
    q.quarter === 1
      ? { year: q.year - 1, quarter: 4 }
      : { year: q.year, quarter: (q.quarter - 1) as Quarter['quarter'] };
  return [
    ['同比', { year: q.year - 1, quarter: q.quarter }],
    ['环比', previous],
  ];
}

function note(file: string, used: TrendStats | null, passed: Unavailable[]): ValidationIssue[] {
  // A missing year-ago quarter with the previous one used is the documented fallback, not news.
  const worth = used ? passed.filter((u) => u.reason !== 'missing') : passed;
  if (worth.length === 0) return [];
  const why = worth.map((u) => `${u.quarter}：${u.message}`).join('；');
  return [
    makeIssue(
      'warning',
      'trend.unavailable',
      { file, value: worth.map((u) => u.quarter).join(',') },
      used
        ? `同比/环比的句子改为与 ${used.against} 比较，因为 ${why}`
        : `公报中没有同比/环比的句子，因为没有可比较的季度：${why}`,
      '请补齐或改正该季度的数据或存档（--archive）；不需要这句话时，在配置中设 "trend": false。',
    ),
  ];
}

/** stats with its `trend` filled in when the sentence is on, and a warning for each comparison quarter left out. */
export async function withTrend(
  current: BulletinStats,
  q: Quarter,
  opts: TrendOptions,
): Promise<{ stats: BulletinStats; issues: ValidationIssue[] }> {
  if (!opts.config.trend) return { stats: { ...current, trend: null }, issues: [] };
  const sources = {
    dataDir: opts.dataDir,
    archiveDirs: defaultArchiveDirs(opts.dataDir, opts.outDir),
    config: opts.config,
    cwd: opts.cwd,
  };
  const passed: Unavailable[] = [];
  let trend: TrendStats | null = null;
  for (const [kind, other] of candidates(q)) {
    const outcome = await tryStats(other, sources);
    if (!outcome.ok) {
      passed.push(outcome.unavailable);
      continue;
    }
    const before = outcome.found.stats;
    trend = {
      kind,
      against: quarterId(other),
      recalls: change(before.totals.recalls, current.totals.recalls),
      quantity: change(before.totals.quantity, current.totals.quantity),
      rank:
        before.national?.home && current.national?.home
          ? {
              from: before.national.home.ytdRank.rank,
              to: current.national.home.ytdRank.rank,
              fromTied: before.national.home.ytdRank.tied,
              toTied: current.national.home.ytdRank.tied,
            }
          : null,
    };
    break;
  }
  const file = displayPath(opts.cwd, join(opts.dataDir, quarterId(q)));
  return { stats: { ...current, trend }, issues: note(file, trend, passed) };
}
