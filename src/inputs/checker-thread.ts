/**
 * Checking a large CSV file's rows on a second thread while this one reads,
 * decodes and splits it: on a million-row CSV the checks take about two
 * thirds of the time, so two cores finish in about two thirds of the time.
 * CSV records cross as one string and a transferable array of offsets per
 * chunk (cloning a million small arrays instead cost 1.5 s); at most a few
 * messages are in flight, so memory stays flat however fast the reader is.
 * The checking thread is the slower one: the distinct manufacturers of the
 * accepted records come back with each acknowledgement and are counted here.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { CellBatch } from '../ingest/csv-scan.js';
import type { RawRow } from '../ingest/table.js';
import { BulletinError } from '../model/errors.js';
import type { RecordsChecker, RecordsContext } from '../validate/records-checker.js';
import { countManufacturers, foldedNames } from '../aggregate/stats-accumulator.js';
import { countHanded, type HandedNames } from './handed-names.js';
import { plainFeeder } from '../validate/plain-rows.js';
import { talliedChecker, type CheckedRecords, type HoldOptions } from './tallied-checker.js';

export interface BatchChecker {
  batch(b: CellBatch): void;
  /** Resolves when the checker has caught up enough for the reader to go on. */
  pause(): Promise<void>;
  finish(): Promise<CheckedRecords>;
  /** Stops it without a result (the reader is starting the file over, or failed). */
  close(): void;
}

type Source = ConstructorParameters<typeof RecordsChecker>[0];

const AHEAD = 4;

function startWorker(script: URL, workerData: unknown): Worker {
  // A small young generation: the checks make short-lived garbage, and the default let a million-row
  // check peak at 253 MB instead of 210 MB (no slower). The old generation gets this thread's limit.
  const maxOldGenerationSizeMb = Math.ceil(getHeapStatistics().heap_size_limit / 2 ** 20);
  return new Worker(script, { workerData, resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb } });
}

/** On this thread; also takes rows one at a time (a workbook's). */
export function localChecker(
  source: Source,
  ctx: RecordsContext,
  opts: HoldOptions,
): BatchChecker & { row(r: RawRow): void } {
  const { checker, finish } = talliedChecker(source, ctx, opts);
  const feed = plainFeeder(checker);
  return {
    batch: feed,
    row: (r) => checker.push(r),
    pause: async () => undefined,
    finish: async () => finish(),
    close: () => undefined,
  };
}

/** A checker on a worker thread; null where the compiled worker is not there (running from sources). */
export function threadChecker(source: Source, ctx: RecordsContext, opts: HoldOptions): BatchChecker | null {
  const script = new URL('./checker-worker.js', import.meta.url);
  if (script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) return null;
  const worker = startWorker(script, { source, ctx, opts });
  let inFlight = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let settle: { resolve: (r: CheckedRecords) => void; reject: (e: Error) => void } | null = null;
  // Manufacturers are counted here, where reading leaves time to spare (about a second of a million names).
  const names = foldedNames();
  worker.on('message', (m: HandedNames | { result: CheckedRecords }) => {
    if ('slots' in m) {
      inFlight--;
      countHanded(m, names);
    } else {
      // Every acknowledgement came before the result (one port, in order): every name is counted.
      if (m.result.tallies) countManufacturers(m.result.tallies, names);
      settle?.resolve(m.result);
    }
    wake?.();
  });
  const fail = (e: Error) => {
    failure ??= new BulletinError(
      'internal.checker-thread',
      'internal',
      `检查召回记录的后台线程意外停止：${e.message}`,
      '如果提示内存不足（文件极大），可设置 NODE_OPTIONS=--max-old-space-size=4096 后重试；否则请把这条信息和所用的命令报告给维护者。',
      { cause: e },
    );
    settle?.reject(failure);
    wake?.();
  };
  worker.on('error', fail);
  // Exiting before answering (killed, out of memory) must not leave the build waiting.
  worker.on('exit', (code) => fail(new Error(`退出码 ${code}`)));
  return {
    batch(b) {
      worker.postMessage(b, [b.cells.buffer as ArrayBuffer]);
      inFlight++;
    },
    async pause() {
      while (inFlight > AHEAD && !failure) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
    },
    async finish() {
      try {
        return await new Promise<CheckedRecords>((resolve, reject) => {
          if (failure) return reject(failure);
          settle = { resolve, reject };
          worker.postMessage('finish');
        });
      } finally {
        void worker.terminate();
      }
    },
    close() {
      void worker.terminate();
    },
  };
}
