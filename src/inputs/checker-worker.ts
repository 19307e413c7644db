/**
 * The worker side of checker-thread.ts: one RecordsChecker fed CSV batches
 * (text and cell offsets) in file order; acknowledges each batch (the
 * reader's backpressure) and answers 'finish' with the result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { rowFeeder } from '../ingest/csv-stream.js';
import type { CellBatch } from '../ingest/csv-scan.js';
import { RecordsChecker } from '../validate/records-checker.js';

type Args = ConstructorParameters<typeof RecordsChecker>;
const { source, ctx, opts } = workerData as { source: Args[0]; ctx: Args[1]; opts: Args[2] };
const checker = new RecordsChecker(source, ctx, opts);
const feed = rowFeeder((r) => checker.push(r));

parentPort?.on('message', (m: CellBatch | 'finish') => {
  if (m === 'finish') {
    parentPort?.postMessage({ result: checker.finish() });
    return;
  }
  feed(m);
  parentPort?.postMessage('ack');
});
