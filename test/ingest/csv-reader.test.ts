import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCsv, sniffDelimiter } from '../../src/ingest/csv-reader.js';
import { BulletinError } from '../../src/model/errors.js';

describe('readCsv', () => {
  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    const csv = '生产者,缺陷描述,数量\r\n"甲公司,长沙","他说""有毛刺""\n第二行",1\r\n乙公司,无,2\r\n';
    const t = readCsv(Buffer.from(csv, 'utf8'), 'a.csv');
    expect(t.rows[1]?.cells).toEqual(['甲公司,长沙', '他说"有毛刺"\n第二行', '1']);
    expect(t.rows[2]?.cells).toEqual(['乙公司', '无', '2']);
  });

  it('numbers rows as Excel shows them: one row per record, blank lines included', () => {
    const csv = 'a,b\n\n"x\ny",1\nz,2\n';
    const t = readCsv(Buffer.from(csv, 'utf8'), 'a.csv');
    expect(t.rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    expect(t.rows[3]?.cells).toEqual(['z', '2']);
  });

  it('reports which encoding was used', () => {
    expect(readCsv(iconv.encode('市州\n长沙\n', 'gbk'), 'g.csv').encoding).toBe('GBK/GB18030');
    expect(readCsv(Buffer.from('\ufeff市州\n长沙\n', 'utf8'), 'u.csv').encoding).toBe('UTF-8（带 BOM）');
    expect(readCsv(Buffer.from('\ufeff市州\n长沙\n', 'utf8'), 'u.csv').rows[0]?.cells).toEqual(['市州']);
  });

  it('detects semicolon and tab delimiters', () => {
    expect(readCsv(Buffer.from('a;b\n1;2\n'), 's.csv').rows[1]?.cells).toEqual(['1', '2']);
    expect(readCsv(Buffer.from('a\tb\n1\t2\n'), 't.csv').rows[1]?.cells).toEqual(['1', '2']);
  });

  it('turns an unbalanced quote into a clear input error, not a stack trace', () => {
    let err: unknown;
    try {
      readCsv(Buffer.from('a,b\n"unterminated,1\n'), 'bad.csv');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BulletinError);
    expect((err as BulletinError).code).toBe('input.csv.malformed');
    expect((err as BulletinError).message).toContain('bad.csv');
    expect((err as BulletinError).hint).toContain('引号');
  });
});

describe('sniffDelimiter', () => {
  it('takes the delimiter the header splits by, not a title row’s comma above it', () => {
    expect(
      sniffDelimiter('湖南省召回记录,2022年第三季度\n发布日期\t生产者\t产品名称\t召回数量\n2022-08-15\t甲\t乙\t5\n'),
    ).toBe('\t');
    expect(sniffDelimiter('发布日期;生产者;产品名称\n2022-08-15;甲;乙\n')).toBe(';');
  });

  it('keeps the comma for a comma file, quoted commas and tabs inside cells not counted', () => {
    expect(sniffDelimiter('发布日期,生产者,产品名称\n2022-08-15,"甲\t乙\t丙\t丁",乙\n')).toBe(',');
    expect(sniffDelimiter('only one cell\n')).toBe(',');
  });
});
