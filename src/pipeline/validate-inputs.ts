/**
 * bulletin validate: the same checks as build, on a quarter folder or on
 * loose files, gathered into one report (documented in the README).
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { BulletinError } from '../model/errors.js';
import { loadCheckedQuarter } from '../inputs/cross-quarter.js';
import { validateLooseFiles } from '../inputs/validate-loose-files.js';
import {
  archivesFor,
  quarterFromPath,
  report,
  type ValidateOptions,
  type ValidateReport,
} from '../inputs/validate-report.js';

export {
  VALIDATE_SCHEMA_VERSION,
  quarterFromPath,
  type FileSummary,
  type ValidateOptions,
  type ValidateReport,
} from '../inputs/validate-report.js';

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
    // Validation gathers no figures: only the totals the reconciliation needs.
    hold: 'none',
  });
  return report(quarter, loaded.files, loaded.issues, opts.maxErrors ?? Infinity);
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
