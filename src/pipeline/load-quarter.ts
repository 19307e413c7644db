/** Reads and validates one quarter's inputs: the pipeline's first half. */
import { isAbsolute, join, relative } from 'node:path';
import type { Article, ClueRow, ForeignInput, NationalInput } from '../model/bulletin.js';
import { BulletinError } from '../model/errors.js';
import type { ValidationIssue } from '../model/issues.js';
import { quarterId, type Quarter } from '../model/quarter.js';
import type { RecallRecord } from '../model/record.js';
import { findProvince, type Province, type ReferenceData } from '../model/reference.js';
import { readTable } from '../ingest/read-table.js';
import { validateRecords, type RowAccount } from '../validate/validate-records.js';
import { REPORT_SECTION, type BulletinConfig } from './config.js';
import { loadArticles } from './load-articles.js';
import { loadIssueMeta, type LoadedMeta } from './load-issue-meta.js';
import { loadReference } from './load-reference.js';
import { loadSummaries } from './load-summaries.js';
import { listQuarterDir, locateRecords } from './locate-inputs.js';
import type { ProgressListener } from './progress.js';

export interface SourceReport {
  file: string;
  format: 'csv' | 'xlsx';
  sheet: string | null;
  encoding: string | null;
  headerRow: number | null;
  /** Row account; null for summary tables (not yet counted row by row). */
  rows: RowAccount | null;
}

export interface LoadedQuarter {
  quarter: Quarter;
  ref: ReferenceData;
  home: Province;
  records: RecallRecord[];
  meta: LoadedMeta;
  national: NationalInput | null;
  foreign: ForeignInput | null;
  clues: ClueRow[] | null;
  articles: Article[];
  issues: ValidationIssue[];
  sources: SourceReport[];
}

/** Relative to where the user stands when the file is below it, else absolute. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

export function homeProvince(ref: ReferenceData, config: BulletinConfig): Province {
  const home = findProvince(ref, config.province);
  if (!home) {
    throw new BulletinError('config.province', 'config', `设置的本省“${config.province}”不是有效的省级行政区（来自${config.source}）。`, '请填写省份全称、简称或 6 位代码，如“湖南省”、“湖南”或“430000”。');
  }
  return home;
}

export async function loadQuarter(
  opts: { dataDir: string; quarter: Quarter; config: BulletinConfig; cwd: string; sheet?: string },
  onProgress: ProgressListener = () => undefined,
): Promise<LoadedQuarter> {
  const ref = await loadReference();
  const home = homeProvince(ref, opts.config);
  const quarterDir = join(opts.dataDir, quarterId(opts.quarter));
  const display = (p: string) => displayPath(opts.cwd, p);
  const path = await locateRecords(quarterDir);
  onProgress({ phase: 'read', message: `读取 ${display(path)}` });
  const table = await readTable(path, display(path), opts.sheet);
  const how = table.sheet ? `工作表“${table.sheet}”` : `${table.encoding ?? ''} 编码`;
  onProgress({ phase: 'validate', message: `检查 ${table.rows.length} 行（${how}）` });
  const result = validateRecords(table, { ref, home, quarter: opts.quarter });

  onProgress({ phase: 'read', message: '读取全国、国外、线索表格和文章' });
  const names = await listQuarterDir(quarterDir);
  const summaries = await loadSummaries({ quarterDir, names, ref, quarter: opts.quarter, display });
  const meta = await loadIssueMeta(opts.dataDir, opts.quarter, display);
  const articleSections = opts.config.sections.filter((s) => s !== REPORT_SECTION);
  const articles = await loadArticles(quarterDir, articleSections, display);
  return {
    quarter: opts.quarter,
    ref,
    home,
    records: result.records,
    meta,
    national: summaries.national,
    foreign: summaries.foreign,
    clues: summaries.clues,
    articles: articles.articles,
    issues: [...result.issues, ...summaries.issues, ...meta.issues, ...articles.issues],
    sources: [{ file: table.file, format: table.format, sheet: table.sheet, encoding: table.encoding, headerRow: result.headerRow, rows: result.rows }, ...summaries.sources],
  };
}
