import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { SampleBuildFinished, SampleBuildStarted } from './helpers/sample-build.js';

const root = join(import.meta.dirname, '..');
/** Longer than any sample build seen (10-40 s on two cores): past it, the build is stopped and reported. */
const LIMIT_MS = 300_000;

/**
 * The sample bulletin (2022Q3, every edition) built once per test run by the
 * real binary, in a temporary folder, and shared by the tests that read the
 * PDF, HTML and Word files (await sampleBuild()): a PDF build costs 10-40 s
 * on two cores, and they all read the same one. This is also the suite's
 * end-to-end build of bin/bulletin.js.
 *
 * It runs while the first test files do: waited for here, it kept one of the
 * two cores idle for the 5-10 s it takes. Its outcome is written to a file
 * when it ends (renamed into place, so never read half-written), which the
 * tests that need it wait for.
 */
export default function setup(project: TestProject): () => Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-sample-build-'));
  const cwd = join(dir, 'project');
  cpSync(join(root, 'data'), join(cwd, 'data'), { recursive: true });
  copyFileSync(join(root, 'bulletin.config.json'), join(cwd, 'bulletin.config.json'));
  const out = join(dir, 'out');
  const started: SampleBuildStarted = {
    out: join(out, '2022Q3'),
    cache: join(dir, 'layout-cache'),
    project: cwd,
    outcome: join(dir, 'outcome.json'),
  };
  const args = ['build', '--quarter', '2022Q3', '--format', 'pdf,html,docx', '--out', out, '--json'];
  const child = spawn(process.execPath, [join(root, 'bin', 'bulletin.js'), ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', BULLETIN_CACHE_DIR: started.cache },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
  let finished = false;
  const finish = (outcome: SampleBuildFinished) => {
    // A process that could not start may report both 'error' and 'close'.
    if (finished) return;
    finished = true;
    writeFileSync(`${started.outcome}.part`, JSON.stringify(outcome));
    renameSync(`${started.outcome}.part`, started.outcome);
  };
  const limit = setTimeout(() => child.kill('SIGTERM'), LIMIT_MS);
  const ended = new Promise<void>((resolve) => {
    child.on('error', (e) => {
      clearTimeout(limit);
      finish({ code: null, stdout, stderr: `could not start: ${e.message}` });
      resolve();
    });
    child.on('close', (code, signal) => {
      clearTimeout(limit);
      finish({ code, stdout, stderr: signal ? `${stderr}\nstopped by ${signal}` : stderr });
      resolve();
    });
  });
  project.provide('sampleBuild', started);
  return async () => {
    // A run of a few files may end before the build does: it is interrupted (it then closes its Chromium).
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    // It closes its Chromium on SIGTERM (test/cli/interrupts.test.ts); if that hangs, the run must not.
    const hung = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await ended;
    clearTimeout(hung);
    rmSync(dir, { recursive: true, force: true });
  };
}
