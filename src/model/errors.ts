/**
 * The one error class of the project. `kind` says which exit code the CLI
 * gives it; `code` is stable for scripts; `hint` tells a user what to do.
 * Data faults are not errors: they are ValidationIssue lists (see issues.ts).
 */
export type ErrorKind = 'usage' | 'config' | 'input' | 'data' | 'browser' | 'internal';

export class BulletinError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly hint: string | undefined;

  constructor(code: string, kind: ErrorKind, message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BulletinError';
    this.code = code;
    this.kind = kind;
    this.hint = hint;
  }
}

export function isBulletinError(e: unknown): e is BulletinError {
  return e instanceof BulletinError;
}
