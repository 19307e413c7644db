/**
 * The one error class of the project. `kind` says which exit code the CLI
 * gives it; `code` is stable for scripts; `hint` tells a user what to do.
 * Data faults are not errors: they are ValidationIssue lists (see issues.ts).
 */
import type { ValidationIssue } from './issues.js';

export type ErrorKind = 'usage' | 'config' | 'input' | 'data' | 'browser' | 'internal';

export class BulletinError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly hint: string | undefined;
  /** The findings behind a `data` error (a quarter that cannot be used), so a script can list them. */
  readonly findings: readonly ValidationIssue[];

  constructor(
    code: string,
    kind: ErrorKind,
    message: string,
    hint?: string,
    options?: { cause?: unknown; findings?: readonly ValidationIssue[] },
  ) {
    super(message, options);
    this.name = 'BulletinError';
    this.code = code;
    this.kind = kind;
    this.hint = hint;
    this.findings = options?.findings ?? [];
  }
}

export function isBulletinError(e: unknown): e is BulletinError {
  return e instanceof BulletinError;
}
