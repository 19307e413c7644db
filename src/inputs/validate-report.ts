/**
 * What bulletin validate reports, and how the findings of a quarter read
 * (read-quarter.ts: a folder or loose files) become that report; doctor counts with it too.
 */
import { basename } from 'node:path';
import type { ValidationIssue } from '../model/issues.js';
import { parseQuarter, quarterId, type Quarter } from '../model/quarter.js';
import type { FileReport } from './check-file.js';
import type { BulletinConfig } from '../config/config.js';
import { defaultArchiveDirs, folders } from '../config/resolve-options.js';

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
  /** The output folder, where earlier quarters' stats.json are archived; default as resolveOptions finds it. */
  outDir?: string;
}

const QUARTER_DIR = /^\d{4}Q[1-4]$/i;

export function quarterFromPath(path: string): Quarter | null {
  const name = basename(path);
  return QUARTER_DIR.test(name) ? parseQuarter(name) : null;
}

export function report(
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
export function archivesFor(dataDir: string, opts: ValidateOptions): string[] {
  return defaultArchiveDirs(dataDir, opts.outDir ?? folders({}, opts.config, opts.cwd).outDir);
}
