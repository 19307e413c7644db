/**
 * For the report's opening paragraph: this quarter against the same quarter
 * a year before (同比) when its figures can be had, else against the
 * quarter before (环比). Missing or broken history just means no sentence.
 */
import { change } from '../model/chinese.js';
import type { Quarter } from '../model/quarter.js';
import type { BulletinStats } from '../model/stats.js';
import type { Trend } from '../render/view-national.js';
import type { BulletinConfig } from './config.js';
import { defaultArchiveDirs, loadStats } from './quarter-source.js';

export async function findTrend(
  current: BulletinStats,
  q: Quarter,
  opts: { dataDir: string; outDir: string; config: BulletinConfig; cwd: string },
): Promise<Trend | null> {
  const sources = {
    dataDir: opts.dataDir,
    archiveDirs: defaultArchiveDirs(opts.dataDir, opts.outDir),
    config: opts.config,
    cwd: opts.cwd,
  };
  const candidates: Array<[Trend['kind'], Quarter]> = [
    ['同比', { year: q.year - 1, quarter: q.quarter }],
    [
      '环比',
      q.quarter === 1
        ? { year: q.year - 1, quarter: 4 }
        : { year: q.year, quarter: (q.quarter - 1) as Quarter['quarter'] },
    ],
  ];
  for (const [kind, other] of candidates) {
    const found = await loadStats(other, sources).catch(() => null);
    if (!found) continue;
    const before = found.stats;
    return {
      kind,
      recalls: change(before.totals.recalls, current.totals.recalls),
      quantity: change(before.totals.quantity, current.totals.quantity),
      rank:
        before.national?.home && current.national?.home
          ? { from: before.national.home.ytdRank.rank, to: current.national.home.ytdRank.rank }
          : null,
    };
  }
  return null;
}
