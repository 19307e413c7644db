/**
 * The one way a quarter is read: a quarter folder or loose files, every input
 * found by one naming rule (locate-inputs.ts), read and checked, the tables
 * reconciled with each other and, when asked, with the year's other quarters.
 * build, validate, stats, compare, preview, doctor and the library all come
 * here; a quarter with nothing to read is a typed "no data" with its reason.
 */
import { dirname, join } from 'node:path';
import { type ValidationIssue } from '../model/issues.js';
import { quarterId, type Quarter } from '../model/quarter.js';
import type { ProgressListener } from '../model/progress.js';
import { applyNoRecalls } from '../validate/no-recalls.js';
import { provinceTable, reconcile } from '../validate/reconcile.js';
import { crossQuarterChecks, subjectOf } from './cross-quarter.js';
import {
  displayPath,
  homeProvince,
  readFolder,
  type LoadedQuarter,
  type QuarterData,
  type ReadSettings,
} from './load-quarter.js';
import { loadReference } from './load-reference.js';
import { isNoData, locateQuarter, type NoData } from './locate-inputs.js';
import { looseFolder, readLooseFiles } from './read-loose.js';
import {
  asUnavailable,
  readArchive,
  refuseWithErrors,
  statsOf,
  unavailableError,
  type SourceOptions,
  type SourcedStats,
  type StatsOutcome,
} from './quarter-source.js';

export type { NoData } from './locate-inputs.js';

/** A quarter folder (`<dataDir>/<quarter>` unless `quarterDir` says where), or loose files. */
export type QuarterSource =
  { dataDir: string; quarter: Quarter; quarterDir?: string } | { files: readonly string[]; quarter: Quarter | null };

export interface ReadOptions extends ReadSettings {
  /** Where earlier quarters' archived stats.json are: given, the quarter is also checked against its year. */
  archiveDirs?: string[];
  /** The earlier quarters' figures for those checks (SourceOptions.earlierStats); read afresh when absent. */
  earlierStats?: SourceOptions['earlierStats'];
}

export type QuarterRead<T extends QuarterData = QuarterData> = { ok: true; data: T } | { ok: false; noData: NoData };

/** The displayed file of a kind of table, when the quarter has one. */
const fileOf = (data: QuarterData, kind: string) => data.files.find((f) => f.kind === kind)?.file;

/** The checks between a quarter's own tables: the records against the national and foreign tables. */
function reconcileTables(data: QuarterData): ValidationIssue[] {
  return reconcile({
    quarter: data.quarter,
    home: data.home,
    national: data.national,
    foreign: data.foreign,
    totals: data.totals,
    files: {
      national: fileOf(data, 'national-categories') ?? fileOf(data, 'national-recalls'),
      provinces: fileOf(data, 'national-provinces') ?? fileOf(data, 'national-recalls'),
      foreign: fileOf(data, 'foreign-categories'),
      recalls: fileOf(data, 'recalls'),
    },
  });
}

/** issue.json's "noRecalls": an empty records table accepted as the quarter's figures, or contradicted. */
function withNoRecalls(data: QuarterData, issues: ValidationIssue[]): ValidationIssue[] {
  const row = data.national?.provinces.find((p) => p.code === data.home.code);
  const provinces = fileOf(data, 'national-provinces') ?? fileOf(data, 'national-recalls');
  return applyNoRecalls(issues, {
    issueFile: data.meta?.file ?? null,
    noRecalls: data.meta?.meta.noRecalls ?? false,
    recallsFile: fileOf(data, 'recalls'),
    totals: data.totals,
    national:
      row && provinces && data.national
        ? {
            table: provinceTable(data.national),
            file: provinces,
            quarter: row.quarter,
          }
        : null,
    homeName: data.home.name,
  });
}

/** Every cross-check, run here once for build and validate alike; the year's only when the data were readable. */
async function crossChecked<T extends QuarterData>(
  data: T,
  year: { dataDir: string; folder: string } | null,
  opts: ReadOptions,
): Promise<T> {
  const issues = withNoRecalls(data, [...data.issues, ...reconcileTables(data)]);
  if (year && opts.archiveDirs && data.quarter && !data.unreadable) {
    const sources = { dataDir: year.dataDir, archiveDirs: opts.archiveDirs, config: opts.config, cwd: opts.cwd };
    const subject = subjectOf({ ...data, quarter: data.quarter }, displayPath(opts.cwd, year.folder));
    const earlier = opts.earlierStats ?? ((q: Quarter) => tryStats(q, sources));
    issues.push(...(await crossQuarterChecks(subject, sources, earlier)));
  }
  return { ...data, issues };
}

