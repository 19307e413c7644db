/**
 * Loose files (bulletin validate FILE…): each file checked as what it looks
 * like, its kind from its name (any case) or its columns; part of read-quarter.ts,
 * which then checks the files against each other as it does a folder's.
 */
import { readRegularFile } from '../files/read-regular-file.js';
import { dirname, extname, resolve } from 'node:path';
import { type ValidationIssue } from '../model/issues.js';
import { unreadableFinding } from '../model/system-reasons.js';
import { quarterId, type Quarter } from '../model/quarter.js';
import type { Province, ReferenceData } from '../model/reference.js';
import { checkArticleText } from '../validate/article-meta.js';
import { checkTableFile, type CheckedFile, type FileReport } from './check-file.js';
import { REPORT_SECTION } from '../config/config.js';
import { checkIssueJsonBytes } from './load-issue-meta.js';
import { displayPath, type QuarterData, type ReadSettings } from './load-quarter.js';
import { assembleTables } from './quarter-tables.js';
import { quarterFromPath } from './validate-report.js';

/** What every loose file is checked against: the reference data, the home province and the quarter, if known. */
interface LooseContext {
  ref: ReferenceData;
  home: Province;
  quarter: Quarter | null;
}

async function validateOther(
  path: string,
  display: string,
  sections: readonly string[],
): Promise<{ report: FileReport; issues: ValidationIssue[] }> {
  const isJson = extname(path).toLowerCase() === '.json';
  const report: FileReport = {
    file: display,
    kind: isJson ? 'issue' : 'article',
    format: isJson ? 'json' : 'markdown',
    sheet: null,
    encoding: null,
    headerRow: null,
    rows: null,
    unreadable: false,
  };
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path);
  } catch (e) {
    return { report: { ...report, unreadable: true }, issues: [unreadableFinding(display, e)] };
  }
  if (!isJson) return { report, issues: checkArticleText(bytes.toString('utf8'), display, sections).issues };
  return { report, issues: checkIssueJsonBytes(bytes, display).issues };
}

/** One loose file: issue metadata and articles by their extension, anything else as a table of whichever kind it is. */
async function checkLooseFile(
  p: string,
  opts: ReadSettings,
  { ref, home, quarter }: LooseContext,
): Promise<CheckedFile> {
  const path = resolve(opts.cwd, p);
  const display = displayPath(opts.cwd, path);
  const ext = extname(path).toLowerCase();
  if (ext === '.json' || ext === '.md') {
    const other = await validateOther(
      path,
      display,
      opts.config.sections.filter((s) => s !== REPORT_SECTION),
    );
    return { ...other, checked: null };
  }
  const ctx = { ref, home, quarter, maxQuantity: opts.config.maxQuantity, streamBytes: opts.streamBytes };
  return checkTableFile(path, display, ctx, undefined, opts.sheet, 'none');
}

/** The folder loose files are in, as a quarter's data folder: only when it is the given quarter's (then the year's checks apply). */
export function looseFolder(paths: readonly string[], cwd: string, quarter: Quarter | null): string | null {
  const folder = dirname(resolve(cwd, paths[0] ?? '.'));
  const named = quarterFromPath(folder);
  return quarter && named && quarterId(named) === quarterId(quarter) ? folder : null;
}

/** Loose files, each checked on its own (not yet against each other); the quarter from --quarter or their folder. */
export async function readLooseFiles(
  paths: readonly string[],
  given: Quarter | null,
  where: { ref: ReferenceData; home: Province },
  opts: ReadSettings,
): Promise<QuarterData> {
  const { ref, home } = where;
  const quarter = given ?? quarterFromPath(dirname(resolve(opts.cwd, paths[0] ?? '.')));
  const checked: CheckedFile[] = [];
  for (const p of paths) checked.push(await checkLooseFile(p, opts, { ref, home, quarter }));
  return {
    ...assembleTables(checked, ref, quarter, 'none'),
    quarter,
    ref,
    home,
    meta: null,
    articles: [],
    issues: checked.flatMap((f) => f.issues),
    files: checked.map((f) => f.report),
    unreadable: checked.some((f) => f.report.unreadable),
  };
}
