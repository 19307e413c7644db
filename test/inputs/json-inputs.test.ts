import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulletinError } from '../../src/model/errors.js';
import { parseJsonBytes } from '../../src/model/schema.js';
import { loadConfig } from '../../src/config/config.js';
import { tempDir } from '../helpers/cli.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('JSON inputs: UTF-8 with or without BOM, nothing else', () => {
  it('accepts a configuration saved with a BOM (Windows Notepad) and reads maxQuantity', async () => {
    const dir = tempDir();
    const json = JSON.stringify({ province: '湖南省', maxQuantity: 5000 });
    writeFileSync(join(dir, 'bulletin.config.json'), Buffer.concat([BOM, Buffer.from(json)]));
    const c = await loadConfig(undefined, dir);
    expect(c.province).toBe('湖南省');
    expect(c.maxQuantity).toBe(5000);
  });

  it('refuses a GBK configuration with a Chinese message saying to save it as UTF-8 (exit 2)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bulletin.config.json'), iconv.encode(JSON.stringify({ province: '湖南省' }), 'gbk'));
    const e = await loadConfig(undefined, dir).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BulletinError);
    expect((e as BulletinError).code).toBe('config.encoding');
    expect((e as BulletinError).kind).toBe('config');
    expect((e as BulletinError).message).toContain('不是 UTF-8 编码');
    expect((e as BulletinError).hint).toContain('UTF-8');
  });

  it('tells encoding from syntax', () => {
    expect(parseJsonBytes(Buffer.concat([BOM, Buffer.from('{"a":"中"}')]))).toEqual({ ok: true, value: { a: '中' } });
    expect(parseJsonBytes(iconv.encode('{"a":"中"}', 'gbk'))).toMatchObject({ ok: false, reason: 'encoding' });
    expect(parseJsonBytes(iconv.encode('{"a":1}', 'utf-16le'))).toMatchObject({ ok: false, reason: 'encoding' });
    expect(parseJsonBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('{}', 'utf-16le')]))).toMatchObject({
      ok: false,
      reason: 'encoding',
    });
    expect(parseJsonBytes(Buffer.from('{"a":1,}'))).toMatchObject({ ok: false, reason: 'syntax' });
  });
});
