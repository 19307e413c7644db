#!/usr/bin/env node
// Compiles dist/ (tsc, then the esbuild bundle) unless it was compiled from exactly the
// current inputs. Used by npm's prepare, the README commands' setup and the test suite's
// global setup. Why a recorded fingerprint instead of comparing times: tsc is incremental
// and does not rewrite an unchanged output file, so dist/ stays older than src/ after a
// compile and a time comparison compiled again on every test run (tsc's own no-op check
// alone costs 3-4 s on two cores, the bundle 1 s; `npm test` paid it three times).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint } from './fingerprint.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Everything dist/ is made from: the sources, the default templates (precompiled into the
// bundle), the build's configuration and scripts, and the locked dependencies (bundled in part).
const INPUTS = [
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
const RECORD = join(root, 'dist', '.inputs-sha256');
const BUNDLE_MARK = join(root, 'dist', 'bundle', 'code-identity.txt');

/** The fingerprint of everything dist/ is made from. */
const inputsFingerprint = () => fingerprint(root, INPUTS);

/** Whether dist/ was compiled from the current inputs (and the compile finished). */
function distIsCurrent(current = inputsFingerprint()) {
  if (!existsSync(RECORD) || !existsSync(BUNDLE_MARK)) return false;
  return readFileSync(RECORD, 'utf8').trim() === current;
}

/** Compiles dist/ when its inputs changed; `say` reports each step. Returns whether it compiled. */
export function compileIfChanged(say = () => {}) {
  const current = inputsFingerprint();
  if (distIsCurrent(current)) return false;
  // Removed first: a compile that stops half-way must not be taken as current if the inputs
  // are then changed back to what the old record describes.
  rmSync(RECORD, { force: true });
  const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  say('compiling TypeScript');
  run([join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
  // After tsc: bin/bulletin.js runs the bundle only when it is at least as new as dist/cli/.
  say('bundling the CLI (esbuild)');
  run([join(root, 'scripts', 'bundle.mjs')]);
  // Written last: an interrupted compile leaves no record and is done again next time.
  writeFileSync(RECORD, `${current}\n`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  compileIfChanged((msg) => process.stderr.write(`[compile] ${msg}\n`));
}
