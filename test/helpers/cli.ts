import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run-cli.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'bulletin.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Default: a copy of the sample project (sampleProject()), never the repository itself. */
  cwd?: string;
  env?: Record<string, string>;
  /** Standard input; like a pipe that was closed, empty when absent. */
  input?: Buffer | string;
}

/** Layouts measured by this test run stay in it (not in the user's ~/.cache). */
const CACHE = mkdtempSync(join(tmpdir(), 'bulletin-test-cache-'));

let project: string | undefined;

/**
 * Before each test file (test/helpers/each-file.ts): test files share a worker
 * process, and one may change its project (preview.test.ts edits the
 * configuration), so the next file starts from a new copy.
 */
export function forgetSampleProject(): void {
  project = undefined;
}

/**
 * The bundled sample as a user's project (data/ and bulletin.config.json) in a
 * temporary folder, made once per test file. Commands run there, so no test
 * writes into the repository's out/ or finds its configuration by accident
 * (concurrent builds into the repository's out/ were read as archives by other tests).
 */
export function sampleProject(): string {
  if (project) return project;
  const dir = tempDir('bulletin-project-');
  cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
  copyFileSync(join(ROOT, 'bulletin.config.json'), join(dir, 'bulletin.config.json'));
  project = dir;
  return dir;
}

function environment(opts: CliOptions): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', BULLETIN_CACHE_DIR: CACHE, ...opts.env };
}

/**
 * Runs the command line in this process through runCli, with stdout, stderr,
 * cwd and environment given as a test CliIo: what the binary does, without
 * starting Node for each command (that was 95% of the suite's time).
 */
export async function bulletin(args: string[], opts: CliOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const input = opts.input;
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: opts.cwd ?? sampleProject(),
    env: environment(opts),
    isTty: false,
    readStdin: async () => (typeof input === 'string' ? Buffer.from(input) : (input ?? Buffer.alloc(0))),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/**
 * Runs the real binary (bin/bulletin.js, which loads dist/), as a user or CI
 * script would: for the end-to-end tests of what only a process shows (exit
 * status, signals, the environment Node itself reads, --version from the package).
 */
export function bulletinProcess(args: string[], opts: CliOptions = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? sampleProject(),
    encoding: 'utf8',
    env: environment(opts),
    input: opts.input,
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'bulletin-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
