/**
 * bulletin validate: the same checks as build, on a quarter folder or on
 * loose files, gathered into one report (documented in the README).
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { BulletinError } from '../model/errors.js';
import { dataOrThrow, readQuarter } from '../inputs/read-quarter.js';
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
  const read = await readQuarter(
    { dataDir: dirname(dir), quarterDir: dir, quarter },
    // Validation gathers no figures: only the totals the reconciliation needs.
    { ...opts, archiveDirs: archivesFor(dirname(dir), opts), hold: 'none' },
  );
  const loaded = dataOrThrow(read);
  return report(quarter, loaded.files, loaded.issues, opts.maxErrors ?? Infinity);
}

/** Loose files; inside a quarter folder they are checked against the year's other quarters, as the folder would be. */
async function validateLooseFiles(opts: ValidateOptions): Promise<ValidateReport> {
  const folder = dirname(resolve(opts.cwd, opts.paths[0] ?? '.'));
  const read = await readQuarter(
    { files: opts.paths, quarter: opts.quarter },
    { ...opts, archiveDirs: archivesFor(dirname(folder), opts) },
  );
  const data = dataOrThrow(read);
  return report(data.quarter, data.files, data.issues, opts.maxErrors ?? Infinity);
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
