import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'bulletin.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Layouts measured by this test run stay in it (not in the user's ~/.cache). */
const CACHE = mkdtempSync(join(tmpdir(), 'bulletin-test-cache-'));

/** Runs the real command, as a user or CI script would. */
export function bulletin(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', BULLETIN_CACHE_DIR: CACHE, ...opts.env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'bulletin-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
