/** The data of a quarter as read and checked, and how a quarter folder is read: part of read-quarter.ts. */
import { isAbsolute, relative } from 'node:path';
import type { Article } from '../model/bulletin.js';
import { BulletinError } from '../model/errors.js';
import type { ValidationIssue } from '../model/issues.js';
import type { Quarter } from '../model/quarter.js';
import { findProvince, type Province, type ReferenceData } from '../model/reference.js';
import type { ProgressListener } from '../model/progress.js';
import { checkTableFile, type CheckedFile, type FileReport } from './check-file.js';
import { REPORT_SECTION, type BulletinConfig } from '../config/config.js';
import { loadArticles } from './load-articles.js';
import { loadIssueMeta, type LoadedMeta } from './load-issue-meta.js';
import type { CheckContext } from './input-kinds.js';
import type { Hold } from './tallied-checker.js';
import type { LocatedQuarter } from './locate-inputs.js';
import { assembleTables, checkRecords, folderPlan, type QuarterTables } from './quarter-tables.js';
import { unusedTables } from './unused-files.js';

/** What was read of a quarter, folder or loose files alike: its data and every finding. */
export interface QuarterData extends QuarterTables {
  /** null for loose files whose quarter is not known. */
  quarter: Quarter | null;
  ref: ReferenceData;
  home: Province;
  /** issue.json with its derived numbers; null for loose files. */
  meta: LoadedMeta | null;
  articles: Article[];
  issues: ValidationIssue[];
  files: FileReport[];
  /** Some input could not be read at all (exit code 3). */
  unreadable: boolean;
}

/** A quarter folder read: its quarter and issue numbers are known. */
export interface LoadedQuarter extends QuarterData {
  quarter: Quarter;
  meta: LoadedMeta;
}

/** How every input is read: the settings and the folder paths are displayed against. */
export interface ReadSettings {
  config: BulletinConfig;
  cwd: string;
  sheet?: string;
  /** Record files larger than this are read as a stream (the CLI passes BULLETIN_STREAM_BYTES). */
  streamBytes?: number;
  /** What is held of the records (default 'tallies'); 'none' when only the checks are wanted (validate). */
  hold?: Hold;
}

/** A folder's records are tallied unless only the checks are wanted. */
export const holdOf = (opts: ReadSettings): Hold => opts.hold ?? 'tallies';

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

/** The issue metadata and articles are listed with the tables, though they have no sheet, encoding or rows. */
export function otherFileReport(file: string, kind: 'issue' | 'article'): FileReport {
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

/** The records, then the folder's other tables in their groups, each group's missing part warned about after it. */
async function readFolderTables(
  located: LocatedQuarter,
  ctx: CheckContext,
  opts: ReadSettings,
  onProgress: ProgressListener,
): Promise<{ checked: CheckedFile[]; issues: ValidationIssue[] }> {
  const display = (p: string) => displayPath(opts.cwd, p);
  const recordsPath = located.tables.recalls as string;
  const recalls = await checkRecords(recordsPath, display(recordsPath), ctx, opts.sheet, onProgress, holdOf(opts));
  onProgress({ phase: 'read', message: '读取全国、国外、线索表格和文章' });
  const checked = [recalls];
  const issues = [...recalls.issues];
  for (const group of folderPlan(located, display(located.quarterDir))) {
    for (const kind of group.kinds) {
      const path = located.tables[kind] as string;
      const f = await checkTableFile(path, display(path), ctx, kind);
      checked.push(f);
      issues.push(...f.issues);
    }
    issues.push(...group.missing);
  }
  return { checked, issues };
}

/** A located quarter folder: its tables, issue.json and articles, each checked on its own (not yet against each other). */
export async function readFolder(
  located: LocatedQuarter,
  where: { dataDir: string; quarter: Quarter; ref: ReferenceData; home: Province },
  opts: ReadSettings,
  onProgress: ProgressListener,
): Promise<QuarterData & { quarter: Quarter; meta: LoadedMeta }> {
  const { ref, home, quarter } = where;
  const display = (p: string) => displayPath(opts.cwd, p);
  const ctx = { ref, home, quarter, maxQuantity: opts.config.maxQuantity, streamBytes: opts.streamBytes };
  const tables = await readFolderTables(located, ctx, opts, onProgress);
  const meta = await loadIssueMeta(where.dataDir, quarter, display);
  const sections = opts.config.sections.filter((s) => s !== REPORT_SECTION);
  const articles = await loadArticles(located.quarterDir, sections, display, located.articlesDir);
  // An issue.json or article that is there but cannot be read is as unreadable as a table (exit 3), not "no numbers".
  const cannotRead = (issues: ValidationIssue[], file?: string) =>
    issues.some((i) => i.code === 'input.file.unreadable' && (file === undefined || i.file === file));
  const metaUnreadable = cannotRead(meta.issues);
  return {
    ...assembleTables(tables.checked, ref, quarter, holdOf(opts)),
    quarter,
    ref,
    home,
    meta,
    articles: articles.articles,
    issues: [...tables.issues, ...unusedTables(located, display), ...meta.issues, ...articles.issues],
    files: [
      ...tables.checked.map((f) => f.report),
      ...(meta.file ? [{ ...otherFileReport(meta.file, 'issue'), unreadable: metaUnreadable }] : []),
      ...articles.files.map((f) => ({ ...otherFileReport(f, 'article'), unreadable: cannotRead(articles.issues, f) })),
    ],
    unreadable: metaUnreadable || cannotRead(articles.issues) || tables.checked.some((f) => f.report.unreadable),
  };
}
