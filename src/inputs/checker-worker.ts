/**
 * The worker side of checker-thread.ts: one RecordsChecker fed CSV batches
 * (text and cell offsets) in file order, tallying the accepted records when
 * asked; acknowledges each batch (the reader's backpressure) and answers
 * 'finish' with the result. The accepted records' manufacturers go back with
 * each acknowledgement, to be counted on the reading thread (NameCounter).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CellBatch } from '../ingest/csv-scan.js';
import { NameOutbox } from './handed-names.js';
import { plainFeeder } from '../validate/plain-rows.js';
import { talliedChecker } from './tallied-checker.js';

type Args = Parameters<typeof talliedChecker>;
const { source, ctx, opts } = workerData as { source: Args[0]; ctx: Args[1]; opts: Args[2] };

/** The current batch's accepted manufacturers and their region slots; counted by the other thread. */
const names = new NameOutbox();
const { checker, finish } = talliedChecker(source, ctx, opts, names);
const feed = plainFeeder(checker);

parentPort?.on('message', (m: CellBatch | 'finish') => {
  if (m === 'finish') {
    // The tallies cross once, copied: the strings they keep (typical cases) no longer hold the reader's chunks.
    parentPort?.postMessage({ result: finish() });
    return;
  }
  feed(m);
  const ack = names.take();
  parentPort?.postMessage(ack, [ack.chars.buffer, ack.ends.buffer, ack.slots.buffer] as ArrayBuffer[]);
});
