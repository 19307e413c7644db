import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulletinError } from '../../src/model/errors.js';
import { DEFAULT_CONFIG, loadConfig } from '../../src/config/config.js';
import { homeProvince } from '../../src/inputs/load-quarter.js';
import { tempDir } from '../helpers/cli.js';
import { reference } from '../helpers/reference.js';

describe('loadConfig', () => {
  it('uses defaults when there is no config file', async () => {
    expect(await loadConfig(undefined, tempDir())).toEqual(DEFAULT_CONFIG);
  });

  it('reads bulletin.config.json from the working directory', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'bulletin.config.json'),
      JSON.stringify({ province: '广东省', bulletinName: '广东缺陷产品召回' }),
    );
    expect(await loadConfig(undefined, dir)).toMatchObject({ province: '广东省', bulletinName: '广东缺陷产品召回' });
  });

  it('rejects unknown settings with the list of valid ones', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ provence: '湖南' }));
    const err = await loadConfig('c.json', dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulletinError);
    expect((err as BulletinError).kind).toBe('config');
    expect((err as BulletinError).hint).toContain('province');
  });

  it('fails clearly when an explicit config file is missing', async () => {
    await expect(loadConfig('nope.json', tempDir())).rejects.toThrow(/配置文件 .*nope\.json 无法读取/);
  });

  it('resolves the home province by name, short name or code', async () => {
    const ref = await reference();
    for (const p of ['湖南省', '湖南', '430000'])
      expect(homeProvince(ref, { ...DEFAULT_CONFIG, province: p }).code).toBe('430000');
    expect(() => homeProvince(ref, { ...DEFAULT_CONFIG, province: '火星省' })).toThrow(/火星省/);
  });
});
