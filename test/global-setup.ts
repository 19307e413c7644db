import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/**
 * The end-to-end tests run bin/bulletin.js, which loads dist/: compile it from
 * the current sources and bundle it as the package ships it (bin prefers the
 * bundle), unless dist/ was compiled from exactly these inputs (npm test's setup
 * has just done it; scripts/compile.mjs keeps their fingerprint).
 *
 * Every temporary folder of the run (the tests' projects and outputs, the
 * CLIs' and Chromium's run folders) goes in one folder, removed at the end:
 * the workers and the processes they start inherit TMPDIR. A run left about
 * 180 MB in /tmp before. Both projects run this setup, and a project's
 * teardown comes when its own tests end, while the other's may still run:
 * the folder is made by the first setup and removed by the last teardown.
 */
export default function setup(): () => void {
  execFileSync(process.execPath, [join(root, 'scripts', 'compile.mjs')], { cwd: root, stdio: 'inherit' });
  const env = process.env;
  if (!env.BULLETIN_SUITE_TMP) {
    env.BULLETIN_SUITE_TMP = mkdtempSync(join(tmpdir(), 'bulletin-suite-'));
    env.BULLETIN_SUITE_TMP_BEFORE = env.TMPDIR ?? '';
    env.TMPDIR = env.BULLETIN_SUITE_TMP;
  }
  env.BULLETIN_SUITE_USERS = String(Number(env.BULLETIN_SUITE_USERS ?? 0) + 1);
  return () => {
    env.BULLETIN_SUITE_USERS = String(Number(env.BULLETIN_SUITE_USERS) - 1);
    if (env.BULLETIN_SUITE_USERS !== '0') return;
    const dir = env.BULLETIN_SUITE_TMP as string;
    if (env.BULLETIN_SUITE_TMP_BEFORE) env.TMPDIR = env.BULLETIN_SUITE_TMP_BEFORE;
    else delete env.TMPDIR;
    for (const name of ['BULLETIN_SUITE_TMP', 'BULLETIN_SUITE_TMP_BEFORE', 'BULLETIN_SUITE_USERS']) delete env[name];
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
}
