#!/usr/bin/env node
import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// V8's allocation-site pretenuring, after the scan of a sheet for merged ranges, put the rows
// of a large workbook straight into the old generation: 37 full collections instead of 3, and
// a 200,000-row workbook checked in 9.7 s instead of 5.7 s (BENCHMARKS.md, round four). CSV
// files and builds measured the same within noise. Set before anything is loaded.
setFlagsFromString('--no-allocation-site-pretenuring');

// The web edition's fonts are subset by HarfBuzz in WebAssembly (subset-font). V8 compiles its
// main function (150 kB of code) again with TurboFan in the background: 0.4-0.5 s of CPU and
// 60 MB, for subsets that Liftoff's code cuts in the same time. On two cores that compile ran
// beside Chromium's print, and a build without a PDF waited for it before exiting: a cold build
// of the sample 2.95 -> 2.73 s, an HTML build 1.1 -> 0.8 s (BENCHMARKS.md, round nine).
setFlagsFromString('--liftoff-only');

// dist/bundle/ (esbuild, scripts/bundle.mjs) starts faster than tsc's dist/cli/: a few
// files instead of hundreds. The package ships both and runs the bundle. In a checkout
// (src/ is there) the bundle runs only when it is at least as new as tsc's last output, so
// a `tsc -p tsconfig.build.json` alone never runs stale code. tsc compiles incrementally and
// rewrites only what changed, but always its record dist/.tsbuildinfo. (Not in an installed
// package: npm extracts files with the time of extraction, in no useful order.)
const mtime = (rel) => statSync(new URL(rel, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const bundle = mtime('../dist/bundle/run-cli.js');
const compiled = Math.max(mtime('../dist/.tsbuildinfo'), mtime('../dist/cli/run-cli.js'));
const useBundle = bundle >= (mtime('../src') < 0 ? 0 : compiled);
// A signal while the CLI loads (about 0.1 s) is noted, not left to Node's default: a CI job
// cancelled then would get an empty stdout instead of its --json document.
const early = [];
const noteEarly = (name) => early.push(name);
process.on('SIGINT', noteEarly).on('SIGTERM', noteEarly);
const cli = await import(useBundle ? '../dist/bundle/run-cli.js' : '../dist/cli/run-cli.js');
// A signal caught during the import is dispatched by the event loop's next turn: removed before
// that turn, the listeners would let it be dropped, and the run went on as if never signalled.
await new Promise((resolve) => setImmediate(resolve));
process.off('SIGINT', noteEarly).off('SIGTERM', noteEarly);
if (early.length > 0) process.exit(cli.stoppedWhileLoading(early[0], process.argv.slice(2)));
const { runCli } = cli;

// stdout's own write, taken before runCli sends stray writes to stderr (src/cli/io.ts).
const stdoutWrite = process.stdout.write.bind(process.stdout);
const code = await runCli(process.argv.slice(2));
// A stopped build has closed its browser and written nothing; work it abandoned
// (a check still running in a thread) must not keep the process alive.
if (code === 130 || code === 143) process.exit(code);
// Every command has finished its work when runCli returns (preview once its server is closed):
// what is still scheduled is someone else's, such as a setInterval in bulletin.config.js, which
// kept a CI job waiting for ever. The output already written is delivered, then the run ends.
const delivered = (write) => new Promise((resolve) => write('', () => resolve()));
await Promise.all([delivered(stdoutWrite), delivered(process.stderr.write.bind(process.stderr))]);
process.exit(code);
