/**
 * bulletin build: one quarter or many. Owns the printer: Chromium is
 * launched first, so it starts while the rest of the build is loaded.
 */
import { join } from 'node:path';
import { durationText } from '../model/chinese.js';
import { quarterId, type Quarter } from '../model/quarter.js';
import { BulletinError, isBulletinError } from '../model/errors.js';
import type { Printer } from '../render/browser.js';
import { leftoverWarnings, type Leftover } from '../render/leftovers.js';
import { bounded, DeadlineExceeded } from '../render/deadline.js';
import type { BuildOptions, BuildResult } from './build-options.js';
import type { ProgressListener } from '../model/progress.js';
import { checkOutputFolder } from '../outputs/write-outputs.js';
import { browserChoices } from '../config/resolve-options.js';
import { isNoData, locateQuarter } from '../inputs/locate-inputs.js';

export type { BuildOptions, BuildResult, OutputFormat } from './build-options.js';

/**
 * Loaded only for a PDF. The printer starts Chromium before it loads puppeteer-core (about
 * 0.1 s of its protocol half, render/chromium.ts), which an HTML build never loads: it
 * would be a sixth of an HTML build of a million records (BENCHMARKS.md, round six).
 */
const newPrinter = async (opts: Omit<BuildOptions, 'quarter'>): Promise<Printer> =>
  (await import('../render/browser.js')).createPrinter({
    // The library's caller may give none: then the configuration's, as resolveOptions would choose.
    browsers: opts.browsers ?? browserChoices(undefined, opts.env ?? {}, opts.config, opts.cwd),
    timeoutMs: opts.timeoutMs,
    env: opts.env,
    tempRoot: opts.tempDir,
    launcher: opts.launcher,
  });

/** A failed build's error, with what its printer left behind among its findings. */
function withLeftovers(e: unknown, left: readonly Leftover[]): unknown {
  // An internal error is a bug, reported as it is: it carries no findings.
  if (left.length === 0 || !isBulletinError(e)) return e;
  const findings = [...e.findings, ...leftoverWarnings(left)];
  return new BulletinError(e.code, e.kind, e.message, e.hint, { cause: e.cause, findings });
}

function withLeftoverWarnings(r: BuildResult, left: readonly Leftover[]): BuildResult {
  return left.length === 0 ? r : { ...r, issues: [...r.issues, ...leftoverWarnings(left)] };
}

function buildTimedOut(ms: number, cause: unknown): BulletinError {
  return new BulletinError(
    'build.timeout',
    'browser',
    `生成公报用了 ${durationText(ms)}仍未完成，已停止（浏览器已关闭）。`,
    '输出文件夹保持原样。请重试；若数据确实很大，可用 --timeout 加长时限（整个生成的时限是它的 20 倍）。',
    { cause },
  );
}

/**
 * Nothing waits forever: the build ends when it is done, when it is stopped
 * (signal) or at its time limit, whichever comes first. What it abandons sees
 * `stop` aborted (it writes nothing) and its browser closed by the caller.
 */
async function withinLimits<T>(opts: BuildOptions, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const limit = opts.buildTimeoutMs ?? 20 * (opts.timeoutMs ?? 60_000);
  const stop = new AbortController();
  try {
    return await bounded(run(stop.signal), limit, opts.signal);
  } catch (e) {
    stop.abort(e);
    throw e instanceof DeadlineExceeded ? buildTimedOut(limit, e) : e;
  }
}

export async function buildBulletin(
  opts: BuildOptions,
  onProgress: ProgressListener = () => undefined,
): Promise<BuildResult> {
  // A folder that cannot be written is found before any data is read or the browser starts.
  await checkOutputFolder(join(opts.outDir, quarterId(opts.quarter)));
  const printer = opts.formats.includes('pdf') ? (opts.printer ?? (await newPrinter(opts))) : null;
  // A printer of our own is closed as soon as the PDF is printed, while the outputs are written.
  let closing: Promise<Leftover[]> | null = null;
  const printed = () => void (closing ??= printer && !opts.printer ? printer.close() : Promise.resolve([]));
  let result: BuildResult;
  try {
    // Chromium starts while the data are read and laid out; not for a quarter with no data (one readdir says).
    if (printer && !isNoData(await locateQuarter(join(opts.dataDir, quarterId(opts.quarter))))) printer.warmUp();
    const { buildWith } = await import('./build-quarter.js');
    result = await withinLimits(opts, (signal) => buildWith({ ...opts, signal }, printer, onProgress, printed));
  } catch (e) {
    printed();
    throw withLeftovers(e, (await closing) ?? []);
  }
  printed();
  return withLeftoverWarnings(result, (await closing) ?? []);
}

/**
 * Builds the quarters on the shared printer, three at a time (one page each in the shared browser):
 * while one is printed, the others are read and laid out. On two cores, 8 quarters took 6.3 s one
 * at a time, 5.2 s two at a time, 4.9 s three, 5.0 s four. After a failure (a stalled browser, a
 * stop) no worker starts another quarter, and the quarters under way are stopped.
 */
async function buildEach(
  quarters: readonly Quarter[],
  opts: Omit<BuildOptions, 'quarter' | 'printer'> & { printer: Printer | undefined },
  onProgress: ProgressListener,
  parallel: number,
): Promise<{ results: BuildResult[]; failures: unknown[] }> {
  const results: BuildResult[] = new Array(quarters.length);
  const failures: unknown[] = [];
  let next = 0;
  const stopRest = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, stopRest.signal]) : stopRest.signal;
  const worker = async () => {
    for (let i = next++; i < quarters.length && failures.length === 0; i = next++) {
      try {
        results[i] = await buildBulletin({ ...opts, quarter: quarters[i] as Quarter, signal }, onProgress);
      } catch (error) {
        failures.push(error);
        stopRest.abort(failures[0]);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, quarters.length) }, worker));
  return { results, failures };
}

/**
 * Several quarters in one run (CI rebuilding every issue after a template
 * change): one browser for all of them, closed at the end whatever happens,
 * once every quarter has ended.
 */
export async function buildMany(
  quarters: readonly Quarter[],
  opts: Omit<BuildOptions, 'quarter' | 'printer'>,
  onProgress: ProgressListener = () => undefined,
  parallel = 3,
): Promise<BuildResult[]> {
  // A quarter named twice (2022Q3,2022q3) was built twice at once into one folder: a broken set.
  quarters = [...new Map(quarters.map((q) => [quarterId(q), q])).values()];
  for (const q of quarters) await checkOutputFolder(join(opts.outDir, quarterId(q)));
  // A quarter with no data is found before any is built: it stopped the run after the others of
  // its batch were written, with no results to say so.
  for (const q of quarters) {
    const located = await locateQuarter(join(opts.dataDir, quarterId(q)));
    if (isNoData(located)) throw located.error;
  }
  // Only PDF needs Chromium: HTML and Word editions are built without it.
  const printer = opts.formats.includes('pdf') ? await newPrinter(opts) : undefined;
  let built: { results: BuildResult[]; failures: unknown[] };
  try {
    printer?.warmUp();
    built = await buildEach(quarters, { ...opts, printer }, onProgress, parallel);
  } catch (e) {
    throw withLeftovers(e, (await printer?.close()) ?? []);
  }
  const left = (await printer?.close()) ?? [];
  if (built.failures.length > 0) throw withLeftovers(built.failures[0], left);
  // The shared browser's leftovers are the run's: said once, with the last quarter.
  return built.results.map((r, i) => (i === quarters.length - 1 ? withLeftoverWarnings(r, left) : r));
}
