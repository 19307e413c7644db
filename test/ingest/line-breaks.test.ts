import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/ingest/csv-reader.js';
import { lineBreakUnifier, unifyLineBreaks } from '../../src/ingest/line-breaks.js';

const cells = (text: string) => readCsv(Buffer.from(text), 'r.csv').rows.map((r) => r.cells);

describe('line breaks', () => {
  it('a header ending in \\r\\n above rows ending in \\n (or \\r) reads as Excel shows it: one row per line', () => {
    expect(cells('名称,数量\r\n甲,1\n乙,2\r丙,3\r\n')).toEqual([
      ['名称', '数量'],
      ['甲', '1'],
      ['乙', '2'],
      ['丙', '3'],
    ]);
  });

  it('a line break inside quotes stays in its cell, as \\n', () => {
    expect(cells('名称,说明\r\n甲,"第一行\r\n第二行"\n乙,x\n')).toEqual([
      ['名称', '说明'],
      ['甲', '第一行\n第二行'],
      ['乙', 'x'],
    ]);
  });

  it('over chunks: a \\r\\n cut between two chunks is one line break, not two', () => {
    const text = 'a\r\nb\rc\r\n\r\nd\r';
    for (let cut = 0; cut <= text.length; cut++) {
      const u = lineBreakUnifier();
      const out = u.write(text.slice(0, cut)) + u.write(text.slice(cut)) + u.end();
      expect(out, `cut at ${cut}`).toBe(unifyLineBreaks(text));
    }
    expect(unifyLineBreaks(text)).toBe('a\nb\nc\n\nd\n');
  });
});

describe('a quote never closed', () => {
  it('is placed at the row it opens in, not the last line csv-parse reached (nor twice that for \\r\\n)', () => {
    for (const nl of ['\n', '\r\n']) {
      const text = ['名称,数量', '甲,1', '"乙,2', '丙,3', '丁,4', ''].join(nl);
      expect(() => readCsv(Buffer.from(text), 'r.csv')).toThrow(/第 3 行附近/);
    }
  });
});

describe('Excel text formulas in a CSV (="02")', () => {
  it('read as the text Excel shows, quoted or not; more than one literal stays as written', () => {
    expect(cells('类别,型号,说明\n="02","=""08""","=""a""&""b"""\n="5"" 屏",12",="x\n')).toEqual([
      ['类别', '型号', '说明'],
      ['02', '08', '="a"&"b"'],
      ['5" 屏', '12"', '="x'],
    ]);
  });
});

describe('Excel text formulas, read once', () => {
  it('a cell whose text is itself ="x" after one reading keeps it (the scanner and csv-parse alike)', () => {
    // "=""=""""x""""""" is the text ="=""x""" : one reading gives ="x", not x.
    expect(cells('a\n"=""=""""x"""""""\n')).toEqual([['a'], ['="x"']]);
    expect(cells('a,b\n"=""=""""x""""""",y"z\n')).toEqual([
      ['a', 'b'],
      ['="x"', 'y"z'],
    ]);
  });
});
