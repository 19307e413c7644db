/** Reads and checks one quarter's inputs: the pipeline's first half, shared by build and validate. */
import { isAbsolute, join, relative } from 'node:path';
import type { Article, ClueRow, ForeignInput, NationalInput } from '../model/bulletin.js';
import { BulletinError } from '../model/errors.js';
import type { ValidationIssue } from '../model/issues.js';
import { quarterId, type Quarter } from '../model/quarter.js';
import { createStatsAccumulator, type StatsTallies } from '../aggregate/stats-accumulator.js';
import type { CountQty } from '../model/bulletin.js';
import { findProvince, type Province, type ReferenceData } from '../model/reference.js';
import { reconcile } from '../validate/reconcile.js';
import { checkTableFile, type FileReport } from './check-file.js';
import type { Hold } from './tallied-checker.js';
import { REPORT_SECTION, type BulletinConfig } from '../config/config.js';
import { loadArticles } from './load-articles.js';
import { loadIssueMeta, type LoadedMeta } from './load-issue-meta.js';
import { loadReference } from './load-reference.js';
import { loadSummaries } from './load-summaries.js';
import { listQuarterDir, locateRecords } from './locate-inputs.js';
import type { ProgressListener } from '../model/progress.js';

export interface LoadedQuarter {
  quarter: Quarter;
  ref: ReferenceData;
  home: Province;
  /**
   * What is held of the recall records: the figures they add up to, gathered
   * while the rows were checked (null for validate, which asks for totals
   * only), never the records themselves: memory does not grow with them.
   */
  tallies: StatsTallies | null;
  /** Accepted records and their quantity; null when the records file could not be checked. */
  totals: CountQty | null;
  meta: LoadedMeta;
  national: NationalInput | null;
  foreign: ForeignInput | null;
  clues: ClueRow[] | null;
  articles: Article[];
  issues: ValidationIssue[];
  files: FileReport[];
  /** Some input could not be read at all (exit code 3). */
  unreadable: boolean;
}

/** Relative to where the user stands when the file is below it, else absolute. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

export function homeProvince(ref: ReferenceData, config: BulletinConfig): Province {
  const home = findProvince(ref, config.province);
  if (!home) {
    throw new BulletinError(
      'config.province',
      'config',
      `设置的本省“${config.province}”不是有效的省级行政区（来自${config.source}）。`,
      '请填写省份全称、简称或 6 位代码，如“湖南省”、“湖南”或“430000”。',
    );
  }
  return home;
}

type CheckContext = Parameters<typeof checkTableFile>[2];
type Summaries = Awaited<ReturnType<typeof loadSummaries>>;
type CheckedFile = Awaited<ReturnType<typeof checkTableFile>>;

/** The recall records come first: their file decides the quarter's figures, the rest only adds to them. */
async function readRecallRecords(
  quarterDir: string,
  ctx: CheckContext,
  display: (p: string) => string,
  sheet: string | undefined,
  onProgress: ProgressListener,
  hold: Hold,
): Promise<{ recalls: CheckedFile; tallies: StatsTallies | null; totals: CountQty | null }> {
  const path = await locateRecords(quarterDir);
  onProgress({ phase: 'read', message: `读取 ${display(path)}` });
  const recalls = await checkTableFile(path, display(path), ctx, 'recalls', sheet, hold);
  const r = recalls.report;
  onProgress({
    phase: 'validate',
    message: `检查 ${r.rows?.read ?? 0} 行召回记录（${r.sheet ? `工作表“${r.sheet}”` : `${r.encoding ?? ''} 编码`}）`,
  });
  const c = recalls.checked?.kind === 'recalls' ? recalls.checked : null;
  // A file that could not be checked adds up to nothing (a draft prints it so, stamped 草稿).
  const none = hold === 'tallies' ? createStatsAccumulator().finish() : null;
  return { recalls, tallies: c?.tallies ?? none, totals: c?.totals ?? null };
}

/** Cross-checks between the records and the summary tables, each finding naming the file it comes from. */
function reconcileQuarter(
  quarter: Quarter,
  home: Province,
  summaries: Summaries,
  recalls: CheckedFile,
  totals: CountQty | null,
): ValidationIssue[] {
  const fileOf = (kind: string) => summaries.files.find((f) => f.report.kind === kind)?.report.file;
  return reconcile({
    quarter,
    home,
    national: summaries.national,
    foreign: summaries.foreign,
    totals,
    files: {
      national: fileOf('national-categories') ?? fileOf('national-recalls'),
      foreign: fileOf('foreign-categories'),
      recalls: recalls.report.file,
    },
  });
}

/** The issue metadata and articles are listed with the tables, though they have no sheet, encoding or rows. */
function otherFileReport(file: string, kind: 'issue' | 'article'): FileReport {
  return {
    file,
    kind,
    format: kind === 'issue' ? 'json' : 'markdown',
    sheet: null,
    encoding: null,
    headerRow: null,
    rows: null,
    unreadable: false,
  };
}

export async function loadQuarter(
  opts: {
    dataDir: string;
    quarter: Quarter;
    config: BulletinConfig;
    cwd: string;
    sheet?: string;
    quarterDir?: string;
    /** Record files larger than this are read as a stream (the CLI passes BULLETIN_STREAM_BYTES). */
    streamBytes?: number;
    /** 'none' when only the checks are wanted (validate): the records' figures are then not gathered. */
    hold?: 'tallies' | 'none';
  },
  onProgress: ProgressListener = () => undefined,
): Promise<LoadedQuarter> {
  const ref = await loadReference();
  const home = homeProvince(ref, opts.config);
  const quarterDir = opts.quarterDir ?? join(opts.dataDir, quarterId(opts.quarter));
  const display = (p: string) => displayPath(opts.cwd, p);
  const ctx = {
    ref,
    home,
    quarter: opts.quarter,
    maxQuantity: opts.config.maxQuantity,
    streamBytes: opts.streamBytes,
  };
  const hold = opts.hold ?? 'tallies';
  const { recalls, tallies, totals } = await readRecallRecords(quarterDir, ctx, display, opts.sheet, onProgress, hold);

  onProgress({ phase: 'read', message: '读取全国、国外、线索表格和文章' });
  const names = await listQuarterDir(quarterDir);
  const summaries = await loadSummaries({ ...ctx, quarterDir, names, display });
  const meta = await loadIssueMeta(opts.dataDir, opts.quarter, display);
  const articles = await loadArticles(
    quarterDir,
    opts.config.sections.filter((s) => s !== REPORT_SECTION),
    display,
  );
  const reconciled = reconcileQuarter(opts.quarter, home, summaries, recalls, totals);
  const files = [recalls, ...summaries.files];
  return {
    quarter: opts.quarter,
    ref,
    home,
    tallies,
    totals,
    meta,
    national: summaries.national,
    foreign: summaries.foreign,
    clues: summaries.clues,
    articles: articles.articles,
    issues: [...recalls.issues, ...summaries.issues, ...meta.issues, ...articles.issues, ...reconciled],
    files: [
      ...files.map((f) => f.report),
      ...(meta.file ? [otherFileReport(meta.file, 'issue')] : []),
      ...articles.files.map((f) => otherFileReport(f, 'article')),
    ],
    unreadable: files.some((f) => f.report.unreadable),
  };
}
