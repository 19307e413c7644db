import { readFileSync } from 'node:fs';
import { readCsv } from '../../src/ingest/csv-reader.js';
import { computeStats } from '../../src/aggregate/compute-stats.js';
import type { QuarterStats } from '../../src/model/stats.js';
import type { RecallRecord } from '../../src/model/record.js';
import { validateRecords } from '../../src/validate/validate-records.js';
import { hunan } from './reference.js';

export const Q3 = { year: 2022, quarter: 3 } as const;

/** The seed's eight 2022Q3 recalls, read through the real CSV path. */
export async function sampleRecords(): Promise<RecallRecord[]> {
  const { ref, home } = await hunan();
  const table = readCsv(readFileSync('fixtures/sample-records/recalls-utf8.csv'), 'recalls-utf8.csv');
  const r = validateRecords(table, { ref, home, quarter: Q3 });
  if (r.issues.length) throw new Error(`sample fixture has issues: ${JSON.stringify(r.issues)}`);
  return r.records;
}

export async function sampleStats(records?: RecallRecord[]): Promise<QuarterStats> {
  const { ref, home } = await hunan();
  return computeStats(records ?? (await sampleRecords()), ref, home, Q3);
}
