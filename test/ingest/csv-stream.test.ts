import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { rowFeeder, streamCsv } from '../../src/ingest/csv-stream.js';
import type { RawRow } from '../../src/ingest/table.js';
import { tempDir } from '../helpers/cli.js';

/** Streams `bytes` from a file; every pass's rows, so a restart shows as two passes. */
async function passes(bytes: Buffer | string): Promise<{ encoding: string; passes: RawRow[][] }> {
  const file = join(tempDir(), 'big.csv');
  writeFileSync(file, bytes);
  const seen: RawRow[][] = [];
  const { encoding } = await streamCsv(file, 'big.csv', () => {
    const rows: RawRow[] = [];
    seen.push(rows);
    return rowFeeder((r) => rows.push(r));
  });
  return { encoding, passes: seen };
}

/** More than the 64 KB the encoding and delimiter are guessed from. */
const asciiRows = Array.from({ length: 3000 }, (_, i) => `row${i},${i},"quoted, ${i}"`).join('\n');

describe('streamCsv', () => {
  it('reads a plain file in one pass with the scanner, rows numbered from 1 and empty cells as null', async () => {
    const r = await passes(`a,b,c\n${asciiRows}\nx,,z\n`);
    expect(r.passes).toHaveLength(1);
    const rows = r.passes[0]!;
    expect(rows).toHaveLength(3002);
    expect(rows[1]).toEqual({ row: 2, cells: ['row0', '0', 'quoted, 0'] });
    expect(rows.at(-1)).toEqual({ row: 3002, cells: ['x', null, 'z'] });
    expect(r.encoding).toBe('UTF-8');
  });

  it('starts again as GB18030 when a byte past the first chunk is not UTF-8, counting no row twice', async () => {
    const r = await passes(
      Buffer.concat([Buffer.from(`a,b,c\n${asciiRows}\n`), iconv.encode('长沙,株洲,湘潭\n', 'gbk')]),
    );
    expect(r.passes).toHaveLength(2);
    expect(r.encoding).toBe('GBK/GB18030');
    expect(r.passes[1]).toHaveLength(3002);
    expect(r.passes[1]!.at(-1)?.cells).toEqual(['长沙', '株洲', '湘潭']);
  });

  it('hands a file the scanner is unsure of to csv-parse, and gets the same rows', async () => {
    const text = `"a\nb",c\n${asciiRows}\n`;
    const r = await passes(text);
    expect(r.passes).toHaveLength(2);
    expect(r.passes[1]!.map((x) => x.cells.map((c) => c ?? ''))).toEqual(parse(text, { relax_column_count: true }));
  });

  it('words a quote never closed far into the file, at its row', async () => {
    await expect(passes(`a,b,c\n${asciiRows}\nx,"y,w\n`)).rejects.toMatchObject({
      code: 'input.csv.malformed',
      message: expect.stringContaining('第 3002 行附近'),
    });
  });
});

describe('streamCsv and line breaks', () => {
  it('reads mixed line breaks (a \\r\\n header, rows ending in all three, past the first 1 MB chunk) as the in-memory reader does', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `row${i},${i},${'x'.repeat(20)}`);
    const text = `a,b,c\r\n${rows.map((r, i) => r + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r')).join('')}`;
    const r = await passes(text);
    expect(r.passes).toHaveLength(1);
    expect(r.passes[0]).toHaveLength(40_001);
    expect(r.passes[0]!.every((x) => x.cells.length === 3)).toBe(true);
    expect(r.passes[0]!.at(-1)).toEqual({ row: 40_001, cells: ['row39999', '39999', 'x'.repeat(20)] });
  });
});

describe('streamCsv and Excel text formulas', () => {
  it('reads ="02" (quoted or not) as 02, as the in-memory reader does', async () => {
    const r = await passes(`a,b\n${asciiRows}\n="02","=""08"""\n`);
    expect(r.passes.at(-1)!.at(-1)?.cells).toEqual(['02', '08']);
  });
});
