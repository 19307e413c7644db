/** bulletin compare: two quarters, a year to date against the last, or a series. */
import {
  compare,
  quarterPeriod,
  ytdPeriod,
  type Comparison,
  type Dimension,
  type Period,
} from '../aggregate/compare.js';
import { BulletinError } from '../model/errors.js';
import { parseQuarter, quarterId, type Quarter } from '../model/quarter.js';
import { asUnavailable, type SourceOptions, type SourcedStats, type Unavailable } from '../inputs/quarter-source.js';
import type { StatsOutcome } from '../inputs/quarter-source.js';
import { loadStats, requireStats, tryStats } from '../inputs/read-quarter.js';

export interface SeriesEntry {
  period: Period;
  /** Against the quarter before (环比) and the same quarter a year before (同比). */
  qoq: Comparison | null;
  yoy: Comparison | null;
}

export interface CompareResult {
  comparison: Comparison | null;
  series: SeriesEntry[] | null;
  sources: Array<{ quarter: string; source: 'data' | 'archive'; path: string }>;
  /** Quarters of a range that could not be used, each with its reason (never dropped in silence). */
  skipped: Unavailable[];
}

/** A quarter's figures, or why a range goes on without them; anything else (a bug, bad settings) stops. */
async function inRange(q: Quarter, use: () => Promise<Period>, skipped: Unavailable[]): Promise<Period | null> {
  try {
    return await use();
  } catch (e) {
    skipped.push(asUnavailable(q, e));
    return null;
  }
}

const order = (q: Quarter) => q.year * 4 + q.quarter - 1;
const fromOrder = (n: number): Quarter => ({ year: Math.floor(n / 4), quarter: ((n % 4) + 1) as Quarter['quarter'] });

/** Quarters in "2021Q1..2022Q4", inclusive. */
export function quarterRange(spec: string): Quarter[] {
  const [a, b, ...rest] = spec.split('..');
  // `../2022Q3` is a path typed where a quarter belongs: quote what was typed, not the empty half.
  if (!a?.trim() || !b?.trim() || rest.length)
    throw new BulletinError(
      'usage.quarter',
      'usage',
      `无法识别的季度“${spec}”。`,
      '请写成 2022Q3，或一个范围 2021Q1..2022Q4（季度不是路径；数据目录用 --data 指定）。',
    );
  const from = parseQuarter(a);
  const to = parseQuarter(b);
  if (order(to) < order(from))
    throw new BulletinError('usage.range', 'usage', `季度范围 ${spec} 的结束早于开始。`, '请写成 2021Q1..2022Q4。');
  return Array.from({ length: order(to) - order(from) + 1 }, (_, i) => fromOrder(order(from) + i));
}

async function need(q: Quarter, opts: SourceOptions, cache: Map<string, SourcedStats | null>): Promise<SourcedStats> {
  const s = await optional(q, opts, cache);
  return s ?? requireStats(q, opts);
}

async function optional(
  q: Quarter,
  opts: SourceOptions,
  cache: Map<string, SourcedStats | null>,
): Promise<SourcedStats | null> {
  const id = quarterId(q);
  if (!cache.has(id)) cache.set(id, await loadStats(q, opts));
  return cache.get(id) ?? null;
}

async function periodOf(
  q: Quarter,
  ytd: boolean,
  opts: SourceOptions & { by?: Dimension | null },
  cache: Map<string, SourcedStats | null>,
): Promise<Period> {
  const last = await need(q, opts, cache);
  if (!ytd) return quarterPeriod(last.stats);
  const earlier = await Promise.all(
    Array.from({ length: q.quarter - 1 }, (_, i) =>
      optional({ year: q.year, quarter: (i + 1) as Quarter['quarter'] }, opts, cache),
    ),
  );
  const p = ytdPeriod(
    last.stats,
    earlier.map((e) => e?.stats ?? null),
  );
  if (!p)
    throw new BulletinError(
      'input.ytd.unavailable',
      'input',
      `无法得到 ${q.year} 年截至 ${quarterId(q)} 的累计数：缺少前面季度的数据，全国表中也没有本省的累计行。`,
      '请补齐该年前面各季度的数据或存档。',
    );
  // The total can come from the province's row in the national table; the items only from every quarter.
  const by = opts.by && opts.by !== 'province' ? opts.by : null;
  if (by && !p.province.rows[by]) {
    const missing = earlier.flatMap((e, i) => (e ? [] : [`${q.year}Q${i + 1}`]));
    throw new BulletinError(
      'input.ytd.unavailable',
      'input',
      `无法按${BY_NAME[by]}比较 ${q.year} 年截至 ${quarterId(q)} 的累计：缺少 ${missing.join('、')} 的数据（合计可取全国表中本省的累计行，分项不能）。`,
      '请补齐该年前面各季度的数据或存档，或去掉 --by 只比较合计。',
    );
  }
  return p;
}

