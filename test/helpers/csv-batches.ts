import { csvCells, type CellBatch } from '../../src/ingest/csv-scan.js';

/** A CSV text as the batches the reading thread would send, read in chunks of `size` characters. */
export function csvBatches(text: string, size: number): CellBatch[] {
  const out: CellBatch[] = [];
  const s = csvCells(',', (b) => out.push(b));
  for (let i = 0; i < text.length; i += size) s.push(text.slice(i, i + size));
  s.end();
  return out;
}
