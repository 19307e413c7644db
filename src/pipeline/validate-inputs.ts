/**
 * bulletin validate: the same checks as build, on a quarter folder or on
 * loose files, gathered into one report (documented in the README).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import type { ForeignInput, NationalInput } from '../model/bulletin.js';
import { BulletinError } from '../model/errors.js';
import type { ValidationIssue } from '../model/issues.js';
import { parseQuarter, quarterId, type Quarter } from '../model/quarter.js';
import { checkArticleText } from '../validate/article-meta.js';
import { reconcile } from '../validate/reconcile.js';
import { checkTableFile, fileProblem, type FileReport } from './check-file.js';
import { REPORT_SECTION, type BulletinConfig } from './config.js';
import type { Checked } from './input-kinds.js';
import { checkIssueJsonBytes } from './load-issue-meta.js';
import { displayPath, homeProvince } from './load-quarter.js';
import { crossQuarterChecks, loadCheckedQuarter } from './cross-quarter.js';
import { defaultArchiveDirs } from './quarter-source.js';
import { loadReference } from './load-reference.js';

export const VALIDATE_SCHEMA_VERSION = 1;

export interface FileSummary extends FileReport {
  errors: number;
  warnings: number;
}

export interface ValidateReport {
  schemaVersion: number;
  ok: boolean;
  quarter: string | null;
  summary: {
    files: number;
    errors: number;
    warnings: number;
    rows: { read: number; accepted: number; rejected: number };
  };
  files: FileSummary[];
  findings: ValidationIssue[];
  /** Findings were cut at --max-errors errors. */
  truncated: boolean;
  /** A file could not be read at all (exit code 3). */
  unreadable: boolean;
}

export interface ValidateOptions {
  paths: string[];
  quarter: Quarter | null;
  config: BulletinConfig;
  cwd: string;
  sheet?: string;
  maxErrors?: number;
  /** Record files larger than this are read as a stream (the CLI passes BULLETIN_STREAM_BYTES). */
  streamBytes?: number;
}

const QUARTER_DIR = /^\d{4}Q[1-4]$/i;

export function quarterFromPath(path: string): Quarter | null {
  const name = basename(path);
  return QUARTER_DIR.test(name) ? parseQuarter(name) : null;
}

function report(
  quarter: Quarter | null,
  files: FileReport[],
  findings: ValidationIssue[],
  maxErrors: number,
): ValidateReport {
  const count = (file: string, sev: string) => findings.filter((f) => f.file === file && f.severity === sev).length;
  const errors = findings.filter((f) => f.severity === 'error').length;
  let kept = 0;
  const shown = findings.filter((f) => f.severity !== 'error' || ++kept <= maxErrors);
  const rows = files.reduce(
    (a, f) => ({
      read: a.read + (f.rows?.read ?? 0),
      accepted: a.accepted + (f.rows?.accepted ?? 0),
      rejected: a.rejected + (f.rows?.rejected ?? 0),
    }),
    { read: 0, accepted: 0, rejected: 0 },
  );
  return {
    schemaVersion: VALIDATE_SCHEMA_VERSION,
    ok: errors === 0,
    quarter: quarter ? quarterId(quarter) : null,
    summary: { files: files.length, errors, warnings: findings.length - errors, rows },
    files: files.map((f) => ({ ...f, errors: count(f.file, 'error'), warnings: count(f.file, 'warning') })),
    findings: shown,
    truncated: shown.length < findings.length,
    unreadable: files.some((f) => f.unreadable),
  };
}

/** Where earlier quarters' archived stats.json are looked for, as build looks for them. */
function archivesFor(dataDir: string, opts: ValidateOptions): string[] {
  return defaultArchiveDirs(dataDir, opts.config.out ?? resolve(opts.cwd, 'out'));
}

