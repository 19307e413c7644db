/**
 * A workbook whose sheets are stored before the shared strings (as Excel writes it): exceljs parks
 * each sheet in a temp file. The sheet asked for is read whole and alone, however many sheets come
 * before it, and nothing fails behind it once the read is over.
 */
import { writeFileSync } from 'node:fs';
import { setImmediate as turn } from 'node:timers/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sheetNamed, type RawRow } from '../../src/ingest/table.js';
import { streamXlsx } from '../../src/ingest/xlsx-stream.js';
import { tempDir } from '../helpers/cli.js';
import { rawXlsx, type RawSheet } from '../helpers/raw-xlsx.js';

const sheet = (name: string, value: string): RawSheet => ({
  name,
  hidden: false,
  rows: [{ r: 1, cells: [{ t: 'shared', v: value }] }],
  merges: [],
});

describe('streaming the last of several sheets', () => {
  it('reads it and leaves no temp file to fail behind it', async () => {
    const path = join(tempDir(), 'w.xlsx');
    writeFileSync(path, rawXlsx([sheet('一', 'a'), sheet('二', 'b'), sheet('三', 'c')]));
    for (let i = 0; i < 10; i++) {
      const rows: RawRow[] = [];
      const r = await streamXlsx(path, null, 'w.xlsx', (row) => rows.push(row), sheetNamed('三'));
      expect(r.sheet).toBe('三');
      expect(rows).toEqual([{ row: 1, cells: ['c'] }]);
    }
    // Let the file system callbacks of the sheets passed over run inside this test: a failure there is uncaught.
    for (let i = 0; i < 20; i++) await turn();
  });
});
