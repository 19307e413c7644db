#!/usr/bin/env node
// npm test's static checks, Prettier, ESLint and the type-check, run side by
// side instead of one after another: they are independent, and on two cores
// that saves a few seconds of wall time. Each tool's output is printed whole when
// it ends (no interleaving); the exit code is non-zero when any of them failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint } from './fingerprint.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg, file) => join(root, 'node_modules', pkg, 'bin', file);
// Each keeps what it learnt in node_modules/.cache/ and looks again only at what changed since
// (by content, not time, so a fresh checkout's times do not matter): a rerun of npm test takes
// about 4 s here instead of 15. A fresh clone has no cache and checks everything.
const cache = join(root, 'node_modules', '.cache', 'bulletin-checks');
// tsc has no such cache: even incremental, it parses every declaration file it reads (210,000
// lines, 3-4 s) before it can tell that nothing changed. Its last pass is recorded instead, with
// the fingerprint of what it read: the sources and tests, its configuration, the locked
// dependencies (their types) and the compiler's own version.
const TSC_INPUTS = [
  'src',
  'test',
  'vitest.config.ts',
  'tsconfig.json',
  'package-lock.json',
  'node_modules/typescript/package.json',
];
const TSC_PASSED = join(cache, 'tsc.passed');
const CHECKS = [
  [
    'prettier',
    bin('prettier', 'prettier.cjs'),
    ['--check', '.', '--cache', '--cache-strategy', 'content', '--cache-location', join(cache, 'prettier')],
  ],
  [
    'eslint',
    bin('eslint', 'eslint.js'),
    ['src', '--cache', '--cache-strategy', 'content', '--cache-location', join(cache, 'eslint')],
  ],
  [
    'tsc',
    bin('typescript', 'tsc'),
    ['-p', 'tsconfig.json', '--noEmit', '--incremental', '--tsBuildInfoFile', join(cache, 'tsc.tsbuildinfo')],
    { passed: TSC_PASSED, inputs: TSC_INPUTS },
  ],
];

function run([name, script, args, record]) {
  const started = Date.now();
  const current = record ? fingerprint(root, record.inputs) : null;
  if (current && existsSync(record.passed) && readFileSync(record.passed, 'utf8').trim() === current)
    return { name, code: 0, output: 'unchanged since it last passed\n', ms: Date.now() - started };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => resolve({ name, code: 1, output: `${output}${e.message}\n`, ms: Date.now() - started }));
    child.on('close', (code) => {
      if (code === 0 && current) {
        mkdirSync(dirname(record.passed), { recursive: true });
        writeFileSync(record.passed, `${current}\n`);
      }
      resolve({ name, code: code ?? 1, output, ms: Date.now() - started });
    });
  });
}

const results = await Promise.all(CHECKS.map(run));
for (const r of results) {
  process.stdout.write(`[checks] ${r.name}: ${r.code === 0 ? 'ok' : `failed (exit ${r.code})`}, ${r.ms} ms\n`);
  if (r.output.trim() !== '') process.stdout.write(r.output.endsWith('\n') ? r.output : `${r.output}\n`);
}
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
