import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/decode.js';

const TEXT = '产品类别,召回数量\n文教体育用品,70000\n';

describe('decodeText', () => {
  it('reads plain UTF-8', () => {
    expect(decodeText(Buffer.from(TEXT, 'utf8'))).toEqual({ ok: true, text: TEXT, encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM so the first header is clean', () => {
    const r = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]));
    expect(r).toEqual({ ok: true, text: TEXT, encoding: 'utf-8-bom' });
  });

  it('reads GBK after a UTF-8 BOM as GBK (as UTF-8 every character was U+FFFD)', () => {
    const r = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(TEXT, 'gbk')]));
    expect(r).toEqual({ ok: true, text: TEXT, encoding: 'gb18030' });
  });

  it('falls back to GB18030 for what Excel writes on Chinese Windows', () => {
    expect(decodeText(iconv.encode(TEXT, 'gbk'))).toEqual({ ok: true, text: TEXT, encoding: 'gb18030' });
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]);
    expect(decodeText(le)).toEqual({ ok: true, text: TEXT, encoding: 'utf-16le' });
  });
});

describe('decodeText refuses what is not one text encoding', () => {
  it('reads UTF-16 without a byte-order mark, and says it guessed', () => {
    expect(decodeText(iconv.encode(TEXT, 'utf-16le'))).toEqual({
      ok: true,
      text: TEXT,
      encoding: 'utf-16le',
      guessed: true,
    });
    // 一 (U+4E00) and 丁 (U+4E01) put zero bytes at the other parity too.
    const zeros = '序号,产品名称\n一,丁字尺\n';
    for (const enc of ['utf-16le', 'utf-16be'] as const)
      expect(decodeText(iconv.encode(zeros, enc))).toEqual({ ok: true, text: zeros, encoding: enc, guessed: true });
  });

  it('tells binary data from UTF-16 before any guess, even with zeros at one parity only', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i % 2 === 0 ? 0 : (i * 7919 + 13) % 256)));
    expect(decodeText(bytes)).toMatchObject({ ok: false, code: 'input.csv.binary' });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(decodeText(png)).toMatchObject({ ok: false, code: 'input.csv.binary' });
  });

  it('refuses binary data', () => {
    expect(decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01, 0x02]))).toMatchObject({
      ok: false,
      code: 'input.csv.binary',
    });
  });

  it('refuses a file that mixes UTF-8 and GBK lines, naming one line of each', () => {
    const mixed = Buffer.concat([Buffer.from('产品类别,数量\n', 'utf8'), iconv.encode('文教体育用品,5\n', 'gbk')]);
    expect(decodeText(mixed)).toEqual({
      ok: false,
      code: 'input.csv.mixed-encoding',
      detail: '第 1 行是 UTF-8，第 2 行是 GBK 等其他编码',
    });
  });
});