export async function readQuarter(
  source: { dataDir: string; quarter: Quarter; quarterDir?: string },
  opts: ReadOptions,
  onProgress?: ProgressListener,
): Promise<QuarterRead<LoadedQuarter>>;
export async function readQuarter(
  source: QuarterSource,
  opts: ReadOptions,
  onProgress?: ProgressListener,
): Promise<QuarterRead>;
export async function readQuarter(
  source: QuarterSource,
  opts: ReadOptions,
  onProgress: ProgressListener = () => undefined,
): Promise<QuarterRead> {
  // The configuration's province is checked first, whatever is (or is not) in the folder.
  const ref = await loadReference();
  const home = homeProvince(ref, opts.config);
  if ('files' in source) {
    const data = await readLooseFiles(source.files, source.quarter, { ref, home }, opts);
    const folder = looseFolder(source.files, opts.cwd, data.quarter);
    return { ok: true, data: await crossChecked(data, folder ? { dataDir: dirname(folder), folder } : null, opts) };
  }
  const quarterDir = source.quarterDir ?? join(source.dataDir, quarterId(source.quarter));
  const located = await locateQuarter(quarterDir);
  if (isNoData(located)) return { ok: false, noData: located };
  const data = await readFolder(located, { ...source, ref, home }, opts, onProgress);
  const checked = await crossChecked(data, { dataDir: source.dataDir, folder: quarterDir }, opts);
  return { ok: true, data: checked };
}

/** The data, or the error saying why there is none (exit 3). */
export function dataOrThrow<T extends QuarterData>(read: QuarterRead<T>): T {
  if (!read.ok) throw read.noData.error;
  return read.data;
}

/** The library's loadQuarter: a quarter folder read and checked on its own (readQuarter with archiveDirs adds the year's checks). */
export async function loadQuarter(
  opts: { dataDir: string; quarter: Quarter; quarterDir?: string } & ReadOptions,
  onProgress?: ProgressListener,
): Promise<LoadedQuarter> {
  const source = { dataDir: opts.dataDir, quarter: opts.quarter, quarterDir: opts.quarterDir };
  return dataOrThrow(await readQuarter(source, opts, onProgress));
}

/** A quarter's figures: from its data when it has any (refused with findings if they have errors), else its archive. */
export async function loadStats(q: Quarter, opts: SourceOptions): Promise<SourcedStats | null> {
  const id = quarterId(q);
  const dir = join(opts.dataDir, id);
  const { config, cwd, streamBytes, earlierStats } = opts;
  const archiveDirs = opts.yearChecks ? opts.archiveDirs : undefined;
  const settings = { config, cwd, streamBytes, archiveDirs, earlierStats };
  const read = await readQuarter({ dataDir: opts.dataDir, quarter: q }, settings);
  if (!read.ok) return readArchive(q, opts);
  const loaded = read.data;
  refuseWithErrors(loaded, '不能用于统计或比较', `请先运行 bulletin validate ${displayPath(opts.cwd, dir)} 并改正。`);
  return {
    quarter: id,
    stats: statsOf(loaded, opts.config.decimals),
    source: 'data',
    path: displayPath(opts.cwd, dir),
  };
}

/** loadStats, or an input error saying where the quarter was looked for. */
export async function requireStats(q: Quarter, opts: SourceOptions): Promise<SourcedStats> {
  const found = await loadStats(q, opts);
  if (found) return found;
  throw unavailableError(q);
}

/** loadStats as a value: the figures, or why there are none (never a silent null). */
export async function tryStats(q: Quarter, opts: SourceOptions): Promise<StatsOutcome> {
  try {
    return { ok: true, found: await requireStats(q, opts) };
  } catch (e) {
    return { ok: false, unavailable: asUnavailable(q, e) };
  }
}