async function validateFolder(dir: string, opts: ValidateOptions): Promise<ValidateReport> {
  const quarter = opts.quarter ?? quarterFromPath(dir);
  if (!quarter)
    throw new BulletinError(
      'usage.quarter.unknown',
      'usage',
      `无法从文件夹名“${basename(dir)}”看出是哪个季度。`,
      '请加上 --quarter 2022Q3，或把文件夹命名为 2022Q3。',
    );
  const loaded = await loadCheckedQuarter({
    dataDir: dirname(dir),
    quarterDir: dir,
    quarter,
    config: opts.config,
    cwd: opts.cwd,
    sheet: opts.sheet,
    archiveDirs: archivesFor(dirname(dir), opts),
    streamBytes: opts.streamBytes,
  });
  return report(quarter, loaded.files, loaded.issues, opts.maxErrors ?? Infinity);
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
    bytes = await readFile(path);
  } catch {
    return {
      report: { ...report, unreadable: true },
      issues: [
        fileProblem(
          display,
          'input.file.unreadable',
          '无法读取该文件。',
          '请检查路径是否正确、文件是否存在且有读取权限。',
        ),
      ],
    };
  }
  if (!isJson) return { report, issues: checkArticleText(bytes.toString('utf8'), display, sections).issues };
  return { report, issues: checkIssueJsonBytes(bytes, display).issues };
}

async function validateLooseFiles(opts: ValidateOptions): Promise<ValidateReport> {
  const ref = await loadReference();
  const home = homeProvince(ref, opts.config);
  const quarter = opts.quarter ?? quarterFromPath(dirname(resolve(opts.cwd, opts.paths[0] ?? '.')));
  const files: FileReport[] = [];
  const findings: ValidationIssue[] = [];
  const checked: Checked[] = [];
  for (const p of opts.paths) {
    const path = resolve(opts.cwd, p);
    const display = displayPath(opts.cwd, path);
    const ext = extname(path).toLowerCase();
    if (ext === '.json' || ext === '.md') {
      const r = await validateOther(
        path,
        display,
        opts.config.sections.filter((s) => s !== REPORT_SECTION),
      );
      files.push(r.report);
      findings.push(...r.issues);
      continue;
    }
    const ctx = { ref, home, quarter, maxQuantity: opts.config.maxQuantity, streamBytes: opts.streamBytes };
    const r = await checkTableFile(path, display, ctx, undefined, opts.sheet, false);
    files.push(r.report);
    findings.push(...r.issues);
    if (r.checked) checked.push(r.checked);
  }
  const pick = <K extends Checked['kind']>(k: K) =>
    checked.find((c) => c.kind === k) as Extract<Checked, { kind: K }> | undefined;
  const cats = pick('national-categories');
  const provs = pick('national-provinces');
  const national: NationalInput | null =
    cats && provs ? { source: 'summary', categories: cats.categories, provinces: provs.provinces } : null;
  const jur = pick('foreign');
  const foreign: ForeignInput | null = jur
    ? { jurisdictions: jur.jurisdictions, categories: pick('foreign-categories')?.categories ?? [] }
    : null;
  const fileOf = (kind: string) => files.find((f) => f.kind === kind)?.file;
  findings.push(
    ...reconcile({
      quarter,
      home,
      national,
      foreign,
      records: pick('recalls')?.records ?? null,
      files: {
        national: fileOf('national-categories'),
        foreign: fileOf('foreign-categories'),
        recalls: fileOf('recalls'),
      },
    }),
  );
  // Loose files inside a quarter folder are checked against the year's other quarters, as the folder would be.
  const folder = dirname(resolve(opts.cwd, opts.paths[0] ?? '.'));
  const recalls = fileOf('recalls');
  if (quarter && quarterFromPath(folder) && quarterId(quarterFromPath(folder)!) === quarterId(quarter))
    findings.push(
      ...(await crossQuarterChecks(
        {
          quarter,
          ref,
          home,
          national,
          records: findings.some((f) => f.file === recalls && f.severity === 'error')
            ? null
            : (pick('recalls')?.records ?? null),
          files: { categories: fileOf('national-categories'), provinces: fileOf('national-provinces'), recalls },
          issue: null,
        },
        {
          dataDir: dirname(folder),
          archiveDirs: archivesFor(dirname(folder), opts),
          config: opts.config,
          cwd: opts.cwd,
        },
      )),
    );
  return report(quarter, files, findings, opts.maxErrors ?? Infinity);
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

async function isDirectory(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

export async function validateInputs(opts: ValidateOptions): Promise<ValidateReport> {
  const first = opts.paths[0];
  if (opts.paths.length === 1 && first) {
    const path = resolve(opts.cwd, first);
    // A path with no extension that does not exist is meant as a quarter folder: say it is missing.
    if ((await isDirectory(path)) || (extname(path) === '' && !(await exists(path)))) return validateFolder(path, opts);
  }
  return validateLooseFiles(opts);
}
