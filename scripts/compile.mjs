#!/usr/bin/env node
// Compiles dist/ (tsc, then the esbuild bundle) unless it was compiled from exactly the
// current inputs. Used by npm's prepare, the README commands' setup and the test suite's
// global setup; `npm run build` compiles with --always, whatever the record says, and records it. Why a recorded fingerprint instead of comparing times: tsc is incremental
// and does not rewrite an unchanged output file, so dist/ stays older than src/ after a
// compile and a time comparison compiled again on every test run (tsc's own no-op check
// alone costs 3-4 s on two cores, the bundle 1 s; `npm test` paid it three times).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint } from './fingerprint.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// Everything dist/ is made from: the sources, the default templates (precompiled into the
// bundle), the build's configuration and scripts, and the locked dependencies (bundled in part).
export const INPUTS = [
  'src',
  'templates',
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
  'scripts/compile.mjs',
  'scripts/fingerprint.mjs',
  'scripts/bundle.mjs',
  'scripts/precompile-templates.mjs',
  'scripts/code-identity.mjs',
];
// Inside dist/, so that a removed dist/ is compiled afresh; left out of the package.
const record = (root) => join(root, 'dist', '.inputs-sha256');
const bundleMark = (root) => join(root, 'dist', 'bundle', 'code-identity.txt');

/** Whether dist/ was compiled from the current inputs (and the compile finished). */
function distIsCurrent(root, current) {
  if (!existsSync(record(root)) || !existsSync(bundleMark(root))) return false;
  return readFileSync(record(root), 'utf8').trim() === current;
}

/** Runs a Node script of the project, its output shown. */
const nodeRun = (root) => (args) =>
  execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

/**
 * Compiles dist/ when its inputs changed, or always (`npm run build`, which then records what
 * it compiled, so the next `npm test` does not compile again); `say` reports each step.
 * Returns whether it compiled. `root` and `run` are the tests' (test/scripts/compile.test.ts).
 */
export function compileIfChanged(say = () => {}, { always = false, root = ROOT, run = nodeRun(root) } = {}) {
  const current = fingerprint(root, INPUTS);
  if (!always && distIsCurrent(root, current)) return false;
  // Removed first: a compile that stops half-way must not be taken as current if the inputs
  // are then changed back to what the old record describes.
  rmSync(record(root), { force: true });
  say('compiling TypeScript');
  run([join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
  // After tsc: bin/bulletin.js runs the bundle only when it is at least as new as dist/cli/.
  say('bundling the CLI (esbuild)');
  run([join(root, 'scripts', 'bundle.mjs')]);
  // Written last: an interrupted compile leaves no record and is done again next time.
  writeFileSync(record(root), `${current}\n`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const always = process.argv.includes('--always');
  compileIfChanged((msg) => process.stderr.write(`[compile] ${msg}\n`), { always });
}
