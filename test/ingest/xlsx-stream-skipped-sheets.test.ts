/**
 * A workbook whose sheets are stored before the shared strings (as Excel writes it). exceljs's
 * streaming reader (unzipper underneath) parked such sheets in temp files, and while it waited for
 * a temp file to be written, the zip parser could finish and announce its end with entries not yet
 * handed over: the sheets after it (and the shared strings) were silently dropped, so a sheet read
 * as empty (the stream-equals-memory property test's failure with seed -42716194, exceljs#3064).
 * Here the file system is made slow for files in the temp folder, which made that happen every
 * time; the reader must give every sheet whole, and open no temp file at all.
 */
import fs, { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { sheetNamed, type RawRow } from '../../src/ingest/table.js';
import { streamXlsx } from '../../src/ingest/xlsx-stream.js';
import { tempDir } from '../helpers/cli.js';
import { rawXlsx, type RawSheet } from '../helpers/raw-xlsx.js';

const sheet = (name: string, value: string): RawSheet => ({
  name,
  hidden: false,
  rows: [
    { r: 1, cells: [{ t: 'shared', v: value }] },
    { r: 2, cells: [{ t: 'number', v: 7 }] },
  ],
  merges: [],
});

const realOpen = fs.open;
afterEach(() => {
  fs.open = realOpen;
});

/** Files opened in the temp folder; each open there answers only after many turns of the event loop. */
function slowTempFolder(): string[] {
  const opened: string[] = [];
  const tmp = tmpdir();
  fs.open = ((path: fs.PathLike, ...rest: unknown[]) => {
    const callback = rest.pop() as (...a: unknown[]) => void;
    if (!String(path).startsWith(`${tmp}/tmp-`)) return realOpen(path, ...(rest as []), callback as never);
    opened.push(String(path));
    return realOpen(path, ...(rest as []), (async (...answer: unknown[]) => {
      for (let i = 0; i < 200; i++) await turn();
      callback(...answer);
    }) as never);
  }) as typeof fs.open;
  return opened;
}

async function rowsOf(path: string, name: string): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  const read = await streamXlsx(path, null, 'w.xlsx', (row) => rows.push(row), sheetNamed(name));
  expect(read.sheet).toBe(name);
  return rows;
}

describe('streaming a workbook whose sheets come before the shared strings', () => {
  it('gives every sheet whole however slowly the temp folder answers, and uses no temp file', async () => {
    const path = join(tempDir(), 'w.xlsx');
    writeFileSync(path, rawXlsx([sheet('一', 'a'), sheet('二', 'b'), sheet('三', 'c')]));
    const opened = slowTempFolder();
    for (const [name, value] of [
      ['一', 'a'],
      ['二', 'b'],
      ['三', 'c'],
    ] as const) {
      expect(await rowsOf(path, name), name).toEqual([
        { row: 1, cells: [value] },
        { row: 2, cells: [7] },
      ]);
    }
    expect(opened).toEqual([]);
  });

  it('reads the last of several sheets again and again, and nothing fails behind it', async () => {
    const path = join(tempDir(), 'w.xlsx');
    writeFileSync(path, rawXlsx([sheet('一', 'a'), sheet('二', 'b'), sheet('三', 'c')]));
    for (let i = 0; i < 10; i++)
      expect(await rowsOf(path, '三')).toEqual([
        { row: 1, cells: ['c'] },
        { row: 2, cells: [7] },
      ]);
    // File system callbacks of the sheets passed over would fail here, uncaught, if any were left.
    for (let i = 0; i < 20; i++) await turn();
  });
});
