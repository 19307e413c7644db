/**
 * bulletin validate on loose files: each file checked as what it looks like,
 * then the same cross-checks a quarter folder gets, between whichever of the
 * files were given.
 */
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import type { ForeignInput, NationalInput } from '../model/bulletin.js';
import type { ValidationIssue } from '../model/issues.js';
import { quarterId, type Quarter } from '../model/quarter.js';
import type { Province, ReferenceData } from '../model/reference.js';
import { checkArticleText } from '../validate/article-meta.js';
import { reconcile } from '../validate/reconcile.js';
import { checkTableFile, fileProblem, type FileReport } from './check-file.js';
import { REPORT_SECTION } from '../config/config.js';
import { crossQuarterChecks } from './cross-quarter.js';
import type { Checked } from './input-kinds.js';
import { checkIssueJsonBytes } from './load-issue-meta.js';
import { displayPath, homeProvince } from './load-quarter.js';
import { loadReference } from './load-reference.js';
import { archivesFor, quarterFromPath, report, type ValidateOptions, type ValidateReport } from './validate-report.js';

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

/** One loose file: issue metadata and articles by their extension, anything else as a table of whichever kind it is. */
async function checkLooseFile(
  p: string,
  opts: ValidateOptions,
  { ref, home, quarter }: LooseContext,
): Promise<{ report: FileReport; issues: ValidationIssue[]; checked?: Checked | null }> {
  const path = resolve(opts.cwd, p);
  const display = displayPath(opts.cwd, path);
  const ext = extname(path).toLowerCase();
  if (ext === '.json' || ext === '.md') {
    return validateOther(
      path,
      display,
      opts.config.sections.filter((s) => s !== REPORT_SECTION),
    );
  }
  const ctx = { ref, home, quarter, maxQuantity: opts.config.maxQuantity, streamBytes: opts.streamBytes };
  const r = await checkTableFile(path, display, ctx, undefined, opts.sheet, 'none');
  return { report: r.report, issues: r.issues, checked: r.checked };
}

/** The tables the files amount to: national and foreign figures only when every part of them was given. */
function summariesOf(checked: readonly Checked[]) {
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
  return { national, foreign, totals: pick('recalls')?.totals ?? null };
}

export async function validateLooseFiles(opts: ValidateOptions): Promise<ValidateReport> {
  const ref = await loadReference();
  const home = homeProvince(ref, opts.config);
  const quarter = opts.quarter ?? quarterFromPath(dirname(resolve(opts.cwd, opts.paths[0] ?? '.')));
  const files: FileReport[] = [];
  const findings: ValidationIssue[] = [];
  const checked: Checked[] = [];
  for (const p of opts.paths) {
    const r = await checkLooseFile(p, opts, { ref, home, quarter });
    files.push(r.report);
    findings.push(...r.issues);
    if (r.checked) checked.push(r.checked);
  }
  const { national, foreign, totals } = summariesOf(checked);
  const fileOf = (kind: string) => files.find((f) => f.kind === kind)?.file;
  findings.push(
    ...reconcile({
      quarter,
      home,
      national,
      foreign,
      totals,
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
          totals: findings.some((f) => f.file === recalls && f.severity === 'error') ? null : totals,
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
