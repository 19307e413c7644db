/**
 * A quarter's figures for comparisons: what read-quarter.ts's loadStats
 * returns, computed from a quarter read or, when the raw data is gone, read
 * from the stats.json its build archived (in the output folder, data/archive,
 * or folders given with --archive), and why a quarter has none.
 */
import { computeBulletinStats } from '../aggregate/bulletin-stats.js';
import { BulletinError } from '../model/errors.js';
import { quarterId, type Quarter } from '../model/quarter.js';
import type { BulletinStats } from '../model/stats.js';
import type { BulletinConfig } from '../config/config.js';
import type { UnfilledTable, UnfilledTables } from '../model/unfilled.js';
import { kindTitle, type TableKind } from './input-kinds.js';
import { type LoadedQuarter, type QuarterData } from './load-quarter.js';

export interface SourcedStats {
  quarter: string;
  stats: BulletinStats;
  source: 'data' | 'archive';
  path: string;
}

export interface SourceOptions {
  dataDir: string;
  /** Folders holding <quarter>/stats.json, searched in order. */
  archiveDirs: string[];
  config: BulletinConfig;
  cwd: string;
  /** Record files larger than this are read as a stream (the CLI passes BULLETIN_STREAM_BYTES). */
  streamBytes?: number;
  /**
   * Check the quarter's data against the year's other quarters, as build does (stats of one quarter):
   * figures build would refuse are refused here too. Never set for the neighbours those checks read,
   * which would check each other in turn.
   */
  yearChecks?: boolean;
  /**
   * How the year checks get the earlier quarters' figures (default: read them). A command that checks
   * several quarters of one year passes one memoised reader, so each earlier quarter is read once.
   */
  earlierStats?: (q: Quarter) => Promise<StatsOutcome>;
}

/** Where a quarter's archived stats.json is looked for: the rule lives with the other options. */
export { defaultArchiveDirs } from '../config/resolve-options.js';

/**
 * Every figure of the bulletin for a loaded quarter (stats.json). A quarter
 * with errors has no figures: it throws, with the findings, rather than
 * return zeros a script could print.
 */
export function statsOf(loaded: LoadedQuarter, decimals = 2): BulletinStats {
  refuseWithErrors(loaded, '不能计算统计数字', '请先运行 bulletin validate 并改正；错误清单在这个错误的 findings 中。');
  return figuresAsTheyStand(loaded, decimals);
}

/**
 * A quarter with errors has no figures. A file that could not be read is an
 * input failure (exit 3, as `build` and `validate` give it); errors in the
 * data are a data failure (exit 1). The findings go with either.
 */
export function refuseWithErrors(loaded: LoadedQuarter, purpose: string, hint: string): void {
  const errors = loaded.issues.filter((i) => i.severity === 'error').length;
  if (!loaded.unreadable && errors === 0) return;
  const [code, kind] = loaded.unreadable
    ? (['input.quarter.unreadable', 'input'] as const)
    : (['data.quarter.invalid', 'data'] as const);
  throw new BulletinError(
    code,
    kind,
    `${quarterId(loaded.quarter)} 的数据有 ${errors} 个错误${loaded.unreadable ? '（有文件无法读取）' : ''}，${purpose}。`,
    hint,
    { findings: loaded.issues },
  );
}

/**
 * The figures of what was accepted, whatever the findings: for a draft
 * (build --draft, preview), which prints them stamped 草稿 and is never
 * written as stats.json, so never archived or compared.
 */
export function figuresAsTheyStand(loaded: LoadedQuarter, decimals = 2): BulletinStats {
  const issue = {
    number: loaded.meta.number,
    totalNumber: loaded.meta.totalNumber,
    publicationDate: loaded.meta.meta.publicationDate,
  };
  if (!loaded.tallies)
    throw new BulletinError(
      'internal.tallies.missing',
      'internal',
      `${quarterId(loaded.quarter)} 的召回记录没有汇总（读取时未要求汇总）。`,
      '这是程序的错误：请把这条信息和所用的命令报告给维护者。',
    );
  return computeBulletinStats(
    { tallies: loaded.tallies, national: loaded.national, foreign: loaded.foreign, clues: loaded.clues, issue },
    loaded.ref,
    loaded.home,
    loaded.quarter,
    decimals,
  );
}

/** The parts each table is worded into: national-recalls stands for both national tables. */
const WORDED: Partial<Record<TableKind, UnfilledTable[]>> = {
  recalls: ['recalls'],
  'national-categories': ['national-categories'],
  'national-provinces': ['national-provinces'],
  'national-recalls': ['national-categories', 'national-provinces'],
  foreign: ['foreign'],
  'foreign-categories': ['foreign-categories'],
  clues: ['clues'],
};

/**
 * Which of a draft's figures are not there at all: the tables with errors and not one accepted row
 * (unfilled, emptied, or every row rejected). A records file without rows or errors is a quarter
 * without recalls, and is worded as one.
 */
export function unfilledTables(loaded: Pick<QuarterData, 'files' | 'issues'>): UnfilledTables {
  const out: UnfilledTables = {};
  for (const f of loaded.files) {
    const kind = f.kind === 'issue' || f.kind === 'article' ? null : f.kind;
    const parts = kind ? WORDED[kind] : undefined;
    const failed = loaded.issues.some((i) => i.severity === 'error' && i.file === f.file);
    if (!kind || !parts || !f.rows || f.rows.accepted > 0 || !failed) continue;
    for (const p of parts) out[p] = kindTitle(kind);
  }
  return out;
}

/** Why a quarter's figures could not be had: no data at all, data with errors, or a damaged archive. */
export interface Unavailable {
  quarter: string;
  reason: 'missing' | 'invalid' | 'unreadable' | 'damaged';
  code: string;
  message: string;
  hint: string;
}

export type StatsOutcome = { ok: true; found: SourcedStats } | { ok: false; unavailable: Unavailable };

const REASONS: Record<string, Unavailable['reason']> = {
  'input.quarter.unavailable': 'missing',
  'data.quarter.invalid': 'invalid',
  'input.quarter.unreadable': 'unreadable',
  'input.archive.unreadable': 'damaged',
  'input.archive.version': 'damaged',
  'input.archive.inconsistent': 'damaged',
  'input.archive.province': 'damaged',
};

/**
 * The tool's own verdict that a quarter's figures cannot be had, as a value.
 * Anything else (a bug, a bad configuration) is rethrown: it must stop the command.
 */
export function asUnavailable(q: Quarter, e: unknown): Unavailable {
  if (!(e instanceof BulletinError) || (e.kind !== 'data' && e.kind !== 'input')) throw e;
  return {
    quarter: quarterId(q),
    reason: REASONS[e.code] ?? 'unreadable',
    code: e.code,
    message: e.message,
    hint: e.hint ?? '',
  };
}

export function unavailableError(q: Quarter): BulletinError {
  return new BulletinError(
    'input.quarter.unavailable',
    'input',
    `找不到 ${quarterId(q)} 的数据：既没有数据文件夹，也没有存档的 stats.json。`,
    '请放入该季度的数据（--data），或用 --archive 指定存放 <季度>/stats.json 的文件夹。',
  );
}

/** The quarter's archived stats.json, checked: its own module, with what it takes to trust one. */
export { readArchive } from './read-archive.js';