const BY_NAME: Record<Exclude<Dimension, 'province'>, string> = {
  category: '类别',
  region: '市州',
  defect: '缺陷类型',
};

/**
 * With year checks, every quarter compared is checked against its year's earlier quarters, as build
 * checks it: figures build would refuse are not compared. Those earlier quarters are read once each.
 */
export function withEarlierReadOnce<T extends SourceOptions>(opts: T, read = tryStats): T {
  if (!opts.yearChecks || opts.earlierStats) return opts;
  const outcomes = new Map<string, Promise<StatsOutcome>>();
  const plain: SourceOptions = {
    dataDir: opts.dataDir,
    archiveDirs: opts.archiveDirs,
    config: opts.config,
    cwd: opts.cwd,
  };
  const earlierStats = (q: Quarter) => {
    const id = quarterId(q);
    const known = outcomes.get(id) ?? read(q, plain);
    outcomes.set(id, known);
    return known;
  };
  return { ...opts, earlierStats };
}

export async function compareQuarters(
  args: string[],
  options: SourceOptions & { ytd: boolean; by: Dimension | null },
): Promise<CompareResult> {
  // On unless a caller turns it off: the library's compareQuarters refuses what build refuses, as the CLI does.
  const opts = withEarlierReadOnce({ ...options, yearChecks: options.yearChecks ?? true });
  const cache = new Map<string, SourcedStats | null>();
  const sources = () =>
    [...cache.values()]
      .filter((s): s is SourcedStats => s !== null)
      .map((s) => ({ quarter: s.quarter, source: s.source, path: s.path }));
  if (args.length === 1 && args[0]?.includes('..')) {
    const series: SeriesEntry[] = [];
    const skipped: Unavailable[] = [];
    for (const q of quarterRange(args[0])) {
      const period = await inRange(q, () => periodOf(q, opts.ytd, opts, cache), skipped);
      if (!period) continue;
      const prev = series.find((e) => e.period.id.slice(0, 6) === quarterId(fromOrder(order(q) - 1)));
      const lastYear = series.find(
        (e) => e.period.id.slice(0, 6) === quarterId({ year: q.year - 1, quarter: q.quarter }),
      );
      series.push({
        period,
        qoq: prev && !opts.ytd ? compare(prev.period, period, opts.by) : null,
        yoy: lastYear ? compare(lastYear.period, period, opts.by) : null,
      });
    }
    if (series.length === 0)
      throw new BulletinError(
        'input.quarter.unavailable',
        'input',
        `${args[0]} 中没有任何季度可用：${skipped.map((u) => `${u.quarter}：${u.message}`).join('；')}`,
        '请检查数据目录和 --archive。',
      );
    return { comparison: null, series, sources: sources(), skipped };
  }
  if (args.length !== 2)
    throw new BulletinError(
      'usage.compare',
      'usage',
      '请给出两个季度（如 2022Q2 2022Q3），或一个范围（如 2021Q1..2022Q4）。',
      '例如：bulletin compare 2022Q2 2022Q3（环比）、bulletin compare 2021Q3 2022Q3（同比），或 bulletin compare 2021Q1..2022Q4。',
    );
  const [a, b] = args.map((x) => parseQuarter(x)) as [Quarter, Quarter];
  const comparison = compare(
    await periodOf(a, opts.ytd, opts, cache),
    await periodOf(b, opts.ytd, opts, cache),
    opts.by,
  );
  return { comparison, series: null, sources: sources(), skipped: [] };
}
