import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvScanner, CsvNeedsFullParser } from '../../src/ingest/csv-scan.js';

const OPTIONS = { relax_column_count: true, skip_empty_lines: false, trim: false } as const;

/** The scanner's records for `text` fed in pieces cut at `cuts`, or 'parser' when it hands over. */
function scan(text: string, delimiter: string, cuts: number[] = []): string[][] | 'parser' {
  const out: string[][] = [];
  const s = csvScanner(delimiter, (cells) => out.push(cells));
  try {
    let from = 0;
    for (const at of [...cuts.filter((c) => c > 0 && c < text.length)].sort((a, b) => a - b)) {
      s.push(text.slice(from, at));
      from = at;
    }
    s.push(text.slice(from));
    s.end();
    return out;
  } catch (e) {
    if (e instanceof CsvNeedsFullParser) return 'parser';
    throw e;
  }
}

function reference(text: string, delimiter: string): string[][] | 'error' {
  try {
    return parse(text, { ...OPTIONS, delimiter }) as string[][];
  } catch {
    return 'error';
  }
}

describe('csvScanner', () => {
  it('splits plain rows, keeps empty lines and empty cells, and needs no final line break', () => {
    expect(scan('a,b\n\nc,\n', ',')).toEqual([['a', 'b'], [''], ['c', '']]);
    expect(scan('a,b\r\nc', ',')).toEqual([['a', 'b'], ['c']]);
    expect(scan('', ',')).toEqual([]);
  });

  it('reads quoted cells with delimiters, doubled quotes and line breaks, across chunk boundaries', () => {
    const text = 'h\r\nx,"a,""b""\r\nc",y\r\n"",z\r\n';
    const want = [['h'], ['x', 'a,"b"\r\nc', 'y'], ['', 'z']];
    for (let cut = 0; cut <= text.length; cut++) expect(scan(text, ',', [cut]), `cut at ${cut}`).toEqual(want);
  });

  it('uses the first line break as the record delimiter for the whole file, as csv-parse does', () => {
    expect(scan('a\nb\r\nc\n', ',')).toEqual([['a'], ['b\r'], ['c']]);
    expect(scan('a\r\nb\nc\r\n', ',')).toEqual([['a'], ['b\nc']]);
  });

  it('hands anything doubtful to the full parser: stray, unclosed or trailing quotes', () => {
    // The last: csv-parse's choice of line break when the first one is quoted is not ours to guess.
    for (const t of ['a"b,c\n', '"a" ,b\n', 'a,"b\n', '"a\nb",c\nd\n']) expect(scan(t, ','), t).toBe('parser');
  });

  it('gives exactly what csv-parse gives, or hands over, on any text cut anywhere', () => {
    const chars = fc.constantFrom('a', '中', ',', ';', '"', '\n', '\r', ' ');
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 40 }).map((cs) => cs.join('')),
        fc.constantFrom(',', ';', '\t'),
        fc.array(fc.nat(40), { maxLength: 4 }),
        (text, delimiter, cuts) => {
          const got = scan(text, delimiter, cuts);
          const want = reference(text, delimiter);
          if (want === 'error') expect(got).toBe('parser');
          else if (got !== 'parser') expect(got).toEqual(want);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('hands over rarely on realistic exports (quoted cells, CRLF): the fast path is the usual one', () => {
    const rows = Array.from(
      { length: 200 },
      (_, i) => `2022-08-${(i % 28) + 1},"湖南某某""有限""公司${i}",${i % 2 ? '"多行\n描述"' : '描述'},${i}`,
    );
    const text = `发布日期,生产者,缺陷描述,召回数量\r\n${rows.join('\r\n')}\r\n`;
    expect(scan(text, ',', [1000, 5000])).toEqual(parse(text, { ...OPTIONS, delimiter: ',' }));
  });
});
