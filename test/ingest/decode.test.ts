import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/decode.js';

const TEXT = '产品类别,召回数量\n文教体育用品,70000\n';

describe('decodeText', () => {
  it('reads plain UTF-8', () => {
    expect(decodeText(Buffer.from(TEXT, 'utf8'))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM so the first header is clean', () => {
    const r = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]));
    expect(r).toEqual({ text: TEXT, encoding: 'utf-8-bom' });
  });

  it('falls back to GB18030 for what Excel writes on Chinese Windows', () => {
    expect(decodeText(iconv.encode(TEXT, 'gbk'))).toEqual({ text: TEXT, encoding: 'gb18030' });
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]);
    expect(decodeText(le)).toEqual({ text: TEXT, encoding: 'utf-16le' });
  });
});
