import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RawRow } from '../../src/ingest/table.js';
import { readXlsx } from '../../src/ingest/xlsx-reader.js';
import { readXlsxLight } from '../../src/ingest/xlsx-light.js';
import { streamXlsx } from '../../src/ingest/xlsx-stream.js';
import { tempDir } from './cli.js';

/** The rows of a workbook as exceljs reads it in memory, after checking the light and streaming readers give the same. */
export async function rowsOfEveryReader(bytes: Buffer): Promise<RawRow[]> {
  const memory = await readXlsx(bytes, 'w.xlsx');
  const light = await readXlsxLight(bytes, 'w.xlsx');
  const path = join(tempDir(), 'w.xlsx');
  writeFileSync(path, bytes);
  const streamed: RawRow[] = [];
  await streamXlsx(path, null, 'w.xlsx', (r) => streamed.push(r));
  expect(light).not.toBeNull();
  expect(light!.rows).toStrictEqual(memory.rows);
  expect(streamed).toEqual(memory.rows);
  return memory.rows;
}

/** [row, marks] of the rows that have marks. */
export const marksOf = (rows: readonly RawRow[]) => rows.filter((r) => r.marks).map((r) => [r.row, r.marks]);
